#pragma once
// Writes a one-sheet .xlsx workbook (header row, then rows of text) to bytes, for every table's export.
#include <string>
#include <vector>

namespace xinhuo {

struct Sheet {
  std::string name;                             // tab name
  std::vector<std::string> header;
  std::vector<double> widths;                   // column widths in characters (optional)
  std::vector<std::vector<std::string>> rows;
};

// Throws std::runtime_error when the workbook cannot be written.
std::string write_xlsx(const Sheet& sheet);

inline constexpr const char* kXlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace xinhuo
