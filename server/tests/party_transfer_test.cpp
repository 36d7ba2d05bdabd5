// Organisational relationship transfers on both databases: the member stays in the issuing branch until the receiving
// side confirms and then moves in one step (never in two branches or none, even with parallel confirmations); one
// pending transfer per member; letters across the city boundary; a transfer unconfirmed for three months is flagged.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class PartyTransfer : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }

long long branch_under(TestServer& s, long long unit, const std::string& code) {
  auto lease = s.app().database().lease();
  std::string path;
  lease.sql() << "SELECT path FROM org_node WHERE id = :id", soci::use(unit), soci::into(path);
  long long id = 0;
  lease.sql() << "INSERT INTO org_node (parent_id, path, depth, node_type, name, code, created_at, updated_at) "
                 "VALUES (:p, '', 3, 'branch', '乙单位第一党支部', :c, 't', 't') RETURNING id",
      soci::use(unit), soci::use(code), soci::into(id);
  const std::string child = path + std::to_string(id) + "/";
  lease.sql() << "UPDATE org_node SET path = :p WHERE id = :id", soci::use(child), soci::use(id);
  return id;
}

long long branch_of(TestServer& s, long long person) {
  return s.count("SELECT COALESCE(branch_id, 0) FROM person WHERE id = " + std::to_string(person));
}

}  // namespace

TEST_P(PartyTransfer, TheMemberMovesOnlyWhenTheReceivingSideConfirms) {
  START_CITY(s);
  const long long b1 = branch_under(s, city.unit_b, "T-B-B1");
  const std::string secretary = s.login("secretary"), admin = s.login("admin");
  auto issued = s.send_as(secretary, "POST", "/api/v1/party/transfers",
                          Json{{"person_id", city.person_a}, {"to_branch_id", b1}, {"issued_on", "2026-11-20"}}.dump());
  ASSERT_EQ(issued.status, 201) << issued.body;
  const long long id = issued.json()["id"];
  EXPECT_EQ(issued.json()["status"], "pending");
  EXPECT_EQ(issued.json()["from_branch_id"], city.branch_a1);
  EXPECT_EQ(branch_of(s, city.person_a), city.branch_a1);  // still in the old branch while pending
  auto again = s.send_as(secretary, "POST", "/api/v1/party/transfers",
                         Json{{"person_id", city.person_a}, {"to_branch_id", b1}, {"issued_on", "2026-11-21"}}.dump());
  EXPECT_EQ(code_of(again), "transfer_pending");
  // The issuing secretary cannot confirm for the receiving branch.
  auto not_theirs = s.send_as(secretary, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm",
                              R"({"confirmed_on":"2026-11-25"})");
  EXPECT_EQ(code_of(not_theirs), "not_receiving_side");
  auto early = s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm",
                         R"({"confirmed_on":"2026-11-19"})");
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(branch_of(s, city.person_a), city.branch_a1);
  // Parallel confirmations: one wins, the member moves once.
  std::vector<std::future<int>> runs;
  for (int i = 0; i < 6; ++i)
    runs.push_back(std::async(std::launch::async, [&] {
      return s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm", R"({"confirmed_on":"2026-11-25"})").status;
    }));
  int ok = 0, refused = 0;
  for (auto& r : runs) (r.get() == 200 ? ok : refused)++;
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(refused, 5);
  EXPECT_EQ(branch_of(s, city.person_a), b1);
  EXPECT_EQ(s.count("SELECT unit_id FROM person WHERE id = " + std::to_string(city.person_a)), city.unit_b);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE field = 'branch_id' AND person_id = " + std::to_string(city.person_a)), 1);
  auto cancel = s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/cancel", R"({"reason":"晚了"})");
  EXPECT_EQ(code_of(cancel), "transfer_decided");
  // The member has left the old secretary's scope.
  EXPECT_EQ(s.get_as(secretary, "/api/v1/people/" + std::to_string(city.person_a)).status, 404);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.transfer_confirmed'"), 1);
}

TEST_P(PartyTransfer, LeavingTheCityNeedsALetterAndEndsMembershipHere) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  auto no_letter = s.send_as(admin, "POST", "/api/v1/party/transfers",
                             Json{{"person_id", city.person_a}, {"kind", "out_of_city"}, {"outside_org", "邻市某局机关党委"},
                                  {"issued_on", "2026-11-20"}}.dump());
  EXPECT_EQ(no_letter.status, 400);
  EXPECT_EQ(no_letter.json()["error"]["field"], "letter_no");
  auto issued = s.send_as(admin, "POST", "/api/v1/party/transfers",
                          Json{{"person_id", city.person_a}, {"kind", "out_of_city"}, {"outside_org", "邻市某局机关党委"},
                               {"letter_no", "组转字〔2026〕118号"}, {"issued_on", "2026-08-01"}}.dump());
  ASSERT_EQ(issued.status, 201) << issued.body;
  // Unconfirmed for more than three months: flagged.
  auto pending = s.get_as(admin, "/api/v1/party/transfers?status=pending").json();
  ASSERT_EQ(pending["items"].size(), 1u);
  EXPECT_TRUE(pending["items"][0]["flagged"].get<bool>());
  const long long id = issued.json()["id"];
  auto confirmed = s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm",
                             R"({"confirmed_on":"2026-11-28","note":"回执已收到"})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person WHERE status = 'left' AND id = " + std::to_string(city.person_a)), 1);
  EXPECT_EQ(branch_of(s, city.person_a), city.branch_a1);  // the last branch stays on record
  // A person of the masses has no organisational relationship to transfer.
  auto masses = s.send_as(admin, "POST", "/api/v1/party/transfers",
                          Json{{"person_id", city.person_b}, {"to_branch_id", city.branch_a1}, {"issued_on", "2026-11-20"}}.dump());
  EXPECT_EQ(masses.status, 404);
}

TEST_P(PartyTransfer, TheIssuingSideCancelsAPendingTransfer) {
  START_CITY(s);
  const long long b1 = branch_under(s, city.unit_b, "T-B-B1");
  const std::string secretary = s.login("secretary"), admin = s.login("admin");
  auto issued = s.send_as(secretary, "POST", "/api/v1/party/transfers",
                          Json{{"person_id", city.person_a}, {"to_branch_id", b1}, {"issued_on", "2026-11-20"}}.dump());
  const long long id = issued.json()["id"];
  auto no_reason = s.send_as(secretary, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/cancel", R"({"reason":""})");
  EXPECT_EQ(no_reason.status, 400);
  auto cancelled = s.send_as(secretary, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/cancel", R"({"reason":"调动取消"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  auto late = s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm", R"({"confirmed_on":"2026-11-25"})");
  EXPECT_EQ(code_of(late), "transfer_decided");
  EXPECT_EQ(branch_of(s, city.person_a), city.branch_a1);
  // A new transfer may be issued once the old one is closed.
  EXPECT_EQ(s.send_as(secretary, "POST", "/api/v1/party/transfers",
                      Json{{"person_id", city.person_a}, {"to_branch_id", b1}, {"issued_on", "2026-11-26"}}.dump()).status,
            201);
}

TEST_P(PartyTransfer, TheBranchDirectoryNamesTheCitysOpenBranchesOnly) {
  START_CITY(s);
  const long long b1 = branch_under(s, city.unit_b, "T-B-B1");
  const long long closed = branch_under(s, city.unit_b, "T-B-B2");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE org_node SET status = 'closed', name = '乙单位已撤销支部' WHERE id = :id", soci::use(closed);
    lease.sql() << "UPDATE org_node SET node_type = 'general_branch', name = '乙单位机关党总支' WHERE id = :id", soci::use(b1);
  }
  const long long b2 = branch_under(s, city.unit_b, "T-B-B3");
  const std::string secretary = s.login("secretary");
  // The secretary's scope is branch A1, yet the directory names unit B's branches: names only, no people.
  auto all = s.get_as(secretary, "/api/v1/party/branches");
  ASSERT_EQ(all.status, 200) << all.body;
  const Json list = all.json();
  EXPECT_EQ(list["total"], 3);
  std::set<long long> ids;
  for (const auto& b : list["items"]) {
    ids.insert(b["id"].get<long long>());
    std::set<std::string> keys;
    for (const auto& [k, v] : b.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"id", "name", "node_type", "unit_id", "unit_name", "path_label"}));
  }
  EXPECT_EQ(ids, (std::set<long long>{city.branch_a1, b1, b2}));
  EXPECT_FALSE(ids.count(closed));
  // Searched by the branch's or the unit's name; only branches when asked; a page at a time.
  auto by_unit = s.get_as(secretary, "/api/v1/party/branches?type=branch&q=%E4%B9%99%E5%8D%95%E4%BD%8D").json();  // 乙单位
  ASSERT_EQ(by_unit["items"].size(), 1u) << by_unit.dump();
  EXPECT_EQ(by_unit["items"][0]["id"], b2);
  EXPECT_EQ(by_unit["items"][0]["unit_name"], "乙单位");
  EXPECT_EQ(by_unit["items"][0]["path_label"], "乙单位 / 乙单位第一党支部");
  auto by_name = s.get_as(secretary, "/api/v1/party/branches?q=%E6%80%BB%E6%94%AF").json();  // 总支
  ASSERT_EQ(by_name["items"].size(), 1u);
  EXPECT_EQ(by_name["items"][0]["node_type"], "general_branch");
  auto paged = s.get_as(secretary, "/api/v1/party/branches?page_size=2&page=2").json();
  EXPECT_EQ(paged["total"], 3);
  EXPECT_EQ(paged["items"].size(), 1u);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/branches?type=unit").status, 400);
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/party/branches").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Db, PartyTransfer, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
