#include "app/app.hpp"

#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

#include "analytics/service.hpp"
#include "app/idempotency_middleware.hpp"
#include "app/my_data.hpp"
#include "app/openapi.hpp"
#include "app/session_middleware.hpp"
#include "audit/routes.hpp"
#include "audit/service.hpp"
#include "auth/admin_routes.hpp"
#include "auth/routes.hpp"
#include "auth/service.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "http/server.hpp"
#include "org/events.hpp"
#include "org/import_routes.hpp"
#include "org/routes.hpp"
#include "org/service.hpp"
#include "files/routes.hpp"
#include "party/dues_routes.hpp"
#include "party/floating_routes.hpp"
#include "party/life_record_routes.hpp"
#include "party/meeting_routes.hpp"
#include "party/routes.hpp"
#include "party/transfer_routes.hpp"
#include "points/publicity_routes.hpp"
#include "practice/assignment_routes.hpp"
#include "practice/training_routes.hpp"
#include "points/routes.hpp"
#include "record/archive_routes.hpp"
#include "record/routes.hpp"
#include "evaluation/survey_routes.hpp"
#include "evaluation/campaign_routes.hpp"
#include "analytics/rollup.hpp"
#include "analytics/routes.hpp"
#include "masswork/routes.hpp"
#include "oversight/routes.hpp"
#include "study/course_routes.hpp"
#include "study/group_routes.hpp"
#include "study/reading_routes.hpp"
#include "study/session_routes.hpp"
#include "study/lecture_routes.hpp"
#include "system/routes.hpp"
#include "system/service.hpp"

namespace xinhuo::app {

const char* const kVersion = XINHUO_VERSION;

const Clock& App::default_clock() {
  static const SystemClock clock;
  return clock;
}

App::App(Config config, const Clock& clock) : config_(std::move(config)), clock_(clock) {
  validate(config_);
  db_ = std::make_unique<db::Database>(db::DatabaseOptions{.url = config_.database,
                                                           .pool_size = config_.db_pool,
                                                           .sqlite_synchronous = config_.sqlite_synchronous,
                                                           .pg_schema = config_.database_schema});
  schema_version_ = db::migrate(*db_).schema_version;
  metrics_.add_gauge("xinhuo_db_pool_in_use", "Database sessions borrowed from the pool now.",
                     [this] { return static_cast<double>(db_->in_use()); });
  metrics_.add_gauge("xinhuo_db_pool_size", "Database sessions in the pool.",
                     [this] { return static_cast<double>(db_->pool_size()); });

  system_ = std::make_unique<system::SystemService>(*db_, clock_, kVersion, schema_version_);
  system::add_routes(router_, *system_);
  auth_ = std::make_unique<auth::AuthService>(*db_, clock_, config_.auth_policy());
  auth_->ensure_builtin_roles();
  auth::add_routes(router_, *auth_, config_.session_cookie_name());
  accounts_ = std::make_unique<auth::AdminService>(*db_, clock_, *auth_);
  auth::add_admin_routes(router_, *accounts_);
  audit_ = std::make_unique<audit::AuditService>(*db_, clock_);
  audit::add_routes(router_, *audit_);
  cipher_ = std::make_unique<FieldCipher>(FieldCipher::from_key_file(config_.pii_key_path()));
  org_ = std::make_unique<org::OrgService>(*db_, clock_, *cipher_);
  imports_ = std::make_unique<org::ImportService>(*db_, clock_, *cipher_);
  org::add_import_routes(router_, *imports_);
  org::add_routes(router_, *org_);
  // A moved subtree changes the paths that data scopes are made of: cached Principals are read again.
  db_->events().subscribe(org::kEventNodeMoved, [this](db::Tx&, const db::Event&) { auth_->forget_all_principals(); });
  files_ = std::make_unique<files::FilesService>(*db_, clock_, std::filesystem::path(config_.data_dir) / "uploads");
  files::add_routes(router_, *files_);
  points_ = std::make_unique<points::PointsService>(*db_, clock_);
  points_->ensure_default_catalog();
  points_->ensure_rank_counts();
  points_->subscribe(db_->events());
  points::add_routes(router_, *points_);
  publicity_ = std::make_unique<points::PublicityService>(*db_, clock_);
  points::add_publicity_routes(router_, *publicity_);
  party_ = std::make_unique<party::PartyService>(*db_, clock_);
  party::add_routes(router_, *party_);
  dues_ = std::make_unique<party::DuesService>(*db_, clock_, cipher_.get());
  party::add_dues_routes(router_, *dues_);
  transfers_ = std::make_unique<party::TransferService>(*db_, clock_);
  party::add_transfer_routes(router_, *transfers_);
  floating_ = std::make_unique<party::FloatingService>(*db_, clock_);
  floating_->subscribe(db_->events());
  party::add_floating_routes(router_, *floating_);
  meetings_ = std::make_unique<party::MeetingService>(*db_, clock_);
  party::add_meeting_routes(router_, *meetings_);
  life_records_ = std::make_unique<party::LifeRecordService>(*db_, clock_);
  party::add_life_record_routes(router_, *life_records_);
  study_groups_ = std::make_unique<study::GroupService>(*db_, clock_);
  study::add_group_routes(router_, *study_groups_);
  study_sessions_ = std::make_unique<study::SessionService>(*db_, clock_);
  study::add_session_routes(router_, *study_sessions_);
  study_lectures_ = std::make_unique<study::LectureService>(*db_, clock_);
  study::add_lecture_routes(router_, *study_lectures_);
  study_courses_ = std::make_unique<study::CourseService>(*db_, clock_, files_.get());
  study::add_course_routes(router_, *study_courses_);
  study_readings_ = std::make_unique<study::ReadingService>(*db_, clock_);
  study::add_reading_routes(router_, *study_readings_);
  assignments_ = std::make_unique<practice::AssignmentService>(*db_, clock_, *cipher_);
  practice::add_assignment_routes(router_, *assignments_);
  trainings_ = std::make_unique<practice::TrainingService>(*db_, clock_);
  competitions_ = std::make_unique<practice::CompetitionService>(*db_, clock_);
  practice::add_training_routes(router_, *trainings_, *competitions_);
  record_ = std::make_unique<record::RecordService>(*db_, clock_, files_.get());
  record_->subscribe(db_->events());
  record::add_routes(router_, *record_);
  surveys_ = std::make_unique<evaluation::survey::SurveyService>(*db_, clock_);
  evaluation::survey::add_routes(router_, *surveys_);
  campaigns_ = std::make_unique<evaluation::CampaignService>(*db_, clock_);
  evaluation::add_campaign_routes(router_, *campaigns_);
  // Dashboards: the rollups follow the modules' events in their transactions.
  analytics_ = std::make_unique<analytics::AnalyticsService>(*db_, clock_);
  analytics::subscribe(db_->events(), analytics_->rule());
  analytics::add_routes(router_, *analytics_);
  mass_ = std::make_unique<masswork::MassService>(*db_, clock_, *cipher_, files_.get());
  mass_projects_ = std::make_unique<masswork::ProjectService>(*db_, clock_, files_.get());
  masswork::add_routes(router_, *mass_, *mass_projects_);
  tolerance_cases_ = std::make_unique<oversight::CaseService>(*db_, clock_);
  oversight_ = std::make_unique<oversight::OversightService>(*db_, clock_, files_.get());
  policies_ = std::make_unique<oversight::PolicyService>(*db_, clock_, files_.get());
  oversight::add_routes(router_, *tolerance_cases_, *oversight_, *policies_);
  // The growth archive reads every module above: made once they all exist.
  archive_ = std::make_unique<record::ArchiveService>(
      *db_, clock_,
      record::ArchiveSources{*org_, *points_, *life_records_, *study_sessions_, *study_courses_, *study_readings_, *study_lectures_,
                             *trainings_, *competitions_, *assignments_, *record_, campaigns_.get(), oversight_.get()});
  record::add_archive_routes(router_, *archive_);
  add_my_data_route(router_, *db_, clock_);

  router_.add({.method = "GET", .pattern = "/metrics", .tag = "system",
               .summary = "Prometheus metrics (loopback callers only unless metrics_public)", .public_route = true,
               .ignores_session = true, .probe = true},
              [this](http::Request& req) {
                const bool loopback = req.remote_ip == "127.0.0.1" || req.remote_ip == "::1" || req.remote_ip.rfind("127.", 0) == 0;
                if (!loopback && !config_.metrics_public) throw Error::not_found();
                return http::Response::text(200, metrics_.render(), "text/plain; version=0.0.4; charset=utf-8");
              });
  router_.add({.method = "GET", .pattern = "/api/v1/openapi.json", .tag = "system",
               .summary = "This API's OpenAPI 3 document", .public_route = true},
              [this](http::Request&) { return http::Response::json(200, openapi_document(router_, kVersion)); });
}

App::~App() = default;

void App::finalize() {
  std::filesystem::path web_root = config_.web_root;
  if (web_root.empty())
    log::info("web_root is empty: the API is served without the web pages");
  else if (std::filesystem::exists(web_root / "index.html"))
    static_files_ = std::make_unique<http::StaticFiles>(web_root);
  else
    log::warn("no built web app: the API is served without the web pages", {{"web_root", config_.web_root}});
  dispatcher_ = std::make_unique<http::Dispatcher>(
      router_, metrics_, static_files_.get(),
      http::DispatchOptions{.access_log = config_.access_log, .trusted_origins = config_.trusted_origins,
                            .media_origins = config_.media_origins,
                            .trusted_proxies = config_.trusted_proxies,
                            .classify = [](const std::exception& e) -> std::optional<Error> {
                              if (!db::is_unique_violation(e)) return std::nullopt;
                              return Error::conflict("conflict", {"该记录已存在或刚被他人修改，请刷新后重试",
                                                                  "That record already exists or was just changed; refresh and try again"});
                            }});
  dispatcher_->use(http::csrf_guard(config_.trusted_origins));
  dispatcher_->use(session_middleware(*auth_, *db_, config_.session_cookie_name()));
  dispatcher_->use(idempotency_middleware(*db_, clock_));
}

int serve(const Config& config) {
  // Signals are taken by this thread only (sigwait below); block them before any other thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  App app(config);
  app.finalize();
  http::ServerOptions options{.host = config.host(), .port = config.port(), .io_threads = config.io_threads,
                              .workers = config.worker_threads(),
                              .inline_get_paths = {"/healthz", "/metrics"}};
  options.read_timeout = std::chrono::seconds(config.read_timeout_s);
  options.handle_timeout = std::chrono::seconds(config.handle_timeout_s);
  options.write_timeout = std::chrono::seconds(config.write_timeout_s);
  http::Server server(options, [&app](http::Request& req) { return app.handle(req); });
  server.start();
  log::info("serving", {{"address", "http://" + config.host() + ":" + std::to_string(server.port())},
                        {"database", app.database().dialect_name()}, {"schema_version", app.schema_version()},
                        {"version", kVersion}});
  // Periodic work of the modules: the dashboards' figures of a new day are read for the top of the tree once the day
  // begins; dues three months behind are published (points deduct them once per streak) every six hours.
  std::jthread periodic([&app](std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    auto last_sweep = std::chrono::steady_clock::time_point{};
    std::string figures_kept_for;
    do {
      if (figures_kept_for != app.analytics().today()) {
        try {
          const auto started = std::chrono::steady_clock::now();
          figures_kept_for = app.analytics().keep_figures_of_the_day();
          log::info("dashboard figures of the day kept",
                    {{"day", figures_kept_for}, {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                                           std::chrono::steady_clock::now() - started).count()}});
        } catch (const std::exception& e) {
          figures_kept_for = app.analytics().today();  // tried; the first dashboard of the day reads them instead
          log::error("dashboard figures of the day failed", {{"error", log::safe_what(e)}});
        }
      }
      if (std::chrono::steady_clock::now() - last_sweep >= std::chrono::hours(6)) {
        last_sweep = std::chrono::steady_clock::now();
        try {
          const long long overdue = app.dues().publish_overdue();
          log::info("dues sweep", {{"overdue_members", overdue}});
        } catch (const std::exception& e) {
          log::error("dues sweep failed", {{"error", log::safe_what(e)}});
        }
      }
      std::unique_lock lock(mutex);
      wake.wait_for(lock, stop, std::chrono::minutes(10), [] { return false; });
    } while (!stop.stop_requested());
  });
  int received = 0;
  sigwait(&signals, &received);
  periodic.request_stop();
  periodic.join();
  log::info("shutting down", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  server.shutdown(std::chrono::seconds(config.shutdown_grace_s));
  log::info("stopped");
  return 0;
}

}  // namespace xinhuo::app
