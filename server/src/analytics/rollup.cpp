#include "analytics/rollup.hpp"

#include "core/clock.hpp"
#include "core/date.hpp"
#include "db/bulk_insert.hpp"
#include "db/query.hpp"

namespace xinhuo::analytics {

namespace {

const char* const kAddDaily =
    "INSERT INTO analytics_daily (node_id, unit_id, day, metric, dimension, young, value) VALUES (";
const char* const kAddDailyTail =
    ") ON CONFLICT (node_id, day, metric, dimension, young) DO UPDATE SET value = analytics_daily.value + excluded.value";
const char* const kAddPeople = "INSERT INTO analytics_people (node_id, unit_id, birth_date, rank, party_status, n) VALUES (";
const char* const kAddPeopleTail =
    ") ON CONFLICT (node_id, birth_date, rank, party_status) DO UPDATE SET n = analytics_people.n + excluded.n";

long long node_of(const org::PersonFacts& p) { return p.branch_id ? p.branch_id : p.unit_id; }

void add_people_row(soci::session& sql, long long node, long long unit, const std::string& birth, const std::string& rank,
                    const std::string& status, long long delta) {
  db::Query q(kAddPeople);
  q.value(node).add(", ").value(unit).add(", ").value(birth).add(", ").value(rank).add(", ").value(status).add(", ")
      .value(delta).add(kAddPeopleTail);
  q.run(sql);
  if (delta < 0) {
    db::Query d("DELETE FROM analytics_people WHERE n = 0 AND node_id = ");
    d.value(node).add(" AND birth_date = ").value(birth).add(" AND rank = ").value(rank).add(" AND party_status = ").value(status);
    d.run(sql);
  }
}

}  // namespace

std::unique_ptr<Rollup> Rollup::for_rebuild(db::Tx& tx, const org::YoungCadreRule& rule) {
  auto r = std::make_unique<Rollup>(tx, rule);
  r->rebuilding_ = true;
  org::each_active_person(tx.sql(), [&](const org::PersonFacts& p) { r->people_[p.id] = p; });
  return r;
}

bool Rollup::young_on(const org::PersonFacts& p, const std::string& day) const {
  const auto birth = parse_date(p.birth_date);
  const auto on = parse_date(day);
  if (!birth || !on) return false;
  return rule_.applies(p.rank, years_between(*birth, *on));
}

std::optional<Place> Rollup::place(long long person_id, const std::string& day) {
  std::optional<org::PersonFacts> p;
  if (rebuilding_) {
    auto it = people_.find(person_id);
    if (it != people_.end()) p = it->second;
    else p = org::person_facts(tx_.sql(), person_id);  // someone who left: counted where they were last
  } else {
    p = org::person_facts(tx_.sql(), person_id);
  }
  if (!p) return std::nullopt;
  return Place{node_of(*p), p->unit_id, young_on(*p, day)};
}

void Rollup::add(long long node_id, long long unit_id, const std::string& day, const std::string& metric,
                 const std::string& dimension, bool young, long long delta) {
  if (delta == 0) return;
  if (rebuilding_) {
    auto& v = daily_[{node_id, day, metric, dimension, young ? 1 : 0}];
    v.first = unit_id;
    v.second += delta;
    return;
  }
  db::Query q(kAddDaily);
  q.value(node_id).add(", ").value(unit_id).add(", ").value(day).add(", ").value(metric).add(", ").value(dimension)
      .add(", ").value(young ? 1 : 0).add(", ").value(delta).add(kAddDailyTail);
  q.run(tx_.sql());
}

bool Rollup::once(const std::string& metric, const std::string& period, long long item) {
  if (rebuilding_) return seen_.insert({metric, period, item}).second;
  db::Query q("INSERT INTO analytics_seen (metric, period, item) VALUES (");
  q.value(metric).add(", ").value(period).add(", ").value(item).add(") ON CONFLICT (metric, period, item) DO NOTHING RETURNING item");
  long long rows = 0;
  q.each(tx_.sql(), [&](const soci::row&) { ++rows; });
  return rows > 0;
}

void Rollup::add_person(const org::PersonFacts& p) {
  if (p.status != "active") return;
  if (rebuilding_) {
    auto& v = people_counts_[{node_of(p), p.birth_date, p.rank, p.party_status}];
    v.first = p.unit_id;
    v.second += 1;
    return;
  }
  add_people_row(tx_.sql(), node_of(p), p.unit_id, p.birth_date, p.rank, p.party_status, 1);
  db::Query q("INSERT INTO analytics_person (person_id, node_id, unit_id, birth_date, rank, party_status) VALUES (");
  q.value(p.id).add(", ").value(node_of(p)).add(", ").value(p.unit_id).add(", ").value(p.birth_date).add(", ")
      .value(p.rank).add(", ").value(p.party_status).add(")");
  q.run(tx_.sql());
}

void Rollup::refresh_person(long long person_id) {
  // What the person added last time comes off first.
  db::Query old("SELECT node_id, unit_id, birth_date, rank, party_status FROM analytics_person WHERE person_id = ");
  old.value(person_id);
  std::optional<org::PersonFacts> had;
  old.each(tx_.sql(), [&](const soci::row& r) {
    had = org::PersonFacts{person_id, db::column_ll(r, 1), db::column_ll(r, 0), r.get<std::string>(2), r.get<std::string>(3),
                           r.get<std::string>(4), "active"};
  });
  if (had) {  // read first, written after: no statement runs while another's rows are being read
    add_people_row(tx_.sql(), had->branch_id, had->unit_id, had->birth_date, had->rank, had->party_status, -1);
    db::Query("DELETE FROM analytics_person WHERE person_id = ").value(person_id).run(tx_.sql());
  }
  if (auto p = org::person_facts(tx_.sql(), person_id)) add_person(*p);
}

void Rollup::flush() {
  if (!rebuilding_) return;
  auto& sql = tx_.sql();
  {
    db::BulkInsert rows(sql, "analytics_daily", {"node_id", "unit_id", "day", "metric", "dimension", "young", "value"});
    for (const auto& [k, v] : daily_) {
      if (v.second == 0) continue;
      rows.add({std::to_string(std::get<0>(k)), std::to_string(v.first), std::get<1>(k), std::get<2>(k), std::get<3>(k),
                std::to_string(std::get<4>(k)), std::to_string(v.second)});
    }
  }
  {
    db::BulkInsert rows(sql, "analytics_people", {"node_id", "unit_id", "birth_date", "rank", "party_status", "n"});
    for (const auto& [k, v] : people_counts_)
      rows.add({std::to_string(std::get<0>(k)), std::to_string(v.first), std::get<1>(k), std::get<2>(k), std::get<3>(k),
                std::to_string(v.second)});
  }
  {
    db::BulkInsert rows(sql, "analytics_person", {"person_id", "node_id", "unit_id", "birth_date", "rank", "party_status"});
    for (const auto& [id, p] : people_)
      if (p.status == "active")
        rows.add({std::to_string(id), std::to_string(node_of(p)), std::to_string(p.unit_id), p.birth_date, p.rank,
                  p.party_status});
  }
  {
    db::BulkInsert rows(sql, "analytics_seen", {"metric", "period", "item"});
    for (const auto& [metric, period, item] : seen_) rows.add({metric, period, std::to_string(item)});
  }
}

std::string activity_date(const db::Event& e) {
  const std::string d = e.payload.is_object() ? e.payload.value("activity_date", std::string()) : std::string();
  if (parse_date(d)) return d;
  try {
    return beijing_date(parse_iso_utc(e.occurred_at));
  } catch (const std::exception&) {
    return beijing_date(std::chrono::system_clock::now());
  }
}

void subscribe(db::EventBus& bus, const org::YoungCadreRule& rule) {
  for (const auto& source : sources())
    for (const auto& type : source.events) {
      const auto* s = &source;
      bus.subscribe(type, [s, rule](db::Tx& tx, const db::Event& e) {
        Rollup r(tx, rule);
        s->on_event(r, e);
      });
    }
}

long long rebuild(db::Database& db, const org::YoungCadreRule& rule) {
  db::Tx tx(db);
  tx.lock_writers();  // no event adds to the tables while they are recomputed
  for (const char* table : {"analytics_daily", "analytics_people", "analytics_person", "analytics_seen"})
    db::Query(std::string("DELETE FROM ") + table).run(tx.sql());
  auto r = Rollup::for_rebuild(tx, rule);
  for (const auto& source : sources()) source.rebuild(*r);
  r->flush();
  long long rows = db::Query("SELECT COUNT(*) FROM analytics_daily").count(tx.sql()) +
                   db::Query("SELECT COUNT(*) FROM analytics_people").count(tx.sql());
  tx.commit();
  return rows;
}

}  // namespace xinhuo::analytics
