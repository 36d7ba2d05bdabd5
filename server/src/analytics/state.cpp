#include "analytics/state.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/date.hpp"
#include "party/facts.hpp"
#include "party/meetings.hpp"

namespace xinhuo::analytics {

namespace {

const std::vector<std::string> kNoDates;

// node → meeting type → days of the closed meetings since each type's previous period began.
using HeldDays = std::unordered_map<long long, std::map<std::string, std::vector<std::string>>>;

HeldDays held_days(soci::session& sql, const Principal& caller, const StateRead& r,
                   const std::map<std::string, std::string>& window_of) {
  HeldDays held;
  if (r.branch_ids.empty()) return held;
  // Up to a few thousand branches are read node by node; more as ranges of the (metric, dimension, day) index, every
  // node's rows of the window (the caller counts its own branches only).
  if (r.branch_ids.size() > r.node_by_node_branches) return AnalyticsStore::meeting_days(sql, window_of, r.on);
  Slice window{r.path, format_date(add_months(*parse_date(r.on), -24)), r.on, false, true, r.branch_ids};
  for (auto& [node, types] : AnalyticsStore::days(sql, caller, window, kMetricMeetings, window_of))
    held[node] = std::move(types);
  return held;
}

}  // namespace

void State::Counts::add(const Counts& o) {
  people += o.people, young += o.young, members += o.members, paid += o.paid, dev_active += o.dev_active;
  dev_overdue += o.dev_overdue, branches += o.branches, green += o.green, yellow += o.yellow, red += o.red;
}

void State::Spread::add(const Spread& o) {
  if (bands.size() < o.bands.size()) bands.resize(o.bands.size(), 0);
  for (std::size_t i = 0; i < o.bands.size(); ++i) bands[i] += o.bands[i];
  for (const auto& [k, v] : o.ranks) ranks[k] += v;
  for (const auto& [k, v] : o.statuses) statuses[k] += v;
  for (const auto& [k, v] : o.stages) stages[k] += v;
}

void State::add(const State& o) {
  for (const auto& [node, c] : o.by_node) by_node[node].add(c);
  for (const auto& [bucket, x] : o.spread) spread[bucket].add(x);
  for (const auto& [unit, n] : o.people_by_unit) people_by_unit[unit] += n;
}

Json State::to_json() const {
  Counts c;
  for (const auto& [node, x] : by_node) c.add(x);
  Spread all;
  for (const auto& [bucket, x] : spread) all.add(x);
  return {{"counts", {c.people, c.young, c.members, c.paid, c.dev_active, c.dev_overdue, c.branches, c.green, c.yellow, c.red}},
          {"bands", all.bands}, {"ranks", all.ranks}, {"statuses", all.statuses}, {"stages", all.stages}};
}

State State::from_json(long long child, const Json& j) {
  State s;
  const auto& n = j.at("counts");
  auto at = [&](std::size_t i) { return n.at(i).get<long long>(); };
  s.by_node[child] = {at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7), at(8), at(9)};
  auto& x = s.spread[child];
  x.bands = j.at("bands").get<std::vector<long long>>();
  x.ranks = j.at("ranks").get<std::map<std::string, long long>>();
  x.statuses = j.at("statuses").get<std::map<std::string, long long>>();
  x.stages = j.at("stages").get<std::map<std::string, long long>>();
  return s;
}

std::string rule_key(const org::YoungCadreRule& rule) {
  return std::to_string(rule.section_max_age) + "/" + std::to_string(rule.division_max_age) + "/" +
         std::to_string(rule.bureau_max_age);
}

State read_state(soci::session& sql, const Principal& caller, const StateRead& r, const org::YoungCadreRule& rule,
                 const std::function<long long(long long)>& bucket_of, const std::function<long long(long long)>& unit_of) {
  State s;
  auto spread = [&](long long node) -> State::Spread& {
    auto& x = s.spread[bucket_of(node)];
    if (x.bands.empty()) x.bands.assign(age_bands().size(), 0);
    return x;
  };
  // Rows of nodes outside the list (people of a listed unit sitting in a branch that is not listed) are not ours.
  auto ours = [&](long long node) {
    return r.node_ids.empty() || std::binary_search(r.node_ids.begin(), r.node_ids.end(), node);
  };
  Slice people_slice{r.path, r.on, r.on, r.young_only, r.narrow, r.node_ids};
  for (const auto& p : AnalyticsStore::people(sql, caller, people_slice, r.on, rule)) {
    auto& c = s.by_node[p.node_id];
    c.people += p.n;
    if (p.young) c.young += p.n;
    auto& x = spread(p.node_id);
    x.bands[static_cast<std::size_t>(p.band)] += p.n;
    x.ranks[p.rank.empty() ? "none" : p.rank] += p.n;
    x.statuses[p.party_status] += p.n;
    s.people_by_unit[unit_of(p.node_id)] += p.n;
  }

  // 三会一课: each branch's light per meeting type by the party module's rule, from the closed meetings' days. The light
  // looks at the current period and the one before, so only those days are read.
  std::map<std::string, std::string> window_of;
  std::vector<party::LightRule> light_rules;
  for (const auto& type : party::branch_meeting_types()) {
    window_of[type] = party::previous_period(type, party::period_of(type, r.on)).first;
    light_rules.emplace_back(type, r.on, r.since);
  }
  const HeldDays held = held_days(sql, caller, r, window_of);
  for (long long branch : r.branch_ids) {
    const auto it = held.find(branch);
    std::vector<std::string> lights;
    for (std::size_t i = 0; i < light_rules.size(); ++i) {
      const std::vector<std::string>* dates = &kNoDates;
      if (it != held.end())
        if (auto d = it->second.find(party::branch_meeting_types()[i]); d != it->second.end()) dates = &d->second;
      lights.push_back(light_rules[i].light(*dates));
    }
    const std::string light = party::worst_light(lights);
    auto& c = s.by_node[branch];
    c.branches += 1;
    (light == "green" ? c.green : light == "yellow" ? c.yellow : c.red) += 1;
  }

  for (const auto& [node, d] : party::development_by_node(sql, r.path, caller, r.on, r.people_narrow, r.node_ids)) {
    if (!ours(node)) continue;
    for (const auto& [stage, n] : d.by_stage) {
      s.by_node[node].dev_active += n;
      spread(node).stages[std::to_string(stage)] += n;
    }
    s.by_node[node].dev_overdue += d.overdue;
  }
  for (const auto& [node, d] : party::dues_by_node(sql, r.path, caller, r.on.substr(0, 7), r.people_narrow, r.node_ids)) {
    if (!ours(node)) continue;
    s.by_node[node].members += d.members;
    s.by_node[node].paid += d.paid;
  }
  return s;
}

}  // namespace xinhuo::analytics
