#include "evaluation/survey_routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::evaluation::survey {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json survey_json(const Survey& s, bool with_questions) {
  Json j = {{"id", s.id}, {"org_node_id", s.org_node_id}, {"org_node_name", s.org_node_name}, {"title", s.title},
            {"description", s.description}, {"anonymous", s.anonymous}, {"by_link", s.by_link}, {"target", s.target},
            {"status", s.status}, {"version", s.version}, {"question_count", s.questions.size()},
            {"created_by", s.created_by_name}, {"created_at", s.created_at}, {"updated_at", s.updated_at},
            {"opened_at", opt_text(s.opened_at)}, {"closed_at", opt_text(s.closed_at)}, {"responses", s.responses}};
  if (with_questions) j["questions"] = questions_json(s.questions);
  return j;
}

// The phone's view: no counts of others, the caller's own marker.
Json my_json(const Survey& s, bool with_questions) {
  Json j = {{"id", s.id}, {"title", s.title}, {"description", s.description}, {"anonymous", s.anonymous},
            {"org_node_name", s.org_node_name}, {"status", s.status}, {"responded", s.responded},
            {"question_count", s.questions.size()}, {"opened_at", opt_text(s.opened_at)}, {"closed_at", opt_text(s.closed_at)}};
  if (with_questions) j["questions"] = questions_json(s.questions);
  return j;
}

Json cross_json(const std::vector<CrossRow>& rows) {
  Json out = Json::array();
  for (const auto& r : rows) {
    Json counts = Json::array();
    for (auto c : r.counts) counts.push_back(c < 0 ? Json(nullptr) : Json(c));
    out.push_back({{"group", r.group}, {"label", r.label}, {"suppressed", r.respondents < 0},
                   {"respondents", r.respondents < 0 ? Json(nullptr) : Json(r.respondents)}, {"counts", counts}});
  }
  return out;
}

Json results_json(const Results& r) {
  Json questions = Json::array();
  for (const auto& q : r.questions) {
    Json options = Json::array();
    for (const auto& o : q.options) options.push_back({{"id", o.id}, {"label", o.label}, {"count", o.count}, {"percent", o.percent}});
    Json texts = Json::array();
    for (const auto& t : q.texts) texts.push_back(t);
    questions.push_back({{"id", q.id}, {"kind", q.kind}, {"title", q.title}, {"answered", q.answered}, {"options", options},
                         {"mean", opt_text(q.mean)}, {"texts", texts}, {"by_unit", cross_json(q.by_unit)},
                         {"by_age_band", cross_json(q.by_age_band)}});
  }
  return {{"survey", survey_json(r.survey, false)}, {"responses", r.responses}, {"questions", questions},
          {"min_cell", kMinCell}};
}

SurveyInput input_of(http::Request& req, int* version) {
  Json body = req.json();
  JsonFields f(body);
  SurveyInput in;
  in.org_node_id = f.required_int("org_node_id", 1, LLONG_MAX);
  in.title = f.required_string("title", 100);
  in.description = f.optional_string("description", 1000).value_or("");
  in.target = f.optional_string("target", 20).value_or("everyone");
  in.anonymous = f.optional_bool("anonymous", false);
  in.by_link = f.optional_bool("by_link", false);
  in.questions = questions_from_json(f.required_array("questions"));
  if (version) *version = static_cast<int>(f.required_int("version", 1, INT_MAX));
  f.finish();
  return in;
}

std::vector<Answer> answers_of(http::Request& req) {
  Json body = req.json();
  JsonFields f(body);
  const Json& list = f.required_array("answers");
  std::vector<Answer> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonFields af(list[i], "answers[" + std::to_string(i) + "].");
    Answer a;
    a.question_id = af.required_string("question_id", 20);
    if (list[i].contains("option_ids") && !list[i]["option_ids"].is_null()) {
      const Json& ids = af.required_array("option_ids");
      if (ids.size() > static_cast<std::size_t>(kMaxOptions))
        throw Error::validation("answers[" + std::to_string(i) + "].option_ids", {"选项过多", "Too many options"});
      for (const auto& id : ids) {
        if (!id.is_string()) throw Error::validation("answers[" + std::to_string(i) + "].option_ids", {"选项编号不正确", "Option ids are strings"});
        a.option_ids.push_back(id.get<std::string>());
      }
    } else {
      af.optional_bool("option_ids", false);
    }
    a.value = af.optional_int("value", -1000, 1000);
    a.text = af.optional_string("text", kMaxTextLength).value_or("");
    af.finish();
    out.push_back(a);
  }
  f.finish();
  return out;
}

}  // namespace

void add_routes(http::Router& router, SurveyService& service) {
  const std::string base = "/api/v1/evaluation/surveys";
  router.add({.method = "GET", .pattern = base, .tag = "evaluation",
              .summary = "Surveys of organisations in scope, newest first (status, node_id, q, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               SurveyFilter f;
               f.status = req.query_param("status").value_or("");
               f.q = req.query_param("q").value_or("");
               if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& s : service.list(req.principal, f, &total)) items.push_back(survey_json(s, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "POST", .pattern = base, .tag = "evaluation",
              .summary = "Create a draft survey of an organisation in scope ({org_node_id, title, description, target: everyone | "
                         "young_cadres | members, anonymous, by_link, questions})",
              .permission = kPermManage, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, survey_json(service.create(req.principal, input_of(req, nullptr)), true));
             });
  router.add({.method = "GET", .pattern = base + "/{id}", .tag = "evaluation", .summary = "One survey with its questions",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, survey_json(service.get(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = base + "/{id}", .tag = "evaluation",
              .summary = "Save a draft (the whole survey with the version it was read at); 409 survey_version when it changed "
                         "meanwhile, 409 survey_state once open (questions are locked)",
              .permission = kPermManage},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               int version = 0;
               SurveyInput in = input_of(req, &version);
               return http::Response::json(200, survey_json(service.update(req.principal, id, version, in), true));
             });
  for (const std::string action : {"publish", "close"}) {
    router.add({.method = "POST", .pattern = base + "/{id}/" + action, .tag = "evaluation",
                .summary = action == "publish" ? "Open a draft for answers; its questions are locked from now on"
                                               : "Close an open survey; no more answers",
                .permission = kPermManage},
               [&service, action](http::Request& req) {
                 return http::Response::json(200, survey_json(service.transition(req.principal, req.id_param("id"), action), true));
               });
  }
  router.add({.method = "GET", .pattern = base + "/{id}/results", .tag = "evaluation",
              .summary = "Live results: counts and percentages (two decimals; a single choice's sum to 100.00 by largest "
                         "remainder), scale means, texts, cross-tabulation by unit and age band (anonymous: groups and cells "
                         "under 3 suppressed as null)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, results_json(service.results(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = base + "/{id}/export", .tag = "evaluation",
              .summary = "The results as an .xlsx file (audited); a named survey's answers with names, an anonymous one's never",
              .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, req.id_param("id")), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"survey.xlsx\"; filename*=UTF-8''%E9%97%AE%E5%8D%B7%E7%BB%9F%E8%AE%A1.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/surveys", .tag = "evaluation",
              .summary = "Open surveys for me and those I have answered, with my has-responded marker"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& s : service.mine(req.principal)) items.push_back(my_json(s, false));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/surveys/{id}", .tag = "evaluation",
              .summary = "A survey I may answer (in its target, or it is open by link) with its questions"},
             [&service](http::Request& req) {
               return http::Response::json(200, my_json(service.my_survey(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/surveys/{id}/responses", .tag = "evaluation",
              .summary = "Submit my answers once ({answers: [{question_id, option_ids | value | text}]}); branching, required "
                         "questions, options and ranges checked (400 naming the answer); 409 survey_responded the second time",
              .creates = true},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               const auto answers = answers_of(req);
               return http::Response::json(201, my_json(service.respond(req.principal, id, answers), false));
             });
}

}  // namespace xinhuo::evaluation::survey
