#include "app/openapi.hpp"

#include <algorithm>
#include <cctype>

namespace xinhuo::app {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Json error_schema() {
  return {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message", "request_id"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}, {"description", "Localised by Accept-Language (zh-CN default, en)"}}},
                {"field", {{"type", "string"}}},
                {"request_id", {{"type", "string"}}}}}}}}}};
}

}  // namespace

Json openapi_document(const http::Router& router, const std::string& version) {
  Json paths = Json::object();
  for (const auto& route : router.routes()) {
    const auto& s = route->spec;
    Json op = {{"summary", s.summary}, {"tags", {s.tag}}, {"operationId", lower(s.method) + ":" + s.pattern}};
    Json params = Json::array();
    for (const auto& seg : route->segments) {
      if (seg.size() > 2 && seg.front() == '{') {
        const std::string name = seg.substr(1, seg.size() - 2);
        const bool is_id = name == "id" || (name.size() > 3 && name.substr(name.size() - 3) == "_id");
        params.push_back({{"name", name}, {"in", "path"}, {"required", true},
                          {"schema", {{"type", is_id ? "integer" : "string"}}}});
      }
    }
    if (s.creates)
      params.push_back({{"name", "Idempotency-Key"}, {"in", "header"}, {"required", false},
                        {"schema", {{"type", "string"}, {"maxLength", 128}}}});
    if (!params.empty()) op["parameters"] = params;
    if (!s.request_schema.is_null())
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", s.request_schema}}}}}};
    Json ok = {{"description", "OK"}};
    if (!s.response_schema.is_null()) ok["content"] = {{"application/json", {{"schema", s.response_schema}}}};
    op["responses"] = {{s.creates ? "201" : "200", ok},
                       {"default", {{"description", "Error"},
                                    {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
    if (s.public_route) op["security"] = Json::array();
    if (!s.permission.empty()) op["x-permission"] = s.permission;
    paths[s.pattern][lower(s.method)] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "薪火 Xinhuo API"}, {"version", version},
                    {"description", "智慧党建大数据平台 — party-building and young-cadre platform"}}},
          {"paths", paths},
          {"components",
           {{"schemas", {{"Error", error_schema()}}},
            {"securitySchemes", {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "xinhuo_session"}}}}}}},
          {"security", {{{"session", Json::array()}}}}};
}

}  // namespace xinhuo::app
