// Rows of a people import as the browser sends them (any text in any cell, a few rows per input, ID numbers
// repeated between rows) through the row checks the import runs before anything is written. Checks beside
// the sanitizers: a row without errors has every required cell, a real unit, dates that are real, a valid
// GB 11643 ID number matching the birth date, and a phone number that passes the phone check.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/field_cipher.hpp"
#include "org/import_rows.hpp"
#include "org/validation.hpp"

using namespace xinhuo;
using namespace xinhuo::org;

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

const std::vector<ImportNode> kNodes = {
    {2, "/1/2/", "市教育局", "unit"},         {3, "/1/2/3/", "第一党支部", "branch"},
    {4, "/1/4/", "市卫健委", "unit"},         {5, "/1/4/5/", "第一党支部", "branch"},
    {6, "/1/6/", "机关党委", "party_committee"}};

// Cells the fuzzer can reach quickly besides arbitrary text: values that pass, or nearly pass, each check.
const char* const kSamples[] = {"张三", "男", "女", "male", "汉族", "1995-03-01", "2000-02-29", "1900-02-29",
                                "330203199503011236", "33020319950301123x", "11010519491231002X", "13912345678",
                                "0574-87654321", "市教育局", "第一党支部", "一级科员", "四级调研员", "正式党员",
                                "full", "预备党员", " ", "", "\xE4\xB8", "2018-07-01"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const auto& columns = import_columns();
  std::set<std::string> ids_in_file;
  const int rows = in.ConsumeIntegralInRange(1, 4);
  for (int n = 0; n < rows && in.remaining_bytes() > 0; ++n) {
    ImportRow row;
    row.row = n + 2;
    for (const auto& c : columns) {
      const int how = in.ConsumeIntegralInRange(0, 3);
      if (how == 0) continue;  // the cell is left out
      row.cells[c.key] = how == 1 ? std::string(in.PickValueInArray(kSamples)) : in.ConsumeRandomLengthString(80);
    }
    int asked = 0;
    const bool registered = in.ConsumeBool();
    const auto checked = check_import_row(row, kNodes, ids_in_file, [&](const std::string& id) {
      ++asked;
      check(id_card_problem(id).zh.empty());
      return registered;
    });
    check(asked <= 1);
    for (const auto& e : checked.errors) check(e.row == row.row && !e.column.empty() && !e.message.zh.empty());
    if (!checked.errors.empty()) continue;
    const Person& p = checked.person;
    check(!p.name.empty() && !p.ethnicity.empty() && (p.gender == "male" || p.gender == "female"));
    check(valid_date(p.birth_date) && !p.party_status.empty() && p.unit_id > 0);
    check(p.party_joined_date.empty() || valid_date(p.party_joined_date));
    check(p.work_start_date.empty() || valid_date(p.work_start_date));
    if (!checked.id_card.empty()) {
      check(id_card_problem(checked.id_card).zh.empty() && id_card_birth_date(checked.id_card) == p.birth_date);
      check(asked == 1 && !registered);
    }
    check(checked.phone.empty() || valid_phone(checked.phone));
  }
  return 0;
}
