// The rules of oversight that are plain data and arithmetic: states, the three distinctions, the review deadline,
// the forms of accountability with their periods, and what counts as identifying text in a published case.
#include <algorithm>
#include <cctype>

#include "oversight/model.hpp"

namespace xinhuo::oversight {

const std::vector<std::string>& case_states() {
  static const std::vector<std::string> v = {"submitted", "investigating", "declined", "decided", "notified", "closed"};
  return v;
}

const std::vector<std::string>& distinctions() {
  static const std::vector<std::string> v = {"inexperience", "experiment", "public_interest"};
  return v;
}

const std::vector<std::string>& policy_categories() {
  static const std::vector<std::string> v = {"core", "promotion", "tolerance", "care", "reward", "other"};
  return v;
}

bool one_of(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Date review_due(Date submitted_on) {
  Date d = submitted_on + std::chrono::days(1);
  while (working_days(d, d) == 0) d += std::chrono::days(1);
  return d;
}

// Periods from the regulations the forms come from: 诫勉 bars promotion for six months (关于对党员领导干部进行诫勉的规定);
// 调整职务 one year, 责令辞职 / 免职 / 降职 two years (a post of the former level or higher: 组织处理规定); party
// discipline: 警告 one year, 严重警告 eighteen months, 撤销党内职务 two years (纪律处分条例). 诫勉, organisational
// handling and discipline also keep the year's assessment from 优秀 (公务员考核规定). 停职检查 lasts until it is lifted.
const std::vector<AccountabilityForm>& accountability_forms() {
  static const std::vector<AccountabilityForm> v = {
      {"circulated", "通报", "通报", 0, false},
      {"admonition", "诫勉", "诫勉", 6, true},
      {"suspension", "停职检查", "组织调整或组织处理", 0, true},
      {"reassignment", "调整职务", "组织调整或组织处理", 12, true},
      {"ordered_resignation", "责令辞职", "组织调整或组织处理", 24, true},
      {"demotion", "降职", "组织调整或组织处理", 24, true},
      {"dismissal", "免职", "组织调整或组织处理", 24, true},
      {"discipline_warning", "警告", "纪律处分", 12, true},
      {"discipline_serious_warning", "严重警告", "纪律处分", 18, true},
      {"discipline_removal", "撤销党内职务", "纪律处分", 24, true},
  };
  return v;
}

const AccountabilityForm* accountability_form(const std::string& code) {
  for (const auto& f : accountability_forms())
    if (f.code == code) return &f;
  return nullptr;
}

std::optional<Date> promotion_until(const AccountabilityForm& form, Date effective_from) {
  if (form.promotion_months == 0) return std::nullopt;
  return add_months(effective_from, form.promotion_months) - std::chrono::days(1);
}

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Runs of digits (an ID number may end in X) with their start and length.
template <typename F>
void digit_runs(const std::string& text, F on_run) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && digit(text[j])) ++j;
    std::size_t len = j - i;
    if (len == 17 && j < text.size() && (text[j] == 'X' || text[j] == 'x')) ++len;
    on_run(i, len);
    i += len;
  }
}

bool mobile(const std::string& text, std::size_t at, std::size_t len) { return len == 11 && text[at] == '1'; }

}  // namespace

std::string identifying_text(const std::string& text, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (n.size() >= 3 && text.find(n) != std::string::npos) return n;  // a name of one Chinese character is no name
  std::string found;
  digit_runs(text, [&](std::size_t at, std::size_t len) {
    if (found.empty() && (len == 18 || mobile(text, at, len))) found = text.substr(at, len);
  });
  return found;
}

std::string redact(std::string text, const std::vector<std::string>& person_names, const std::vector<std::string>& unit_names) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    if (from.size() < 3) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  };
  for (const auto& u : unit_names) replace_all(u, "某单位");
  for (const auto& n : person_names) replace_all(n, "某某");
  std::string out;
  std::size_t last = 0;
  digit_runs(text, [&](std::size_t at, std::size_t len) {
    if (len == 18 || mobile(text, at, len)) {
      out += text.substr(last, at - last) + std::string(len, '*');
      last = at + len;
    }
  });
  return out + text.substr(last);
}

}  // namespace xinhuo::oversight
