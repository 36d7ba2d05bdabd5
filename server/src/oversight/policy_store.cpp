#include "oversight/policy_store.hpp"

#include "db/query.hpp"

namespace xinhuo::oversight {

namespace {

constexpr const char* kColumns =
    "SELECT id, title, category, issuer, doc_number, effective_from, COALESCE(effective_to, ''), body, COALESCE(file_id, 0), "
    "version, updated_at FROM policy_doc WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

PolicyDoc from_row(const soci::row& r) {
  PolicyDoc d;
  d.id = db::column_ll(r, 0);
  d.title = text(r, 1);
  d.category = text(r, 2);
  d.issuer = text(r, 3);
  d.doc_number = text(r, 4);
  d.effective_from = text(r, 5);
  d.effective_to = text(r, 6);
  d.body = text(r, 7);
  d.file_id = db::column_ll(r, 8);
  d.version = static_cast<int>(db::column_ll(r, 9));
  d.updated_at = text(r, 10);
  return d;
}

db::Query& or_null(db::Query& q, const std::string& v) { return v.empty() ? q.add("NULL") : q.value(v); }

}  // namespace

long long PolicyStore::insert(db::Tx& tx, const PolicyDoc& d, long long by, const std::string& now) {
  db::Query q("INSERT INTO policy_doc (title, category, issuer, doc_number, effective_from, effective_to, body, file_id, version, "
              "updated_by, created_at, updated_at) VALUES (");
  q.value(d.title).add(", ").value(d.category).add(", ").value(d.issuer).add(", ").value(d.doc_number).add(", ");
  q.value(d.effective_from).add(", ");
  or_null(q, d.effective_to).add(", ").value(d.body).add(", ");
  d.file_id ? q.value(d.file_id) : q.add("NULL");
  q.add(", 1, ").value(by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool PolicyStore::update(db::Tx& tx, const PolicyDoc& d, int version, long long by, const std::string& now) {
  db::Query q("UPDATE policy_doc SET title = ");
  q.value(d.title).add(", category = ").value(d.category).add(", issuer = ").value(d.issuer);
  q.add(", doc_number = ").value(d.doc_number).add(", effective_from = ").value(d.effective_from).add(", effective_to = ");
  or_null(q, d.effective_to).add(", body = ").value(d.body).add(", file_id = ");
  d.file_id ? q.value(d.file_id) : q.add("NULL");
  q.add(", version = version + 1, updated_by = ").value(by).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(d.id).add(" AND version = ").value(version).add(" RETURNING id");
  long long rows = 0;
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::optional<PolicyDoc> PolicyStore::find(soci::session& sql, long long id) {
  std::optional<PolicyDoc> out;
  db::Query(kColumns).add(" AND id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

std::vector<PolicyDoc> PolicyStore::list(soci::session& sql, const PolicyFilter& f, long long* total) {
  db::Query where;
  if (!f.category.empty()) where.add(" AND category = ").value(f.category);
  if (!f.on.empty()) {
    where.add(" AND effective_from <= ").value(f.on).add(" AND (effective_to IS NULL OR effective_to >= ").value(f.on).add(")");
  }
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.add(" AND (title LIKE ").value(like).add(" OR body LIKE ").value(like).add(" OR doc_number LIKE ").value(like);
    where.add(" OR issuer LIKE ").value(like).add(")");
  }
  if (total) *total = db::Query::prefixed("SELECT COUNT(*) FROM policy_doc WHERE 1 = 1", where).count(sql);
  std::vector<PolicyDoc> out;
  db::Query::prefixed(kColumns, where)
      .add(" ORDER BY effective_from DESC, id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

}  // namespace xinhuo::oversight
