#include "analytics/service.hpp"

#include <algorithm>
#include <cmath>

#include "analytics/activity.hpp"
#include "analytics/nodes.hpp"
#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"
#include "evaluation/facts.hpp"
#include "masswork/facts.hpp"
#include "oversight/facts.hpp"
#include "party/facts.hpp"
#include "party/meetings.hpp"
#include "practice/facts.hpp"
#include "study/facts.hpp"

namespace xinhuo::analytics {

namespace {

// What each node adds up to; summed into the node's child (the drill-down rows) and the total.
struct Figures {
  long long people = 0, young = 0, checkins = 0, participants = 0, points = 0, members = 0, paid = 0, dev_active = 0,
            dev_overdue = 0, branches = 0, branches_green = 0, branches_yellow = 0, branches_red = 0, units = 0,
            units_with_group = 0, planned = 0, completed = 0, assign_overdue = 0;
  std::map<std::string, long long> grades;  // annual assessment grades published in the period
  masswork::ProjectCounts projects;
  oversight::CaseCounts cases;
  void add(const Figures& o) {
    people += o.people, young += o.young, checkins += o.checkins, participants += o.participants, points += o.points;
    members += o.members, paid += o.paid, dev_active += o.dev_active, dev_overdue += o.dev_overdue;
    branches += o.branches, branches_green += o.branches_green, branches_yellow += o.branches_yellow;
    branches_red += o.branches_red, units += o.units, units_with_group += o.units_with_group;
    planned += o.planned, completed += o.completed, assign_overdue += o.assign_overdue;
    for (const auto& [g, n] : o.grades) grades[g] += n;
    projects.published += o.projects.published, projects.claimed += o.projects.claimed, projects.done += o.projects.done;
    projects.rated += o.projects.rated, projects.satisfaction += o.projects.satisfaction;
    projects.overdue += o.projects.overdue;
    cases.submitted += o.cases.submitted, cases.tolerated += o.cases.tolerated, cases.not_tolerated += o.cases.not_tolerated;
    cases.declined += o.cases.declined, cases.pending += o.cases.pending, cases.review_overdue += o.cases.review_overdue;
  }
};

Json pct(long long part, long long whole) {
  if (whole <= 0) return nullptr;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

// The value a rule looks at, or nullopt when there is nothing to measure.
std::optional<double> rule_value(const std::string& rule, const Figures& f, bool young_only) {
  auto rate = [](long long part, long long whole) -> std::optional<double> {
    if (whole <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  };
  if (rule == "dues_rate") return rate(f.paid, f.members);
  if (rule == "study_participation") return rate(f.participants, young_only ? f.young : f.people);
  if (rule == "meeting_cadence") return rate(f.branches_green, f.branches);
  if (rule == "development_overdue") return static_cast<double>(f.dev_overdue);
  if (rule == "assignment_done") return rate(f.completed, f.completed + f.assign_overdue);
  if (rule == "project_overdue") return static_cast<double>(f.projects.overdue);
  if (rule == "tolerance_review_overdue") return static_cast<double>(f.cases.review_overdue);
  return std::nullopt;
}

// Where the records behind a warning are listed in the console.
std::string link_of(const std::string& rule, long long node_id) {
  const std::string n = std::to_string(node_id);
  if (rule == "dues_rate") return "/party/dues?node_id=" + n;
  if (rule == "study_participation") return "/analytics?node_id=" + n + "&people=1";
  if (rule == "meeting_cadence") return "/party/cadence?node_id=" + n;
  if (rule == "development_overdue") return "/party/pipeline?node_id=" + n;
  if (rule == "project_overdue") return "/mass/projects?overdue=1";
  if (rule == "tolerance_review_overdue") return "/oversight/cases?overdue=1&node_id=" + n;
  return "/practice/assignments?node_id=" + n;
}

Json node_json(const NodeInfo& n) { return {{"id", n.id}, {"name", n.name}, {"node_type", n.type}}; }

std::string month_first(const std::string& day) { return day.substr(0, 8) + "01"; }

}  // namespace

struct AnalyticsService::Scope {
  NodeInfo node;
  // The node, its children and the nodes below the children that are read node by node, in tree order.
  std::vector<NodeInfo> nodes;
  std::map<long long, std::string> summed;  // children kept summed (units and above) the caller sees whole → path
  std::vector<NodeInfo> breadcrumb;
};

std::string AnalyticsService::today() const { return beijing_date(clock_.now()); }

AnalyticsService::Scope AnalyticsService::resolve(const Principal& caller, Filter& f) {
  if (!caller.can(kPermRead)) throw Error::forbidden("forbidden", {"没有查看数据看板的权限", "You may not see the dashboards"});
  const std::string now = today();
  if (f.to.empty()) f.to = now;
  if (f.from.empty()) f.from = f.to.substr(0, 4) + "-01-01";
  if (!parse_date(f.from)) throw Error::validation("from", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!parse_date(f.to)) throw Error::validation("to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (f.from > f.to) throw Error::validation("from", {"开始日期不能晚于结束日期", "from is after to"});
  if (f.from < "2000-01-01" || days_between(*parse_date(f.from), *parse_date(f.to)) > 366 * 6)
    throw Error::validation("from", {"统计区间不能超过 6 年", "The period is at most 6 years"});
  auto lease = db_.lease();
  Scope s;
  if (f.node_id == 0) {
    // The caller's widest node: the city for the organisation department, else the first node of their grants.
    const auto& sc = caller.scope;
    std::vector<NodeInfo> found;
    if (sc.all) found = load_nodes(lease.sql(), "parent_id IS NULL AND id > ", "0");
    else if (!sc.subtree_paths.empty()) found = load_nodes(lease.sql(), "path = ", sc.subtree_paths.front());
    else if (!sc.node_ids.empty()) found = load_nodes(lease.sql(), "id = ", std::to_string(sc.node_ids.front()));
    if (found.empty()) throw Error::not_found({"没有可查看的组织", "No organisation in your data scope"});
    s.node = found.front();
  } else {
    auto found = load_nodes(lease.sql(), "id = ", std::to_string(f.node_id));
    if (found.empty() || !visible(caller, found.front())) throw Error::not_found({"组织不存在", "No such organisation"});
    s.node = found.front();
  }
  f.node_id = s.node.id;
  // A summed child is read whole from the rollups, so its nodes are not loaded (a city's children hold 60,000).
  s.nodes = {s.node};
  for (const auto& child : load_nodes(lease.sql(), "parent_id = ", std::to_string(s.node.id))) {
    if (is_summed(child.type) && covers(caller, child.path)) {
      s.summed[child.id] = child.path;
      s.nodes.push_back(child);
    } else {
      for (auto& n : load_subtree(lease.sql(), child.path)) s.nodes.push_back(std::move(n));
    }
  }
  // The way up from the widest node the caller sees, for the breadcrumb.
  std::string prefix = "/";
  for (std::size_t at = 1; at < s.node.path.size();) {
    const auto slash = s.node.path.find('/', at);
    if (slash == std::string::npos) break;
    const std::string id = s.node.path.substr(at, slash - at);
    auto up = load_nodes(lease.sql(), "id = ", id);
    if (!up.empty() && visible(caller, up.front())) s.breadcrumb.push_back(up.front());
    at = slash + 1;
  }
  return s;
}

State AnalyticsService::day_state(soci::session& sql, const Principal& caller, const Scope& sc, const Filter& filter,
                                  const std::string& on, bool narrow, Buckets& buckets,
                                  const std::map<long long, long long>& unit_of) {
  const auto& summed = sc.summed;
  auto bucket_of = [&](long long node) { return buckets.of(node); };
  auto unit_fn = [&](long long node) {
    const auto it = unit_of.find(node);
    return it == unit_of.end() ? 0LL : it->second;
  };
  auto live_branches = [&] {  // the branches read node by node
    std::vector<long long> ids;
    for (const auto& n : sc.nodes)
      if (n.type == "branch" && visible(caller, n) && !summed.count(bucket_of(n.id))) ids.push_back(n.id);
    return ids;
  };
  auto branches_below = [&](const std::string& path) {  // a summed child's, all seen by the caller
    std::vector<long long> ids;
    for (const auto& [id, branch_path] : nodes_of_type(sql, path, "branch")) ids.push_back(id);
    return ids;
  };
  const StateRead base{.path = sc.node.path, .narrow = narrow, .people_narrow = sc.node.parent_id != 0, .on = on,
                       .since = filter.from, .young_only = filter.young_only,
                       .node_by_node_branches = limits_.node_by_node_branches};

  // Summed children: their kept figures of the day when still current.
  const AnalyticsStore::StateKey key{on, filter.from, filter.young_only, rule_key(rule_)};
  std::vector<long long> ids;
  for (const auto& [id, path] : summed) ids.push_back(id);
  const auto versions = AnalyticsStore::state_versions(sql, ids);
  auto version_of = [&](long long id) {
    const auto it = versions.find(id);
    return it == versions.end() ? 0LL : it->second;
  };
  State out;
  for (const auto& [id, kept] : AnalyticsStore::kept_states(sql, ids, key))
    if (kept.version == version_of(id)) out.add(State::from_json(id, Json::parse(kept.figures)));
  std::vector<long long> missing;
  for (long long id : ids)
    if (!out.by_node.count(id)) missing.push_back(id);

  std::map<long long, State> fresh;  // missing summed child → its figures, to keep
  auto is_summed_bucket = [&](long long bucket) { return summed.count(bucket) > 0; };
  // One child costs a read of its subtree; the whole subtree costs about as much as a third of the children.
  if (missing.size() > std::max(limits_.read_whole_above, summed.size() / 3)) {
    // Many to read: the whole subtree at once, split by child.
    for (const auto& n : load_subtree(sql, sc.node.path)) buckets.know(n.id, n.path);
    StateRead all = base;
    all.branch_ids = live_branches();
    for (const auto& [id, path] : summed) {
      const auto more = branches_below(path);
      all.branch_ids.insert(all.branch_ids.end(), more.begin(), more.end());
    }
    const State whole = read_state(sql, caller, all, rule_, bucket_of, unit_fn);
    State live;
    for (const auto& [node, c] : whole.by_node) {
      const long long b = bucket_of(node);
      (is_summed_bucket(b) ? fresh[b].by_node[b] : live.by_node[node]).add(c);
    }
    for (const auto& [b, x] : whole.spread) (is_summed_bucket(b) ? fresh[b].spread[b] : live.spread[b]).add(x);
    for (const auto& [unit, n] : whole.people_by_unit)
      if (!is_summed_bucket(bucket_of(unit))) live.people_by_unit[unit] += n;
    out.add(live);
  } else {
    // The nodes outside summed children as they are; each missing child read on its own.
    StateRead live = base;
    if (!summed.empty()) {
      for (const auto& n : sc.nodes)
        if (!is_summed_bucket(bucket_of(n.id))) live.node_ids.push_back(n.id);
      std::sort(live.node_ids.begin(), live.node_ids.end());
    }
    live.branch_ids = live_branches();
    out.add(read_state(sql, caller, live, rule_, bucket_of, unit_fn));
    for (long long id : missing) {
      StateRead one = base;
      one.path = summed.at(id);
      one.narrow = one.people_narrow = true;
      one.branch_ids = branches_below(one.path);
      const State read = read_state(sql, caller, one, rule_, [id](long long) { return id; }, unit_fn);
      State& child = fresh[id];
      for (const auto& [node, c] : read.by_node) child.by_node[id].add(c);
      child.spread = read.spread;
    }
  }
  for (long long id : missing) {
    State& child = fresh[id];
    child.by_node[id];  // a child with nothing to count is kept too
    out.add(child);
  }
  if (!missing.empty()) {
    // Keeping them only saves the next dashboard the reading: a failure here loses nothing.
    try {
      db::Tx tx(db_);
      for (long long id : missing) AnalyticsStore::keep_state(tx, id, key, version_of(id), fresh[id].to_json().dump());
      tx.commit();
    } catch (const std::exception& e) {
      log::warn("dashboard figures not kept", {{"error", log::safe_what(e)}});
    }
  }
  return out;
}

Json AnalyticsService::compute(const Principal& caller, const Filter& f, bool with_warnings) {
  Filter filter = f;
  Scope sc = resolve(caller, filter);
  const std::string now = today();
  const std::string on = std::min(filter.to, now);  // ages, deadlines and lights as of the period's end
  const Slice slice{sc.node.path, filter.from, filter.to, filter.young_only, sc.nodes.size() <= limits_.narrow_nodes};

  // Each node of the subtree maps to the child of the shown node it lies under (itself when it is the node).
  std::map<long long, const NodeInfo*> by_id;
  for (const auto& n : sc.nodes) by_id[n.id] = &n;
  std::vector<const NodeInfo*> children;
  for (const auto& n : sc.nodes)
    if (n.parent_id == sc.node.id) children.push_back(&n);
  Buckets buckets(sc.node, children);
  for (const auto& n : sc.nodes) buckets.know(n.id, n.path);
  auto bucket_of = [&](long long node_id) { return buckets.of(node_id); };
  std::map<long long, long long> unit_of;  // nearest unit at or above each node
  for (const auto& n : sc.nodes) unit_of[n.id] = n.type == "unit" ? n.id : (unit_of.count(n.parent_id) ? unit_of[n.parent_id] : 0);

  // Children kept summed (units and above) that the caller sees whole are read from analytics_tree, a few rows each; the
  // rest of the subtree node by node.
  auto lease = db_.lease();
  auto& sql = lease.sql();
  const std::map<long long, std::string>& summed = sc.summed;
  Slice per_node_slice = slice;
  if (!summed.empty()) {
    for (const auto& n : sc.nodes)
      if (!summed.count(bucket_of(n.id))) per_node_slice.node_ids.push_back(n.id);
  }
  std::map<long long, Figures> per_node;
  std::map<long long, std::pair<long long, long long>> unit_people_points;  // unit → people, points

  const State state = day_state(sql, caller, sc, filter, on, slice.narrow, buckets, unit_of);
  for (const auto& [node, c] : state.by_node) {
    auto& fig = per_node[node];
    fig.people += c.people, fig.young += c.young, fig.members += c.members, fig.paid += c.paid;
    fig.dev_active += c.dev_active, fig.dev_overdue += c.dev_overdue, fig.branches += c.branches;
    fig.branches_green += c.green, fig.branches_yellow += c.yellow, fig.branches_red += c.red;
  }
  for (const auto& [unit, n] : state.people_by_unit) unit_people_points[unit].first += n;
  State::Spread spread;
  for (const auto& [bucket, x] : state.spread) spread.add(x);
  spread.bands.resize(age_bands().size(), 0);
  const Activity activity = read_activity(sql, caller, per_node_slice, summed, now);
  for (const auto& [node, a] : activity.by_node) {
    auto& fig = per_node[node];
    fig.checkins += a.checkins, fig.participants += a.participants, fig.points += a.points;
    if (!summed.count(node)) unit_people_points[unit_of[node]].second += a.points;
  }
  Json points_by_category = Json::object();
  for (const auto& [d, v] : activity.points_by_category) points_by_category[d] = v;
  Json meetings_by_type = Json::object();
  for (const auto& [t, v] : activity.meetings_by_type) meetings_by_type[t] = v;
  const auto groups = study::units_with_study_group(sql);
  auto count_unit = [&](long long unit, long long at) {
    per_node[at].units += 1;
    if (groups.count(unit)) per_node[at].units_with_group += 1;
  };
  for (const auto& n : sc.nodes)
    if (n.type == "unit" && !summed.count(bucket_of(n.id))) count_unit(n.id, n.id);
  if (!summed.empty())  // the units inside summed children, counted on the child
    for (const auto& [unit, path] : nodes_of_type(sql, sc.node.path, "unit"))
      if (const long long b = buckets.of_path(path); summed.count(b)) count_unit(unit, b);
  const std::string dues_month = on.substr(0, 7);
  for (const auto& [node, a] : practice::assignments_by_node(sql, sc.node.path, caller, filter.from, filter.to, on)) {
    per_node[node].planned += a.planned;
    per_node[node].completed += a.completed;
    per_node[node].assign_overdue += a.overdue;
  }
  for (const auto& [node, grades] : evaluation::grades_by_node(sql, sc.node.path, caller, filter.from, filter.to))
    for (const auto& [g, n] : grades) per_node[node].grades[g] += n;
  for (const auto& [node, p] : masswork::projects_by_node(sql, sc.node.path, caller, filter.from, filter.to, on)) per_node[node].projects = p;
  for (const auto& [node, c] : oversight::cases_by_node(sql, sc.node.path, caller, filter.from, filter.to, on)) per_node[node].cases = c;

  Figures total;
  std::map<long long, Figures> per_child;
  std::vector<long long> counted;  // the modules' facts name nodes inside summed children too
  for (const auto& [node, fig] : per_node) counted.push_back(node);
  buckets.learn(sql, counted);
  for (const auto& [node, fig] : per_node) {
    total.add(fig);
    per_child[bucket_of(node)].add(fig);
  }
  auto graded = [](const Figures& x) {
    long long n = 0;
    for (const auto& [g, c] : x.grades) n += c;
    return n;
  };
  auto figures_json = [&](const Figures& x) -> Json {
    const long long base = filter.young_only ? x.young : x.people;
    return {{"people", x.people}, {"young", x.young}, {"checkins", x.checkins}, {"participants", x.participants},
            {"participation_rate", pct(x.participants, base)}, {"points", x.points},
            {"points_per_person", x.people ? Json(std::round(10.0 * x.points / x.people) / 10.0) : Json(nullptr)},
            {"dues_members", x.members}, {"dues_paid", x.paid}, {"dues_rate", pct(x.paid, x.members)},
            {"development_active", x.dev_active}, {"development_overdue", x.dev_overdue}, {"branches", x.branches},
            {"branches_green", x.branches_green}, {"branches_yellow", x.branches_yellow}, {"branches_red", x.branches_red},
            {"cadence_rate", pct(x.branches_green, x.branches)}, {"units", x.units},
            {"units_with_group", x.units_with_group}, {"group_coverage", pct(x.units_with_group, x.units)},
            {"assignments_planned", x.planned}, {"assignments_completed", x.completed},
            {"assignments_overdue", x.assign_overdue}, {"graded", graded(x)},
            {"excellent_rate", pct(x.grades.count("excellent") ? x.grades.at("excellent") : 0, graded(x))},
            {"projects_published", x.projects.published}, {"projects_claimed", x.projects.claimed},
            {"projects_done", x.projects.done}, {"projects_overdue", x.projects.overdue},
            {"project_satisfaction", x.projects.rated ? Json(std::round(100.0 * static_cast<double>(x.projects.satisfaction) /
                                                                         static_cast<double>(x.projects.rated)) / 100.0)
                                                      : Json(nullptr)},
            {"cases_submitted", x.cases.submitted}, {"cases_tolerated", x.cases.tolerated},
            {"cases_not_tolerated", x.cases.not_tolerated}, {"cases_declined", x.cases.declined},
            {"cases_pending", x.cases.pending}, {"cases_review_overdue", x.cases.review_overdue}};
  };

  Json out = {{"node", node_json(sc.node)}, {"period", {{"from", filter.from}, {"to", filter.to}}},
              {"young_only", filter.young_only}, {"as_of", on}, {"dues_month", dues_month}};
  Json crumbs = Json::array();
  for (const auto& b : sc.breadcrumb) crumbs.push_back(node_json(b));
  out["breadcrumb"] = crumbs;
  out["totals"] = figures_json(total);
  Json kids = Json::array();
  for (const auto* c : children) {
    Json row = node_json(*c);
    row["figures"] = figures_json(per_child[c->id]);
    kids.push_back(row);
  }
  if (!children.empty() && per_child.count(sc.node.id)) {  // people and records sitting at the node itself
    Json row = node_json(sc.node);
    row["self"] = true;
    row["figures"] = figures_json(per_child[sc.node.id]);
    kids.push_back(row);
  }
  out["children"] = kids;
  Json age = Json::array();
  for (std::size_t i = 0; i < age_bands().size(); ++i) age.push_back({{"band", age_bands()[i].label}, {"n", spread.bands[i]}});
  Json rank_list = Json::array();
  for (const auto& r : org::kRanks)
    if (spread.ranks.count(std::string(r.code)))
      rank_list.push_back({{"rank", std::string(r.code)}, {"name", std::string(r.name)}, {"n", spread.ranks.at(std::string(r.code))}});
  if (spread.ranks.count("none")) rank_list.push_back({{"rank", "none"}, {"name", "未定职级"}, {"n", spread.ranks.at("none")}});
  Json statuses = Json::object();
  for (const auto& [k, v] : spread.statuses) statuses[k] = v;
  out["people"] = {{"by_age_band", age}, {"by_rank", rank_list}, {"by_party_status", statuses}};
  Json trend = Json::array();
  const auto& checkin_months = activity.checkins_by_month;
  const auto& participant_months = activity.participants_by_month;
  for (Date d = *parse_date(month_first(filter.from)); format_date(d) <= filter.to; d = add_months(d, 1)) {
    const std::string m = format_date(d).substr(0, 7);
    trend.push_back({{"month", m}, {"checkins", checkin_months.count(m) ? checkin_months.at(m) : 0},
                     {"participants", participant_months.count(m) ? participant_months.at(m) : 0}});
  }
  out["study_trend"] = trend;
  out["meetings_by_type"] = meetings_by_type;
  Json stages = Json::object();
  for (const auto& [k, v] : spread.stages) stages[k] = v;
  out["development_by_stage"] = stages;
  out["points_by_category"] = points_by_category;
  Json grades = Json::object();
  for (const auto& [g, n] : total.grades) grades[g] = n;
  out["grades"] = grades;
  // Top and bottom units by points per person over the period: the units read node by node; when every child is a
  // summed node read as a whole, the children themselves (drilling into one ranks its units).
  for (const auto& [unit, pp] : std::map(unit_people_points))
    if (unit == 0 || summed.count(bucket_of(unit))) unit_people_points.erase(unit);
  const bool rank_children = unit_people_points.empty() && !summed.empty();
  if (rank_children)
    for (const auto* c : children) unit_people_points[c->id] = {per_child[c->id].people, per_child[c->id].points};
  out["points_ranked"] = rank_children ? "children" : "units";
  Json units = Json::array();
  std::vector<std::pair<double, long long>> ranked;
  for (const auto& [unit, pp] : unit_people_points)
    if (unit && pp.first > 0) ranked.push_back({static_cast<double>(pp.second) / static_cast<double>(pp.first), unit});
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  for (const auto& [avg, unit] : ranked)
    units.push_back({{"id", unit}, {"name", by_id.count(unit) ? by_id[unit]->name : ""}, {"points_per_person", std::round(avg * 10) / 10},
                     {"people", unit_people_points[unit].first}});
  Json top = Json::array(), bottom = Json::array();
  for (std::size_t i = 0; i < units.size() && i < 5; ++i) top.push_back(units[i]);
  for (std::size_t i = units.size(); i > 0 && units.size() - i < 5; --i) bottom.push_back(units[i - 1]);
  out["points_top_units"] = top;
  out["points_bottom_units"] = bottom;

  if (with_warnings) {
    std::map<std::string, Threshold> limits;
    for (const auto& t : AnalyticsStore::thresholds(sql)) limits[t.rule] = t;
    Json warnings = Json::array();
    std::vector<std::pair<const NodeInfo*, Figures>> targets;
    for (const auto* c : children) targets.push_back({c, per_child[c->id]});
    if (children.empty()) targets.push_back({&sc.node, total});
    for (const auto& [n, fig] : targets)
      for (const auto& rule : rules()) {
        const auto value = rule_value(rule.code, fig, filter.young_only);
        if (!value || !limits.count(rule.code)) continue;
        const Threshold& t = limits[rule.code];
        const std::string light = light_of(rule, t, *value);
        warnings.push_back({{"node", node_json(*n)}, {"rule", rule.code}, {"rule_name", rule.zh}, {"rule_name_en", rule.en},
                            {"level", light}, {"value", std::round(*value * 10) / 10}, {"yellow", t.yellow}, {"red", t.red},
                            {"below", rule.below}, {"link", link_of(rule.code, n->id)}});
      }
    out["warnings"] = warnings;
  }
  return out;
}

Json AnalyticsService::dashboard(const Principal& caller, Filter filter) { return compute(caller, filter, true); }

std::string AnalyticsService::keep_figures_of_the_day() {
  Principal system;
  system.username = system.display_name = "system";
  system.permissions = {kPermRead};
  system.scope.all = true;
  compute(system, Filter{}, false);
  return today();
}

Json AnalyticsService::warnings(const Principal& caller, Filter filter) {
  Json d = compute(caller, filter, true);
  Json items = Json::array();
  const Json all = d["warnings"];
  for (const auto& w : all)
    if (w["level"] != "green") items.push_back(w);
  return {{"node", d["node"]}, {"items", items}};
}

std::vector<Threshold> AnalyticsService::thresholds(const Principal& caller) {
  if (!caller.can(kPermRead)) throw Error::forbidden("forbidden", {"没有查看数据看板的权限", "You may not see the dashboards"});
  auto lease = db_.lease();
  return AnalyticsStore::thresholds(lease.sql());
}

Threshold AnalyticsService::set_threshold(const Principal& caller, const std::string& rule, long long yellow, long long red) {
  // The thresholds hold for the whole city: set by the organisation department (scope 全部) only.
  if (!caller.can(kPermRead) || !caller.scope.all)
    throw Error::forbidden("forbidden", {"预警阈值由组织部管理员设置", "Thresholds are set by the organisation department"});
  const RuleInfo* info = find_rule(rule);
  if (!info) throw Error::not_found({"预警规则不存在", "No such warning rule"});
  check_threshold(*info, yellow, red);
  db::Tx tx(db_);
  if (!AnalyticsStore::update_threshold(tx, rule, yellow, red, caller.account_id, iso_utc(clock_.now())))
    throw Error::not_found({"预警规则不存在", "No such warning rule"});
  audit::record(tx, caller, {.action = "analytics.threshold_changed", .target_type = "analytics_threshold", .target_id = rule,
                             .detail = {{"yellow", yellow}, {"red", red}}},
                clock_.now());
  Threshold out;
  for (const auto& t : AnalyticsStore::thresholds(tx.sql()))
    if (t.rule == rule) out = t;
  tx.commit();
  return out;
}

}  // namespace xinhuo::analytics
