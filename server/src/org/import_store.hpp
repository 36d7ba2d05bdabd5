#pragma once
// The SQL of people imports.
#include <optional>
#include <string>
#include <vector>

#include "db/transaction.hpp"
#include "core/principal.hpp"
#include "org/events.hpp"
#include "org/import_rows.hpp"
#include "org/model.hpp"

namespace xinhuo::org {

struct ImportBatch {
  long long id = 0;
  long long account_id = 0;
  std::string username, mode, status, created_at;
  int rows_total = 0, rows_created = 0, rows_skipped = 0;
};

struct NewPerson {
  Person person;
  std::string id_card_sealed, id_card_hash, phone_sealed, phone_hash;
};

class ImportStore {
 public:
  explicit ImportStore(db::Database& db) : db_(db) {}

  // Units and branches by name inside the caller's scope: name → (id, path).
  using NamedNode = ImportNode;
  std::vector<NamedNode> nodes_in_scope(const Principal& caller);
  bool id_card_exists(const std::string& hash);

  static long long insert_batch(db::Tx& tx, const ImportBatch& batch, long long account_id);
  static long long insert_person(db::Tx& tx, const NewPerson& p, long long import_id, const std::string& now);
  // Where the people of a batch sit (before an undo removes them).
  static std::vector<std::pair<long long, PersonPlace>> places_of_import(db::Tx& tx, long long import_id);
  std::optional<ImportBatch> last_committed();
  std::optional<ImportBatch> batch(long long id);
  // People of the batch changed since the import (history rows) block an undo.
  static long long changed_people(db::Tx& tx, long long import_id);
  static long long delete_people(db::Tx& tx, long long import_id);
  static bool mark_undone(db::Tx& tx, long long import_id, const std::string& now);

 private:
  db::Database& db_;
};

}  // namespace xinhuo::org
