#include "org/import_store.hpp"

#include "db/query.hpp"

namespace xinhuo::org {

namespace {
const char* const kNodes = "SELECT n.id, n.path, n.name, n.node_type FROM org_node n WHERE n.status = 'active' "
                           "AND n.node_type IN ('unit', 'branch')";
const char* const kIdCardExists = "SELECT COUNT(*) FROM person WHERE id_card_hash = :h";
const char* const kInsertBatch =
    "INSERT INTO people_import (account_id, username, mode, rows_total, rows_created, rows_skipped, status, created_at) "
    "VALUES (:a, :u, :m, :t, :c, :s, 'committed', :now) RETURNING id";
const char* const kInsertPerson =
    "INSERT INTO person (name, gender, ethnicity, birth_date, native_place, education, degree, unit_id, branch_id, "
    "position, rank, work_start_date, party_status, party_joined_date, status, created_at, updated_at, "
    "id_card_sealed, id_card_hash, phone_sealed, phone_hash, import_id) VALUES (:name, :gender, :eth, :birth, :native, "
    ":edu, :deg, :unit, :branch, :pos, :rank, :work, :party, :joined, 'active', :now, :now2, :ics, :ich, :ps, :ph, :imp) "
    "RETURNING id";
const char* const kBatchColumns =
    "SELECT id, username, mode, status, created_at, rows_total, rows_created, rows_skipped, account_id FROM people_import";
const char* const kChangedPeople =
    "SELECT COUNT(*) FROM person_history h JOIN person p ON p.id = h.person_id WHERE p.import_id = :i";
const char* const kDeletePeople = "DELETE FROM person WHERE import_id = :i";
const char* const kPlacesOfImport =
    "SELECT id, unit_id, COALESCE(branch_id, 0), party_status, status FROM person WHERE import_id = :i ORDER BY id";
const char* const kMarkUndone =
    "UPDATE people_import SET status = 'undone', undone_at = :now WHERE id = :i AND status = 'committed'";

ImportBatch batch_from(const soci::row& r) {
  ImportBatch b;
  b.id = db::column_ll(r, 0);
  b.username = r.get<std::string>(1);
  b.mode = r.get<std::string>(2);
  b.status = r.get<std::string>(3);
  b.created_at = r.get<std::string>(4);
  b.rows_total = static_cast<int>(db::column_ll(r, 5));
  b.rows_created = static_cast<int>(db::column_ll(r, 6));
  b.rows_skipped = static_cast<int>(db::column_ll(r, 7));
  b.account_id = db::column_ll(r, 8);
  return b;
}
}  // namespace

std::vector<ImportStore::NamedNode> ImportStore::nodes_in_scope(const Principal& caller) {
  db::Query q(kNodes);
  Principal nodes_only = caller;
  nodes_only.scope.self = false;
  db::restrict_to_scope(q, nodes_only, "n.path", "", "n.id", "", "");
  std::vector<NamedNode> out;
  auto lease = db_.lease();
  q.each(lease.sql(), [&](const soci::row& r) {
    out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3)});
  });
  return out;
}

bool ImportStore::id_card_exists(const std::string& hash) {
  auto lease = db_.lease();
  long long n = 0;
  lease.sql() << kIdCardExists, soci::use(hash), soci::into(n);
  return n > 0;
}

long long ImportStore::insert_batch(db::Tx& tx, const ImportBatch& b, long long account_id) {
  long long id = 0;
  tx.sql() << kInsertBatch, soci::use(account_id), soci::use(b.username), soci::use(b.mode), soci::use(b.rows_total),
      soci::use(b.rows_created), soci::use(b.rows_skipped), soci::use(b.created_at), soci::into(id);
  return id;
}

long long ImportStore::insert_person(db::Tx& tx, const NewPerson& n, long long import_id, const std::string& now) {
  const Person& p = n.person;
  auto ind = [](const std::string& v) { return v.empty() ? soci::i_null : soci::i_ok; };
  soci::indicator i_native = ind(p.native_place), i_edu = ind(p.education), i_deg = ind(p.degree), i_pos = ind(p.position),
                  i_rank = ind(p.rank), i_work = ind(p.work_start_date), i_joined = ind(p.party_joined_date),
                  i_branch = p.branch_id ? soci::i_ok : soci::i_null, i_ics = ind(n.id_card_sealed), i_ich = ind(n.id_card_hash),
                  i_ps = ind(n.phone_sealed), i_ph = ind(n.phone_hash);
  long long branch = p.branch_id, id = 0;
  tx.sql() << kInsertPerson, soci::use(p.name), soci::use(p.gender), soci::use(p.ethnicity), soci::use(p.birth_date),
      soci::use(p.native_place, i_native), soci::use(p.education, i_edu), soci::use(p.degree, i_deg), soci::use(p.unit_id),
      soci::use(branch, i_branch), soci::use(p.position, i_pos), soci::use(p.rank, i_rank), soci::use(p.work_start_date, i_work),
      soci::use(p.party_status), soci::use(p.party_joined_date, i_joined), soci::use(now), soci::use(now),
      soci::use(n.id_card_sealed, i_ics), soci::use(n.id_card_hash, i_ich), soci::use(n.phone_sealed, i_ps),
      soci::use(n.phone_hash, i_ph), soci::use(import_id), soci::into(id);
  return id;
}

std::vector<std::pair<long long, PersonPlace>> ImportStore::places_of_import(db::Tx& tx, long long import_id) {
  std::vector<std::pair<long long, PersonPlace>> out;
  soci::rowset<soci::row> rows = (tx.sql().prepare << kPlacesOfImport, soci::use(import_id));
  for (const auto& r : rows)
    out.emplace_back(db::column_ll(r, 0), PersonPlace{db::column_ll(r, 1), db::column_ll(r, 2), r.get<std::string>(3),
                                                      r.get<std::string>(4)});
  return out;
}

std::optional<ImportBatch> ImportStore::last_committed() {
  auto lease = db_.lease();
  std::optional<ImportBatch> out;
  db::Query(std::string(kBatchColumns) + " WHERE status = 'committed' ORDER BY id DESC LIMIT 1")
      .each(lease.sql(), [&](const soci::row& r) { out = batch_from(r); });
  return out;
}

std::optional<ImportBatch> ImportStore::batch(long long id) {
  auto lease = db_.lease();
  std::optional<ImportBatch> out;
  db::Query(std::string(kBatchColumns) + " WHERE id = ").value(id).each(lease.sql(), [&](const soci::row& r) { out = batch_from(r); });
  return out;
}

long long ImportStore::changed_people(db::Tx& tx, long long import_id) {
  long long n = 0;
  tx.sql() << kChangedPeople, soci::use(import_id), soci::into(n);
  return n;
}

long long ImportStore::delete_people(db::Tx& tx, long long import_id) {
  soci::statement st = (tx.sql().prepare << kDeletePeople, soci::use(import_id));
  st.execute(true);
  return st.get_affected_rows();
}

bool ImportStore::mark_undone(db::Tx& tx, long long import_id, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kMarkUndone, soci::use(now), soci::use(import_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace xinhuo::org
