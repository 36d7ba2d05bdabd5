// What-if: replays a past period's ledger under draft rule changes, with the same caps, floor and ceiling the
// ledger applies, and reports how each person's score and rank would move. Nothing is written.
#include "points/simulation.hpp"

#include <algorithm>
#include <map>

#include "db/query.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {
// Entries of the period for people whose unit or branch lies in the node's subtree, in booking order.
const char* const kEntries =
    "SELECT e.id, e.person_id, p.name, e.rule_code, e.category_code, e.requested, e.points, e.activity_date, e.year, "
    "e.source_type, COALESCE(e.reverses_id, 0), r.points FROM ledger_entry e JOIN point_rule r ON r.id = e.rule_id "
    "JOIN person p ON p.id = e.person_id JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "WHERE e.activity_date >= ";

struct Score {
  std::string name;
  long long before = 0, after = 0;
};

// The ranks of a score table (ties share, higher first).
std::map<long long, int> ranks(const std::map<long long, Score>& scores, bool after) {
  std::vector<std::pair<long long, long long>> order;
  for (const auto& [id, s] : scores) order.emplace_back(after ? s.after : s.before, id);
  std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::map<long long, int> out;
  for (std::size_t i = 0; i < order.size(); ++i)
    out[order[i].second] = (i > 0 && order[i].first == order[i - 1].first) ? out[order[i - 1].second] : static_cast<int>(i + 1);
  return out;
}
}  // namespace

SimulationResult simulate(soci::session& sql, const SimulationInput& in, const std::string& node_path) {
  std::map<std::string, Rule> current;
  for (const auto& r : PointsStore::rules(sql, false)) current[r.code] = r;
  std::map<std::string, std::optional<int>> category_caps;
  for (const auto& c : PointsStore::categories(sql)) category_caps[c.code] = c.yearly_cap;
  auto changed = [&](const std::string& code) -> const RuleChange* {
    for (const auto& c : in.changes)
      if (c.rule_code == code) return &c;
    return nullptr;
  };

  // Running sums the caps look at, per person.
  std::map<std::tuple<long long, std::string, std::string>, long long> rule_day, rule_month, rule_year;
  std::map<std::tuple<long long, int, std::string>, long long> category_year;
  std::map<std::pair<long long, int>, long long> total_year;
  std::map<long long, long long> simulated;  // entry id → simulated points (for reversals)
  std::map<long long, Score> scores;

  db::Query q(kEntries);
  q.value(in.from).add(" AND e.activity_date <= ").value(in.to);
  q.add(" AND (u.path LIKE ").value(node_path + "%").add(" OR COALESCE(b.path, '') LIKE ").value(node_path + "%").add(")");
  q.add(" ORDER BY e.person_id, e.activity_date, e.id");
  SimulationResult result;
  q.each(sql, [&](const soci::row& r) {
    const long long id = db::column_ll(r, 0), person = db::column_ll(r, 1);
    const std::string code = r.get<std::string>(3), category = r.get<std::string>(4);
    const long long requested = db::column_ll(r, 5), booked = db::column_ll(r, 6);
    const std::string date = r.get<std::string>(7);
    const int year = static_cast<int>(db::column_ll(r, 8));
    const std::string source = r.get<std::string>(9);
    const long long reverses = db::column_ll(r, 10), rule_points = db::column_ll(r, 11);
    auto& score = scores[person];
    score.name = r.get<std::string>(2);
    score.before += booked;
    ++result.entries;

    auto& day = rule_day[{person, code, date}];
    auto& month = rule_month[{person, code, date.substr(0, 7)}];
    auto& in_year = rule_year[{person, code, date.substr(0, 4)}];
    auto& cat = category_year[{person, year, category}];
    auto& total = total_year[{person, year}];
    long long points = 0;
    if (source == "reversal") {
      points = -simulated[reverses];
    } else {
      const RuleChange* change = changed(code);
      Rule rule = current.count(code) ? current[code] : Rule{};
      if (change && change->retire) {
        points = 0;
      } else {
        // The quantity behind the request (course hours) carries over to the draft's points.
        const long long quantity = rule_points != 0 ? std::max<long long>(1, requested / rule_points) : 1;
        long long want = change && change->points ? *change->points * quantity : requested;
        if (change) {
          if (change->cap_day) rule.cap_day = *change->cap_day;
          if (change->cap_month) rule.cap_month = *change->cap_month;
          if (change->cap_year) rule.cap_year = *change->cap_year;
        }
        points = want;
        auto cut = [&](std::optional<int> cap, long long used) {
          if (cap && points > 0) points = std::min(points, std::max<long long>(0, *cap - used));
        };
        cut(rule.cap_day, day);
        cut(rule.cap_month, month);
        cut(rule.cap_year, in_year);
        cut(category_caps[category], cat);
        if (in.ceiling) cut(*in.ceiling - in.base_score, total);
        if (points < 0) points = -std::min<long long>(-points, std::max<long long>(0, in.base_score + total - in.floor_score));
      }
    }
    // Reversals count against the same rule, category and year as the entry they undo, as in the ledger.
    day += points, month += points, in_year += points, cat += points, total += points;
    simulated[id] = points;
    score.after += points;
  });
  const auto before = ranks(scores, false), after = ranks(scores, true);
  for (const auto& [id, s] : scores) {
    result.total_before += s.before;
    result.total_after += s.after;
    Mover m{id, s.name, s.before, s.after, before.at(id), after.at(id)};
    if (m.after != m.before || m.rank_after != m.rank_before) result.movers.push_back(m);
  }
  result.people = static_cast<long long>(scores.size());
  std::sort(result.movers.begin(), result.movers.end(), [](const Mover& a, const Mover& b) {
    const long long da = a.after - a.before, db = b.after - b.before;
    return da != db ? da > db : a.person_id < b.person_id;
  });
  return result;
}

}  // namespace xinhuo::points
