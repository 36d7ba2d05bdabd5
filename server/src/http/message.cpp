#include "http/message.hpp"

#include <cctype>

namespace xinhuo::http {

// Header names are ASCII: fold A–Z by hand rather than through the locale (this runs for every header lookup).
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::optional<std::string> Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::string_view q = query;
  while (!q.empty()) {
    auto amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    auto eq = pair.find('=');
    if (percent_decode(pair.substr(0, eq)) == name) {
      if (eq == std::string_view::npos) return std::string{};
      std::string value = percent_decode(pair.substr(eq + 1));
      // A NUL or invalid UTF-8 would reach the database (PostgreSQL refuses it there, as a 500): refuse it here.
      if (!utf8_length(value))
        throw Error::validation(std::string(name), {"参数 " + std::string(name) + " 含有无效字符",
                                                    "Parameter " + std::string(name) + " contains invalid characters"});
      return value;
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

int Request::query_int(const std::string& name, int fallback, int min, int max) const {
  auto v = query_param(name);
  if (!v || v->empty()) return fallback;
  try {
    std::size_t used = 0;
    const int n = std::stoi(*v, &used);
    if (used == v->size() && n >= min && n <= max) return n;
  } catch (const std::exception&) {
  }
  throw Error::validation(name, {"参数 " + name + " 必须是 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数",
                                 "Parameter " + name + " must be a whole number from " + std::to_string(min) + " to " +
                                     std::to_string(max)});
}

const std::string& Request::param(const std::string& name) const {
  static const std::string empty;
  auto it = path_params.find(name);
  return it == path_params.end() ? empty : it->second;
}

long long Request::id_param(const std::string& name) const {
  const std::string& s = param(name);
  if (s.empty() || s.size() > 18 || s[0] == '0') throw Error::not_found();
  for (char c : s)
    if (c < '0' || c > '9') throw Error::not_found();
  return std::stoll(s);
}

Json Request::json() const {
  auto type = header("Content-Type").value_or("");
  auto semi = type.find(';');
  std::string media = type.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.pop_back();
  if (!iequals(media, "application/json")) throw Error::unsupported_media_type();
  return parse_json(body);
}

bool Request::english() const {
  auto lang = header("Accept-Language");
  return lang && lang->size() >= 2 && std::tolower(static_cast<unsigned char>((*lang)[0])) == 'e' &&
         std::tolower(static_cast<unsigned char>((*lang)[1])) == 'n';
}

Response Response::json(int status, const Json& body) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response Response::json_text(int status, std::string body) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  return r;
}

Response Response::error(const Error& e, const Request& req) {
  Json err = {{"code", e.code()}, {"message", e.message().in(req.english())}, {"request_id", req.request_id}};
  if (!e.field().empty()) err["field"] = e.field();
  for (const auto& [key, value] : e.details()) err[key] = value;
  return json(e.status(), Json{{"error", err}});
}

void Response::set_header(std::string_view name, std::string_view value) {
  for (auto& [k, v] : headers)
    if (iequals(k, name)) {
      v = value;
      return;
    }
  headers.emplace_back(name, value);
}

std::optional<std::string> Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return std::nullopt;
}

}  // namespace xinhuo::http
