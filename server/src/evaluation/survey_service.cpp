#include "evaluation/survey_service.hpp"

#include <algorithm>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"

namespace xinhuo::evaluation::survey {

namespace {

const Text kNoSurvey{"问卷不存在", "No such survey"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string status_zh(const std::string& s) {
  if (s == "draft") return "草稿";
  if (s == "open") return "进行中";
  if (s == "closed") return "已结束";
  return s;
}

Error wrong_state(const std::string& status) {
  return Error::conflict("survey_state", {"问卷当前为“" + status_zh(status) + "”，不能进行此操作，请刷新后重试",
                                          "The survey is " + status + " now and cannot take this step; reload and try again"});
}

std::string age_band_zh(const std::string& band) {
  static const std::map<std::string, std::string> m = {{"under_30", "30 岁以下"}, {"30_34", "30–34 岁"}, {"35_39", "35–39 岁"},
                                                       {"40_44", "40–44 岁"}, {"45_plus", "45 岁及以上"}};
  auto it = m.find(band);
  return it == m.end() ? band : it->second;
}

// A response id that says nothing of when it came: random, positive, within what a browser reads exactly.
long long random_id() {
  const std::string hex = random_hex(7);
  return static_cast<long long>(std::stoull(hex, nullptr, 16) & 0x1FFFFFFFFFFFFFULL) + 1;
}

std::string two_decimals(long long hundredths) {
  return std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") + std::to_string(hundredths % 100);
}

}  // namespace

std::string SurveyService::today() const { return beijing_date(clock_.now()); }

void SurveyService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void SurveyService::check_input(const SurveyInput& in) const {
  if (trim(in.title).empty()) throw Error::validation("title", {"请填写问卷标题", "Give the survey a title"});
  if (std::find(targets().begin(), targets().end(), in.target) == targets().end())
    throw Error::validation("target", {"答卷对象应为全体人员、年轻干部或党员", "target is everyone, young_cadres or members"});
  check_questions(in.questions);
}

Survey SurveyService::load_visible(soci::session& sql, const Principal& caller, long long id) const {
  if (!SurveyStore::visible(sql, caller, id)) throw Error::not_found(kNoSurvey);
  auto s = SurveyStore::find(sql, id);
  if (!s) throw Error::not_found(kNoSurvey);
  return *s;
}

Survey SurveyService::create(const Principal& caller, const SurveyInput& in) {
  require(caller, kPermManage);
  check_input(in);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!org::node_in_scope(tx.sql(), caller, in.org_node_id, {.active_only = true}))
    throw Error::validation("org_node_id", {"组织不存在或不在管理范围内", "The organisation is not one you manage"});
  Survey s;
  s.org_node_id = in.org_node_id;
  s.title = trim(in.title);
  s.description = trim(in.description);
  s.anonymous = in.anonymous;
  s.by_link = in.by_link;
  s.target = in.target;
  s.questions = in.questions;
  const long long id = SurveyStore::insert(tx, s, caller.account_id, now);
  audit::record(tx, caller, {.action = "evaluation.survey_created", .target_type = "survey", .target_id = std::to_string(id),
                             .detail = {{"org_node_id", in.org_node_id}, {"anonymous", in.anonymous}, {"questions", in.questions.size()}}},
                clock_.now());
  Survey out = *SurveyStore::find(tx.sql(), id);
  tx.commit();
  return out;
}

Survey SurveyService::update(const Principal& caller, long long id, int version, const SurveyInput& in) {
  require(caller, kPermManage);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Survey current = load_visible(tx.sql(), caller, id);
  if (current.status != "draft") throw wrong_state(current.status);  // questions are locked once open
  check_input(in);
  if (!org::node_in_scope(tx.sql(), caller, in.org_node_id, {.active_only = true}))
    throw Error::validation("org_node_id", {"组织不存在或不在管理范围内", "The organisation is not one you manage"});
  Survey s = current;
  s.org_node_id = in.org_node_id;
  s.title = trim(in.title);
  s.description = trim(in.description);
  s.anonymous = in.anonymous;
  s.by_link = in.by_link;
  s.target = in.target;
  s.questions = in.questions;
  if (!SurveyStore::update_draft(tx, s, version, now))
    throw Error::conflict("survey_version", {"问卷已被他人修改，请刷新后重试", "The survey changed meanwhile; reload and try again"});
  audit::record(tx, caller, {.action = "evaluation.survey_updated", .target_type = "survey", .target_id = std::to_string(id),
                             .detail = {{"version", version + 1}, {"questions", in.questions.size()}}},
                clock_.now());
  Survey out = *SurveyStore::find(tx.sql(), id);
  tx.commit();
  return out;
}

Survey SurveyService::transition(const Principal& caller, long long id, const std::string& action) {
  require(caller, kPermManage);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const Survey s = load_visible(tx.sql(), caller, id);
  std::string from, to;
  if (action == "publish") {
    from = "draft";
    to = "open";
    if (s.status == from && s.questions.empty())
      throw Error::validation("questions", {"问卷至少要有一道题才能发布", "Add a question before publishing"});
  } else if (action == "close") {
    from = "open";
    to = "closed";
  } else {
    throw Error::not_found();
  }
  if (s.status != from || !SurveyStore::transition(tx, id, from, to, now)) throw wrong_state(s.status);
  audit::record(tx, caller, {.action = "evaluation.survey_" + std::string(action == "publish" ? "published" : "closed"),
                             .target_type = "survey", .target_id = std::to_string(id), .detail = {{"from", from}, {"to", to}}},
                clock_.now());
  Survey out = *SurveyStore::find(tx.sql(), id);
  tx.commit();
  return out;
}

Survey SurveyService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return load_visible(lease.sql(), caller, id);
}

std::vector<Survey> SurveyService::list(const Principal& caller, const SurveyFilter& filter, long long* total) {
  require(caller, kPermRead);
  if (!filter.status.empty() && filter.status != "draft" && filter.status != "open" && filter.status != "closed")
    throw Error::validation("status", {"状态不正确", "status is draft, open or closed"});
  auto lease = db_.lease();
  return SurveyStore::list(lease.sql(), caller, filter, total);
}

Results SurveyService::compute(soci::session& sql, const Survey& s) const {
  Results out;
  out.survey = s;
  out.responses = SurveyStore::response_count(sql, s.id);
  const auto answered = SurveyStore::answered(sql, s.id);
  const auto overall = SurveyStore::counts(sql, s.id, "");
  const auto units = SurveyStore::unit_names(sql, s.id);
  struct Tab {
    std::string by;
    std::vector<CountRow> counts;
    std::map<std::string, std::map<std::string, long long>> sizes;
  };
  Tab tabs[2] = {{"unit", SurveyStore::counts(sql, s.id, "unit"), SurveyStore::group_sizes(sql, s.id, "unit")},
                 {"age_band", SurveyStore::counts(sql, s.id, "age_band"), SurveyStore::group_sizes(sql, s.id, "age_band")}};
  for (const auto& q : s.questions) {
    QuestionStat st;
    st.id = q.id;
    st.kind = q.kind;
    st.title = q.title;
    auto a = answered.find(q.id);
    st.answered = a == answered.end() ? 0 : a->second;
    if (q.kind == "text") {
      st.texts = SurveyStore::texts(sql, s.id, q.id);
      out.questions.push_back(st);
      continue;
    }
    // The columns of the question: its options, or every value of its scale.
    std::vector<std::pair<std::string, std::string>> columns;  // key (option id or value), label
    if (q.kind == "scale")
      for (int v = q.scale_min; v <= q.scale_max; ++v) columns.push_back({std::to_string(v), std::to_string(v)});
    else
      for (const auto& o : q.options) columns.push_back({o.id, o.label});
    auto key_of = [&](const CountRow& r) { return q.kind == "scale" ? std::to_string(r.value) : r.option_id; };
    std::vector<long long> counts(columns.size(), 0);
    long long sum = 0, weighted = 0;
    for (const auto& r : overall) {
      if (r.question_id != q.id) continue;
      for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].first == key_of(r)) counts[i] += r.count;
      sum += r.count;
      weighted += r.count * r.value;
    }
    // Single choice and scale: one answer each, shares by largest remainder summing to 100.00. Multiple choice: the
    // share of those who answered the question that chose the option, each rounded half up.
    std::vector<int> bp = q.kind == "multiple" ? std::vector<int>(counts.size(), 0) : largest_remainder_bp(counts);
    if (q.kind == "multiple")
      for (std::size_t i = 0; i < counts.size(); ++i) bp[i] = rounded_bp(counts[i], st.answered);
    for (std::size_t i = 0; i < columns.size(); ++i)
      st.options.push_back({columns[i].first, columns[i].second, counts[i], percent_text(bp[i])});
    if (q.kind == "scale" && sum > 0) st.mean = two_decimals((weighted * 200 + sum) / (2 * sum));
    for (auto& tab : tabs) {
      std::vector<std::string> groups;
      if (tab.by == "age_band") groups = age_bands();
      else
        for (const auto& [id, name] : units) groups.push_back(id);
      auto& rows = tab.by == "unit" ? st.by_unit : st.by_age_band;
      for (const auto& g : groups) {
        const auto qs = tab.sizes.find(q.id);
        const long long size = qs == tab.sizes.end() || !qs->second.count(g) ? 0 : qs->second.at(g);
        if (size == 0) continue;
        CrossRow row;
        row.group = g;
        row.label = tab.by == "unit" ? units.at(g) : age_band_zh(g);
        row.respondents = size;
        row.counts.assign(columns.size(), 0);
        for (const auto& r : tab.counts)
          if (r.question_id == q.id && r.group == g)
            for (std::size_t i = 0; i < columns.size(); ++i)
              if (columns[i].first == key_of(r)) row.counts[i] += r.count;
        // Anonymous: a group too small, or a cell of one or two, could name the person behind an answer.
        if (s.anonymous) {
          if (size < kMinCell) {
            row.respondents = -1;
            row.counts.assign(columns.size(), -1);
          } else {
            for (auto& c : row.counts)
              if (c > 0 && c < kMinCell) c = -1;
          }
        }
        rows.push_back(row);
      }
    }
    out.questions.push_back(st);
  }
  return out;
}

Results SurveyService::results(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const Survey s = load_visible(lease.sql(), caller, id);
  return compute(lease.sql(), s);
}

std::string SurveyService::export_xlsx(const Principal& caller, long long id) {
  const Results r = results(caller, id);
  Sheet sheet{.name = "问卷统计", .header = {"题目", "题型", "选项 / 分值 / 分组", "人数", "百分比"},
              .widths = {40, 10, 30, 10, 10}, .rows = {}};
  static const std::map<std::string, std::string> kind_zh = {{"single", "单选"}, {"multiple", "多选"}, {"scale", "量表"}, {"text", "填空"}};
  sheet.rows.push_back({r.survey.title, r.survey.anonymous ? "匿名" : "实名", "答卷数", std::to_string(r.responses), ""});
  auto cell = [](long long c) { return c < 0 ? std::string("<3") : std::to_string(c); };
  for (const auto& q : r.questions) {
    const std::string kind = kind_zh.count(q.kind) ? kind_zh.at(q.kind) : q.kind;
    sheet.rows.push_back({q.title, kind, "作答人数", std::to_string(q.answered), ""});
    for (const auto& o : q.options) sheet.rows.push_back({"", "", o.label, std::to_string(o.count), o.percent + "%"});
    if (!q.mean.empty()) sheet.rows.push_back({"", "", "平均分", q.mean, ""});
    for (const auto& t : q.texts) sheet.rows.push_back({"", "", t, "", ""});
    for (const auto* rows : {&q.by_unit, &q.by_age_band})
      for (const auto& row : *rows)
        for (std::size_t i = 0; i < row.counts.size() && i < q.options.size(); ++i)
          sheet.rows.push_back({"", "交叉", row.label + " · " + q.options[i].label, cell(row.counts[i]), ""});
  }
  if (!r.survey.anonymous) {
    // A named survey's answers with their people: the organiser asked people to answer under their names.
    std::map<std::string, const Question*> by_id;
    for (const auto& q : r.survey.questions) by_id[q.id] = &q;
    auto lease = db_.lease();
    sheet.rows.push_back({"", "", "", "", ""});
    sheet.rows.push_back({"答卷明细（实名）", "姓名", "单位", "题目", "回答"});
    for (const auto& a : SurveyStore::named_answers(lease.sql(), id)) {
      const Question* q = by_id.count(a.question_id) ? by_id.at(a.question_id) : nullptr;
      std::string answer = a.text;
      if (a.has_value) answer = std::to_string(a.value);
      if (!a.option_id.empty() && q)
        for (const auto& o : q->options)
          if (o.id == a.option_id) answer = o.label;
      sheet.rows.push_back({a.submitted_on.substr(0, 10), a.person_name, a.unit_name, q ? q->title : a.question_id, answer});
    }
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "evaluation.survey_exported", .target_type = "survey", .target_id = std::to_string(id),
                             .detail = {{"responses", r.responses}, {"anonymous", r.survey.anonymous}}},
                clock_.now());
  tx.commit();
  return bytes;
}

Survey SurveyService::answerable(soci::session& sql, long long person_id, long long id) const {
  auto s = SurveyStore::find(sql, id);
  if (!s || s->status == "draft") throw Error::not_found(kNoSurvey);
  const bool responded = SurveyStore::has_responded(sql, id, person_id);
  if (!responded && !s->by_link && !SurveyStore::in_target(sql, *s, person_id, today(), rule_)) throw Error::not_found(kNoSurvey);
  s->responded = responded;
  return *s;
}

std::vector<Survey> SurveyService::mine(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  return SurveyStore::mine(lease.sql(), caller.person_id, today(), rule_);
}

Survey SurveyService::my_survey(const Principal& caller, long long id) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  return answerable(lease.sql(), caller.person_id, id);
}

Survey SurveyService::respond(const Principal& caller, long long id, const std::vector<Answer>& answers) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  Survey s = answerable(tx.sql(), caller.person_id, id);
  if (s.responded)
    throw Error::conflict("survey_responded", {"您已提交过这份问卷，每人只能提交一次", "You have answered this survey already"});
  if (s.status != "open") throw wrong_state(s.status);
  check_answers(s.questions, answers);
  const auto who = SurveyStore::respondent(tx.sql(), caller.person_id);
  if (!who) throw Error::forbidden("no_person", {"账号未关联在册人员", "This account is not linked to a person on the roster"});
  if (!SurveyStore::mark_respondent(tx, id, caller.person_id))
    throw Error::conflict("survey_responded", {"您已提交过这份问卷，每人只能提交一次", "You have answered this survey already"});
  std::vector<Answer> stored;
  for (auto a : answers) {
    if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) a.text.clear();
    if (!a.option_ids.empty() || a.value || !a.text.empty()) stored.push_back(a);
  }
  const long long response_id = random_id();
  SurveyStore::insert_response(tx, response_id, id, s.anonymous ? 0 : caller.person_id, who->unit_id,
                               age_band(who->birth_date, today()), s.anonymous ? today() : now, stored);
  if (!s.anonymous)
    audit::record(tx, caller, {.action = "evaluation.survey_responded", .target_type = "survey", .target_id = std::to_string(id),
                               .detail = {{"response_id", response_id}}},
                  clock_.now());
  tx.commit();
  s.responded = true;
  s.responses += 1;
  return s;
}

}  // namespace xinhuo::evaluation::survey
