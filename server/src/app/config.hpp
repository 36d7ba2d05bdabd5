#pragma once
// Configuration: built-in defaults, then a TOML file, then XINHUO_* environment variables, then flags.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"

namespace xinhuo::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string database = "sqlite:data/xinhuo.db";
  std::string web_root = "web/dist";
  std::string data_dir = "data";
  std::string pii_key_file;  // key for ID and phone numbers; default <data_dir>/keys/pii.key
  std::string database_schema;  // PostgreSQL schema to work in; empty: the server's default
  std::size_t db_pool = 8;
  std::string sqlite_synchronous = "FULL";
  std::size_t io_threads = 2;
  // Request handler threads; 0 picks by database: handlers on SQLite are CPU-bound, so about two per core (more
  // threads only add context switches); on PostgreSQL they wait on the network, so one per pooled session.
  std::size_t workers = 0;
  std::string log_level = "info";
  bool access_log = true;
  // /metrics answers callers on loopback only unless this is true (put it behind the proxy's own rules).
  bool metrics_public = false;
  std::vector<std::string> trusted_origins;
  // Reverse proxies whose X-Forwarded-For names the caller (nginx on the same machine: 127.0.0.1).
  std::vector<std::string> trusted_proxies;
  std::vector<std::string> media_origins;  // sites whose course videos and documents the pages may show
  int read_timeout_s = 30;
  int handle_timeout_s = 60;
  int write_timeout_s = 30;
  int shutdown_grace_s = 30;
  // Sign-in and sessions (defaults from the security requirements).
  int password_min_length = 8;
  int max_failed_logins = 5;
  int lock_minutes = 30;
  int idle_minutes = 30;
  int principal_cache_seconds = 5;  // 0: read the caller's permissions and scope on every request
  int session_hours = 12;
  int password_max_age_days = 90;
  int argon2_ops = 3;
  int argon2_mem_kib = 65536;
  bool secure_cookies = false;  // served over TLS: Secure cookies with the __Host- prefix

  auth::AuthPolicy auth_policy() const;
  std::string session_cookie_name() const;
  std::string pii_key_path() const { return pii_key_file.empty() ? data_dir + "/keys/pii.key" : pii_key_file; }
  std::string host() const;
  std::size_t worker_threads() const;
  unsigned short port() const;
};

// Applies a TOML file to `config`; throws std::runtime_error naming the file, key and problem.
void apply_toml_file(Config& config, const std::string& path);
// Applies XINHUO_LISTEN, XINHUO_DATABASE … from `env` (name → value).
void apply_environment(Config& config, const std::map<std::string, std::string>& env);
// The process environment's XINHUO_* variables.
std::map<std::string, std::string> xinhuo_environment();
// What the command line says; empty strings mean "not given".
struct ConfigFlags {
  std::string config_file;  // else XINHUO_CONFIG, else none
  // Given on the command line, even as "" (`--web-root ""` serves no web app).
  std::optional<std::string> listen, database, web_root, data_dir;
};
// Defaults ← TOML file ← environment ← flags, then validated.
Config load_config(const ConfigFlags& flags, const std::map<std::string, std::string>& env);

// Checks values that can be wrong (listen address, database URL, numbers); throws std::runtime_error.
void validate(const Config& config);

}  // namespace xinhuo::app
