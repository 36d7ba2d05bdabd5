#include "org/import_service.hpp"

#include <set>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/events.hpp"

namespace xinhuo::org {

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
    std::string id_card_hash;
    auto checked = check_import_row(row, nodes, ids_in_file, [&](const std::string& id_card) {
      id_card_hash = cipher_.lookup_hash(id_card);
      return store_.id_card_exists(id_card_hash);
    });
    if (!checked.errors.empty()) {
      ++out.invalid_rows;
      out.errors.insert(out.errors.end(), checked.errors.begin(), checked.errors.end());
      continue;
    }
    NewPerson np;
    np.person = std::move(checked.person);
    if (!checked.id_card.empty()) np.id_card_hash = id_card_hash, np.id_card_sealed = cipher_.seal(checked.id_card);
    if (!checked.phone.empty()) np.phone_sealed = cipher_.seal(checked.phone), np.phone_hash = cipher_.lookup_hash(checked.phone);
    out.people.push_back(std::move(np));
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
