#include "audit/store.hpp"

#include "core/random.hpp"
#include "db/query.hpp"
#include "db/sql.hpp"

namespace xinhuo::audit {

namespace {
// Appends are serialised so that two transactions never chain to the same previous row.
const char* const kSelectLast = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
// Built with db::Query (kept prepared on SQLite): the values go between the commas.
const char* const kInsert =
    "INSERT INTO audit_log (id, at, account_id, username, action, target_type, target_id, result, ip, request_id, "
    "detail, prev_hash, hash) VALUES (";
const char* const kColumns =
    "SELECT id, at, COALESCE(account_id, 0), username, action, target_type, target_id, result, ip, request_id, "
    "detail, prev_hash, hash FROM audit_log";
const char* const kScanBatch = " WHERE id > :after ORDER BY id LIMIT 1000";

AuditRow row_from(const soci::row& r) {
  AuditRow a;
  a.id = db::column_ll(r, 0);
  a.account_id = db::column_ll(r, 2);
  a.at = r.get<std::string>(1);
  a.username = r.get<std::string>(3);
  a.action = r.get<std::string>(4);
  a.target_type = r.get<std::string>(5);
  a.target_id = r.get<std::string>(6);
  a.result = r.get<std::string>(7);
  a.ip = r.get<std::string>(8);
  a.request_id = r.get<std::string>(9);
  a.detail = r.get<std::string>(10);
  a.prev_hash = r.get<std::string>(11);
  a.hash = r.get<std::string>(12);
  return a;
}
}  // namespace

std::string chain_hash(const AuditRow& r) {
  return sha256_hex(r.prev_hash + "\n" + std::to_string(r.id) + "\n" + r.at + "\n" + std::to_string(r.account_id) +
                    "\n" + r.username + "\n" + r.action + "\n" + r.target_type + "\n" + r.target_id + "\n" + r.result +
                    "\n" + r.ip + "\n" + r.request_id + "\n" + r.detail);
}

void AuditStore::append(db::Tx& tx, AuditRow row) {
  tx.lock_writers();  // one chain: appends one after the other
  long long last_id = 0;
  std::string last_hash(64, '0');
  db::Query(kSelectLast).each(tx.sql(), [&](const soci::row& r) {
    last_id = db::column_ll(r, 0);
    last_hash = r.get<std::string>(1);
  });
  row.id = last_id + 1;
  row.prev_hash = last_hash;
  row.hash = chain_hash(row);
  db::Query q(kInsert);
  q.value(row.id).add(", ").value(row.at).add(", ");
  (row.account_id ? q.value(row.account_id) : q.add("NULL")).add(", ");
  for (const std::string* v : {&row.username, &row.action, &row.target_type, &row.target_id, &row.result, &row.ip,
                               &row.request_id, &row.detail, &row.prev_hash})
    q.value(*v).add(", ");
  q.value(row.hash).add(")");
  q.run(tx.sql());
}

std::vector<AuditRow> AuditStore::list(const AuditFilter& f, long long* total) {
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> params;
  auto add = [&](const std::string& condition, const std::string& value) {
    if (value.empty()) return;
    where += " AND " + condition + std::to_string(params.size());
    params.push_back(value);
  };
  add("at >= :p", f.from);
  add("at < :p", f.to);
  add("username = :p", f.username);
  add("result = :p", f.result);
  if (!f.action.empty()) {
    where += " AND action LIKE :p" + std::to_string(params.size());
    params.push_back(f.action + "%");
  }
  auto lease = db_.lease();
  auto run = [&](const std::string& sql, auto&& on_row) {
    soci::row r;
    soci::statement st(lease.sql());
    for (auto& p : params) st.exchange(soci::use(p));
    st.exchange(soci::into(r));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) on_row(r);
  };
  run("SELECT COUNT(*) FROM audit_log" + where, [&](const soci::row& r) { *total = db::column_ll(r, 0); });
  std::vector<AuditRow> rows;
  const long long offset = static_cast<long long>(f.page - 1) * f.page_size;
  run(std::string(kColumns) + where + " ORDER BY id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
          std::to_string(offset),
      [&](const soci::row& r) { rows.push_back(row_from(r)); });
  return rows;
}

void AuditStore::scan(const std::function<bool(const AuditRow&)>& visit) {
  auto lease = db_.lease();
  long long after = 0;
  for (;;) {
    std::vector<AuditRow> batch;
    soci::rowset<soci::row> rows = (lease.sql().prepare << std::string(kColumns) + kScanBatch, soci::use(after));
    for (const auto& r : rows) batch.push_back(row_from(r));
    if (batch.empty()) return;
    for (const auto& row : batch)
      if (!visit(row)) return;
    after = batch.back().id;
  }
}

}  // namespace xinhuo::audit
