#include "record/archive_store.hpp"

#include <algorithm>

#include "core/date.hpp"

namespace xinhuo::record {

namespace {

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

// Shortcomings count against a cadre for three years from the fact.
std::string three_years_before(const std::string& today) { return format_date(add_years(*parse_date(today), -3)); }

void add_ids(db::Query& q, const std::vector<long long>& ids) {
  q.add("(");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) q.add(", ");
    q.value(ids[i]);
  }
  q.add(")");
}

}  // namespace

const std::vector<std::string>& pool_experiences() {
  static const std::vector<std::string> list = {"frontline", "training", "work_result", "no_shortcoming"};
  return list;
}

void ArchiveStore::experience_condition(db::Query& q, const std::string& experience, const std::string& today) {
  if (experience == "no_shortcoming") {
    // A contested shortcoming still counts until the unit resolves the contest.
    q.add(" AND NOT EXISTS (SELECT 1 FROM record_entry xe WHERE xe.person_id = p.id AND xe.category = 'shortcoming' "
          "AND xe.state IN ('confirmed', 'contested') AND xe.fact_date >= ")
        .value(three_years_before(today))
        .add(")");
    return;
  }
  q.add(" AND EXISTS (SELECT 1 FROM record_entry xe WHERE xe.person_id = p.id AND xe.state = 'confirmed' AND xe.category = ")
      .value(experience)
      .add(")");
}

void ArchiveStore::pool_conditions(db::Query& q, const PoolFilter& f, const std::string& today) {
  for (const auto& e : f.experience) experience_condition(q, e, today);
  if (!f.education.empty()) q.add(" AND p.education = ").value(f.education);
  if (f.watchlist_id)
    q.add(" AND p.id IN (SELECT person_id FROM record_watchlist_person WHERE watchlist_id = ").value(f.watchlist_id).add(")");
  if (f.promotable)
    q.add(" AND NOT EXISTS (SELECT 1 FROM accountability a WHERE a.person_id = p.id AND a.promotion_until >= ").value(today).add(")");
}

std::map<long long, std::string> ArchiveStore::promotion_bars(soci::session& sql, const std::vector<long long>& people,
                                                              const std::string& today) {
  std::map<long long, std::string> out;
  if (people.empty()) return out;
  db::Query q("SELECT person_id, MAX(promotion_until) FROM accountability WHERE person_id IN ");
  add_ids(q, people);
  q.add(" AND promotion_until >= ").value(today).add(" GROUP BY person_id");
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = r.get<std::string>(1); });
  return out;
}

std::map<long long, std::vector<std::string>> ArchiveStore::experience_of(soci::session& sql, const std::vector<long long>& people,
                                                                          const std::string& today) {
  std::map<long long, std::vector<std::string>> out;
  if (people.empty()) return out;
  std::map<long long, bool> shortcoming;
  db::Query q("SELECT person_id, category, MAX(fact_date) FROM record_entry WHERE person_id IN ");
  add_ids(q, people);
  q.add(" AND (state = 'confirmed' OR (state = 'contested' AND category = 'shortcoming')) AND category IN "
        "('frontline', 'training', 'work_result', 'shortcoming') GROUP BY person_id, category");
  const std::string since = three_years_before(today);
  std::map<long long, std::vector<std::string>> found;
  q.each(sql, [&](const soci::row& r) {
    const long long person = db::column_ll(r, 0);
    const std::string category = r.get<std::string>(1);
    if (category == "shortcoming") {
      if (text(r, 2) >= since) shortcoming[person] = true;
    } else {
      found[person].push_back(category);
    }
  });
  for (long long person : people) {
    auto& list = out[person];
    for (const auto& e : pool_experiences()) {
      const auto& has = found[person];
      if (e == "no_shortcoming" ? !shortcoming[person] : std::find(has.begin(), has.end(), e) != has.end()) list.push_back(e);
    }
  }
  return out;
}

std::vector<std::pair<std::string, int>> ArchiveStore::entries_by_category(soci::session& sql, long long person_id) {
  std::vector<std::pair<std::string, int>> out;
  db::Query q("SELECT category, COUNT(*) FROM record_entry WHERE state = 'confirmed' AND person_id = ");
  q.value(person_id).add(" GROUP BY category ORDER BY category");
  q.each(sql, [&](const soci::row& r) { out.emplace_back(r.get<std::string>(0), static_cast<int>(db::column_ll(r, 1))); });
  return out;
}

std::vector<Watchlist> ArchiveStore::watchlists(soci::session& sql, long long account_id) {
  std::vector<Watchlist> out;
  db::Query q("SELECT w.id, w.name, w.created_at, (SELECT COUNT(*) FROM record_watchlist_person wp WHERE wp.watchlist_id = w.id) "
              "FROM record_watchlist w WHERE w.account_id = ");
  q.value(account_id).add(" ORDER BY w.name, w.id");
  q.each(sql, [&](const soci::row& r) {
    out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), db::column_ll(r, 3)});
  });
  return out;
}

std::optional<Watchlist> ArchiveStore::watchlist(soci::session& sql, long long account_id, long long id) {
  for (auto& w : watchlists(sql, account_id))
    if (w.id == id) return w;
  return std::nullopt;
}

bool ArchiveStore::name_taken(soci::session& sql, long long account_id, const std::string& name) {
  db::Query q("SELECT COUNT(*) FROM record_watchlist WHERE account_id = ");
  q.value(account_id).add(" AND name = ").value(name);
  return q.count(sql) > 0;
}

long long ArchiveStore::insert_watchlist(db::Tx& tx, long long account_id, const std::string& name, const std::string& now) {
  db::Query q("INSERT INTO record_watchlist (account_id, name, created_at) VALUES (");
  q.value(account_id).add(", ").value(name).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

void ArchiveStore::delete_watchlist(db::Tx& tx, long long id) {
  db::Query("DELETE FROM record_watchlist_person WHERE watchlist_id = ").value(id).run(tx.sql());
  db::Query("DELETE FROM record_watchlist WHERE id = ").value(id).run(tx.sql());
}

bool ArchiveStore::put_person(db::Tx& tx, long long watchlist_id, long long person_id, const std::string& note,
                              const std::string& now) {
  db::Query exists("SELECT COUNT(*) FROM record_watchlist_person WHERE watchlist_id = ");
  exists.value(watchlist_id).add(" AND person_id = ").value(person_id);
  if (exists.count(tx.sql()) > 0) {
    db::Query q("UPDATE record_watchlist_person SET note = ");
    q.value(note).add(" WHERE watchlist_id = ").value(watchlist_id).add(" AND person_id = ").value(person_id);
    q.run(tx.sql());
    return false;
  }
  db::Query q("INSERT INTO record_watchlist_person (watchlist_id, person_id, note, added_at) VALUES (");
  q.value(watchlist_id).add(", ").value(person_id).add(", ").value(note).add(", ").value(now).add(")");
  q.run(tx.sql());
  return true;
}

bool ArchiveStore::remove_person(db::Tx& tx, long long watchlist_id, long long person_id) {
  db::Query q("DELETE FROM record_watchlist_person WHERE watchlist_id = ");
  q.value(watchlist_id).add(" AND person_id = ").value(person_id).add(" RETURNING person_id");
  int rows = 0;
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows > 0;
}

std::map<long long, std::vector<long long>> ArchiveStore::lists_of(soci::session& sql, long long account_id,
                                                                    const std::vector<long long>& people) {
  std::map<long long, std::vector<long long>> out;
  if (people.empty()) return out;
  db::Query q("SELECT wp.person_id, wp.watchlist_id FROM record_watchlist_person wp JOIN record_watchlist w ON w.id = "
              "wp.watchlist_id WHERE w.account_id = ");
  q.value(account_id).add(" AND wp.person_id IN ");
  add_ids(q, people);
  q.add(" ORDER BY wp.watchlist_id");
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)].push_back(db::column_ll(r, 1)); });
  return out;
}

}  // namespace xinhuo::record
