// Excel import of people: row errors by row and column, all-or-nothing or skipping bad rows, undo of the last
// import, and the scope of the importer.
#include <gtest/gtest.h>

#include "org/import_rows.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Import : public ::testing::TestWithParam<Backend> {};

namespace {
// Ten rows, the seventh with a wrong ID check digit (10% bad).
Json rows_with_one_bad(const std::string& unit) {
  Json rows = Json::array();
  const char* ids[] = {"110105199001010010", "110105199001020016", "110105199001030011", "110105199001040017",
                       "110105199001050012", "110105199001060018", "110105199001070013", "110105199001080019",
                       "110105199001090014", "110105199001100016"};
  for (int i = 0; i < 10; ++i) {
    std::string id = ids[i];
    std::string birth = "1990-01-" + std::string(i == 9 ? "10" : "0" + std::to_string(i + 1));
    if (i == 6) id[17] = id[17] == '3' ? '4' : '3';  // a wrong check digit
    rows.push_back({{"row", i + 2}, {"name", "导入" + std::to_string(i)}, {"gender", i % 2 ? "女" : "男"}, {"ethnicity", "汉族"},
                    {"birth_date", birth}, {"id_card", id}, {"unit", unit}, {"rank", "一级科员"}, {"party_status", "正式党员"},
                    {"branch", "甲单位第一党支部"}});
  }
  return rows;
}
}  // namespace

TEST_P(Import, PreviewThenSkipBadRowsThenUndo) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  s.seed_small_city();
  const std::string admin = s.login("admin");
  const Json rows = rows_with_one_bad("甲单位");

  auto preview = s.send_as(admin, "POST", "/api/v1/people/imports/preview", Json{{"rows", rows}}.dump());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json()["total"], 10);
  EXPECT_EQ(preview.json()["valid"], 9);
  ASSERT_EQ(preview.json()["errors"].size(), 1u);
  EXPECT_EQ(preview.json()["errors"][0]["row"], 8);
  EXPECT_EQ(preview.json()["errors"][0]["column"], "身份证号");
  EXPECT_EQ(preview.json()["errors"][0]["message"], "身份证号码校验位不正确");
  // The row problems speak the caller's language, like every other message.
  auto headers = api_headers(s.port());
  headers.emplace_back("Cookie", admin);
  headers.emplace_back("Accept-Language", "en");
  auto english = http_request(s.port(), "POST", "/api/v1/people/imports/preview", headers, Json{{"rows", rows}}.dump());
  ASSERT_EQ(english.status, 200) << english.body;
  EXPECT_EQ(english.json()["errors"][0]["message"], "The check digit of the ID number is wrong");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person"), 2) << "a preview writes nothing";

  auto strict = s.send_as(admin, "POST", "/api/v1/people/imports", Json{{"rows", rows}, {"mode", "all_or_nothing"}}.dump());
  EXPECT_EQ(strict.status, 422);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person"), 2) << "all or nothing";

  auto done = s.send_as(admin, "POST", "/api/v1/people/imports", Json{{"rows", rows}, {"mode", "skip_invalid"}}.dump());
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(done.json()["created"], 9);
  EXPECT_EQ(done.json()["skipped"], 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person"), 11);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?id_card=110105199001010010").json()["total"], 1);
  // Importing the same rows again: every ID is now registered.
  auto again = s.send_as(admin, "POST", "/api/v1/people/imports/preview", Json{{"rows", rows}}.dump());
  EXPECT_EQ(again.json()["valid"], 0);

  const long long id = done.json()["import_id"];
  auto undone = s.send_as(admin, "POST", "/api/v1/people/imports/" + std::to_string(id) + "/undo");
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.json()["status"], "undone");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person"), 2);
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/people/imports/" + std::to_string(id) + "/undo").status, 409);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('people.import', 'people.import_undone')"), 2);

  // An import whose people were changed since cannot be undone.
  auto second = s.send_as(admin, "POST", "/api/v1/people/imports", Json{{"rows", rows}, {"mode", "skip_invalid"}}.dump());
  ASSERT_EQ(second.status, 201);
  const long long someone = s.get_as(admin, "/api/v1/people?name=%E5%AF%BC%E5%85%A50").json()["items"][0]["id"];
  s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(someone), R"({"position":"科长"})");
  auto blocked = s.send_as(admin, "POST", "/api/v1/people/imports/" + std::to_string(second.json()["import_id"].get<long long>()) + "/undo");
  EXPECT_EQ(blocked.status, 409);
  EXPECT_EQ(blocked.json()["error"]["code"], "import_changed");
}

TEST_P(Import, ImporterIsLimitedToTheirScopeAndTheTemplateIsAWorkbook) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  s.seed_small_city();
  const std::string unitadmin = s.login("unitadmin");
  auto preview = s.send_as(unitadmin, "POST", "/api/v1/people/imports/preview", Json{{"rows", rows_with_one_bad("乙单位")}}.dump());
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.json()["valid"], 0);
  EXPECT_EQ(preview.json()["errors"][0]["column"], "单位");
  auto bad_key = s.send_as(unitadmin, "POST", "/api/v1/people/imports/preview", R"({"rows":[{"row":2,"salary":"1"}]})");
  EXPECT_EQ(bad_key.status, 400);
  EXPECT_EQ(bad_key.json()["error"]["field"], "rows[0].salary");
  auto file = s.get_as(unitadmin, "/api/v1/people/imports/template");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body.substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(Db, Import, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

// The row checks on their own (no database): what each cell may hold, in the order the preview reports them,
// and the ID number looked up in the register only once it is valid, matches the birth date and is new to the file.
TEST(ImportRows, EveryCellIsCheckedAndTheRegisterIsAskedOnlyForAGoodNewIdNumber) {
  using namespace xinhuo::org;
  const std::vector<ImportNode> nodes = {{2, "/1/2/", "甲单位", "unit"}, {3, "/1/2/3/", "第一党支部", "branch"},
                                         {4, "/1/4/", "乙单位", "unit"}, {5, "/1/4/5/", "第二党支部", "branch"}};
  auto row = [](int n, std::map<std::string, std::string> extra) {
    ImportRow r{n, {{"name", " 张三 "}, {"gender", "男"}, {"ethnicity", "汉族"}, {"birth_date", "1990-01-01"},
                    {"unit", "甲单位"}, {"party_status", "正式党员"}, {"id_card", "11010519900101007x"}}};
    for (auto& [k, v] : extra) r.cells[k] = v;
    return r;
  };
  std::set<std::string> ids;
  std::vector<std::string> asked;
  auto registered = [&](const std::string& id) {
    asked.push_back(id);
    return id == "110105199001020016";
  };
  auto good = check_import_row(row(2, {{"branch", "第一党支部"}, {"phone", "0574-87654321"}, {"rank", "一级科员"}}), nodes, ids, registered);
  EXPECT_TRUE(good.errors.empty());
  EXPECT_EQ(good.person.name, "张三");
  EXPECT_EQ(good.person.gender, "male");
  EXPECT_EQ(good.person.unit_id, 2);
  EXPECT_EQ(good.person.branch_id, 3);
  EXPECT_EQ(good.person.rank, "clerk_1");
  EXPECT_EQ(good.person.party_status, "full");
  EXPECT_EQ(good.id_card, "11010519900101007X") << "the check letter is stored in upper case";
  EXPECT_EQ(good.phone, "0574-87654321");

  auto columns = [](const CheckedRow& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors) out.push_back(e.column);
    return out;
  };
  auto repeated = check_import_row(row(3, {}), nodes, ids, registered);
  EXPECT_EQ(columns(repeated), std::vector<std::string>{"身份证号"}) << "the same ID number twice in one file";
  auto on_file = check_import_row(row(4, {{"id_card", "110105199001020016"}, {"birth_date", "1990-01-02"}}), nodes, ids, registered);
  EXPECT_EQ(columns(on_file), std::vector<std::string>{"身份证号"});
  EXPECT_EQ(on_file.errors[0].message.en, "This ID number is registered already");
  auto bad = check_import_row(row(5, {{"name", ""}, {"gender", "M"}, {"birth_date", "1990-02-30"}, {"unit", "乙单位"},
                                      {"branch", "第一党支部"}, {"rank", "科长"}, {"party_status", "党员"},
                                      {"id_card", "110105199001030011"}, {"phone", "1391234567"},
                                      {"work_start_date", std::string("2010-01-0\xff")}}),
                              nodes, ids, registered);
  EXPECT_EQ(columns(bad), (std::vector<std::string>{"姓名", "参加工作时间", "性别", "出生日期", "参加工作时间", "政治面貌", "职级",
                                                     "党支部", "身份证号", "手机号码"}));
  EXPECT_EQ(bad.errors[0].row, 5);
  EXPECT_EQ(asked, (std::vector<std::string>{"11010519900101007X", "110105199001020016"}))
      << "neither a repeated nor a mismatching ID number reaches the register";
}

