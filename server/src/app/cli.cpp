#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include "db/sql.hpp"

#include <filesystem>
#include <iostream>

#include "app/app.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "db/migrations.hpp"
#include "seed/generator.hpp"

namespace xinhuo::app {

namespace {

Config load(const ConfigFlags& flags) {
  Config config = load_config(flags, xinhuo_environment());
  log::set_level(log::parse_level(config.log_level));
  return config;
}

void print_report(const seed::GenerateReport& r) {
  std::cout << "org nodes:           " << r.org_nodes << "\n"
            << "units:               " << r.units << "\n"
            << "party branches:      " << r.branches << "\n"
            << "people:              " << r.people << "\n"
            << "young cadres:        " << r.young_cadres << "\n"
            << "youth study groups:  " << r.study_groups << "\n"
            << "study group members: " << r.study_group_members << "\n";
}

int backup(const Config& config, const std::string& target) {
  db::Database db({.url = config.database, .pool_size = 1});
  if (db.dialect() == db::Dialect::postgresql) {
    std::cerr << "xinhuo backup copies SQLite databases. For PostgreSQL use its own online backup:\n"
              << "  pg_dump --format=custom --file=" << target << " '" << config.database << "'\n"
              << "and restore with pg_restore --dbname=<new database> " << target << "\n";
    return 2;
  }
  if (std::filesystem::exists(target)) {
    std::cerr << "backup: " << target << " exists already; choose a new file\n";
    return 1;
  }
  const auto parent = std::filesystem::path(target).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  // VACUUM INTO writes a consistent copy while the server keeps serving (readers and writers continue).
  auto lease = db.lease();
  lease.sql() << "VACUUM INTO :target", soci::use(target);
  std::cout << "backup written to " << target << " (" << std::filesystem::file_size(target) << " bytes)\n";
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"薪火 Xinhuo — smart party-building and young-cadre platform"};
  cli.require_subcommand(1);
  ConfigFlags flags;
  cli.add_option("--config", flags.config_file, "TOML configuration file (or XINHUO_CONFIG)");
  cli.add_option("--listen", flags.listen, "host:port to listen on (XINHUO_LISTEN)");
  cli.add_option("--database", flags.database, "sqlite:PATH or postgresql://… (XINHUO_DATABASE)");
  cli.add_option("--web-root", flags.web_root, "folder of the built web app (XINHUO_WEB_ROOT)");
  cli.add_option("--data-dir", flags.data_dir, "folder for uploads and keys (XINHUO_DATA_DIR)");

  auto* serve_cmd = cli.add_subcommand("serve", "Apply pending migrations and serve HTTP until SIGTERM/SIGINT");
  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply pending migrations and exit");
  auto* seed_cmd = cli.add_subcommand("seed", "Seed demo data into a new database");
  bool demo = false;
  seed_cmd->add_flag("--demo", demo, "the synthetic demo city")->required();
  auto* gen_cmd = cli.add_subcommand("gen", "Generate synthetic data at N times the demo size (benchmarks)");
  int scale = 1;
  std::uint64_t seed_number = seed::GenerateOptions{}.seed;
  gen_cmd->add_option("--scale", scale, "N: about 3,000·N people")->required()->check(CLI::Range(1, 1000));
  for (auto* c : {seed_cmd, gen_cmd}) c->add_option("--seed", seed_number, "random seed (same seed, same data)");
  auto* backup_cmd = cli.add_subcommand("backup", "Write an online backup of the SQLite database");
  std::string backup_path;
  backup_cmd->add_option("path", backup_path, "backup file to create")->required();
  auto* version_cmd = cli.add_subcommand("version", "Print the version");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    init_crypto();
    if (version_cmd->parsed()) {
      std::cout << "xinhuo " << kVersion << "\n";
      return 0;
    }
    const Config config = load(flags);
    if (serve_cmd->parsed()) return serve(config);
    if (backup_cmd->parsed()) return backup(config, backup_path);

    db::Database db({.url = config.database, .pool_size = 1, .sqlite_synchronous = config.sqlite_synchronous,
                      .pg_schema = config.database_schema});
    const auto report = db::migrate(db);
    if (migrate_cmd->parsed()) {
      std::cout << "migrations applied: " << report.applied << ", schema version " << report.schema_version << "\n";
      return 0;
    }
    if (seed_cmd->parsed() && seed::has_data(db)) {
      std::cout << "the database already has data; demo seed skipped\n";
      return 0;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto r = seed::generate(db, {.scale = seed_cmd->parsed() ? 1 : scale, .seed = seed_number, .demo = true},
                                  std::chrono::system_clock::now());
    print_report(r);
    std::cout << "done in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
              << " ms\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "xinhuo: " << log::safe_what(e) << "\n";
    return 1;
  }
}

}  // namespace xinhuo::app
