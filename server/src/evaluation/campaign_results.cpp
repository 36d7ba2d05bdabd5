// Results of a campaign, as organisers see them (live, at any state) and as a ratee sees their own (published, when
// the campaign shows it). No result carries who gave an anonymous group's score: those scores are read without a
// rater, and a group of fewer than three is folded into "other" or suppressed.
#include <cstdio>
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "evaluation/campaign_service.hpp"
#include "oversight/model.hpp"

namespace xinhuo::evaluation {

namespace {

Json opt(bool has, double v) { return has ? Json(v) : Json(nullptr); }
Json opt_int(bool has, int v) { return has && v ? Json(v) : Json(nullptr); }

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

Json barred_json(const std::map<long long, BarredExcellent>& barred, long long person) {
  const auto it = barred.find(person);
  if (it == barred.end()) return nullptr;
  const auto* form = oversight::accountability_form(it->second.form);
  return {{"form", it->second.form}, {"form_name", form ? form->zh : it->second.form},
          {"effective_from", it->second.effective_from}};
}

}  // namespace

Settings CampaignService::settings_of(const Json& j) {
  Settings s;
  s.line_weight = j.value("line_weight", s.line_weight);
  s.unit_weight = j.value("unit_weight", s.unit_weight);
  s.normalisation = j.value("normalisation", s.normalisation);
  s.top_count = j.value("top_count", s.top_count);
  s.bottom_count = j.value("bottom_count", s.bottom_count);
  s.excellent_percent = j.value("excellent_percent", s.excellent_percent);
  s.year = j.value("year", s.year);
  s.show_to_ratee = j.value("show_to_ratee", s.show_to_ratee);
  if (j.contains("groups")) {
    const Json groups = j.at("groups");
    for (const auto& g : groups)
      s.groups.push_back({.code = g.at("code").get<std::string>(), .name = g.at("name").get<std::string>(),
                          .weight = g.at("weight").get<int>(), .anonymous = g.value("anonymous", false)});
  }
  return s;
}

Json CampaignService::settings_json(const Settings& s) {
  Json groups = Json::array();
  for (const auto& g : s.groups)
    groups.push_back({{"code", g.code}, {"name", g.name}, {"weight", g.weight}, {"anonymous", g.anonymous}});
  return {{"line_weight", s.line_weight}, {"unit_weight", s.unit_weight}, {"normalisation", s.normalisation},
          {"top_count", s.top_count}, {"bottom_count", s.bottom_count}, {"groups", groups},
          {"excellent_percent", s.excellent_percent}, {"year", s.year}, {"show_to_ratee", s.show_to_ratee}};
}

Json CampaignService::compute(soci::session& sql, const Campaign& c, bool for_ratee) const {
  const Settings s = settings_of(c.settings);
  const auto ratees = CampaignStore::ratees(sql, c.id);
  std::map<long long, const Ratee*> by_id;
  for (const auto& r : ratees) by_id[r.person_id] = &r;
  Json items = Json::array();
  Json out = {{"campaign_id", c.id}, {"kind", c.kind}, {"title", c.title}, {"state", c.state}};
  auto person_json = [&](long long id) {
    const Ratee* r = by_id.count(id) ? by_id[id] : nullptr;
    return Json{{"person_id", id}, {"name", r ? r->name : ""}, {"unit_name", r ? r->unit_name : ""},
                {"line_name", r ? r->line_name : ""}};
  };
  if (c.kind == "dual_ranking") {
    std::vector<DualScore> scores;
    std::map<long long, std::string> names;
    for (const auto& a : CampaignStore::assignments(sql, c.id)) names[a.rater] = a.rater_name;
    for (const auto& r : CampaignStore::named_ratings(sql, c.id))
      scores.push_back({.rater = r.rater, .ratee = r.ratee, .role = r.role, .score = static_cast<double>(r.score), .rank = r.rank});
    const DualOutcome o = combine_dual(scores, s);
    std::set<long long> scored;
    for (const auto& r : o.results) {
      scored.insert(r.ratee);
      Json j = person_json(r.ratee);
      j.update({{"line_score", opt(r.has_line, r.line_score)}, {"line_rank", opt_int(r.has_line, r.line_rank)},
                {"unit_score", opt(r.has_unit, r.unit_score)}, {"unit_rank", opt_int(r.has_unit, r.unit_rank)},
                {"line_normalised", opt(r.has_line, r.line_normalised)}, {"unit_normalised", opt(r.has_unit, r.unit_normalised)},
                {"combined", r.combined}, {"combined_rank", r.combined_rank}, {"top", r.top}, {"bottom", r.bottom}});
      items.push_back(j);
    }
    for (const auto& r : ratees)
      if (!scored.count(r.person_id)) {
        Json j = person_json(r.person_id);
        j.update({{"line_score", nullptr}, {"line_rank", nullptr}, {"unit_score", nullptr}, {"unit_rank", nullptr},
                  {"line_normalised", nullptr}, {"unit_normalised", nullptr}, {"combined", nullptr},
                  {"combined_rank", nullptr}, {"top", false}, {"bottom", false}});
        items.push_back(j);
      }
    out["normalisation"] = s.normalisation;
    out["line_weight"] = s.line_weight;
    out["unit_weight"] = s.unit_weight;
    if (!for_ratee) {
      Json raters = Json::array();
      for (const auto& r : o.raters)
        raters.push_back({{"rater_id", r.rater}, {"name", names[r.rater]}, {"role", r.role}, {"count", r.count},
                          {"mean", r.mean}, {"spread", r.spread}, {"leniency", r.leniency}});
      out["raters"] = raters;
      out["overall_mean"] = round2(o.overall_mean);
    }
  } else if (c.kind == "multi_source") {
    std::map<long long, std::map<std::string, std::vector<double>>> by_ratee;
    for (const auto& r : CampaignStore::named_ratings(sql, c.id)) by_ratee[r.ratee][r.role].push_back(r.score);
    for (const auto& [ratee, role, score] : CampaignStore::anonymous_scores(sql, c.id)) by_ratee[ratee][role].push_back(score);
    std::map<long long, Json> evidence;
    for (const auto& e : CampaignStore::evidence(sql, c.id)) {
      if (!evidence.count(e.ratee)) evidence[e.ratee] = Json::array();
      evidence[e.ratee].push_back({{"id", e.id}, {"kind", e.kind}, {"ref", e.ref}, {"note", e.note}, {"added_at", e.added_at}});
    }
    std::map<std::string, std::string> group_names;
    for (const auto& g : s.groups) group_names[g.code] = g.name;
    group_names["other"] = "其他";
    for (const auto& r : ratees) {
      std::vector<GroupScores> groups;
      for (const auto& [code, list] : by_ratee[r.person_id]) groups.push_back({code, list});
      const MultiResult m = combine_multi(groups, s);
      Json lines = Json::array();
      for (const auto& l : m.lines)
        lines.push_back({{"code", l.code}, {"name", group_names[l.code]}, {"responses", l.suppressed ? Json(nullptr) : Json(l.responses)},
                         {"mean", l.suppressed || l.responses == 0 ? Json(nullptr) : Json(l.mean)}, {"weight", l.weight},
                         {"suppressed", l.suppressed}});
      Json j = person_json(r.person_id);
      j.update({{"groups", lines}, {"total", m.has_total ? Json(m.total) : Json(nullptr)},
                {"evidence", evidence.count(r.person_id) ? evidence[r.person_id] : Json::array()}});
      items.push_back(j);
    }
    Json groups = Json::array();
    for (const auto& g : s.groups) groups.push_back({{"code", g.code}, {"name", g.name}, {"weight", g.weight}, {"anonymous", g.anonymous}});
    out["groups"] = groups;
    // By total, highest first; the unrated last.
    std::stable_sort(items.begin(), items.end(), [](const Json& a, const Json& b) {
      const double ta = a["total"].is_number() ? a["total"].get<double>() : -1, tb = b["total"].is_number() ? b["total"].get<double>() : -1;
      return ta > tb;
    });
  } else {
    std::map<long long, std::pair<std::string, std::pair<int, int>>> units;  // unit → (name, (ratees, excellent))
    const int year = assessment_year(c);
    const auto barred = for_ratee ? std::map<long long, BarredExcellent>{} : CampaignStore::excellent_barred(sql, c.id, year);
    for (const auto& r : ratees) {
      Json j = person_json(r.person_id);
      j["grade"] = r.grade.empty() ? Json(nullptr) : Json(r.grade);
      if (!for_ratee) j["excellent_barred"] = barred_json(barred, r.person_id);
      items.push_back(j);
      auto& u = units[r.unit_id];
      u.first = r.unit_name;
      ++u.second.first;
      if (r.grade == "excellent") ++u.second.second;
    }
    Json quota = Json::array();
    for (const auto& [unit, u] : units)
      quota.push_back({{"unit_id", unit}, {"unit_name", u.first}, {"ratees", u.second.first}, {"excellent", u.second.second},
                       {"quota", excellent_quota(u.second.first, s.excellent_percent)}});
    out["excellent_percent"] = s.excellent_percent;
    out["year"] = year;
    if (!for_ratee) out["units"] = quota;
  }
  out["items"] = items;
  return out;
}

Json CampaignService::results(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const Campaign c = load(lease.sql(), caller, id);
  return compute(lease.sql(), c, false);
}

std::string CampaignService::export_xlsx(const Principal& caller, long long id) {
  const Json r = results(caller, id);
  const std::string kind = r["kind"];
  Sheet sheet{.name = kind_zh(kind), .header = {}, .widths = {}, .rows = {}};
  auto num = [](const Json& v) { return v.is_number() ? fmt(v.get<double>()) : std::string(); };
  auto whole = [](const Json& v) { return v.is_number() ? std::to_string(v.get<long long>()) : std::string(); };
  const Json items = r["items"];
  if (kind == "dual_ranking") {
    sheet.header = {"综合排名", "姓名", "单位", "条线", "条线得分", "条线排名", "单位得分", "单位排名", "综合得分", "标记"};
    sheet.widths = {8, 10, 24, 14, 10, 8, 10, 8, 10, 8};
    for (const auto& i : items)
      sheet.rows.push_back({whole(i["combined_rank"]), i["name"], i["unit_name"], i["line_name"], num(i["line_score"]),
                            whole(i["line_rank"]), num(i["unit_score"]), whole(i["unit_rank"]), num(i["combined"]),
                            i["top"].get<bool>() ? "前列" : (i["bottom"].get<bool>() ? "末位" : "")});
  } else if (kind == "multi_source") {
    sheet.header = {"姓名", "单位", "综合得分"};
    sheet.widths = {10, 24, 10};
    const Json groups = r["groups"];
    for (const auto& g : groups) {
      sheet.header.push_back(g["name"].get<std::string>() + "（" + std::to_string(g["weight"].get<int>()) + "%）");
      sheet.widths.push_back(14);
    }
    sheet.header.push_back("其他（合并）");
    sheet.widths.push_back(14);
    for (const auto& i : items) {
      std::vector<std::string> row = {i["name"], i["unit_name"], num(i["total"])};
      std::map<std::string, std::string> cell;
      for (const auto& l : i["groups"])
        cell[l["code"]] = l["suppressed"].get<bool>() ? "不足3人不显示" : (l["mean"].is_number() ? fmt(l["mean"].get<double>()) : "—");
      for (const auto& g : groups) row.push_back(cell.count(g["code"]) ? cell[g["code"]] : "并入其他");
      row.push_back(cell.count("other") ? cell["other"] : "");
      sheet.rows.push_back(row);
    }
  } else {
    sheet.header = {"姓名", "单位", "等次"};
    sheet.widths = {10, 24, 10};
    for (const auto& i : items)
      sheet.rows.push_back({i["name"], i["unit_name"], i["grade"].is_string() ? grade_zh(i["grade"]) : "未评定"});
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "evaluation.results_exported", .target_type = "evaluation_campaign",
                             .target_id = std::to_string(id), .detail = {{"rows", sheet.rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

Json CampaignService::my_results(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return results_of(caller.person_id, true);
}

Json CampaignService::results_of(long long person_id, bool shown_only) {
  auto lease = db_.lease();
  Json items = Json::array();
  for (const auto& c : CampaignStore::published_for(lease.sql(), person_id)) {
    if (shown_only && !settings_of(c.settings).show_to_ratee) continue;
    const Json all = compute(lease.sql(), c, true);
    const Json list = all["items"];
    for (const auto& i : list) {
      if (i["person_id"] != person_id) continue;
      Json mine = i;
      mine["campaign_id"] = c.id;
      mine["title"] = c.title;
      mine["kind"] = c.kind;
      mine["published_at"] = c.published_at;
      mine["ratees"] = list.size();
      items.push_back(mine);
    }
  }
  return {{"items", items}};
}

std::vector<Outcome> CampaignService::outcomes(soci::session& sql, const Campaign& c) const {
  std::vector<Outcome> out;
  const Json all = compute(sql, c, true);
  const Json items = all["items"];
  for (const auto& i : items) {
    Outcome o{.person_id = i["person_id"].get<long long>()};
    if (c.kind == "annual" && i["grade"].is_string()) o.grade = i["grade"].get<std::string>();
    if (c.kind == "dual_ranking") {
      if (i["top"].get<bool>()) o.flag = "top";
      else if (i["bottom"].get<bool>()) o.flag = "bottom";
      if (i["combined_rank"].is_number()) o.combined_rank = i["combined_rank"].get<int>();
    }
    out.push_back(o);
  }
  return out;
}

namespace {

std::string three_years_before(const std::string& today) { return format_date(add_years(*parse_date(today), -3)); }

}  // namespace

void CampaignService::outcome_condition(db::Query& q, const std::string& outcome, const std::string& today) {
  CampaignStore::outcome_condition(q, outcome, three_years_before(today));
}

std::map<long long, std::vector<std::string>> CampaignService::outcomes_of(const std::vector<long long>& people,
                                                                          const std::string& today) {
  auto lease = db_.lease();
  return CampaignStore::outcomes_of(lease.sql(), people, three_years_before(today));
}

std::map<long long, std::pair<std::string, std::string>> CampaignService::latest_grades(const std::vector<long long>& people) {
  auto lease = db_.lease();
  return CampaignStore::latest_grades(lease.sql(), people);
}

}  // namespace xinhuo::evaluation
