#include "app/cli.hpp"

#include "analytics/rollup.hpp"

#include <CLI/CLI.hpp>
#include "db/sql.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "app/bench_archive.hpp"
#include "app/bench_checkins.hpp"
#include "core/log.hpp"
#include "core/random.hpp"
#include "db/migrations.hpp"
#include "audit/service.hpp"
#include "core/date.hpp"
#include "party/demo.hpp"
#include "party/dues_service.hpp"
#include "party/dues_demo.hpp"
#include "party/meeting_demo.hpp"
#include "points/demo.hpp"
#include "practice/demo.hpp"
#include "record/demo.hpp"
#include "evaluation/demo.hpp"
#include "record/service.hpp"
#include "evaluation/survey_demo.hpp"
#include "masswork/demo.hpp"
#include "oversight/demo.hpp"
#include "points/service.hpp"
#include "points/synthetic_ledger.hpp"
#include "auth/service.hpp"
#include "seed/accounts.hpp"
#include "seed/generator.hpp"
#include "study/course_demo.hpp"
#include "study/demo.hpp"
#include "study/lecture_demo.hpp"

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

int init_admin(db::Database& db, const Config& config, const std::string& username) {
  auth::AuthService auth(db, App::default_clock(), config.auth_policy());
  auth.ensure_builtin_roles();
  long long root = 0;
  {
    auto lease = db.lease();
    soci::indicator ind = soci::i_null;
    lease.sql() << "SELECT MIN(id) FROM org_node WHERE parent_id IS NULL", soci::into(root, ind);
    if (ind != soci::i_ok) root = 0;
  }
  // Readable but strong: 20 random hex characters plus the classes the policy asks for.
  const std::string password = "Xh-" + random_hex(10) + "!A";
  auth::Account a;
  a.username = username;
  a.display_name = "组织部管理员";
  a.password_hash = auth.hasher().hash(password);
  a.must_change_password = true;
  const std::string now = iso_utc(std::chrono::system_clock::now());
  db::Tx tx(db);
  const long long id = auth::AuthService::create_account(tx, a, now);
  auth::AuthService::grant(tx, id, "org_admin", root, "all", 0, now);
  tx.commit();
  std::cout << "created " << username << " with the one-time password\n\n    " << password
            << "\n\nIt must be changed at the first sign-in.\n";
  return 0;
}

// Every route the server registers, one "METHOD PATTERN PERMISSION" line each (a public route shows "public", one
// for any signed-in caller "-"): for proxy rules, reviews and the router's fuzz target. The app is built on a
// throwaway SQLite database, so this needs no configuration and touches nothing.
int print_routes() {
  const auto dir = std::filesystem::temp_directory_path() / ("xinhuo-routes-" + random_hex(8));
  std::filesystem::create_directories(dir);
  int status = 0;
  try {
    Config config;
    config.database = "sqlite:" + (dir / "routes.db").string();
    config.data_dir = dir.string();
    config.access_log = false;
    App app(config);
    for (const auto& route : app.router().routes()) {
      const auto& spec = route->spec;
      std::cout << spec.method << ' ' << spec.pattern << ' '
                << (spec.public_route ? "public" : spec.permission.empty() ? "-" : spec.permission) << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "routes: " << e.what() << "\n";
    status = 1;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return status;
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
  long long ledger_entries = 0;
  gen_cmd->add_option("--ledger", ledger_entries, "also a year of points: this many ledger entries over the party members")
      ->check(CLI::Range(0LL, 2000000000LL));
  bool gen_accounts = false;
  gen_cmd->add_flag("--accounts", gen_accounts, "also the demo accounts (as seed --demo), for benchmarks that sign in");
  for (auto* c : {seed_cmd, gen_cmd}) c->add_option("--seed", seed_number, "random seed (same seed, same data)");
  auto* backup_cmd = cli.add_subcommand("backup", "Write an online backup of the SQLite database");
  std::string backup_path;
  backup_cmd->add_option("path", backup_path, "backup file to create")->required();
  auto* version_cmd = cli.add_subcommand("version", "Print the version");
  auto* routes_cmd = cli.add_subcommand("routes", "Print every API route: method, pattern, permission");
  auto* audit_cmd = cli.add_subcommand("audit", "Audit log tools");
  auto* verify_cmd = audit_cmd->add_subcommand("verify", "Check the audit log's hash chain; exits 1 at the first broken row");
  audit_cmd->require_subcommand(1);
  auto* points_cmd = cli.add_subcommand("points", "Points ledger tools");
  auto* points_verify_cmd = points_cmd->add_subcommand(
      "verify", "Check that every points balance equals the sum of its ledger entries; exits 1 on a mismatch");
  auto* points_rebuild_cmd = points_cmd->add_subcommand(
      "rebuild-ranks", "Recompute the rank counts of cities, districts and systems from the balances");
  points_cmd->require_subcommand(1);
  auto* party_cmd = cli.add_subcommand("party", "Party life tools");
  auto* sweep_dues_cmd = party_cmd->add_subcommand(
      "sweep-dues", "Publish party.dues_overdue for members 3 or more months behind (the server also does it every 6 hours)");
  party_cmd->require_subcommand(1);
  auto* study_cmd = cli.add_subcommand("study", "Study tools");
  auto* bench_checkins_cmd = study_cmd->add_subcommand(
      "bench-checkins", "Benchmark set-up: a city-wide study session open now and N party members signed in; prints the "
                        "session id and writes one session cookie per line");
  long long bench_people = 10000;
  std::string bench_cookies;
  bench_checkins_cmd->add_option("--people", bench_people, "how many members")->check(CLI::Range(1LL, 1000000LL));
  bench_checkins_cmd->add_option("--cookies", bench_cookies, "file to write the cookies to")->required();
  study_cmd->require_subcommand(1);
  auto* record_cmd = cli.add_subcommand("record", "Cadre record tools");
  auto* bench_archive_cmd = record_cmd->add_subcommand(
      "bench-archive", "Benchmark set-up: years of activity for N young party members of one unit, written through the "
                       "modules with the clock set to each day; prints the unit and the people's ids");
  int archive_people = 20, archive_years = 5;
  bench_archive_cmd->add_option("--people", archive_people, "how many cadres")->check(CLI::Range(1, 200));
  bench_archive_cmd->add_option("--years", archive_years, "how many years, ending with this one")->check(CLI::Range(1, 10));
  record_cmd->require_subcommand(1);
  auto* analytics_cmd = cli.add_subcommand("analytics", "Dashboard tools");
  auto* analytics_rebuild_cmd = analytics_cmd->add_subcommand(
      "rebuild", "Recompute every dashboard rollup from the modules' data (the same numbers the events keep)");
  analytics_cmd->require_subcommand(1);
  auto* init_admin_cmd = cli.add_subcommand("init-admin", "Create the first administrator with a one-time password");
  std::string admin_username = "admin";
  init_admin_cmd->add_option("--username", admin_username, "account name");

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
    if (routes_cmd->parsed()) return print_routes();
    const Config config = load(flags);
    if (serve_cmd->parsed()) return serve(config);
    if (backup_cmd->parsed()) return backup(config, backup_path);

    db::Database db({.url = config.database, .pool_size = 1, .sqlite_synchronous = config.sqlite_synchronous,
                      .pg_schema = config.database_schema});
    const auto report = db::migrate(db);
    if (verify_cmd->parsed()) {
      audit::AuditService audit(db, App::default_clock());
      const auto report = audit.verify();
      if (report.first_broken_id) {
        std::cout << "audit log BROKEN at row " << report.first_broken_id << ": " << report.reason << " (" << report.rows
                  << " rows read)\n";
        return 1;
      }
      std::cout << "audit log intact: " << report.rows << " rows\n";
      return 0;
    }
    if (bench_archive_cmd->parsed()) {
      const FieldCipher cipher = FieldCipher::from_key_file(config.pii_key_path());
      const auto b = prepare_archive_bench(db, archive_people, archive_years, cipher);
      std::cerr << "archive bench: unit " << b.unit_id << ", " << b.people.size() << " cadres, " << b.sessions << " sessions, "
                << b.trainings << " training classes, " << b.competitions << " competitions, " << b.assignments
                << " assignments, " << b.entries << " record entries, " << b.campaigns << " annual assessments\n";
      for (long long id : b.people) std::cout << id << "\n";
      return 0;
    }
    if (bench_checkins_cmd->parsed()) {
      std::ofstream out(bench_cookies);
      if (!out) throw std::runtime_error("cannot write " + bench_cookies);
      const auto b = prepare_checkin_bench(db, bench_people, config.session_cookie_name(), out);
      out.close();
      if (!out) throw std::runtime_error("cannot write " + bench_cookies);
      std::cout << b.session_id << "\n";
      std::cerr << "study session " << b.session_id << " open for " << b.people << " signed-in members\n";
      return 0;
    }
    if (sweep_dues_cmd->parsed()) {
      points::PointsService points(db, App::default_clock());
      points.subscribe(db.events());
      party::DuesService dues(db, App::default_clock());
      std::cout << "members 3 or more months behind with their dues: " << dues.publish_overdue() << "\n";
      return 0;
    }
    if (points_verify_cmd->parsed()) {
      points::PointsService points(db, App::default_clock());
      const auto report = points.verify();
      for (const auto& m : report.mismatches) std::cout << "MISMATCH " << m << "\n";
      for (const auto& m : report.rank_mismatches) std::cout << "RANK MISMATCH " << m << "\n";
      if (!report.mismatches.empty())
        std::cout << "points ledger: " << report.mismatches.size() << " balance(s) differ from their entries ("
                  << report.balances_checked << " balances checked)\n";
      if (report.rank_mismatch_count > 0)
        std::cout << "rank counts: " << report.rank_mismatch_count << " differ from the balances ("
                  << report.rank_rows_checked << " checked); `xinhuo points rebuild-ranks` recomputes them\n";
      if (!report.mismatches.empty() || report.rank_mismatch_count > 0) return 1;
      std::cout << "points ledger consistent: " << report.balances_checked << " balances checked; rank counts consistent: "
                << report.rank_rows_checked << " rows checked\n";
      return 0;
    }
    if (points_rebuild_cmd->parsed()) {
      const auto started = std::chrono::steady_clock::now();
      points::PointsService points(db, App::default_clock());
      const long long rows = points.rebuild_ranks();
      std::cout << "rank counts rebuilt: " << rows << " rows in "
                << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
                << " ms\n";
      return 0;
    }
    if (analytics_rebuild_cmd->parsed()) {
      const auto started = std::chrono::steady_clock::now();
      const long long rows = analytics::rebuild(db, org::YoungCadreRule{});
      std::cout << "dashboard rollups rebuilt: " << rows << " rows in "
                << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
                << " ms\n";
      return 0;
    }
    if (init_admin_cmd->parsed()) return init_admin(db, config, admin_username);
    if (migrate_cmd->parsed()) {
      std::cout << "migrations applied: " << report.applied << ", schema version " << report.schema_version << "\n";
      return 0;
    }
    if (seed_cmd->parsed() && seed::has_data(db)) {
      std::cout << "the database already has data; demo seed skipped\n";
      return 0;
    }
    const auto started = std::chrono::steady_clock::now();
    const FieldCipher cipher = FieldCipher::from_key_file(config.pii_key_path());
    const auto r = seed::generate(db, {.scale = seed_cmd->parsed() ? 1 : scale, .seed = seed_number, .demo = true},
                                  std::chrono::system_clock::now(), cipher);
    print_report(r);
    points::PointsService points(db, App::default_clock());
    points.ensure_default_catalog();
    points.rebuild_ranks();  // the ranked populations of the new tree
    if (seed_cmd->parsed() || gen_accounts) {
      auth::AuthService auth(db, App::default_clock(), config.auth_policy());
      auth.ensure_builtin_roles();
      std::cout << "\ndemo accounts (password " << seed::kDemoPassword << "; administrators' TOTP secret "
                << seed::kDemoTotpSecret << "):\n";
      for (const auto& a : seed::seed_demo_accounts(db, auth, std::chrono::system_clock::now()))
        std::cout << "  " << a.username << std::string(12 - std::min<std::size_t>(11, a.username.size()), ' ') << a.role
                  << " — " << a.display_name << " @ " << a.scope_note << "\n";
    }
    if (gen_cmd->parsed() && ledger_entries > 0) {
      const auto ledger_started = std::chrono::steady_clock::now();
      long long next_report = ledger_entries / 10;
      const auto p = points::generate_ledger(
          db, {.entries = ledger_entries, .seed = seed_number, .today = points.today(), .progress = [&](long long done) {
                 if (done < next_report) return;
                 std::cerr << "points: " << done << " entries written\n";
                 next_report += ledger_entries / 10;
               }});
      std::cout << "points: " << p.entries << " ledger entries for " << p.members << " party members, " << p.balances
                << " balances, " << p.rank_rows << " rank count rows in "
                << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - ledger_started).count()
                << " ms\n";
    }
    // From here on, bookings and people whose party status changes keep the balances and rank counts current.
    points.subscribe(db.events());
    record::RecordService record_events(db, App::default_clock());  // subscribed before the practice demo
    if (seed_cmd->parsed()) {
      files::FilesService files(db, App::default_clock(), std::filesystem::path(config.data_dir) / "uploads");
      const auto p = points::seed_demo_points(db, points, files, seed_number);
      std::cout << "\npoints: " << p.events << " activities booked as " << p.entries << " ledger entries; " << p.claims
                << " reports waiting for approval\n";
    }
    // Development cases need an account to record them as: the demo administrator, or (gen) one made beforehand.
    const auto d = party::seed_demo_development(db, beijing_date(std::chrono::system_clock::now()), seed_number);
    std::cout << "member development: " << d.cases << " cases with " << d.steps << " steps and " << d.reports
              << " reports\n";
    const auto m = party::seed_demo_meetings(db, beijing_date(std::chrono::system_clock::now()), seed_number);
    std::cout << "organisational life: " << m.meetings << " meetings with " << m.attendance << " attendance records\n";
    if (seed_cmd->parsed()) {
      // The practice demo's completed assignments and classes make their cadre record entries as they do when
      // served (the points demo's simulated activities before it are no records of anything, so none from those).
      record_events.subscribe(db.events());
      const auto du = party::seed_demo_dues(db, beijing_date(std::chrono::system_clock::now()), seed_number);
      std::cout << "party dues: " << du.bases << " declared incomes, " << du.payments << " payments, " << du.behind
                << " members three or more months behind\n";
      const auto pr = practice::seed_demo_practice(db, App::default_clock(), cipher);
      std::cout << "practice: " << pr.assignments << " assignments, " << pr.trainings << " training classes, "
                << pr.competitions << " competition\n";
      const auto st = study::seed_demo_sessions(db, std::chrono::system_clock::now(), seed_number);
      std::cout << "study: " << st.sessions << " sessions with " << st.checkins << " check-ins\n";
      const auto rr = record::seed_demo_record(db, App::default_clock());
      std::cout << "cadre record: " << rr.entries << " entries, " << rr.comments << " leaders' comments\n";
      const auto mw = masswork::seed_demo_masswork(db, App::default_clock(), cipher);
      std::cout << "mass work: " << mw.contact_points << " contact points, " << mw.households << " households, " << mw.visits
                << " visits, " << mw.projects << " micro-projects, " << mw.teams << " service team\n";
      const auto le = study::seed_demo_lectures(db, App::default_clock(), seed_number);
      std::cout << "lectures: " << le.teams << " lecture teams, " << le.lecturers << " lecturers, " << le.lectures << " lectures\n";
      const auto co = study::seed_demo_courses(db, std::chrono::system_clock::now(), seed_number);
      std::cout << "study: " << co.courses << " online courses with " << co.progress << " learners' progress, " << co.readings
                << " reading activity with " << co.notes << " notes\n";
      const auto sv = evaluation::survey::seed_demo_surveys(db, App::default_clock());
      std::cout << "surveys: " << sv.surveys << " open survey with " << sv.responses << " responses\n";
      const auto ev = evaluation::seed_demo_evaluation(db, App::default_clock());
      std::cout << "evaluation: " << ev.campaigns << " campaigns with " << ev.ratings << " ratings\n";
      const auto ov = oversight::seed_demo_oversight(db, App::default_clock());
      std::cout << "oversight: " << ov.cases << " fault-tolerance cases, " << ov.findings << " inspection findings, "
                << ov.policies << " policy documents\n";
    }
    // Demo and generated data are written in bulk, without events: the dashboards' rollups are computed once here.
    std::cout << "dashboard rollups: " << analytics::rebuild(db, org::YoungCadreRule{}) << " rows\n";
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
