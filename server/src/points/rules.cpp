// The catalog side of PointsService: categories, rules and their versions, the yearly scheme, the event map.
#include <regex>

#include "audit/recorder.hpp"
#include "points/service.hpp"

namespace xinhuo::points {

namespace {

Json rule_detail(const Rule& r) {
  return {{"code", r.code}, {"version", r.version}, {"points", r.points}, {"category", r.category_code},
          {"earn_mode", r.earn_mode}, {"applies_to", r.applies_to}};
}

bool iso_date(const std::string& d) {
  static const std::regex shape(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(d, shape);
}

}  // namespace

std::vector<Category> PointsService::categories(const Principal&) {
  auto lease = db_.lease();
  return PointsStore::categories(lease.sql());
}

std::vector<Rule> PointsService::rules(const Principal&, bool with_history, const std::string& code) {
  auto lease = db_.lease();
  return PointsStore::rules(lease.sql(), with_history, code);
}

Rule PointsService::validated_rule(const RuleInput& in, soci::session& sql) const {
  static const std::regex code_shape("[a-z][a-z0-9_]{1,39}");
  if (!std::regex_match(in.code, code_shape))
    throw Error::validation("code", {"编码由小写字母、数字和下划线组成，2–40 位，以字母开头",
                                     "A code has 2–40 lowercase letters, digits or underscores, starting with a letter"});
  if (in.name.empty() || in.name.size() > 400) throw Error::validation("name", {"请填写名称（不超过 100 字）", "Give a name (up to 100 characters)"});
  bool known_category = false;
  for (const auto& c : PointsStore::categories(sql)) known_category = known_category || c.code == in.category_code;
  if (!known_category) throw Error::validation("category_code", {"积分类别不存在", "No such category"});
  if (in.points == 0 || in.points < -100 || in.points > 100)
    throw Error::validation("points", {"分值应在 -100 至 100 之间且不为 0", "Points are between -100 and 100 and not 0"});
  if (in.earn_mode != "automatic" && in.earn_mode != "self_report" && in.earn_mode != "manager")
    throw Error::validation("earn_mode", {"获得方式只能是 automatic、self_report 或 manager",
                                          "earn_mode is automatic, self_report or manager"});
  if (in.applies_to != "members" && in.applies_to != "young_cadres" && in.applies_to != "probationary" &&
      in.applies_to != "everyone")
    throw Error::validation("applies_to", {"适用对象只能是 members、young_cadres、probationary 或 everyone",
                                           "applies_to is members, young_cadres, probationary or everyone"});
  for (auto [field, cap] : {std::pair{"cap_day", in.cap_day}, std::pair{"cap_month", in.cap_month}, std::pair{"cap_year", in.cap_year}})
    if (cap && (*cap < 1 || *cap > 1000)) throw Error::validation(field, {"上限应在 1 至 1000 之间", "A cap is between 1 and 1000"});
  if (!iso_date(in.valid_from)) throw Error::validation("valid_from", {"日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"});
  if (!in.valid_to.empty() && (!iso_date(in.valid_to) || in.valid_to < in.valid_from))
    throw Error::validation("valid_to", {"截止日期应为 YYYY-MM-DD 且不早于起始日期", "valid_to is a date not before valid_from"});
  Rule r;
  r.code = in.code;
  r.category_code = in.category_code;
  r.name = in.name;
  r.points = in.points;
  r.earn_mode = in.earn_mode;
  r.evidence_required = in.evidence_required;
  r.cap_day = in.cap_day;
  r.cap_month = in.cap_month;
  r.cap_year = in.cap_year;
  r.second_approver = in.second_approver;
  r.applies_to = in.applies_to;
  r.valid_from = in.valid_from;
  r.valid_to = in.valid_to;
  r.status = "current";
  return r;
}

Rule PointsService::create_rule(const Principal& caller, const RuleInput& in) {
  require(caller, kPermRules);
  db::Tx tx(db_);
  Rule r = validated_rule(in, tx.sql());
  if (!PointsStore::rules(tx.sql(), true, r.code).empty())
    throw Error::conflict("code_taken", {"该编码已被使用", "This code is already used"});
  r.version = 1;
  r.id = PointsStore::insert_rule(tx, r, caller.account_id, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "points.rule_created", .target_type = "point_rule", .target_id = std::to_string(r.id),
                             .detail = rule_detail(r)},
                clock_.now());
  auto committed = *PointsStore::rule(tx.sql(), r.id);
  tx.commit();
  return committed;
}

Rule PointsService::revise_rule(const Principal& caller, long long id, const RuleInput& input) {
  require(caller, kPermRules);
  db::Tx tx(db_);
  const auto old = PointsStore::rule(tx.sql(), id);
  if (!old) throw Error::not_found({"积分项目不存在", "No such rule"});
  RuleInput in = input;
  in.code = old->code;  // a version keeps its rule's code
  Rule r = validated_rule(in, tx.sql());
  if (!PointsStore::set_rule_status(tx, id, "current", "superseded"))
    throw Error::conflict("rule_not_current", {"只能修改当前版本（可能已被他人修改，请刷新）",
                                               "Only the current version can be changed (someone may have changed it; refresh)"});
  int version = 0;
  for (const auto& v : PointsStore::rules(tx.sql(), true, old->code)) version = std::max(version, v.version);
  r.version = version + 1;
  r.id = PointsStore::insert_rule(tx, r, caller.account_id, iso_utc(clock_.now()));
  Json detail = rule_detail(r);
  detail["previous"] = rule_detail(*old);
  audit::record(tx, caller, {.action = "points.rule_revised", .target_type = "point_rule", .target_id = std::to_string(r.id),
                             .detail = detail},
                clock_.now());
  auto committed = *PointsStore::rule(tx.sql(), r.id);
  tx.commit();
  return committed;
}

Rule PointsService::retire_rule(const Principal& caller, long long id) {
  require(caller, kPermRules);
  db::Tx tx(db_);
  const auto r = PointsStore::rule(tx.sql(), id);
  if (!r) throw Error::not_found({"积分项目不存在", "No such rule"});
  if (!PointsStore::set_rule_status(tx, id, "current", "retired"))
    throw Error::conflict("rule_not_current", {"只能停用当前版本", "Only the current version can be retired"});
  audit::record(tx, caller, {.action = "points.rule_retired", .target_type = "point_rule", .target_id = std::to_string(id),
                             .detail = rule_detail(*r)},
                clock_.now());
  auto committed = *PointsStore::rule(tx.sql(), id);
  tx.commit();
  return committed;
}

std::vector<Scheme> PointsService::schemes(const Principal&) {
  auto lease = db_.lease();
  return PointsStore::schemes(lease.sql());
}

Scheme PointsService::set_scheme(const Principal& caller, const Scheme& s) {
  require(caller, kPermRules);
  if (s.year < 2000 || s.year > 2100) throw Error::validation("year", {"年份不正确", "Invalid year"});
  if (s.base_score < 0 || s.base_score > 1000) throw Error::validation("base_score", {"基础分应在 0 至 1000 之间", "The base score is between 0 and 1000"});
  if (s.floor_score < 0 || s.floor_score > s.base_score)
    throw Error::validation("floor_score", {"最低分应在 0 与基础分之间", "The floor is between 0 and the base score"});
  if (s.ceiling_score && *s.ceiling_score < s.base_score)
    throw Error::validation("ceiling_score", {"最高分不能低于基础分", "The ceiling cannot be below the base score"});
  db::Tx tx(db_);
  PointsStore::upsert_scheme(tx, s, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "points.scheme_set", .target_type = "point_scheme", .target_id = std::to_string(s.year),
                             .detail = {{"base_score", s.base_score}, {"floor_score", s.floor_score},
                                        {"ceiling_score", s.ceiling_score ? Json(*s.ceiling_score) : Json(nullptr)}}},
                clock_.now());
  tx.commit();
  return s;
}

std::vector<std::pair<std::string, std::string>> PointsService::event_rules(const Principal&) {
  auto lease = db_.lease();
  return PointsStore::event_rules(lease.sql());
}

void PointsService::set_event_rule(const Principal& caller, const std::string& event_type, const std::string& rule_code) {
  require(caller, kPermRules);
  const auto& types = event_types();
  if (std::find(types.begin(), types.end(), event_type) == types.end())
    throw Error::not_found({"事件类型不存在", "No such event type"});
  db::Tx tx(db_);
  const auto rule = PointsStore::current_rule(tx.sql(), rule_code);
  if (!rule || rule->earn_mode != "automatic")
    throw Error::validation("rule_code", {"请选择一个当前有效、自动获得的积分项目", "Choose a current rule that is earned automatically"});
  PointsStore::upsert_event_rule(tx, event_type, rule_code, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "points.event_rule_set", .target_type = "point_event_rule", .target_id = event_type,
                             .detail = {{"rule_code", rule_code}}},
                clock_.now());
  tx.commit();
}

SimulationResult PointsService::simulate(const Principal& caller, SimulationInput in) {
  require(caller, kPermRules);
  if (!iso_date(in.from)) throw Error::validation("from", {"日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"});
  if (!iso_date(in.to) || in.to < in.from || in.to.substr(0, 4) != in.from.substr(0, 4))
    throw Error::validation("to", {"截止日期应在起始日期之后且同一年内", "to is on or after from, in the same year"});
  if (in.changes.empty() || in.changes.size() > 100)
    throw Error::validation("changes", {"请给出 1 至 100 项规则调整", "Give 1 to 100 rule changes"});
  auto lease = db_.lease();
  for (const auto& c : in.changes) {
    if (!PointsStore::current_rule(lease.sql(), c.rule_code))
      throw Error::validation("changes", {"积分项目不存在：" + c.rule_code, "No such rule: " + c.rule_code});
    if (c.points && (*c.points == 0 || *c.points < -100 || *c.points > 100))
      throw Error::validation("changes", {"分值应在 -100 至 100 之间且不为 0", "Points are between -100 and 100 and not 0"});
  }
  const auto path = PointsStore::node_path_in_scope(lease.sql(), caller, in.node_id);
  if (!path) throw Error::not_found({"组织不存在", "No such organisation"});
  const Scheme scheme = PointsStore::scheme(lease.sql(), std::stoi(in.from.substr(0, 4))).value_or(Scheme{});
  in.base_score = scheme.base_score;
  in.floor_score = scheme.floor_score;
  in.ceiling = scheme.ceiling_score;
  return points::simulate(lease.sql(), in, *path);
}

}  // namespace xinhuo::points
