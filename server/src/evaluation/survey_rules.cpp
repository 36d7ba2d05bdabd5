// The rules of surveys that need no database: a definition's checks, the path answers take through the branching,
// the answers' checks, and percentages that sum to exactly 100.00.
#include <algorithm>
#include <numeric>
#include <set>

#include "core/date.hpp"
#include "core/error.hpp"
#include "evaluation/survey_model.hpp"

namespace xinhuo::evaluation::survey {

namespace {

bool one_of(const std::vector<std::string>& list, const std::string& v) { return std::find(list.begin(), list.end(), v) != list.end(); }

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 20 || id == "end") return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

bool choice(const Question& q) { return q.kind == "single" || q.kind == "multiple"; }

const Question* find_question(const std::vector<Question>& questions, const std::string& id) {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::string at(std::size_t i) { return "questions[" + std::to_string(i) + "]"; }

}  // namespace

const std::vector<std::string>& question_kinds() {
  static const std::vector<std::string> v = {"single", "multiple", "scale", "text"};
  return v;
}

const std::vector<std::string>& targets() {
  static const std::vector<std::string> v = {"everyone", "young_cadres", "members"};
  return v;
}

const std::vector<std::string>& age_bands() {
  static const std::vector<std::string> v = {"under_30", "30_34", "35_39", "40_44", "45_plus"};
  return v;
}

void check_questions(const std::vector<Question>& questions) {
  if (questions.size() > static_cast<std::size_t>(kMaxQuestions))
    throw Error::validation("questions", {"题目不能超过 100 道", "At most 100 questions"});
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i];
    if (!valid_id(q.id)) throw Error::validation(at(i) + ".id", {"题目编号不正确", "A question id is 1–20 letters, digits, - or _"});
    if (!position.emplace(q.id, i).second) throw Error::validation(at(i) + ".id", {"题目编号重复", "Question ids are unique"});
  }
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& q = questions[i];
    if (!one_of(question_kinds(), q.kind))
      throw Error::validation(at(i) + ".kind", {"题型应为单选、多选、量表或填空", "kind is single, multiple, scale or text"});
    if (q.title.empty()) throw Error::validation(at(i) + ".title", {"请填写题目", "Give the question"});
    if (choice(q)) {
      if (q.options.size() < 2) throw Error::validation(at(i) + ".options", {"选择题至少要有 2 个选项", "A choice needs at least 2 options"});
      if (q.options.size() > static_cast<std::size_t>(kMaxOptions))
        throw Error::validation(at(i) + ".options", {"选项不能超过 30 个", "At most 30 options"});
      std::set<std::string> ids;
      for (std::size_t j = 0; j < q.options.size(); ++j) {
        const auto& o = q.options[j];
        const std::string field = at(i) + ".options[" + std::to_string(j) + "]";
        if (!valid_id(o.id) || !ids.insert(o.id).second)
          throw Error::validation(field + ".id", {"选项编号不正确或重复", "Option ids are unique: 1–20 letters, digits, - or _"});
        if (o.label.empty()) throw Error::validation(field + ".label", {"请填写选项内容", "Give the option's text"});
        if (o.skip_to.empty()) continue;
        if (q.kind != "single")
          throw Error::validation(field + ".skip_to", {"只有单选题的选项可以设置跳转", "Only options of a single choice skip"});
        if (o.skip_to == "end") continue;
        auto it = position.find(o.skip_to);
        if (it == position.end()) throw Error::validation(field + ".skip_to", {"跳转的题目不存在", "No such question to skip to"});
        if (it->second <= i)
          throw Error::validation(field + ".skip_to", {"只能跳转到后面的题目", "A skip goes forward, to a later question"});
      }
    } else if (!q.options.empty()) {
      throw Error::validation(at(i) + ".options", {"量表题和填空题没有选项", "Only choice questions have options"});
    }
    if (q.kind == "scale" && (q.scale_min < 0 || q.scale_max > 10 || q.scale_min >= q.scale_max))
      throw Error::validation(at(i) + ".scale_max", {"量表范围应在 0 到 10 之间，且最小值小于最大值",
                                                     "A scale runs within 0..10, its minimum below its maximum"});
    if (q.kind == "text" && (q.max_length < 1 || q.max_length > kMaxTextLength))
      throw Error::validation(at(i) + ".max_length", {"填空字数上限应在 1 到 2000 之间", "max_length is 1..2000"});
  }
}

std::vector<std::string> visible_path(const std::vector<Question>& questions, const std::map<std::string, Answer>& answers) {
  std::vector<std::string> path;
  std::size_t i = 0;
  while (i < questions.size()) {
    const auto& q = questions[i];
    path.push_back(q.id);
    std::string skip;
    if (q.kind == "single") {
      auto a = answers.find(q.id);
      if (a != answers.end() && a->second.option_ids.size() == 1)
        for (const auto& o : q.options)
          if (o.id == a->second.option_ids[0]) skip = o.skip_to;
    }
    if (skip == "end") break;
    if (skip.empty()) {
      ++i;
      continue;
    }
    std::size_t next = i + 1;
    while (next < questions.size() && questions[next].id != skip) ++next;
    i = next;
  }
  return path;
}

void check_answers(const std::vector<Question>& questions, const std::vector<Answer>& answers) {
  std::map<std::string, Answer> by_id;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& a = answers[i];
    const std::string field = "answers[" + std::to_string(i) + "]";
    if (!find_question(questions, a.question_id))
      throw Error::validation(field + ".question_id", {"没有这道题", "No such question in this survey"});
    if (!by_id.emplace(a.question_id, a).second)
      throw Error::validation(field + ".question_id", {"同一道题只能回答一次", "Each question is answered once"});
  }
  const auto path = visible_path(questions, by_id);
  const std::set<std::string> on_path(path.begin(), path.end());
  for (const auto& q : questions) {
    auto it = by_id.find(q.id);
    const std::string field = "answers." + q.id;
    if (!on_path.count(q.id)) {
      if (it != by_id.end())
        throw Error::validation(field, {"“" + q.title + "”按跳转规则应跳过，不能作答",
                                        "Question \"" + q.title + "\" is skipped by your answers and cannot be answered"});
      continue;
    }
    if (it == by_id.end()) {
      if (q.required) throw Error::validation(field, {"请回答必答题“" + q.title + "”", "Question \"" + q.title + "\" is required"});
      continue;
    }
    const Answer& a = it->second;
    if (choice(q)) {
      if (a.value || !a.text.empty()) throw Error::validation(field, {"选择题请选择选项", "Choose options for a choice"});
      if (q.kind == "single" && a.option_ids.size() != 1)
        throw Error::validation(field, {"单选题只能选择一个选项", "A single choice takes exactly one option"});
      if (a.option_ids.empty() && q.required)
        throw Error::validation(field, {"请回答必答题“" + q.title + "”", "Question \"" + q.title + "\" is required"});
      std::set<std::string> chosen;
      for (const auto& id : a.option_ids) {
        const bool known = std::any_of(q.options.begin(), q.options.end(), [&](const Option& o) { return o.id == id; });
        if (!known) throw Error::validation(field, {"选项不属于这道题", "The option is not one of this question's"});
        if (!chosen.insert(id).second) throw Error::validation(field, {"选项重复", "An option is chosen twice"});
      }
    } else if (q.kind == "scale") {
      if (!a.option_ids.empty() || !a.text.empty() || !a.value)
        throw Error::validation(field, {"量表题请选择分值", "A scale takes a value"});
      if (*a.value < q.scale_min || *a.value > q.scale_max)
        throw Error::validation(field, {"分值应在 " + std::to_string(q.scale_min) + " 到 " + std::to_string(q.scale_max) + " 之间",
                                        "The value is " + std::to_string(q.scale_min) + ".." + std::to_string(q.scale_max)});
    } else {
      if (!a.option_ids.empty() || a.value) throw Error::validation(field, {"填空题请填写文字", "A text question takes text"});
      const auto length = utf8_length(a.text);
      if (!length) throw Error::validation(field, {"含有无效字符", "Invalid characters"});
      if (*length > static_cast<std::size_t>(q.max_length))
        throw Error::validation(field, {"不能超过 " + std::to_string(q.max_length) + " 个字",
                                        "At most " + std::to_string(q.max_length) + " characters"});
      if (a.text.find_first_not_of(" \t\r\n") == std::string::npos && q.required)
        throw Error::validation(field, {"请回答必答题“" + q.title + "”", "Question \"" + q.title + "\" is required"});
    }
  }
}

std::vector<int> largest_remainder_bp(const std::vector<long long>& counts) {
  const long long total = std::accumulate(counts.begin(), counts.end(), 0LL);
  std::vector<int> out(counts.size(), 0);
  if (total == 0) return out;
  long long given = 0;
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[i] = static_cast<int>(counts[i] * 10000 / total);
    given += out[i];
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const long long ra = counts[a] * 10000 % total, rb = counts[b] * 10000 % total;
    if (ra != rb) return ra > rb;
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return a > b;
  });
  for (std::size_t k = 0; given < 10000 && k < order.size(); ++k, ++given) ++out[order[k]];
  return out;
}

int rounded_bp(long long count, long long total) {
  if (total == 0) return 0;
  return static_cast<int>((count * 20000 + total) / (2 * total));
}

std::string percent_text(int bp) {
  const std::string cents = std::to_string(bp % 100);
  return std::to_string(bp / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

std::string age_band(const std::string& birth_date, const std::string& today) {
  const auto birth = parse_date(birth_date);
  const auto on = parse_date(today);
  if (!birth || !on) return "under_30";
  const int age = years_between(*birth, *on);
  if (age < 30) return "under_30";
  if (age < 35) return "30_34";
  if (age < 40) return "35_39";
  if (age < 45) return "40_44";
  return "45_plus";
}

Json questions_json(const std::vector<Question>& questions) {
  Json out = Json::array();
  for (const auto& q : questions) {
    Json j = {{"id", q.id}, {"kind", q.kind}, {"title", q.title}, {"required", q.required}};
    if (choice(q)) {
      Json options = Json::array();
      for (const auto& o : q.options)
        options.push_back({{"id", o.id}, {"label", o.label}, {"skip_to", o.skip_to.empty() ? Json(nullptr) : Json(o.skip_to)}});
      j["options"] = options;
    }
    if (q.kind == "scale") {
      j["scale_min"] = q.scale_min;
      j["scale_max"] = q.scale_max;
      j["min_label"] = q.min_label;
      j["max_label"] = q.max_label;
    }
    if (q.kind == "text") j["max_length"] = q.max_length;
    out.push_back(j);
  }
  return out;
}

std::vector<Question> questions_from_json(const Json& array) {
  if (!array.is_array()) throw Error::validation("questions", {"题目应为数组", "questions is an array"});
  std::vector<Question> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const Json& item = array[i];
    JsonFields f(item, at(i) + ".");
    Question q;
    q.id = f.required_string("id", 20);
    q.kind = f.required_string("kind", 10);
    q.title = f.required_string("title", 300);
    q.required = f.optional_bool("required", false);
    if (item.is_object() && item.contains("options") && !item["options"].is_null()) {
      const Json& options = f.required_array("options");
      for (std::size_t j = 0; j < options.size(); ++j) {
        JsonFields of(options[j], at(i) + ".options[" + std::to_string(j) + "].");
        Option o;
        o.id = of.required_string("id", 20);
        o.label = of.required_string("label", 200);
        o.skip_to = of.optional_string("skip_to", 20).value_or("");
        of.finish();
        q.options.push_back(o);
      }
    } else {
      f.optional_bool("options", false);  // absent or null
    }
    q.scale_min = static_cast<int>(f.optional_int("scale_min", 0, 10).value_or(1));
    q.scale_max = static_cast<int>(f.optional_int("scale_max", 0, 10).value_or(5));
    q.min_label = f.optional_string("min_label", 20).value_or("");
    q.max_label = f.optional_string("max_label", 20).value_or("");
    q.max_length = static_cast<int>(f.optional_int("max_length", 1, kMaxTextLength).value_or(500));
    f.finish();
    out.push_back(q);
  }
  return out;
}

}  // namespace xinhuo::evaluation::survey
