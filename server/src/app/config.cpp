#include "app/config.hpp"

#include <algorithm>
#include <thread>

#include <toml++/toml.h>

#include <set>
#include <stdexcept>

#include "db/database.hpp"
#include "http/middleware.hpp"

extern char** environ;

namespace xinhuo::app {

namespace {

std::size_t to_size(const std::string& name, const std::string& value) {
  try {
    std::size_t used = 0;
    long long n = std::stoll(value, &used);
    if (used != value.size() || n < 0) throw std::invalid_argument(value);
    return static_cast<std::size_t>(n);
  } catch (const std::exception&) {
    throw std::runtime_error(name + " must be a non-negative whole number (got '" + value + "')");
  }
}

bool to_bool(const std::string& name, const std::string& value) {
  if (value == "true" || value == "1" || value == "yes") return true;
  if (value == "false" || value == "0" || value == "no") return false;
  throw std::runtime_error(name + " must be true or false (got '" + value + "')");
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
    item = first == std::string::npos ? std::string() : item.substr(first, last - first + 1);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// One setter per key, shared by the TOML file and the environment, so both accept exactly the same names.
void set_key(Config& c, const std::string& key, const std::string& value, const std::string& source) {
  const std::string name = source + key;
  if (key == "listen") c.listen = value;
  else if (key == "database") c.database = value;
  else if (key == "database_schema") c.database_schema = value;
  else if (key == "web_root") c.web_root = value;
  else if (key == "data_dir") c.data_dir = value;
  else if (key == "pii_key_file") c.pii_key_file = value;
  else if (key == "db_pool") c.db_pool = to_size(name, value);
  else if (key == "sqlite_synchronous") c.sqlite_synchronous = value;
  else if (key == "io_threads") c.io_threads = to_size(name, value);
  else if (key == "workers") c.workers = to_size(name, value);
  else if (key == "log_level") c.log_level = value;
  else if (key == "access_log") c.access_log = to_bool(name, value);
  else if (key == "metrics_public") c.metrics_public = to_bool(name, value);
  else if (key == "trusted_origins") c.trusted_origins = split_list(value);
  else if (key == "media_origins") c.media_origins = split_list(value);
  else if (key == "trusted_proxies") c.trusted_proxies = split_list(value);
  else if (key == "read_timeout_s") c.read_timeout_s = static_cast<int>(to_size(name, value));
  else if (key == "handle_timeout_s") c.handle_timeout_s = static_cast<int>(to_size(name, value));
  else if (key == "write_timeout_s") c.write_timeout_s = static_cast<int>(to_size(name, value));
  else if (key == "shutdown_grace_s") c.shutdown_grace_s = static_cast<int>(to_size(name, value));
  else if (key == "password_min_length") c.password_min_length = static_cast<int>(to_size(name, value));
  else if (key == "max_failed_logins") c.max_failed_logins = static_cast<int>(to_size(name, value));
  else if (key == "lock_minutes") c.lock_minutes = static_cast<int>(to_size(name, value));
  else if (key == "idle_minutes") c.idle_minutes = static_cast<int>(to_size(name, value));
  else if (key == "session_hours") c.session_hours = static_cast<int>(to_size(name, value));
  else if (key == "principal_cache_seconds") c.principal_cache_seconds = static_cast<int>(to_size(name, value));
  else if (key == "password_max_age_days") c.password_max_age_days = static_cast<int>(to_size(name, value));
  else if (key == "argon2_ops") c.argon2_ops = static_cast<int>(to_size(name, value));
  else if (key == "argon2_mem_kib") c.argon2_mem_kib = static_cast<int>(to_size(name, value));
  else if (key == "secure_cookies") c.secure_cookies = to_bool(name, value);
  else throw std::runtime_error("unknown setting " + name);
}

}  // namespace

auth::AuthPolicy Config::auth_policy() const {
  auth::AuthPolicy p;
  p.min_password_length = password_min_length;
  p.max_failed_logins = max_failed_logins;
  p.lock_minutes = lock_minutes;
  p.idle_minutes = idle_minutes;
  p.session_hours = session_hours;
  p.principal_cache_seconds = principal_cache_seconds;
  p.password_max_age_days = password_max_age_days;
  p.argon2_ops = static_cast<unsigned long long>(argon2_ops);
  p.argon2_mem_bytes = static_cast<std::size_t>(argon2_mem_kib) * 1024;
  p.argon2_parallel_hashes = 2;
  const std::size_t w = worker_threads();
  p.argon2_max_waiting = static_cast<int>(w / 2 > 2 ? w / 2 - 2 : 1);
  p.secure_cookies = secure_cookies;
  return p;
}

std::size_t Config::worker_threads() const {
  if (workers > 0) return workers;
  if (db::dialect_of(database) == db::Dialect::postgresql) return std::max<std::size_t>(4, db_pool);
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(4, 2 * cores);
}

std::string Config::session_cookie_name() const { return secure_cookies ? "__Host-xinhuo_session" : "xinhuo_session"; }

std::string Config::host() const {
  auto colon = listen.rfind(':');
  return colon == std::string::npos ? listen : listen.substr(0, colon);
}

unsigned short Config::port() const {
  auto colon = listen.rfind(':');
  return static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
}

void apply_toml_file(Config& config, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("config file " + path + ": " + std::string(e.description()) + " (line " +
                             std::to_string(e.source().begin.line) + ")");
  }
  for (const auto& [key, node] : table) {
    std::string value;
    if (auto s = node.value<std::string>(); s && node.is_string()) value = *s;
    else if (node.is_integer()) value = std::to_string(*node.value<long long>());
    else if (node.is_boolean()) value = *node.value<bool>() ? "true" : "false";
    else if (auto arr = node.as_array()) {
      for (const auto& item : *arr) {
        if (!item.is_string()) throw std::runtime_error("config file " + path + ": " + std::string(key.str()) + " must be a list of strings");
        value += (value.empty() ? "" : ",") + *item.value<std::string>();
      }
    } else {
      throw std::runtime_error("config file " + path + ": " + std::string(key.str()) + " has an unsupported type");
    }
    set_key(config, std::string(key.str()), value, "config file " + path + ": ");
  }
}

void apply_environment(Config& config, const std::map<std::string, std::string>& env) {
  for (const auto& [name, value] : env) {
    if (name.rfind("XINHUO_", 0) != 0 || name == "XINHUO_CONFIG" || name.rfind("XINHUO_TEST_", 0) == 0) continue;
    std::string key = name.substr(7);
    for (auto& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    set_key(config, key, value, "environment XINHUO_");
  }
}

std::map<std::string, std::string> xinhuo_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos && entry.rfind("XINHUO_", 0) == 0) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

Config load_config(const ConfigFlags& flags, const std::map<std::string, std::string>& env) {
  Config config;
  std::string file = flags.config_file;
  if (file.empty())
    if (auto it = env.find("XINHUO_CONFIG"); it != env.end()) file = it->second;
  if (!file.empty()) apply_toml_file(config, file);
  apply_environment(config, env);
  if (flags.listen) config.listen = *flags.listen;
  if (flags.database) config.database = *flags.database;
  if (flags.web_root) config.web_root = *flags.web_root;
  if (flags.data_dir) config.data_dir = *flags.data_dir;
  validate(config);
  return config;
}

void validate(const Config& c) {
  auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) throw std::runtime_error("listen must be host:port (got '" + c.listen + "')");
  try {
    std::size_t used = 0;
    int port = std::stoi(c.listen.substr(colon + 1), &used);
    if (used != c.listen.size() - colon - 1 || port < 0 || port > 65535) throw std::invalid_argument("port");
  } catch (const std::exception&) {
    throw std::runtime_error("listen has an invalid port (got '" + c.listen + "')");
  }
  try {
    db::dialect_of(c.database);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(e.what());
  }
  for (const auto& o : c.media_origins)
    if (!http::plain_origin(o))
      throw std::runtime_error("media_origins: each is https://host or http://host:port, nothing else (got '" + o + "')");
  for (const auto& p : c.trusted_proxies)
    if (!http::is_ip_address(p))
      throw std::runtime_error("trusted_proxies: each is the IP address of a proxy, e.g. 127.0.0.1 (got '" + p + "')");
  if (c.data_dir.empty()) throw std::runtime_error("data_dir must name a folder (uploads and keys are kept there)");
  if (c.sqlite_synchronous != "FULL" && c.sqlite_synchronous != "NORMAL")
    throw std::runtime_error("sqlite_synchronous must be FULL or NORMAL");
  static const std::set<std::string> levels = {"debug", "info", "warn", "error"};
  if (!levels.count(c.log_level)) throw std::runtime_error("log_level must be debug, info, warn or error");
  if (c.password_min_length < 8) throw std::runtime_error("password_min_length must be at least 8");
  if (c.max_failed_logins < 1 || c.idle_minutes < 1 || c.session_hours < 1)
    throw std::runtime_error("max_failed_logins, idle_minutes and session_hours must be at least 1");
  if (c.argon2_ops < 1 || c.argon2_mem_kib < 8)
    throw std::runtime_error("argon2_ops must be at least 1 and argon2_mem_kib at least 8");
  if (c.io_threads == 0 || c.db_pool == 0) throw std::runtime_error("io_threads and db_pool must be at least 1");
}

}  // namespace xinhuo::app
