// Configuration precedence: defaults ← TOML file ← XINHUO_* environment ← flags; every wrong value is named.
#include <gtest/gtest.h>

#include <fstream>

#include "app/config.hpp"
#include "http/middleware.hpp"
#include "support/test_db.hpp"

using namespace xinhuo::app;

namespace {
std::string write_file(const xinhuo::test::TempDir& dir, const std::string& text) {
  auto path = dir.path() / "xinhuo.toml";
  std::ofstream(path) << text;
  return path.string();
}
}  // namespace

TEST(Config, FileThenEnvironmentThenFlags) {
  xinhuo::test::TempDir dir;
  const auto file = write_file(dir, "listen = \"0.0.0.0:9000\"\ndatabase = \"sqlite:/tmp/a.db\"\nworkers = 4\n"
                                    "access_log = false\ntrusted_origins = [\"https://dj.example.gov.cn\"]\n");
  ConfigFlags flags{.config_file = file};
  Config c = load_config(flags, {});
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.port(), 9000);
  EXPECT_EQ(c.workers, 4u);
  EXPECT_FALSE(c.access_log);
  EXPECT_EQ(c.trusted_origins, std::vector<std::string>{"https://dj.example.gov.cn"});

  c = load_config(flags, {{"XINHUO_LISTEN", "127.0.0.1:9100"}, {"XINHUO_WORKERS", "8"}});
  EXPECT_EQ(c.listen, "127.0.0.1:9100");
  EXPECT_EQ(c.workers, 8u);
  EXPECT_EQ(c.database, "sqlite:/tmp/a.db");

  flags.listen = "127.0.0.1:9200";
  c = load_config(flags, {{"XINHUO_LISTEN", "127.0.0.1:9100"}});
  EXPECT_EQ(c.listen, "127.0.0.1:9200");
}

TEST(Config, WorkerThreadsFollowTheDatabaseUnlessSet) {
  Config c = load_config({}, {});
  EXPECT_GE(c.worker_threads(), 4u) << "SQLite: about two per core, at least four";
  c = load_config({.database = "postgresql://x@127.0.0.1:5432/db"}, {{"XINHUO_DB_POOL", "12"}});
  EXPECT_EQ(c.worker_threads(), 12u) << "PostgreSQL: one per pooled session";
  c = load_config({}, {{"XINHUO_WORKERS", "3"}});
  EXPECT_EQ(c.worker_threads(), 3u);
}

TEST(Config, ConfigFileFromEnvironment) {
  xinhuo::test::TempDir dir;
  const auto file = write_file(dir, "web_root = \"/srv/xinhuo/web\"\n");
  Config c = load_config({}, {{"XINHUO_CONFIG", file}});
  EXPECT_EQ(c.web_root, "/srv/xinhuo/web");
}

TEST(Config, AnEmptyWebRootFlagServesNoWebApp) {
  // Given on the command line, "" replaces the file's and the environment's folder instead of being ignored.
  xinhuo::test::TempDir dir;
  const auto file = write_file(dir, "web_root = \"/srv/xinhuo/web\"\n");
  EXPECT_EQ(load_config({.config_file = file}, {}).web_root, "/srv/xinhuo/web");
  EXPECT_EQ(load_config({.config_file = file, .web_root = ""}, {{"XINHUO_WEB_ROOT", "/srv/other"}}).web_root, "");
  EXPECT_EQ(load_config({}, {}).web_root, "web/dist") << "absent flag: the default";
}

TEST(Config, WrongValuesAreNamed) {
  xinhuo::test::TempDir dir;
  auto expect_error = [](auto&& fn, const std::string& words) {
    try {
      fn();
      ADD_FAILURE() << "expected an error mentioning " << words;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  expect_error([&] { load_config({.config_file = write_file(dir, "listne = \"x\"\n")}, {}); }, "unknown setting");
  expect_error([&] { load_config({.config_file = write_file(dir, "listen = \n")}, {}); }, "line 1");
  expect_error([&] { load_config({}, {{"XINHUO_WORKERS", "many"}}); }, "XINHUO_workers");
  expect_error([&] { load_config({.listen = "localhost"}, {}); }, "host:port");
  expect_error([&] { load_config({.listen = "127.0.0.1:99999"}, {}); }, "invalid port");
  expect_error([&] { load_config({.database = "mysql://x"}, {}); }, "sqlite: or postgresql://");
  expect_error([&] { load_config({}, {{"XINHUO_SQLITE_SYNCHRONOUS", "OFF"}}); }, "FULL or NORMAL");
  expect_error([&] { load_config({.data_dir = ""}, {}); }, "data_dir");
  expect_error([&] { load_config({}, {{"XINHUO_MEDIA_ORIGINS", "https://ok.example.cn,https://x.cn; script-src *"}}); },
               "media_origins");
  expect_error([&] { load_config({}, {{"XINHUO_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"}}); }, "trusted_proxies");
  EXPECT_EQ(load_config({}, {{"XINHUO_TRUSTED_PROXIES", "127.0.0.1, ::1"}}).trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "::1"}));
}

// Course videos and documents hosted on another site can be shown once that site is named, and only then.
TEST(Config, MediaOriginsOpenMediaAndFramesToThoseSitesOnly) {
  const auto c = load_config({}, {{"XINHUO_MEDIA_ORIGINS", "https://v.study.example.cn, http://10.1.2.3:8081"}});
  ASSERT_EQ(c.media_origins.size(), 2u);
  const std::string csp = xinhuo::http::content_security_policy(c.media_origins);
  EXPECT_NE(csp.find("media-src 'self' blob: https://v.study.example.cn http://10.1.2.3:8081;"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-src 'self' https://v.study.example.cn http://10.1.2.3:8081"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << "scripts stay our own";
  EXPECT_EQ(xinhuo::http::content_security_policy({}).find("media-src"), std::string::npos) << "default-src 'self' covers it";
  for (const char* bad : {"https://", "ftp://x.cn", "https://x.cn/path", "https://x.cn:", "https://-x.cn", "https://x.cn *"})
    EXPECT_FALSE(xinhuo::http::plain_origin(bad)) << bad;
}
