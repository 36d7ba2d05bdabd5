#pragma once
// Party dues (党费): the monthly amount from the declared post-tax income by the brackets of
// shared/reference/party-development.md, which months a member owes, the back-payment limit, and arrears levels.
// Money is in cents (分) so that no amount is ever rounded twice.
#include <string>
#include <vector>

namespace xinhuo::party {

// employed | retired | student | unemployed | low_income (students, the unemployed and low-income members pay a flat
// 0.20 CNY a month).
bool valid_dues_category(const std::string& category);
// The monthly dues for a post-tax monthly income: employed ≤ 3,000 0.5 %, ≤ 5,000 1 %, ≤ 10,000 1.5 %, above 2 %;
// retired ≤ 5,000 0.5 %, above 1 %; the flat categories 20 cents. Rounded half up to the cent.
long long monthly_dues_cents(const std::string& category, long long income_cents);
// The rate applied, in per mille (5 = 0.5 %); 0 for the flat categories.
int dues_rate_permille(const std::string& category, long long income_cents);

inline constexpr int kBackPaymentMonths = 6;  // a payment may cover at most the six months before it
inline constexpr int kArrearsWarnMonths = 3;
inline constexpr int kArrearsEscalateMonths = 6;  // treated as leaving the party (自行脱党): escalated
inline constexpr const char* kEventDuesOverdue = "party.dues_overdue";  // published at 3 months (points deduction)

// "2026-11" + n months (n may be negative).
std::string add_month(const std::string& month, int n);
// Whole months from `from` to `to` ("2026-05" to "2026-11" is 6).
int months_between(const std::string& from, const std::string& to);
bool valid_month(const std::string& month);

// The first month a member owes dues: the later of the month they joined (入党, empty when unknown) and the month
// their first declared income takes effect.
std::string first_dues_month(const std::string& joined_date, const std::string& first_base_month);
// The months a member owes from `first` (their first month of dues) up to and including `last`.
std::vector<std::string> months_due(const std::string& first, const std::string& last);
// Consecutive unpaid months counted back from the month before `current` (the current month is not late until
// it ends), never before `first`. `paid` holds the paid months, sorted.
int arrears_streak(const std::vector<std::string>& paid, const std::string& first, const std::string& current);
// overdue (6 months or more: escalated), warning (3 to 5), or empty.
std::string arrears_level(int months);

}  // namespace xinhuo::party
