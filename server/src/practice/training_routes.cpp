#include "practice/training_routes.hpp"

#include <climits>

namespace xinhuo::practice {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json enrolment_json(const Enrolment& e) {
  return {{"person_id", e.person_id}, {"name", e.person_name}, {"unit_name", e.unit_name}, {"attended_days", e.attended_days},
          {"completion", e.completion}, {"result", opt_text(e.result)}, {"score", e.score ? Json(*e.score) : Json(nullptr)}};
}

Json training_json(const Training& t, bool with_enrolments) {
  Json j = {{"id", t.id}, {"node_id", t.node_id}, {"node_name", t.node_name}, {"title", t.title}, {"kind", t.kind},
            {"starts_on", t.starts_on}, {"ends_on", t.ends_on}, {"hours", t.hours}, {"capacity", t.capacity},
            {"place", opt_text(t.place)}, {"status", t.status}, {"created_by", t.created_by_name}, {"created_at", t.created_at},
            {"closed_by", opt_text(t.closed_by_name)}, {"closed_at", opt_text(t.closed_at)}, {"enrolled", t.enrolled},
            {"completed", t.completed}};
  if (with_enrolments) {
    Json rows = Json::array();
    for (const auto& e : t.enrolments) rows.push_back(enrolment_json(e));
    j["enrolments"] = rows;
    Json days = Json::array();
    for (const auto& [day, present] : t.days) days.push_back({{"day", day}, {"present", present}});
    j["days"] = days;
  }
  return j;
}

Json competition_json(const Competition& c, bool with_entries) {
  Json j = {{"id", c.id}, {"node_id", c.node_id}, {"node_name", c.node_name}, {"title", c.title}, {"level", c.level},
            {"held_on", c.held_on}, {"status", c.status}, {"created_by", c.created_by_name}, {"created_at", c.created_at},
            {"published_by", opt_text(c.published_by_name)}, {"published_at", opt_text(c.published_at)},
            {"participants", c.participants}};
  if (with_entries) {
    Json rows = Json::array();
    for (const auto& e : c.entries)
      rows.push_back({{"person_id", e.person_id}, {"name", e.person_name}, {"unit_name", e.unit_name}, {"score", e.score},
                      {"rank", e.rank ? Json(e.rank) : Json(nullptr)}});
    j["entries"] = rows;
  }
  return j;
}

TrainingInput training_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  TrainingInput in;
  if (creating) in.node_id = f.required_int("node_id", 1, LLONG_MAX);
  in.title = f.required_string("title", 100);
  in.kind = f.required_string("kind", 20);
  in.starts_on = f.required_string("starts_on", 10);
  in.ends_on = f.required_string("ends_on", 10);
  in.hours = static_cast<int>(f.required_int("hours", 1, 2000));
  in.capacity = static_cast<int>(f.required_int("capacity", 1, 1000));
  in.place = f.optional_string("place", 100).value_or("");
  f.finish();
  return in;
}

EventFilter filter_of(http::Request& req) {
  EventFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.status = req.query_param("status").value_or("");
  f.year = req.query_int("year", 0, 0, 2100);
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

// A score of 0–100 (one decimal kept); nullopt when absent or null.
std::optional<double> number(const Json& object, const std::string& name, const std::string& field) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 100)
    throw Error::validation(field, {"成绩应为 0 到 100 之间的数字", "The score is a number from 0 to 100"});
  return it->get<double>();
}

// Reads a list of objects under `name`, each through `read` with its own strict field reader and its field prefix.
template <typename T, typename Read>
std::vector<T> rows_of(http::Request& req, const std::string& name, std::size_t max, Read read) {
  Json body = req.json();
  JsonFields f(body);
  const Json& list = f.required_array(name);
  f.finish();
  if (list.size() > max) throw Error::validation(name, {"条目过多", "Too many items"});
  std::vector<T> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = name + "[" + std::to_string(i) + "]";
    if (!list[i].is_object()) throw Error::validation(at, {"每一项应为对象", "Each item is an object"});
    // The score is a decimal, which JsonFields does not read: taken out first, the rest read strictly.
    Json item = list[i];
    std::optional<double> score = number(item, "score", at + ".score");
    item.erase("score");
    JsonFields row(item, at + ".");
    out.push_back(read(row, score, at + "."));
    row.finish();
  }
  return out;
}

}  // namespace

void add_training_routes(http::Router& router, TrainingService& trainings, CompetitionService& competitions) {
  router.add({.method = "POST", .pattern = "/api/v1/practice/trainings", .tag = "practice",
              .summary = "Record a training class of an organising node in scope (kind party_spirit | theory | skill | "
                         "young_cadre | other)",
              .permission = kPermWrite, .creates = true},
             [&trainings](http::Request& req) {
               return http::Response::json(201, training_json(trainings.create(req.principal, training_input(req, true)), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/trainings", .tag = "practice",
              .summary = "Training classes in scope, latest first (node_id, status open | closed, year, page, page_size)",
              .permission = kPermRead},
             [&trainings](http::Request& req) {
               const EventFilter f = filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& t : trainings.list(req.principal, f, &total)) items.push_back(training_json(t, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/trainings/{id}", .tag = "practice",
              .summary = "One training class with its enrolment and results", .permission = kPermRead},
             [&trainings](http::Request& req) {
               return http::Response::json(200, training_json(trainings.get(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/practice/trainings/{id}", .tag = "practice",
              .summary = "Change an open class's title, kind, dates, hours, capacity and place", .permission = kPermWrite},
             [&trainings](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, training_json(trainings.update(req.principal, id, training_input(req, false)), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/practice/trainings/{id}/enrolments", .tag = "practice",
              .summary = "Enrol people in scope in an open class ({person_ids}), up to its capacity", .permission = kPermWrite},
             [&trainings](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const auto people = f.optional_id_list("person_ids", kMaxEnrolPerRequest);
               f.finish();
               return http::Response::json(200, training_json(trainings.enrol(req.principal, id, people), true));
             });
  router.add({.method = "DELETE", .pattern = "/api/v1/practice/trainings/{id}/enrolments/{person_id}", .tag = "practice",
              .summary = "Take a person off an open class", .permission = kPermWrite},
             [&trainings](http::Request& req) {
               const long long id = req.id_param("id"), person = req.id_param("person_id");
               return http::Response::json(200, training_json(trainings.unenrol(req.principal, id, person), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/practice/trainings/{id}/attendance", .tag = "practice",
              .summary = "按日考勤 of an open class: {day, present: [person ids]} (replaces that day's marks; the days attended "
                         "follow the marked days)",
              .permission = kPermWrite},
             [&trainings](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string day = f.required_string("day", 10);
               const auto present = f.optional_id_list("present", 1000);
               f.finish();
               return http::Response::json(200, training_json(trainings.mark_day(req.principal, id, day, present), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/practice/trainings/{id}/results", .tag = "practice",
              .summary = "Record attendance and results of an open class: [{person_id, attended_days, completion pending | "
                         "completed | not_completed, result excellent | qualified | unqualified, score 0–100}]",
              .permission = kPermWrite},
             [&trainings](http::Request& req) {
               const long long id = req.id_param("id");
               auto rows = rows_of<Enrolment>(req, "results", 1000, [](JsonFields& row, std::optional<double> score, const std::string&) {
                 Enrolment e;
                 e.person_id = row.required_int("person_id", 1, LLONG_MAX);
                 e.attended_days = static_cast<int>(row.optional_int("attended_days", 0, 400).value_or(0));
                 e.completion = row.required_string("completion", 20);
                 e.result = row.optional_string("result", 20).value_or("");
                 e.score = score;
                 return e;
               });
               return http::Response::json(200, training_json(trainings.set_results(req.principal, id, rows), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/practice/trainings/{id}/close", .tag = "practice",
              .summary = "Close an ended class once every person is decided: publishes practice.training_completed for each "
                         "who completed",
              .permission = kPermWrite},
             [&trainings](http::Request& req) {
               return http::Response::json(200, training_json(trainings.close(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/practice/trainings", .tag = "practice",
              .summary = "My training classes with my attendance and result"},
             [&trainings](http::Request& req) {
               Json items = Json::array();
               for (const auto& t : trainings.mine(req.principal)) {
                 Json j = training_json(t, false);
                 j["mine"] = t.enrolments.empty() ? Json(nullptr) : enrolment_json(t.enrolments.front());
                 items.push_back(j);
               }
               return http::Response::json(200, {{"items", items}});
             });

  router.add({.method = "GET", .pattern = "/api/v1/me/practice/competitions", .tag = "practice",
              .summary = "The published skill competitions I took part in, with my score, my rank and how many took part"},
             [&competitions](http::Request& req) {
               Json items = Json::array();
               for (const auto& [c, e] : competitions.mine(req.principal)) {
                 Json j = competition_json(c, false);
                 j["mine"] = {{"score", e.score}, {"rank", e.rank ? Json(e.rank) : Json(nullptr)}};
                 items.push_back(j);
               }
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/practice/competitions", .tag = "practice",
              .summary = "Record a skill competition (岗位练兵比武) of an organising node in scope (level unit | district | "
                         "city | province, held_on)",
              .permission = kPermWrite, .creates = true},
             [&competitions](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               Competition c;
               c.node_id = f.required_int("node_id", 1, LLONG_MAX);
               c.title = f.required_string("title", 100);
               c.level = f.required_string("level", 20);
               c.held_on = f.required_string("held_on", 10);
               f.finish();
               return http::Response::json(201, competition_json(competitions.create(req.principal, c), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/competitions", .tag = "practice",
              .summary = "Competitions in scope, latest first (node_id, status draft | published, year, page, page_size)",
              .permission = kPermRead},
             [&competitions](http::Request& req) {
               const EventFilter f = filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : competitions.list(req.principal, f, &total)) items.push_back(competition_json(c, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/competitions/{id}", .tag = "practice",
              .summary = "One competition with its participants, scores and (once published) ranks", .permission = kPermRead},
             [&competitions](http::Request& req) {
               return http::Response::json(200, competition_json(competitions.get(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/practice/competitions/{id}/entries", .tag = "practice",
              .summary = "Replace the participants and scores of an unpublished competition: [{person_id, score 0–100}]",
              .permission = kPermWrite},
             [&competitions](http::Request& req) {
               const long long id = req.id_param("id");
               auto entries = rows_of<Entry>(req, "entries", 1000, [](JsonFields& row, std::optional<double> score, const std::string& at) {
                 Entry e;
                 e.person_id = row.required_int("person_id", 1, LLONG_MAX);
                 if (!score) throw Error::validation(at + "score", {"请填写成绩", "Give the score"});
                 e.score = *score;
                 return e;
               });
               return http::Response::json(200, competition_json(competitions.set_entries(req.principal, id, entries), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/practice/competitions/{id}/publish", .tag = "practice",
              .summary = "Publish the results once: ranks by score, ties share a rank (1, 1, 3)", .permission = kPermWrite},
             [&competitions](http::Request& req) {
               return http::Response::json(200, competition_json(competitions.publish(req.principal, req.id_param("id")), true));
             });
}

}  // namespace xinhuo::practice
