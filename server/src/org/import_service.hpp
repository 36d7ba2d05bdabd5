#pragma once
// Excel import of people. The browser reads the workbook and sends its rows as text; the server checks every
// cell, previews the errors by row and column, commits all-or-nothing or only the valid rows in one
// transaction, and can undo the last import while nobody has changed its people.
#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "org/import_rows.hpp"
#include "org/import_store.hpp"

namespace xinhuo::org {

inline constexpr const char* kPermPeopleImport = "people.import";
inline constexpr int kMaxImportRows = 5000;

struct ImportPreview {
  int total = 0;
  int valid = 0;
  std::vector<RowError> errors;
};

struct ImportResult {
  long long import_id = 0;
  int created = 0;
  int skipped = 0;
  std::vector<RowError> errors;
};

class ImportService {
 public:
  ImportService(db::Database& db, const Clock& clock, const FieldCipher& cipher)
      : db_(db), store_(db), clock_(clock), cipher_(cipher) {}

  ImportPreview preview(const Principal& caller, const std::vector<ImportRow>& rows);
  // mode: "all_or_nothing" (any error: 422 and nothing written) or "skip_invalid".
  ImportResult commit(const Principal& caller, const std::vector<ImportRow>& rows, const std::string& mode);
  ImportBatch undo(const Principal& caller, long long import_id);
  std::string template_xlsx() const;

 private:
  struct Checked {
    std::vector<NewPerson> people;  // valid rows
    std::vector<RowError> errors;
    int invalid_rows = 0;
  };
  Checked check(const Principal& caller, const std::vector<ImportRow>& rows);
  void require(const Principal& caller) const;

  db::Database& db_;
  ImportStore store_;
  const Clock& clock_;
  const FieldCipher& cipher_;
};

}  // namespace xinhuo::org
