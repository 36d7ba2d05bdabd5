#include "org/import_rows.hpp"

#include <cctype>
#include <tuple>

#include "core/field_cipher.hpp"
#include "core/json_input.hpp"
#include "org/validation.hpp"

namespace xinhuo::org {

const std::vector<ImportColumn>& import_columns() {
  static const std::vector<ImportColumn> columns = {
      {"name", "姓名", true},           {"gender", "性别", true},          {"ethnicity", "民族", true},
      {"birth_date", "出生日期", true},  {"id_card", "身份证号", false},    {"phone", "手机号码", false},
      {"unit", "单位", true},           {"branch", "党支部", false},        {"position", "职务", false},
      {"rank", "职级", false},          {"party_status", "政治面貌", true}, {"party_joined_date", "入党时间", false},
      {"work_start_date", "参加工作时间", false}, {"education", "学历", false}, {"degree", "学位", false},
      {"native_place", "籍贯", false}};
  return columns;
}

namespace {

std::string trimmed(std::string s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  const auto b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

// Accepts the code or the name users read ("正式党员" or "full").
std::string party_status_code(const std::string& v) {
  for (auto code : kPartyStatuses)
    if (v == code || v == party_status_name(code)) return std::string(code);
  return {};
}

std::string rank_code(const std::string& v) {
  for (const auto& r : kRanks)
    if (v == r.code || v == r.name) return std::string(r.code);
  return {};
}

}  // namespace

CheckedRow check_import_row(const ImportRow& row, const std::vector<ImportNode>& nodes, std::set<std::string>& ids_in_file,
                            const std::function<bool(const std::string& id_card)>& registered) {
  CheckedRow out;
  auto& errors = out.errors;
  auto cell = [&](const char* key) {
    auto it = row.cells.find(key);
    return it == row.cells.end() ? std::string{} : trimmed(it->second);
  };
  auto fail = [&](const char* header, Text message) { errors.push_back({row.row, header, std::move(message)}); };
  for (const auto& c : import_columns()) {
    const std::string v = cell(c.key);
    if (c.required && v.empty()) fail(c.header, {"必须填写", "Required"});
    else if (!utf8_length(v)) fail(c.header, {"含有无效字符", "Contains characters that are not valid text"});
    else if (*utf8_length(v) > 60) fail(c.header, {"内容过长（最多 60 个字）", "Too long (at most 60 characters)"});
  }
  Person& p = out.person;
  p.name = cell("name");
  const std::string gender = cell("gender");
  p.gender = gender == "男" || gender == "male" ? "male" : gender == "女" || gender == "female" ? "female" : "";
  if (!gender.empty() && p.gender.empty()) fail("性别", {"只能填 男 或 女", "Either 男 (male) or 女 (female)"});
  p.ethnicity = cell("ethnicity");
  p.birth_date = cell("birth_date");
  if (!p.birth_date.empty() && !valid_date(p.birth_date)) fail("出生日期", {"应为 YYYY-MM-DD 格式的真实日期", "A real date as YYYY-MM-DD"});
  for (auto [key, header, target] : {std::tuple{"party_joined_date", "入党时间", &p.party_joined_date},
                                     std::tuple{"work_start_date", "参加工作时间", &p.work_start_date}}) {
    *target = cell(key);
    if (!target->empty() && !valid_date(*target)) fail(header, {"应为 YYYY-MM-DD 格式的真实日期", "A real date as YYYY-MM-DD"});
  }
  const std::string status = cell("party_status");
  p.party_status = party_status_code(status);
  if (!status.empty() && p.party_status.empty()) fail("政治面貌", {"应为 群众、入党申请人、入党积极分子、发展对象、预备党员 或 正式党员",
                    "One of 群众, 入党申请人, 入党积极分子, 发展对象, 预备党员, 正式党员"});
  const std::string rank = cell("rank");
  p.rank = rank_code(rank);
  if (!rank.empty() && p.rank.empty()) fail("职级", {"不是公务员职级序列中的职级（如 一级科员、四级调研员）",
                                "Not a rank of the civil-service sequence (such as 一级科员, 四级调研员)"});
  p.position = cell("position");
  p.education = cell("education");
  p.degree = cell("degree");
  p.native_place = cell("native_place");

  const std::string unit = cell("unit");
  const ImportNode* unit_node = nullptr;
  for (const auto& n : nodes)
    if (n.type == "unit" && n.name == unit) unit_node = &n;
  if (!unit.empty() && !unit_node) fail("单位", {"单位不存在或不在您的管理范围内", "No such unit, or it is outside what you manage"});
  if (unit_node) p.unit_id = unit_node->id;
  const std::string branch = cell("branch");
  if (!branch.empty() && unit_node) {
    for (const auto& n : nodes)
      if (n.type == "branch" && n.name == branch && n.path.rfind(unit_node->path, 0) == 0) p.branch_id = n.id;
    if (!p.branch_id) fail("党支部", {"该单位下没有这个党支部", "The unit has no party branch of that name"});
  }

  std::string id_card = cell("id_card");
  for (auto& ch : id_card) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (!id_card.empty()) {
    if (auto problem = id_card_problem(id_card); !problem.zh.empty()) fail("身份证号", problem);
    else if (!p.birth_date.empty() && id_card_birth_date(id_card) != p.birth_date) fail("身份证号", {"与出生日期不一致", "Does not match the birth date"});
    else if (!ids_in_file.insert(id_card).second) fail("身份证号", {"与本文件中另一行重复", "Repeats another row of this file"});
    else if (registered(id_card)) fail("身份证号", {"该身份证号码已登记", "This ID number is registered already"});
  }
  out.id_card = id_card;
  const std::string phone = cell("phone");
  if (!phone.empty() && !valid_phone(phone))
    fail("手机号码", {"格式不正确（手机 11 位，或 区号-号码）", "Not a phone number (11-digit mobile, or area code-number)"});
  out.phone = phone;
  return out;
}

}  // namespace xinhuo::org
