// Party dues: the brackets at each boundary, month arithmetic and arrears levels (pure), then through the API on
// both databases: declared income gives the amount, payments once per month, back payment at most six months,
// bank-statement rows each with its own error, arrears warned at 3 months and escalated at 6, scope and permissions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "party/dues.hpp"
#include "party/dues_service.hpp"
#include "party/dues_store.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::party;
using namespace xinhuo::test;

TEST(Dues, BracketsAtEachBoundary) {
  // Employed: ≤ 3,000 0.5 %; ≤ 5,000 1 %; ≤ 10,000 1.5 %; above 2 % (of the whole income).
  EXPECT_EQ(monthly_dues_cents("employed", 0), 0);
  EXPECT_EQ(monthly_dues_cents("employed", 300000), 1500);
  EXPECT_EQ(monthly_dues_cents("employed", 300001), 3000);
  EXPECT_EQ(monthly_dues_cents("employed", 500000), 5000);
  EXPECT_EQ(monthly_dues_cents("employed", 500001), 7500);
  EXPECT_EQ(monthly_dues_cents("employed", 1000000), 15000);
  EXPECT_EQ(monthly_dues_cents("employed", 1000001), 20000);
  EXPECT_EQ(dues_rate_permille("employed", 1000001), 20);
  // Retired: ≤ 5,000 0.5 %, above 1 %.
  EXPECT_EQ(monthly_dues_cents("retired", 500000), 2500);
  EXPECT_EQ(monthly_dues_cents("retired", 500001), 5000);
  // Students, the unemployed and low-income members: 0.20 CNY whatever the income.
  for (const char* flat : {"student", "unemployed", "low_income"}) {
    EXPECT_EQ(monthly_dues_cents(flat, 0), 20) << flat;
    EXPECT_EQ(monthly_dues_cents(flat, 800000), 20) << flat;
  }
  // Half a cent rounds up: 4,567.89 × 1 % = 45.6789.
  EXPECT_EQ(monthly_dues_cents("employed", 456789), 4568);
  EXPECT_EQ(monthly_dues_cents("employed", 456749), 4567);
  EXPECT_FALSE(valid_dues_category("volunteer"));
}

TEST(Dues, MonthsAndArrears) {
  EXPECT_EQ(add_month("2026-01", -1), "2025-12");
  EXPECT_EQ(add_month("2026-11", 2), "2027-01");
  EXPECT_EQ(months_between("2026-05", "2026-11"), 6);
  EXPECT_EQ(months_between("2025-12", "2026-01"), 1);
  EXPECT_FALSE(valid_month("2026-13"));
  EXPECT_FALSE(valid_month("2026-1"));
  EXPECT_EQ(first_dues_month("2025-06-03", "2024-01"), "2025-06");
  EXPECT_EQ(first_dues_month("", "2026-01"), "2026-01");
  EXPECT_EQ(first_dues_month("2019-07-01", "2026-11"), "2026-11");  // from the month the first base takes effect
  EXPECT_EQ(months_due("2025-11", "2026-02"), (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
  // In November, October is the latest month that can be late.
  EXPECT_EQ(arrears_streak({"2026-01", "2026-10"}, "2026-01", "2026-11"), 0);
  EXPECT_EQ(arrears_streak({"2026-01", "2026-07"}, "2026-01", "2026-11"), 3);
  EXPECT_EQ(arrears_level(3), "warning");
  EXPECT_EQ(arrears_level(2), "");
  EXPECT_EQ(arrears_streak({"2026-04"}, "2026-01", "2026-11"), 6);
  EXPECT_EQ(arrears_level(6), "overdue");
  EXPECT_EQ(arrears_streak({}, "2026-09", "2026-11"), 2);  // never before the first month owed
}

class PartyDues : public ::testing::TestWithParam<Backend> {};

namespace {
std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
Json pay(long long person, std::vector<std::string> months, const std::string& on = "2026-11-29") {
  return {{"person_id", person}, {"months", months}, {"paid_on", on}, {"method", "transfer"}};
}
}  // namespace

TEST_P(PartyDues, DeclaredIncomeGivesTheAmountAndEachMonthIsPaidOnce) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  const std::string base_path = "/api/v1/party/dues/bases/" + std::to_string(city.person_a);
  auto base = s.send_as(admin, "PUT", base_path, R"({"year":2026,"category":"employed","income_cents":600000,"from_month":"2026-01"})");
  ASSERT_EQ(base.status, 200) << base.body;
  EXPECT_EQ(base.json()["amount_cents"], 9000);
  EXPECT_EQ(base.json()["rate_permille"], 15);
  EXPECT_EQ(s.send_as(admin, "PUT", base_path, R"({"year":2026,"category":"pensioner","income_cents":1})").status, 400);

  // Paid on 29 November: May is the sixth month back and may still be paid; April may not.
  auto paid = s.send_as(admin, "POST", "/api/v1/party/dues/payments",
                        pay(city.person_a, {"2026-05", "2026-06", "2026-07"}).dump());
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json()["items"].size(), 3u);
  EXPECT_EQ(paid.json()["items"][0]["amount_cents"], 9000);
  auto too_old = s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-04"}).dump());
  EXPECT_EQ(too_old.status, 400);
  EXPECT_EQ(too_old.json()["error"]["field"], "months");
  auto twice = s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-08", "2026-07"}).dump());
  EXPECT_EQ(code_of(twice), "already_paid");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM dues_payment WHERE month = '2026-08'"), 0);  // all or nothing
  auto no_base = s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2025-12"}, "2026-05-10").dump());
  EXPECT_EQ(code_of(no_base), "no_dues_base");
  auto future = s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-11"}, "2026-12-01").dump());
  EXPECT_EQ(future.status, 400);
  // A person of the masses pays no dues.
  auto masses = s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_b),
                          R"({"year":2026,"income_cents":600000})");
  EXPECT_EQ(masses.status, 404);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.dues_paid'"), 1);
}

TEST_P(PartyDues, ArrearsAreWarnedAtThreeMonthsAndEscalatedAtSix) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"category":"retired","income_cents":400000,"from_month":"2026-01"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-05", "2026-06", "2026-07"}).dump()).status, 201);
  auto list = s.get_as(admin, "/api/v1/party/dues?node_id=" + std::to_string(city.branch_a1)).json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["base"]["amount_cents"], 2000);
  EXPECT_EQ(list["items"][0]["arrears_months"], 3);  // August, September, October
  EXPECT_EQ(list["items"][0]["level"], "warning");
  EXPECT_EQ(list["items"][0]["last_paid"], "2026-07");
  // Three months later nothing more is paid: six months late, escalated.
  s.clock().set(parse_iso_utc("2027-02-03T04:00:00Z"));
  const std::string later = s.login("admin");
  auto escalated = s.get_as(later, "/api/v1/party/dues?node_id=" + std::to_string(city.branch_a1)).json();
  EXPECT_EQ(escalated["items"][0]["arrears_months"], 6);
  EXPECT_EQ(escalated["items"][0]["level"], "overdue");
  // The member sees the same on the phone.
  auto mine = s.get_as(s.login("cadre"), "/api/v1/me/party/dues").json();
  EXPECT_TRUE(mine["member"].get<bool>());
  EXPECT_EQ(mine["arrears_months"], 6);
  EXPECT_EQ(mine["payments"].size(), 3u);
}

// A member whose first income is declared in November owes from November, not from January: no arrears at once.
TEST_P(PartyDues, DuesAreOwedFromTheMonthTheFirstBaseTakesEffect) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  const std::string base_path = "/api/v1/party/dues/bases/" + std::to_string(city.person_a);
  auto base = s.send_as(admin, "PUT", base_path, R"({"year":2026,"income_cents":600000})");
  ASSERT_EQ(base.status, 200) << base.body;
  EXPECT_EQ(base.json()["from_month"], "2026-11");
  auto list = s.get_as(admin, "/api/v1/party/dues?node_id=" + std::to_string(city.branch_a1)).json();
  EXPECT_EQ(list["items"][0]["first_month"], "2026-11");
  EXPECT_EQ(list["items"][0]["arrears_months"], 0);
  EXPECT_TRUE(list["items"][0]["level"].is_null());
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/me/party/dues").json()["arrears_months"], 0);
  // October is before the first month owed; the report asks for November alone.
  auto october = s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-10"}).dump());
  EXPECT_EQ(october.status, 400);
  EXPECT_EQ(s.get_as(admin, "/api/v1/party/dues/report").json()["total"]["due_cents"], 9000);
  // Correcting the income keeps the month; a month outside the year is refused.
  EXPECT_EQ(s.send_as(admin, "PUT", base_path, R"({"year":2026,"income_cents":700000})").json()["from_month"], "2026-11");
  EXPECT_EQ(s.send_as(admin, "PUT", base_path, R"({"year":2026,"income_cents":700000,"from_month":"2025-12"})").json()["error"]["field"],
            "from_month");
  // Three months on without paying: three months behind, counted from November.
  s.clock().set(parse_iso_utc("2027-02-10T04:00:00Z"));
  auto later = s.get_as(s.login("admin"), "/api/v1/party/dues?node_id=" + std::to_string(city.branch_a1)).json();
  EXPECT_EQ(later["items"][0]["arrears_months"], 3);  // November, December, January
  EXPECT_EQ(later["items"][0]["level"], "warning");
}

TEST_P(PartyDues, TheBranchReportSumsWhatIsOwedAndPaid) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"category":"retired","income_cents":400000,"from_month":"2026-01"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-05", "2026-06", "2026-07"}).dump()).status, 201);
  // A second member of the branch without a declared amount.
  {
    auto lease = s.app().database().lease();
    lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, branch_id, party_status, created_at, "
                   "updated_at) VALUES ('孙未报', 'male', '汉族', '1990-01-01', :u, :b, 'full', 't', 't')",
        soci::use(city.unit_a), soci::use(city.branch_a1);
  }
  auto r = s.get_as(s.login("secretary"), "/api/v1/party/dues/report");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json report = r.json();
  ASSERT_EQ(report["items"].size(), 1u) << report.dump();
  const Json row = report["items"][0];
  EXPECT_EQ(row["branch_id"], city.branch_a1);
  EXPECT_EQ(row["members"], 2);
  EXPECT_EQ(row["declared"], 1);
  EXPECT_EQ(row["due_cents"], 11 * 2000) << "January to November at 20.00 a month";
  EXPECT_EQ(row["paid_cents"], 3 * 2000);
  EXPECT_EQ(row["warning"], 1);
  EXPECT_EQ(row["overdue"], 0);
  EXPECT_EQ(report["total"]["due_cents"], 22000);
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/party/dues/report").status, 403);
}

TEST_P(PartyDues, ASweepWalksEveryMemberOnceInPages) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"category":"employed","income_cents":600000,"from_month":"2026-01"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-06", "2026-07"}).dump()).status, 201);
  for (const char* name : {"成员甲", "成员乙", "成员丙", "成员丁"}) test::add_roster_person(s, name, city.unit_a, city.branch_a1, "full");
  test::add_roster_person(s, "积极分子", city.unit_a, city.branch_a1, "activist");  // not a member: pays no dues
  auto lease = s.app().database().lease();
  Principal all;
  all.permissions = {kPermRead};
  all.scope.all = true;
  long long total = 0;
  std::set<long long> listed;
  for (const auto& m : DuesStore::members(lease.sql(), all, 0, 1, 10000, &total)) listed.insert(m.person_id);
  ASSERT_GE(total, 5) << "members on several pages";
  // Pages of two: every member once, in id order, with their base and payments read as the list reads them.
  std::vector<long long> walked;
  for (long long after = 0;;) {
    const auto page = DuesStore::members_after(lease.sql(), after, 2);
    if (page.empty()) break;
    for (const auto& m : page) {
      walked.push_back(m.person_id);
      if (m.person_id == city.person_a) {
        ASSERT_TRUE(m.base.has_value());
        EXPECT_EQ(m.paid, (std::vector<std::string>{"2026-06", "2026-07"}));
      }
    }
    after = page.back().person_id;
  }
  EXPECT_TRUE(std::is_sorted(walked.begin(), walked.end()));
  EXPECT_EQ(std::set<long long>(walked.begin(), walked.end()), listed);
  EXPECT_EQ(static_cast<long long>(walked.size()), total);
}

TEST_P(PartyDues, ThreeMonthsBehindIsPublishedOncePerStreak) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"category":"employed","income_cents":600000,"from_month":"2026-01"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-06", "2026-07", "2026-08"}).dump()).status, 201);
  // November: September and October unpaid, two months: nothing yet.
  EXPECT_EQ(s.app().dues().publish_overdue(), 0);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE event_type = 'party.dues_overdue'"), 0);
  // December: three months behind. Published, and the points deduct it once however often the sweep runs.
  s.clock().set(parse_iso_utc("2026-12-15T04:00:00Z"));
  EXPECT_EQ(s.app().dues().publish_overdue(), 1);
  EXPECT_EQ(s.app().dues().publish_overdue(), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE event_type = 'party.dues_overdue' AND person_id = " +
                    std::to_string(city.person_a)),
            1);
  EXPECT_EQ(s.count("SELECT points FROM ledger_entry WHERE event_type = 'party.dues_overdue'"), -2);
  // Paid up, then behind again later: a new streak is a new deduction.
  ASSERT_EQ(s.send_as(s.login("admin"), "POST", "/api/v1/party/dues/payments",
                      pay(city.person_a, {"2026-09", "2026-10", "2026-11"}, "2026-12-15").dump()).status, 201);
  EXPECT_EQ(s.app().dues().publish_overdue(), 0);
  s.clock().set(parse_iso_utc("2027-03-10T04:00:00Z"));
  EXPECT_EQ(s.app().dues().publish_overdue(), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE event_type = 'party.dues_overdue'"), 2);
}

TEST_P(PartyDues, BankStatementRowsAreRecordedOneByOne) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"income_cents":250000,"from_month":"2026-01"})").status, 200);
  Json rows = Json::array();
  rows.push_back(pay(city.person_a, {"2026-09"}));
  rows.back()["row"] = 2;
  rows.push_back(pay(city.person_a, {"2026-09"}));  // the same month again
  rows.back()["row"] = 3;
  rows.push_back(pay(city.person_b, {"2026-09"}));  // not a party member
  rows.back()["row"] = 4;
  rows.push_back({{"row", 5}, {"person_id", city.person_a}, {"months", {"2026-10"}}});  // no date
  rows.push_back(pay(city.person_a, {"2026-10"}));
  rows.back()["row"] = 6;
  auto r = s.send_as(admin, "POST", "/api/v1/party/dues/payments/batch", Json{{"rows", rows}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["recorded"], 2);
  std::vector<int> failed;
  const Json answer = r.json();
  for (const auto& f : answer["failed"]) failed.push_back(f["row"]);
  std::sort(failed.begin(), failed.end());
  EXPECT_EQ(failed, (std::vector<int>{3, 4, 5})) << r.body;
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM dues_payment"), 2);
}

// The import preview finds each bank-statement row's member: by ID-card number (its keyed hash), else by name and
// branch; unknown, ambiguous and out-of-scope rows say why, and nothing is recorded.
TEST_P(PartyDues, BankStatementRowsAreMatchedToMembers) {
  START_CITY(s);
  const std::string admin = s.login("admin"), secretary = s.login("secretary");
  const std::string id_card = "330203199503011236";
  ASSERT_EQ(s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(city.person_a), Json{{"id_card", id_card}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"income_cents":600000,"from_month":"2026-03"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-10"}).dump()).status, 201);
  add_roster_person(s, "赵同", city.unit_a, city.branch_a1, "full");
  add_roster_person(s, "赵同", city.unit_a, 0, "probationary");
  add_roster_person(s, "钱乙", city.unit_b, 0, "full");
  Json rows = Json::array({{{"row", 2}, {"id_card", "330203199503011236"}},
                           {{"row", 3}, {"name", "王晓"}},
                           {{"row", 4}, {"name", "王晓"}, {"branch", "别的支部"}},
                           {{"row", 5}, {"id_card", "33020319950301123X"}},
                           {{"row", 6}, {"id_card", id_card}, {"name", "王小"}},
                           {{"row", 7}, {"name", "李敏"}},
                           {{"row", 8}, {"name", "赵同"}},
                           {{"row", 9}, {"name", "赵同"}, {"branch", "甲单位第一党支部"}},
                           {{"row", 10}, {"name", "钱乙"}}});
  auto answer = s.send_as(admin, "POST", "/api/v1/party/dues/payments/match", Json{{"rows", rows}}.dump());
  ASSERT_EQ(answer.status, 200) << answer.body;
  const Json items = answer.json()["items"];
  std::map<int, std::string> status;
  for (const auto& i : items) status[i["row"].get<int>()] = i["status"];
  EXPECT_EQ(status, (std::map<int, std::string>{{2, "matched"}, {3, "matched"}, {4, "unknown"}, {5, "invalid_id"},
                                                {6, "name_mismatch"}, {7, "unknown"}, {8, "ambiguous"}, {9, "matched"},
                                                {10, "matched"}}));
  const Json first = items[0];
  EXPECT_EQ(first["person_id"], city.person_a);
  EXPECT_EQ(first["first_month"], "2026-03");
  EXPECT_EQ(first["bases"][0]["amount_cents"], 9000);
  EXPECT_EQ(first["paid"], Json::array({"2026-10"}));
  EXPECT_NE(items[6]["message"].get<std::string>().find("2"), std::string::npos);  // how many share the name
  // The secretary's scope holds branch A1 only: unit B's member is unknown to them, as is the one outside the branch.
  auto scoped = s.send_as(secretary, "POST", "/api/v1/party/dues/payments/match", Json{{"rows", rows}}.dump()).json();
  EXPECT_EQ(scoped["items"][8]["status"], "unknown");
  EXPECT_EQ(scoped["items"][6]["status"], "matched");  // 赵同 of the branch is the only one they can see
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM dues_payment"), 1);
  // The template to fill in, and the cadre may have neither.
  auto xlsx = s.get_as(admin, "/api/v1/party/dues/payments/template");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/party/dues/payments/template").status, 403);
}

TEST_P(PartyDues, ScopeAndPermissionsHold) {
  START_CITY(s);
  const std::string secretary = s.login("secretary"), cadre = s.login("cadre");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE person SET party_status = 'full' WHERE id = :p", soci::use(city.person_b);
  }
  EXPECT_EQ(s.send_as(secretary, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_b),
                      R"({"year":2026,"income_cents":250000})").status, 404);
  EXPECT_EQ(s.send_as(secretary, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"income_cents":250000})").status, 200);
  auto list = s.get_as(secretary, "/api/v1/party/dues").json();
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/dues?node_id=" + std::to_string(city.unit_b)).status, 404);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/party/dues/payments", pay(city.person_a, {"2026-10"}).dump()).status, 403);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/party/dues").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Db, PartyDues, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
