#include "record/archive_routes.hpp"

#include <climits>
#include <sstream>

#include "core/json_input.hpp"

namespace xinhuo::record {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json person_json(const org::Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"gender", p.gender},
          {"ethnicity", opt_text(p.ethnicity)},
          {"birth_date", p.birth_date},
          {"age", p.age},
          {"native_place", opt_text(p.native_place)},
          {"education", opt_text(p.education)},
          {"degree", opt_text(p.degree)},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"branch_name", opt_text(p.branch_name)},
          {"position", opt_text(p.position)},
          {"rank", opt_text(p.rank)},
          {"work_start_date", opt_text(p.work_start_date)},
          {"party_status", p.party_status},
          {"party_joined_date", opt_text(p.party_joined_date)},
          {"young_cadre", p.young_cadre}};
}

Json points_json(const std::vector<points::Summary>& years) {
  Json out = Json::array();
  for (const auto& s : years) {
    Json categories = Json::array();
    for (const auto& c : s.categories)
      if (c.points) categories.push_back({{"code", c.code}, {"name", c.name}, {"points", c.points}});
    out.push_back({{"year", s.year}, {"base_score", s.base_score}, {"earned", s.earned}, {"score", s.score}, {"categories", categories}});
  }
  return out;
}

Json strings(const std::vector<std::string>& list) {
  Json out = Json::array();
  for (const auto& s : list) out.push_back(s);
  return out;
}

Json archive_json(const Archive& a) {
  Json career = Json::array();
  for (const auto& h : a.career)
    career.push_back({{"field", h.field}, {"old_value", opt_text(h.old_value)}, {"new_value", opt_text(h.new_value)},
                      {"date", h.changed_at.substr(0, 10)}});
  Json items = Json::array();
  for (const auto& i : a.items)
    items.push_back({{"date", i.date}, {"section", i.section}, {"kind", i.kind}, {"code", opt_text(i.code)},
                     {"status", opt_text(i.status)}, {"title", i.title}, {"detail", opt_text(i.detail)}, {"ref_id", i.ref_id}});
  Json years = Json::array();
  for (const auto& y : a.years)
    years.push_back({{"year", y.year},
                     {"meetings_attended", y.meetings_attended},
                     {"meetings_missed", y.meetings_missed},
                     {"meetings_excused", y.meetings_excused},
                     {"dues_payments", y.dues_payments},
                     {"study_present", y.study.present},
                     {"study_late", y.study.late},
                     {"study_excused", y.study.excused},
                     {"study_absent", y.study.absent}});
  Json comments = Json::array();
  for (const auto& c : a.comments)
    comments.push_back({{"period", c.period}, {"leader_name", c.leader_name}, {"leader_position", opt_text(c.leader_position)},
                        {"content", c.content}, {"written_at", c.written_at}});
  return {{"person", person_json(a.person)}, {"career", career},     {"items", items},
          {"years", years},                  {"points", points_json(a.points)}, {"comments", comments},
          {"generated_at", a.generated_at}};
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

PoolFilter pool_filter(http::Request& req) {
  PoolFilter f;
  f.name = req.query_param("name").value_or("");
  if (f.name.size() > 50) throw Error::validation("name", {"姓名过长", "The name is too long"});
  f.unit_id = req.query_int("unit_id", 0, 0, INT_MAX);
  f.rank = req.query_param("rank").value_or("");
  f.party_status = req.query_param("party_status").value_or("");
  f.education = req.query_param("education").value_or("");
  if (f.rank.size() > 30 || f.party_status.size() > 30 || f.education.size() > 30)
    throw Error::validation("rank", {"筛选条件过长", "A filter is too long"});
  f.age_min = req.query_int("age_min", 0, 0, 100);
  f.age_max = req.query_int("age_max", 0, 0, 100);
  f.young_only = req.query_param("young_only").value_or("true") != "false";
  f.experience = split(req.query_param("experience").value_or(""));
  if (f.experience.size() > 8) throw Error::validation("experience", {"经历条件过多", "Too many experience filters"});
  f.evaluation = split(req.query_param("evaluation").value_or(""));
  if (f.evaluation.size() > 8) throw Error::validation("evaluation", {"考核结果条件过多", "Too many evaluation filters"});
  f.watchlist_id = req.query_int("watchlist_id", 0, 0, INT_MAX);
  f.promotable = req.query_param("promotable").value_or("false") == "true";
  f.sort = req.query_param("sort").value_or("name");
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 20, 1, 100);
  return f;
}

Json watchlist_json(const Watchlist& w) {
  return {{"id", w.id}, {"name", w.name}, {"created_at", w.created_at}, {"people", w.people}};
}

}  // namespace

void add_archive_routes(http::Router& router, ArchiveService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/record/people/{id}/archive", .tag = "record",
              .summary = "The growth archive (成长档案) of a person in scope: profile, career, party life, study, training, "
                         "practice, points by year, record entries and leaders' comments in time order (audited)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, archive_json(service.archive(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/archive", .tag = "record", .summary = "My own growth archive"},
             [&service](http::Request& req) { return http::Response::json(200, archive_json(service.my_archive(req.principal))); });
  router.add({.method = "GET", .pattern = "/api/v1/record/pool", .tag = "record",
              .summary = "The young-cadre pool (年轻干部库): people in scope (young cadres unless young_only=false) by name, "
                         "unit_id, rank, party_status, education, age_min, age_max, experience (comma-separated: frontline, "
                         "training, work_result, no_shortcoming — all required), evaluation (comma-separated, over the last three "
                         "years of published campaigns: excellent, top, no_low — all required), watchlist_id, promotable=true "
                         "(no accountability bar in force; needs oversight.read); sort name | birth_date | rank | unit; each "
                         "with their experience, evaluation outcomes, latest annual grade, this year's points, the caller's "
                         "lists they are on and, for oversight.read, the end of a promotion bar in force",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const PoolFilter f = pool_filter(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& row : service.pool(req.principal, f, &total)) {
                 Json lists = Json::array();
                 for (long long id : row.watchlists) lists.push_back(id);
                 Json item = person_json(row.person);
                 item["experience"] = strings(row.experience);
                 item["evaluation"] = strings(row.evaluation);
                 item["latest_grade"] = row.latest_grade.empty() ? Json(nullptr) : Json{{"grade", row.latest_grade}, {"published_on", row.latest_grade_on}};
                 item["points_this_year"] = row.points_this_year;
                 item["watchlists"] = lists;
                 item["promotion_barred_until"] = row.promotion_barred_until.empty() ? Json(nullptr) : Json(row.promotion_barred_until);
                 items.push_back(item);
               }
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/record/compare", .tag = "record",
              .summary = "Two to four cadres in scope side by side (ids=1,2,3): profile, experience, points of the last three "
                         "years, practice, study and record counts, the latest leaders' comment (audited)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               std::vector<long long> ids;
               for (const auto& part : split(req.query_param("ids").value_or(""))) {
                 char* end = nullptr;
                 const long long id = std::strtoll(part.c_str(), &end, 10);
                 if (!end || *end || id <= 0 || part.size() > 12)
                   throw Error::validation("ids", {"干部编号不正确", "The ids are not valid"});
                 ids.push_back(id);
               }
               Json items = Json::array();
               for (const auto& c : service.compare(req.principal, ids)) {
                 Json entries = Json::object();
                 for (const auto& [category, n] : c.entries_by_category) entries[category] = n;
                 items.push_back({{"person", person_json(c.person)},
                                  {"experience", strings(c.experience)},
                                  {"points", points_json(c.points)},
                                  {"frontline", c.frontline},
                                  {"trainings", c.trainings},
                                  {"training_hours", c.training_hours},
                                  {"competitions", c.competitions},
                                  {"lectures", c.lectures},
                                  {"courses", c.courses},
                                  {"course_hours", c.course_hours},
                                  {"study_attended", c.study_attended},
                                  {"study_expected", c.study_expected},
                                  {"entries_by_category", entries},
                                  {"latest_comment_period", opt_text(c.latest_comment_period)},
                                  {"latest_comment", opt_text(c.latest_comment)}});
               }
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/record/watchlists", .tag = "record",
              .summary = "My watch lists of the pool, with how many people each holds", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& w : service.watchlists(req.principal)) items.push_back(watchlist_json(w));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/record/watchlists", .tag = "record",
              .summary = "Make a watch list ({name} ≤ 30, unique among mine; at most 50)", .permission = kPermRead, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string name = f.required_string("name", 30);
               f.finish();
               return http::Response::json(201, watchlist_json(service.create_watchlist(req.principal, name)));
             });
  router.add({.method = "DELETE", .pattern = "/api/v1/record/watchlists/{id}", .tag = "record",
              .summary = "Delete one of my watch lists (the people stay in the roster)", .permission = kPermRead},
             [&service](http::Request& req) {
               service.delete_watchlist(req.principal, req.id_param("id"));
               return http::Response::no_content();
             });
  router.add({.method = "PUT", .pattern = "/api/v1/record/watchlists/{id}/people/{person_id}", .tag = "record",
              .summary = "Put a person in scope on one of my watch lists ({note} ≤ 200, optional; replaces the note)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json body = req.body.empty() ? Json::object() : req.json();
               JsonFields f(body);
               const std::string note = f.optional_string("note", 200).value_or("");
               f.finish();
               service.watch(req.principal, req.id_param("id"), req.id_param("person_id"), note);
               return http::Response::no_content();
             });
  router.add({.method = "DELETE", .pattern = "/api/v1/record/watchlists/{id}/people/{person_id}", .tag = "record",
              .summary = "Take a person off one of my watch lists", .permission = kPermRead},
             [&service](http::Request& req) {
               service.unwatch(req.principal, req.id_param("id"), req.id_param("person_id"));
               return http::Response::no_content();
             });
}

}  // namespace xinhuo::record
