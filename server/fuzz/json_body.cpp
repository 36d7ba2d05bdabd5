// Arbitrary bytes as the body of a JSON request, through what every route does with it: Request::json() (the
// Content-Type check and parse_json), then the strict field reading of JsonFields for the shapes routes read
// (flat forms, id lists, nested objects and arrays of objects as the people import sends), and, for every
// refusal, the error response the client gets. Only xinhuo::Error may escape a route's reading of a body:
// anything else (a nlohmann exception, std::out_of_range…) would be a 500, so it is let through as a crash.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "http/message.hpp"
#include "org/import_rows.hpp"

using namespace xinhuo;

namespace {

constexpr std::size_t kMaxJsonDepth = 32;  // the nesting parse_json accepts

// How many objects and arrays deep a parsed value goes, counted without recursion.
std::size_t depth_of(const Json& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const Json*, std::size_t>> todo{{&root, 1}};
  while (!todo.empty()) {
    auto [v, d] = todo.back();
    todo.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, d);
    for (const auto& child : *v) todo.push_back({&child, d + 1});
  }
  return deepest;
}

// A record entry, as record/routes.cpp reads it.
void read_entry(const Json& body) {
  JsonFields f(body);
  f.required_int("person_id", 1, LLONG_MAX);
  f.required_string("category", 30);
  f.required_string("fact_date", 10);
  f.required_string("title", 100);
  f.required_string("content", 4000);
  f.optional_string("source_name", 50);
  f.optional_id_list("evidence", 9);
  f.optional_bool("public", false);
  f.optional_int("base_version", 0, 100000);
  f.finish();
}

// Rows of a people import, as org/import_routes.cpp reads them, then checked like the import checks them.
void read_import(const Json& body) {
  JsonFields f(body);
  const Json& rows = f.required_array("rows");
  std::vector<org::ImportRow> out;
  std::size_t index = 0;
  for (const auto& item : rows) {
    JsonFields r(item, "rows[" + std::to_string(index++) + "].");
    org::ImportRow row;
    row.row = static_cast<int>(r.required_int("row", 1, 1000000));
    for (const auto& c : org::import_columns())
      if (auto v = r.optional_string(c.key, 200)) row.cells[c.key] = *v;
    r.finish();
    out.push_back(std::move(row));
  }
  f.required_string("mode", 20);
  f.finish();
  const std::vector<org::ImportNode> nodes = {{2, "/1/2/", "市教育局", "unit"}, {3, "/1/2/3/", "第一党支部", "branch"}};
  std::set<std::string> ids;
  for (const auto& row : out) org::check_import_row(row, nodes, ids, [](const std::string&) { return false; });
}

// Any object: every member read with the accessor its name's first letter picks, nested objects and arrays of
// objects read the same way under their prefix (as "members[2]." is), settings-like objects kept as copies.
void read_any(const Json& body, const std::string& prefix, int depth) {
  JsonFields f(body, prefix);
  std::vector<std::string> keys;
  for (const auto& [key, value] : body.items()) keys.push_back(key);
  for (std::size_t i = 0; i + 1 < keys.size(); i += 2) {  // every other member is left unread for finish()
    const std::string& key = keys[i];
    switch (key.empty() ? 0 : static_cast<unsigned char>(key[0]) % 8) {
      case 0: f.optional_string(key, 5); break;
      case 1: f.required_string(key, 200); break;
      case 2: f.optional_int(key, -1000, 1000); break;
      case 3: f.required_int(key, LLONG_MIN, LLONG_MAX); break;
      case 4: f.optional_bool(key, false); break;
      case 5: f.optional_id_list(key, 20); break;
      case 6: {
        const Json copy = f.required_object(key);  // as a route keeps a settings object
        (void)copy.dump();
        if (depth < 8) read_any(copy, prefix + key + ".", depth + 1);
        break;
      }
      default: {
        const Json& list = f.required_array(key);
        std::size_t n = 0;
        for (const auto& item : list)
          if (item.is_object() && depth < 8) read_any(item, prefix + key + "[" + std::to_string(n++) + "].", depth + 1);
        break;
      }
    }
  }
  f.finish();
}

void answer(const Error& e, http::Request& req) {
  for (bool english : {false, true}) {
    req.headers = {{"Content-Type", "application/json"}, {"Accept-Language", english ? "en" : "zh-CN"}};
    const http::Response res = http::Response::error(e, req);
    if (res.status < 400 || res.status > 499) __builtin_trap();  // a refused body is a 4xx, never a 5xx
    (void)Json::parse(res.body);  // and the error is valid JSON whatever bytes the field names carry
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request req;
  req.method = "POST";
  req.headers = {{"Content-Type", "application/json; charset=utf-8"}};
  req.body.assign(reinterpret_cast<const char*>(data), size);
  req.request_id = "fuzz";
  Json body;
  try {
    body = req.json();
  } catch (const Error& e) {
    answer(e, req);
    return 0;
  }
  if (depth_of(body) > kMaxJsonDepth) __builtin_trap();  // parse_json refuses anything nested deeper
  for (auto read : {read_entry, read_import}) {
    try {
      read(body);
    } catch (const Error& e) {
      answer(e, req);
    }
  }
  try {
    read_any(body, "", 0);
  } catch (const Error& e) {
    answer(e, req);
  }
  return 0;
}
