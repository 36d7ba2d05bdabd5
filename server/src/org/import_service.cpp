#include "org/import_service.hpp"

#include <set>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/xlsx.hpp"
#include "org/events.hpp"
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

void ImportService::require(const Principal& caller) const {
  if (!caller.can(kPermPeopleImport)) throw Error::forbidden("forbidden", {"没有导入人员的权限", "Not allowed to import people"});
}

ImportService::Checked ImportService::check(const Principal& caller, const std::vector<ImportRow>& rows) {
  if (rows.empty()) throw Error::validation("rows", {"没有可导入的数据行", "There are no rows to import"});
  if (rows.size() > static_cast<std::size_t>(kMaxImportRows))
    throw Error::validation("rows", {"一次最多导入 " + std::to_string(kMaxImportRows) + " 行", "At most " + std::to_string(kMaxImportRows) + " rows at once"});
  const auto nodes = store_.nodes_in_scope(caller);
  Checked out;
  std::set<std::string> ids_in_file;
  for (const auto& row : rows) {
    std::vector<RowError> errors;
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
    NewPerson np;
    Person& p = np.person;
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
    const ImportStore::NamedNode* unit_node = nullptr;
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
      else {
        np.id_card_hash = cipher_.lookup_hash(id_card);
        if (store_.id_card_exists(np.id_card_hash)) fail("身份证号", {"该身份证号码已登记", "This ID number is registered already"});
        np.id_card_sealed = cipher_.seal(id_card);
      }
    }
    const std::string phone = cell("phone");
    if (!phone.empty()) {
      if (!valid_phone(phone)) fail("手机号码", {"格式不正确（手机 11 位，或 区号-号码）", "Not a phone number (11-digit mobile, or area code-number)"});
      else np.phone_sealed = cipher_.seal(phone), np.phone_hash = cipher_.lookup_hash(phone);
    }
    if (errors.empty()) out.people.push_back(std::move(np));
    else {
      ++out.invalid_rows;
      out.errors.insert(out.errors.end(), errors.begin(), errors.end());
    }
  }
  return out;
}

ImportPreview ImportService::preview(const Principal& caller, const std::vector<ImportRow>& rows) {
  require(caller);
  auto checked = check(caller, rows);
  return {static_cast<int>(rows.size()), static_cast<int>(checked.people.size()), std::move(checked.errors)};
}

ImportResult ImportService::commit(const Principal& caller, const std::vector<ImportRow>& rows, const std::string& mode) {
  require(caller);
  if (mode != "all_or_nothing" && mode != "skip_invalid")
    throw Error::validation("mode", {"导入方式只能是 all_or_nothing 或 skip_invalid", "mode must be all_or_nothing or skip_invalid"});
  auto checked = check(caller, rows);
  if (mode == "all_or_nothing" && !checked.errors.empty())
    throw Error::unprocessable("import_has_errors", {"有 " + std::to_string(checked.invalid_rows) + " 行数据有误，未导入任何数据",
                                                     std::to_string(checked.invalid_rows) + " rows have errors; nothing was imported"});
  if (checked.people.empty())
    throw Error::unprocessable("import_has_errors", {"没有可导入的有效行", "No valid rows to import"});
  const auto now = clock_.now();
  ImportBatch batch;
  batch.username = caller.username;
  batch.mode = mode;
  batch.rows_total = static_cast<int>(rows.size());
  batch.rows_created = static_cast<int>(checked.people.size());
  batch.rows_skipped = checked.invalid_rows;
  batch.created_at = iso_utc(now);
  db::Tx tx(db_);
  const long long id = ImportStore::insert_batch(tx, batch, caller.account_id);
  for (const auto& p : checked.people) {
    const long long person = ImportStore::insert_person(tx, p, id, batch.created_at);
    tx.publish(person_placed(person, std::nullopt, PersonPlace{p.person.unit_id, p.person.branch_id, p.person.party_status},
                             batch.created_at));
  }
  audit::record(tx, caller, {.action = "people.import", .target_type = "people_import", .target_id = std::to_string(id),
                             .detail = {{"rows", batch.rows_total}, {"created", batch.rows_created}, {"skipped", batch.rows_skipped},
                                        {"mode", mode}}},
                now);
  tx.commit();
  return {id, batch.rows_created, batch.rows_skipped, std::move(checked.errors)};
}

ImportBatch ImportService::undo(const Principal& caller, long long import_id) {
  require(caller);
  auto batch = store_.batch(import_id);
  if (!batch || (batch->account_id != caller.account_id && !caller.scope.all))
    throw Error::not_found({"导入记录不存在", "No such import"});
  auto last = store_.last_committed();
  if (batch->status != "committed" || !last || last->id != import_id)
    throw Error::conflict("not_last_import", {"只能撤销最近一次导入", "Only the last import can be undone"});
  const auto now = clock_.now();
  db::Tx tx(db_);
  if (ImportStore::changed_people(tx, import_id) > 0)
    throw Error::conflict("import_changed", {"该批人员导入后已被修改，不能撤销", "People of this import were changed since; it cannot be undone"});
  for (const auto& [person, place] : ImportStore::places_of_import(tx, import_id))
    tx.publish(person_placed(person, place, std::nullopt, iso_utc(now)));
  const long long removed = ImportStore::delete_people(tx, import_id);
  if (!ImportStore::mark_undone(tx, import_id, iso_utc(now)))
    throw Error::conflict("not_last_import", {"只能撤销最近一次导入", "Only the last import can be undone"});
  audit::record(tx, caller, {.action = "people.import_undone", .target_type = "people_import", .target_id = std::to_string(import_id),
                             .detail = {{"removed", removed}}},
                now);
  tx.commit();
  return *store_.batch(import_id);
}

std::string ImportService::template_xlsx() const {
  Sheet sheet{.name = "人员导入模板"};
  for (const auto& c : import_columns()) {
    sheet.header.push_back(std::string(c.header) + (c.required ? "*" : ""));
    sheet.widths.push_back(c.key == std::string("unit") || c.key == std::string("id_card") ? 22 : 12);
  }
  sheet.rows.push_back({"张三", "男", "汉族", "1995-03-01", "330203199503011236", "13912345678", "市教育局", "第一党支部", "科员",
                        "一级科员", "正式党员", "2018-07-01", "2017-08-01", "大学本科", "学士", "浙江宁波"});
  return write_xlsx(sheet);
}

}  // namespace xinhuo::org
