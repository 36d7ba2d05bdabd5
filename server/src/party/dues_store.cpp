#include "party/dues_store.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "db/query.hpp"
#include "party/meetings.hpp"
#include "party/dues.hpp"

namespace xinhuo::party {

namespace {

constexpr const char* kUpsertBase =
    "INSERT INTO dues_base (person_id, year, category, income_cents, amount_cents, set_by, set_at, from_month) "
    "VALUES (:p, :y, :c, :i, :a, :by, :at, :f) ON CONFLICT (person_id, year) DO UPDATE SET category = excluded.category, "
    "income_cents = excluded.income_cents, amount_cents = excluded.amount_cents, set_by = excluded.set_by, "
    "set_at = excluded.set_at, from_month = excluded.from_month";
constexpr const char* kBaseColumns =
    "SELECT d.person_id, d.year, d.category, d.income_cents, d.amount_cents, a.display_name, d.set_at, "
    "COALESCE(d.from_month, CAST(d.year AS TEXT) || '-01') FROM dues_base d JOIN account a ON a.id = d.set_by";
constexpr const char* kPaymentColumns =
    "SELECT d.id, d.person_id, d.month, d.amount_cents, d.paid_on, d.method, COALESCE(d.note, ''), a.display_name, "
    "d.recorded_at FROM dues_payment d JOIN account a ON a.id = d.recorded_by";
constexpr const char* kInsertPayment =
    "INSERT INTO dues_payment (person_id, month, amount_cents, paid_on, method, note, recorded_by, recorded_at) "
    "VALUES (:p, :m, :a, :d, :method, :note, :by, :at) RETURNING id";
constexpr const char* kMemberColumns =
    "SELECT p.id, p.name, p.party_status, u.name, COALESCE(b.name, ''), COALESCE(p.party_joined_date, ''), "
    "p.unit_id, COALESCE(p.branch_id, 0)";
constexpr const char* kMemberFrom =
    " FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "WHERE p.status = 'active' AND p.party_status IN ('full', 'probationary')";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

DuesBase base_from(const soci::row& r) {
  return {db::column_ll(r, 0), static_cast<int>(db::column_ll(r, 1)), text(r, 2), db::column_ll(r, 3), db::column_ll(r, 4),
          text(r, 5), text(r, 6), text(r, 7)};
}

DuesPayment payment_from(const soci::row& r) {
  return {db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), db::column_ll(r, 3), text(r, 4), text(r, 5), text(r, 6),
          text(r, 7), text(r, 8)};
}

}  // namespace

void DuesStore::upsert_base(db::Tx& tx, const DuesBase& b, long long set_by, const std::string& now) {
  tx.sql() << kUpsertBase, soci::use(b.person_id), soci::use(b.year), soci::use(b.category), soci::use(b.income_cents),
      soci::use(b.amount_cents), soci::use(set_by), soci::use(now), soci::use(b.from_month);
}

std::vector<DuesBase> DuesStore::bases(soci::session& sql, long long person_id) {
  std::vector<DuesBase> out;
  db::Query(kBaseColumns).add(" WHERE d.person_id = ").value(person_id).add(" ORDER BY d.year").each(sql, [&](const soci::row& r) {
    out.push_back(base_from(r));
  });
  return out;
}

std::vector<DuesPayment> DuesStore::payments(soci::session& sql, long long person_id) {
  std::vector<DuesPayment> out;
  db::Query(kPaymentColumns).add(" WHERE d.person_id = ").value(person_id).add(" ORDER BY d.month").each(sql, [&](const soci::row& r) {
    out.push_back(payment_from(r));
  });
  return out;
}

bool DuesStore::month_paid(soci::session& sql, long long person_id, const std::string& month) {
  return db::Query("SELECT COUNT(*) FROM dues_payment WHERE person_id = ").value(person_id).add(" AND month = ").value(month).count(sql) > 0;
}

long long DuesStore::insert_payment(db::Tx& tx, const DuesPayment& p, long long recorded_by, const std::string& now) {
  DuesPayment x = p;  // SOCI binds non-const values
  soci::indicator note_i = x.note.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  tx.sql() << kInsertPayment, soci::use(x.person_id), soci::use(x.month), soci::use(x.amount_cents), soci::use(x.paid_on),
      soci::use(x.method), soci::use(x.note, note_i), soci::use(recorded_by), soci::use(now), soci::into(id);
  // Published here, where every payment is written, so that no way of recording one is missed.
  tx.publish({.type = kEventDuesPaid, .subject_id = id, .person_id = x.person_id, .occurred_at = now,
              .payload = {{"month", x.month}}});
  return id;
}

std::optional<std::pair<std::string, std::string>> DuesStore::member(soci::session& sql, long long person_id) {
  std::optional<std::pair<std::string, std::string>> out;
  db::Query("SELECT p.party_status, COALESCE(p.party_joined_date, '')")
      .add(kMemberFrom)
      .add(" AND p.id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) { out = std::make_pair(text(r, 0), text(r, 1)); });
  return out;
}

std::vector<DuesMember> DuesStore::members(soci::session& sql, const Principal& caller, long long node_id, int page,
                                           int page_size, long long* total) {
  auto filtered = [&](db::Query& q) {
    if (node_id) {
      q.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
      q.add(" OR COALESCE(b.path, '') LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%')");
    }
    db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  };
  db::Query counted(std::string("SELECT COUNT(*)") + kMemberFrom);
  filtered(counted);
  if (total) *total = counted.count(sql);
  db::Query q(std::string(kMemberColumns) + kMemberFrom);
  filtered(q);
  q.add(" ORDER BY u.sort_order, u.id, p.name, p.id LIMIT " + std::to_string(page_size) + " OFFSET " +
        std::to_string((page - 1) * page_size));
  return read_members(sql, q);
}

std::vector<DuesMember> DuesStore::members_after(soci::session& sql, long long after_person_id, int limit) {
  db::Query q(std::string(kMemberColumns) + kMemberFrom);
  q.add(" AND p.id > ").value(after_person_id).add(" ORDER BY p.id LIMIT " + std::to_string(limit));
  return read_members(sql, q);
}

std::vector<DuesMember> DuesStore::read_members(soci::session& sql, db::Query& q) {
  std::vector<DuesMember> out;
  std::map<long long, std::string> joined;
  q.each(sql, [&](const soci::row& r) {
    DuesMember m;
    m.person_id = db::column_ll(r, 0);
    m.name = text(r, 1);
    m.party_status = text(r, 2);
    m.unit_name = text(r, 3);
    m.branch_name = text(r, 4);
    joined[m.person_id] = text(r, 5);
    m.unit_id = db::column_ll(r, 6);
    m.branch_id = db::column_ll(r, 7);
    out.push_back(std::move(m));
  });
  // Bases and payments of these people, one query each.
  std::vector<long long> ids;
  for (const auto& m : out) ids.push_back(m.person_id);
  const auto bases = bases_of(sql, ids);  // by year: the earliest starts the dues, the latest is the current base
  auto paid = paid_of(sql, ids);
  for (auto& m : out) {
    if (const auto b = bases.find(m.person_id); b != bases.end() && !b->second.empty()) {
      m.base = b->second.back();
      m.first_month = first_dues_month(joined[m.person_id], b->second.front().from_month);
    }
    if (auto p = paid.find(m.person_id); p != paid.end()) m.paid = std::move(p->second);
  }
  return out;
}

std::vector<DuesStore::Candidate> DuesStore::candidates(soci::session& sql, const Principal& caller,
                                                      const std::vector<std::string>& hashes, const std::vector<std::string>& names) {
  std::vector<Candidate> out;
  std::set<long long> seen;
  constexpr std::size_t kChunk = 400;  // bound values per statement (SOCI's placeholders cost more than linear)
  auto run = [&](const char* column, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); i += kChunk) {
      db::Query q(std::string("SELECT p.id, p.name, u.name, COALESCE(b.name, ''), COALESCE(p.id_card_hash, ''), "
                              "COALESCE(p.party_joined_date, '')") + kMemberFrom + " AND " + column + " IN (");
      for (std::size_t j = i; j < std::min(values.size(), i + kChunk); ++j) (j > i ? q.add(", ") : q).value(values[j]);
      q.add(")");
      db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
      q.each(sql, [&](const soci::row& r) {
        Candidate c{db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5)};
        if (seen.insert(c.person_id).second) out.push_back(std::move(c));
      });
    }
  };
  run("p.id_card_hash", hashes);
  run("p.name", names);
  return out;
}

namespace {
std::string id_list(const std::vector<long long>& ids) {
  std::string out;
  for (long long id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}
}  // namespace

std::map<long long, std::vector<DuesBase>> DuesStore::bases_of(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, std::vector<DuesBase>> out;
  if (ids.empty()) return out;
  db::Query(std::string(kBaseColumns) + " WHERE d.person_id IN (" + id_list(ids) + ") ORDER BY d.year").each(sql, [&](const soci::row& r) {
    auto b = base_from(r);
    out[b.person_id].push_back(std::move(b));
  });
  return out;
}

std::map<long long, std::vector<std::string>> DuesStore::paid_of(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, std::vector<std::string>> out;
  if (ids.empty()) return out;
  db::Query("SELECT person_id, month FROM dues_payment WHERE person_id IN (" + id_list(ids) + ") ORDER BY month")
      .each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)].push_back(text(r, 1)); });
  return out;
}

std::map<std::pair<long long, long long>, long long> DuesStore::paid_by_branch(soci::session& sql, const Principal& caller,
                                                                             long long node_id, int year) {
  db::Query q("SELECT p.unit_id, COALESCE(p.branch_id, 0), SUM(x.amount_cents) FROM dues_payment x JOIN person p ON "
              "p.id = x.person_id JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE p.status = 'active' AND p.party_status IN ('full', 'probationary') AND x.month >= ");
  q.value(std::to_string(year) + "-01").add(" AND x.month <= ").value(std::to_string(year) + "-12");
  if (node_id) {
    q.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
    q.add(" OR COALESCE(b.path, '') LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%')");
  }
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  std::map<std::pair<long long, long long>, long long> out;
  q.add(" GROUP BY p.unit_id, COALESCE(p.branch_id, 0)").each(sql, [&](const soci::row& r) {
    out[{db::column_ll(r, 0), db::column_ll(r, 1)}] = db::column_ll(r, 2);
  });
  return out;
}

}  // namespace xinhuo::party
