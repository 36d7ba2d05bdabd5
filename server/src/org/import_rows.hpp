#pragma once
// The checks of one row of a people import: every cell against the template, the unit and branch against the
// caller's nodes, the ID number (GB 11643) and phone. Plain code with no database, so the row checks can be
// tested (and fuzzed) on their own; the service adds the look-ups and the sealing.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "org/model.hpp"

namespace xinhuo::org {

struct ImportColumn {
  const char* key;     // JSON key the browser sends
  const char* header;  // the template's column title
  bool required;
};
const std::vector<ImportColumn>& import_columns();

struct ImportRow {
  int row = 0;  // the sheet's row number, for messages
  std::map<std::string, std::string> cells;
};

struct RowError {
  int row = 0;
  std::string column;  // the column title as in the template
  Text message;
};

// A unit or branch inside the caller's scope, found by its name.
struct ImportNode {
  long long id;
  std::string path;
  std::string name;
  std::string type;
};

struct CheckedRow {
  Person person;         // the fields read from the row (unit_id and branch_id resolved)
  std::string id_card;   // normalised (upper case), empty when the cell is
  std::string phone;     // as written, empty when the cell is
  std::vector<RowError> errors;
};

// `ids_in_file` holds the ID numbers of the earlier rows (this row's is added when it is new and valid);
// `registered` says whether a valid ID number is on file already (asked only for one new to the file).
CheckedRow check_import_row(const ImportRow& row, const std::vector<ImportNode>& nodes, std::set<std::string>& ids_in_file,
                            const std::function<bool(const std::string& id_card)>& registered);

}  // namespace xinhuo::org
