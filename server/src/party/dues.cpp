#include "party/dues.hpp"

#include <algorithm>
#include <cctype>

namespace xinhuo::party {

bool valid_dues_category(const std::string& c) {
  return c == "employed" || c == "retired" || c == "student" || c == "unemployed" || c == "low_income";
}

int dues_rate_permille(const std::string& category, long long income) {
  if (category == "retired") return income <= 500000 ? 5 : 10;
  if (category == "employed") {
    if (income <= 300000) return 5;
    if (income <= 500000) return 10;
    if (income <= 1000000) return 15;
    return 20;
  }
  return 0;
}

long long monthly_dues_cents(const std::string& category, long long income) {
  const int rate = dues_rate_permille(category, income);
  if (rate == 0) return 20;
  return (income * rate + 500) / 1000;
}

bool valid_month(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (!std::isdigit(static_cast<unsigned char>(m[i]))) return false;
  const int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2));
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12;
}

namespace {
int index_of(const std::string& m) { return std::stoi(m.substr(0, 4)) * 12 + std::stoi(m.substr(5, 2)) - 1; }
std::string month_at(int index) {
  const int y = index / 12, mo = index % 12 + 1;
  return std::to_string(y) + (mo < 10 ? "-0" : "-") + std::to_string(mo);
}
}  // namespace

std::string add_month(const std::string& month, int n) { return month_at(index_of(month) + n); }
int months_between(const std::string& from, const std::string& to) { return index_of(to) - index_of(from); }

std::string first_dues_month(const std::string& joined_date, const std::string& declared) {
  const std::string joined = joined_date.size() >= 7 ? joined_date.substr(0, 7) : "";
  return std::max(declared, joined);
}

std::vector<std::string> months_due(const std::string& first, const std::string& last) {
  std::vector<std::string> out;
  for (int i = index_of(first); i <= index_of(last); ++i) out.push_back(month_at(i));
  return out;
}

int arrears_streak(const std::vector<std::string>& paid, const std::string& first, const std::string& current) {
  int streak = 0;
  for (std::string m = add_month(current, -1); m >= first; m = add_month(m, -1)) {
    if (std::binary_search(paid.begin(), paid.end(), m)) break;
    ++streak;
  }
  return streak;
}

std::string arrears_level(int months) {
  if (months >= kArrearsEscalateMonths) return "overdue";
  if (months >= kArrearsWarnMonths) return "warning";
  return "";
}

}  // namespace xinhuo::party
