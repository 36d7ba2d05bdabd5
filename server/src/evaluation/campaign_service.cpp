#include "evaluation/campaign_service.hpp"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/facts.hpp"
#include "oversight/model.hpp"

namespace xinhuo::evaluation {

namespace {

const Text kNoCampaign{"评价活动不存在", "No such evaluation campaign"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string state_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"draft", "草稿"}, {"open", "进行中"}, {"closed", "已结束"},
                                                       {"published", "已公布"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

Error wrong_state(const std::string& state) {
  return Error::conflict("campaign_state", {"该评价活动当前为“" + state_zh(state) + "”，不能进行此操作，请刷新后重试",
                                            "The campaign is " + state + " now and cannot take this step; reload and try again"});
}

void audit_campaign(db::Tx& tx, const Principal& caller, const std::string& action, long long id, Json detail, TimePoint at) {
  audit::record(tx, caller, {.action = action, .target_type = "evaluation_campaign", .target_id = std::to_string(id),
                             .detail = std::move(detail)},
                at);
}

}  // namespace

std::string kind_zh(const std::string& kind) {
  static const std::map<std::string, std::string> m = {{"dual_ranking", "双对双排"}, {"multi_source", "立体化评价"},
                                                       {"annual", "年度考核"}};
  auto it = m.find(kind);
  return it == m.end() ? kind : it->second;
}

std::string grade_zh(const std::string& grade) {
  static const std::map<std::string, std::string> m = {{"excellent", "优秀"}, {"competent", "称职"},
                                                       {"basically_competent", "基本称职"}, {"incompetent", "不称职"}};
  auto it = m.find(grade);
  return it == m.end() ? grade : it->second;
}

void CampaignService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

Campaign CampaignService::load(soci::session& sql, const Principal& caller, long long id) const {
  auto c = CampaignStore::find(sql, id);
  if (!c || !CampaignStore::visible(sql, caller, id)) throw Error::not_found(kNoCampaign);
  return *c;
}

Settings CampaignService::check_settings(const std::string& kind, const Json& j) const {
  auto bad = [](const std::string& field, Text t) { return Error::validation("settings." + field, std::move(t)); };
  if (!j.is_object()) throw bad("", {"设置格式不正确", "settings is an object"});
  Settings s;
  try {
    s = settings_of(j);
  } catch (const std::exception&) {
    throw bad("", {"设置格式不正确", "settings has a value of the wrong type"});
  }
  if (kind == "dual_ranking") {
    if (s.line_weight < 0 || s.unit_weight < 0 || s.line_weight + s.unit_weight != 100)
      throw bad("line_weight", {"条线和单位权重之和应为 100", "line_weight and unit_weight add up to 100"});
    if (!one_of({"zscore", "minmax", "none"}, s.normalisation))
      throw bad("normalisation", {"标准化方法应为 zscore、minmax 或 none", "normalisation is zscore, minmax or none"});
    if (s.top_count < 0 || s.top_count > 20 || s.bottom_count < 0 || s.bottom_count > 20)
      throw bad("top_count", {"前列和末位标记人数应为 0–20", "top_count and bottom_count are 0–20"});
  }
  if (kind == "multi_source") {
    static const std::regex code("^[a-z][a-z0-9_]{0,19}$");
    std::set<std::string> codes;
    int total = 0;
    for (const auto& g : s.groups) {
      if (!std::regex_match(g.code, code) || g.code == "other" || !codes.insert(g.code).second)
        throw bad("groups", {"评价群体代码应为小写字母开头、不重复（other 保留）", "group codes are lower-case, unique, not 'other'"});
      if (trim(g.name).empty()) throw bad("groups", {"请填写评价群体名称", "Name every group"});
      if (g.weight < 1 || g.weight > 100) throw bad("groups", {"群体权重应为 1–100", "A group's weight is 1–100"});
      total += g.weight;
    }
    if (s.groups.empty() || s.groups.size() > 10) throw bad("groups", {"请设置 1–10 个评价群体", "Give 1–10 rater groups"});
    if (total != 100) throw bad("groups", {"各群体权重之和应为 100", "The groups' weights add up to 100"});
  }
  if (kind == "annual" && s.year != 0 && (s.year < 2000 || s.year > 2100))
    throw bad("year", {"考核年度应为 2000–2100 年", "year is 2000–2100"});
  // The reference caps 优秀 at 15–20 % of a unit.
  if (kind == "annual" && (s.excellent_percent < 15 || s.excellent_percent > 20))
    throw bad("excellent_percent", {"优秀比例应在 15%–20% 之间", "excellent_percent is 15–20"});
  return s;
}

Campaign CampaignService::create(const Principal& caller, const CampaignInput& in) {
  require(caller, kPermManage);
  if (!one_of(kinds(), in.kind))
    throw Error::validation("kind", {"评价类型应为双对双排、立体化评价或年度考核", "kind is dual_ranking, multi_source or annual"});
  if (trim(in.title).empty()) throw Error::validation("title", {"请填写活动名称", "Give a title"});
  Settings settings = check_settings(in.kind, in.settings);
  if (in.kind == "annual" && settings.year == 0) settings.year = default_assessment_year(beijing_date(clock_.now()));
  Json stored = settings_json(settings);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  auto& sql = tx.sql();
  if (!org::node_in_scope(sql, caller, in.org_node_id))
    throw Error::validation("org_node_id", {"组织不存在或不在管理范围内", "The organisation is not one you manage"});
  auto check_person = [&](long long id, const std::string& field) {
    if (!CampaignStore::person_under(sql, caller, id, in.org_node_id))
      throw Error::validation(field, {"人员不存在或不在本活动的组织范围内", "The person is not under the campaign's organisation"});
  };
  // Ratees: those listed, and for 双对双排 the people of every line; each once, in order.
  std::vector<std::pair<long long, std::string>> ratees;
  std::set<long long> seen;
  for (auto id : in.ratee_ids)
    if (seen.insert(id).second) ratees.emplace_back(id, "");
  std::map<long long, long long> line_leader;  // ratee → leader
  Json lines = Json::array(), heads = Json::array();
  if (in.kind == "dual_ranking") {
    for (const auto& l : in.lines) {
      if (trim(l.name).empty()) throw Error::validation("lines", {"请填写条线名称", "Name every line"});
      check_person(l.leader_id, "lines");
      Json ids = Json::array();
      for (auto id : l.ratee_ids) {
        if (line_leader.count(id)) throw Error::validation("lines", {"一名干部只能属于一个条线", "A cadre is in one line"});
        line_leader[id] = l.leader_id;
        ids.push_back(id);
        if (seen.insert(id).second) ratees.emplace_back(id, trim(l.name));
        else
          for (auto& r : ratees)
            if (r.first == id) r.second = trim(l.name);
      }
      lines.push_back({{"name", trim(l.name)}, {"leader_id", l.leader_id}, {"ratee_ids", ids}});
    }
    for (const auto& h : in.unit_heads) {
      check_person(h.head_id, "unit_heads");
      heads.push_back({{"unit_id", h.unit_id}, {"head_id", h.head_id}});
    }
  } else if (!in.lines.empty() || !in.unit_heads.empty()) {
    throw Error::validation("lines", {"条线和单位负责人仅用于双对双排", "lines and unit_heads belong to dual_ranking"});
  }
  if (ratees.empty()) throw Error::validation("ratee_ids", {"请选择被评价人", "Choose the people evaluated"});
  if (ratees.size() > 1000) throw Error::validation("ratee_ids", {"被评价人过多（至多 1000 人）", "At most 1000 people"});
  for (const auto& [id, line] : ratees) check_person(id, "ratee_ids");
  if (in.kind == "dual_ranking") {
    stored["lines"] = lines;
    stored["unit_heads"] = heads;
  }
  Campaign c;
  c.kind = in.kind;
  c.title = trim(in.title);
  c.org_node_id = in.org_node_id;
  c.settings = stored;
  const long long id = CampaignStore::insert(tx, c, caller.account_id, now);
  std::map<long long, long long> unit_head;
  for (const auto& h : in.unit_heads) unit_head[h.unit_id] = h.head_id;
  for (const auto& [person, line] : ratees) {
    CampaignStore::add_ratee(tx, id, person, line);
    if (in.kind != "dual_ranking") continue;
    // The system's assignment: the leader of the cadre's line, the head of the cadre's unit (never oneself).
    if (auto it = line_leader.find(person); it != line_leader.end() && it->second != person)
      CampaignStore::add_assignment(tx, id, person, it->second, "line");
    const auto p = CampaignStore::person(sql, person);
    if (auto it = unit_head.find(p->unit_id); it != unit_head.end() && it->second != person)
      CampaignStore::add_assignment(tx, id, person, it->second, "unit");
  }
  audit_campaign(tx, caller, "evaluation.campaign_created", id,
                 {{"kind", in.kind}, {"org_node_id", in.org_node_id}, {"ratees", ratees.size()}}, clock_.now());
  Campaign out = *CampaignStore::find(sql, id);
  tx.commit();
  return out;
}

Campaign CampaignService::update(const Principal& caller, long long id, const std::string& title, const Json& settings) {
  require(caller, kPermManage);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Campaign c = load(tx.sql(), caller, id);
  if (trim(title).empty()) throw Error::validation("title", {"请填写活动名称", "Give a title"});
  Json stored = settings_json(check_settings(c.kind, settings));
  for (const char* keep : {"lines", "unit_heads"})
    if (c.settings.contains(keep)) stored[keep] = c.settings[keep];
  if (c.state != "draft" || !CampaignStore::update_draft(tx, id, trim(title), stored, now)) throw wrong_state(c.state);
  audit_campaign(tx, caller, "evaluation.campaign_updated", id, {{"settings", stored}}, clock_.now());
  Campaign out = *CampaignStore::find(tx.sql(), id);
  tx.commit();
  return out;
}

Campaign CampaignService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return load(lease.sql(), caller, id);
}

std::vector<Campaign> CampaignService::list(const Principal& caller, const std::string& kind, const std::string& state) {
  require(caller, kPermRead);
  if (!kind.empty() && !one_of(kinds(), kind)) throw Error::validation("kind", {"评价类型不正确", "Unknown kind"});
  if (!state.empty() && !one_of(states(), state)) throw Error::validation("state", {"状态不正确", "Unknown state"});
  auto lease = db_.lease();
  return CampaignStore::list(lease.sql(), caller, kind, state);
}

Campaign CampaignService::transition(const Principal& caller, long long id, const std::string& action) {
  require(caller, kPermManage);
  static const std::map<std::string, std::tuple<std::string, std::string, std::string>> steps = {
      {"open", {"draft", "open", "opened_at"}}, {"close", {"open", "closed", "closed_at"}},
      {"publish", {"closed", "published", "published_at"}}};
  const auto step = steps.find(action);
  if (step == steps.end()) throw Error::not_found();
  const auto& [from, to, column] = step->second;
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Campaign c = load(tx.sql(), caller, id);
  if (c.state != from) throw wrong_state(c.state);
  if (action == "open" && c.kind != "annual" && c.assignments == 0)
    throw Error::conflict("no_assignments", {"尚未分配评价人，不能开始", "Assign raters before opening"});
  if (!CampaignStore::move(tx, id, from, to, column, now)) throw wrong_state(c.state);
  audit_campaign(tx, caller, "evaluation.campaign_" + to, id, {{"from", from}, {"to", to}}, clock_.now());
  Campaign out = *CampaignStore::find(tx.sql(), id);
  if (to == "published") CampaignStore::record_outcomes(tx, out, beijing_date(clock_.now()), outcomes(tx.sql(), out));
  tx.commit();
  return out;
}

std::vector<Assignment> CampaignService::assignments(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  load(lease.sql(), caller, id);
  auto list = CampaignStore::assignments(lease.sql(), id);
  // Who rated in an anonymous group is progress, not a score: the list carries the marker only.
  return list;
}

Assignment CampaignService::assign(const Principal& caller, long long id, long long ratee, long long rater, const std::string& role) {
  require(caller, kPermManage);
  db::Tx tx(db_);
  auto& sql = tx.sql();
  const Campaign c = load(sql, caller, id);
  if (c.state != "draft") throw wrong_state(c.state);
  const Settings s = settings_of(c.settings);
  bool group = false;
  for (const auto& g : s.groups) group = group || g.code == role;
  if (c.kind == "annual" || (c.kind == "dual_ranking" && role != "line" && role != "unit") ||
      (c.kind == "multi_source" && !group))
    throw Error::validation("role", {"评价角色不正确", c.kind == "dual_ranking" ? "role is line or unit" : "role is a rater group's code"});
  bool is_ratee = false;
  for (const auto& r : CampaignStore::ratees(sql, id)) is_ratee = is_ratee || r.person_id == ratee;
  if (!is_ratee) throw Error::validation("ratee_id", {"该人员不是本活动的被评价人", "Not a ratee of this campaign"});
  if (rater == ratee && role != "self")
    throw Error::validation("rater_id", {"评价人不能评价本人", "A rater does not rate themselves"});
  if (!CampaignStore::person_under(sql, caller, rater, c.org_node_id))
    throw Error::validation("rater_id", {"评价人不存在或不在本活动的组织范围内", "The rater is not under the campaign's organisation"});
  if (c.kind == "dual_ranking") CampaignStore::remove_role(tx, id, ratee, role);  // one line leader, one unit head
  const long long aid = CampaignStore::add_assignment(tx, id, ratee, rater, role);
  audit_campaign(tx, caller, "evaluation.assignment_set", id, {{"ratee", ratee}, {"rater", rater}, {"role", role}}, clock_.now());
  Assignment out;
  for (const auto& a : CampaignStore::assignments(sql, id))
    if (a.id == aid) out = a;
  tx.commit();
  return out;
}

void CampaignService::unassign(const Principal& caller, long long id, long long assignment_id) {
  require(caller, kPermManage);
  db::Tx tx(db_);
  const Campaign c = load(tx.sql(), caller, id);
  if (c.state != "draft") throw wrong_state(c.state);
  if (!CampaignStore::remove_assignment(tx, id, assignment_id)) throw Error::not_found({"分配不存在", "No such assignment"});
  audit_campaign(tx, caller, "evaluation.assignment_removed", id, {{"assignment", assignment_id}}, clock_.now());
  tx.commit();
}

Json CampaignService::progress(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const Campaign c = load(lease.sql(), caller, id);
  struct Row {
    std::string name;
    long long assigned = 0, rated = 0;
  };
  std::map<long long, Row> raters;
  for (const auto& a : CampaignStore::assignments(lease.sql(), id)) {
    auto& r = raters[a.rater];
    r.name = a.rater_name;
    ++r.assigned;
    if (a.rated) ++r.rated;
  }
  const auto reminded = CampaignStore::reminders(lease.sql(), id);
  Json items = Json::array();
  long long done = 0;
  for (const auto& [rater, r] : raters) {
    const auto it = reminded.find(rater);
    if (r.rated == r.assigned) ++done;
    items.push_back({{"rater_id", rater}, {"name", r.name}, {"assigned", r.assigned}, {"rated", r.rated},
                     {"done", r.rated == r.assigned}, {"reminders", it == reminded.end() ? 0 : it->second.first},
                     {"last_reminded_at", it == reminded.end() ? Json(nullptr) : Json(it->second.second)}});
  }
  return {{"campaign_id", id}, {"state", c.state}, {"raters", raters.size()}, {"raters_done", done},
          {"assignments", c.assignments}, {"rated", c.rated}, {"items", items}};
}

Json CampaignService::remind(const Principal& caller, long long id, const std::vector<long long>& wanted) {
  require(caller, kPermManage);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Campaign c = load(tx.sql(), caller, id);
  if (c.state != "open") throw wrong_state(c.state);
  std::map<long long, std::string> pending;
  for (const auto& a : CampaignStore::assignments(tx.sql(), id))
    if (!a.rated) pending[a.rater] = a.rater_name;
  Json reminded = Json::array();
  Json ids = Json::array();
  for (const auto& [rater, name] : pending) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), rater) == wanted.end()) continue;
    CampaignStore::add_reminder(tx, id, rater, caller.account_id, now);
    reminded.push_back({{"rater_id", rater}, {"name", name}});
    ids.push_back(rater);
  }
  for (auto w : wanted)
    if (!pending.count(w))
      throw Error::validation("rater_ids", {"只能提醒尚未完成评价的评价人", "Only raters with ratings outstanding are reminded"});
  audit_campaign(tx, caller, "evaluation.raters_reminded", id, {{"raters", ids}}, clock_.now());
  tx.commit();
  return {{"reminded", reminded}, {"at", now}};
}

long long CampaignService::add_evidence(const Principal& caller, long long id, long long ratee, const std::string& kind,
                                        const std::string& ref, const std::string& note) {
  require(caller, kPermManage);
  if (!one_of({"inspection", "competition", "record", "other"}, kind))
    throw Error::validation("kind", {"佐证类型应为实地察看、比武结果、纪实条目或其他", "kind is inspection, competition, record or other"});
  if (trim(note).empty()) throw Error::validation("note", {"请填写佐证内容", "Describe the evidence"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Campaign c = load(tx.sql(), caller, id);
  if (c.state == "published") throw wrong_state(c.state);
  bool is_ratee = false;
  for (const auto& r : CampaignStore::ratees(tx.sql(), id)) is_ratee = is_ratee || r.person_id == ratee;
  if (!is_ratee) throw Error::validation("ratee_id", {"该人员不是本活动的被评价人", "Not a ratee of this campaign"});
  const long long eid = CampaignStore::add_evidence(tx, id, ratee, kind, trim(ref), trim(note), caller.account_id, now);
  audit_campaign(tx, caller, "evaluation.evidence_added", id, {{"ratee", ratee}, {"kind", kind}, {"evidence", eid}}, clock_.now());
  tx.commit();
  return eid;
}

int CampaignService::assessment_year(const Campaign& c) {
  const int year = settings_of(c.settings).year;
  return year ? year : default_assessment_year(c.created_at);
}

Json CampaignService::set_grade(const Principal& caller, long long id, long long person, const std::string& grade) {
  require(caller, kPermManage);
  if (!grade.empty() && !one_of(grades(), grade))
    throw Error::validation("grade", {"等次应为优秀、称职、基本称职或不称职", "grade is excellent, competent, basically_competent or incompetent"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  tx.lock_writers();  // two organisers grading the same unit at once queue here, so the quota holds
  auto& sql = tx.sql();
  const Campaign c = load(sql, caller, id);
  if (c.kind != "annual") throw Error::validation("kind", {"仅年度考核评定等次", "Grades belong to annual assessments"});
  if (c.state != "open") throw wrong_state(c.state);
  std::optional<Ratee> ratee;
  for (const auto& r : CampaignStore::ratees(sql, id))
    if (r.person_id == person) ratee = r;
  if (!ratee) throw Error::not_found({"该人员不是本次考核的对象", "Not assessed in this campaign"});
  if (grade == "excellent") {
    // 诫勉, organisational handling and discipline keep the year's assessment from 优秀 (see oversight's periods).
    const int year = assessment_year(c);
    const auto barred = CampaignStore::excellent_barred(sql, id, year);
    if (const auto it = barred.find(person); it != barred.end()) {
      const auto* form = oversight::accountability_form(it->second.form);
      const std::string name = form ? form->zh : it->second.form;
      throw Error::conflict("accountability_bars_excellent",
                            {ratee->name + "受" + name + "（" + it->second.effective_from + " 起），" + std::to_string(year) +
                                 " 年度考核不得评为优秀",
                             ratee->name + " is under " + it->second.form + " from " + it->second.effective_from +
                                 " and cannot be graded excellent for " + std::to_string(year)});
    }
    const int percent = settings_of(c.settings).excellent_percent;
    const long long in_unit = CampaignStore::ratees_in_unit(sql, id, ratee->unit_id);
    const int quota = excellent_quota(static_cast<int>(in_unit), percent);
    const long long used = CampaignStore::excellent_in_unit(sql, id, ratee->unit_id, person);
    if (used + 1 > quota)
      throw Error::conflict("excellent_quota",
                            {ratee->unit_name + "优秀名额为 " + std::to_string(quota) + " 人（" + std::to_string(in_unit) + " 人的 " +
                                 std::to_string(percent) + "%，向下取整），已评定 " + std::to_string(used) + " 人",
                             "The unit's quota of excellent is " + std::to_string(quota) + " (" + std::to_string(percent) +
                                 "% of " + std::to_string(in_unit) + ", rounded down); " + std::to_string(used) + " given"});
  }
  CampaignStore::set_grade(tx, id, person, grade, caller.account_id, now);
  audit_campaign(tx, caller, "evaluation.grade_set", id, {{"person", person}, {"grade", grade}}, clock_.now());
  tx.commit();
  return {{"person_id", person}, {"grade", grade.empty() ? Json(nullptr) : Json(grade)}};
}

}  // namespace xinhuo::evaluation
