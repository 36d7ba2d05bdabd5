#pragma once
// Wiring: the database, the modules, their routes and the middleware, in one object that a command (serve,
// tests) can run. Nothing here holds business rules.
#include <memory>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/middleware.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace xinhuo::system {
class SystemService;
}
namespace xinhuo::auth {
class AuthService;
class AdminService;
}
namespace xinhuo::audit {
class AuditService;
}
namespace xinhuo::org {
class OrgService;
class ImportService;
}  // namespace xinhuo::org
namespace xinhuo::party {
class PartyService;
class DuesService;
class TransferService;
class FloatingService;
class MeetingService;
class LifeRecordService;
}
namespace xinhuo::practice {
class AssignmentService;
class TrainingService;
class CompetitionService;
}  // namespace xinhuo::practice
namespace xinhuo::points {
class PointsService;
class PublicityService;
}
namespace xinhuo::study {
class GroupService;
class SessionService;
class LectureService;
class CourseService;
class ReadingService;
}
namespace xinhuo::files {
class FilesService;
}
namespace xinhuo::record {
class RecordService;
class ArchiveService;
}
namespace xinhuo::evaluation::survey {
class SurveyService;
}
namespace xinhuo::evaluation {
class CampaignService;
}
namespace xinhuo::analytics {
class AnalyticsService;
}
namespace xinhuo::masswork {
class MassService;
class ProjectService;
}
namespace xinhuo::oversight {
class CaseService;
class OversightService;
class PolicyService;
}

namespace xinhuo::app {

extern const char* const kVersion;

class App {
 public:
  // Opens the database and applies pending migrations.
  explicit App(Config config, const Clock& clock = default_clock());
  ~App();

  http::Router& router() { return router_; }
  db::Database& database() { return *db_; }
  http::Metrics& metrics() { return metrics_; }
  const Config& config() const { return config_; }
  int schema_version() const { return schema_version_; }
  auth::AuthService& auth() { return *auth_; }
  points::PointsService& points() { return *points_; }
  files::FilesService& files() { return *files_; }
  points::PublicityService& publicity() { return *publicity_; }
  party::PartyService& party() { return *party_; }
  party::DuesService& dues() { return *dues_; }
  party::TransferService& transfers() { return *transfers_; }
  party::FloatingService& floating() { return *floating_; }
  party::MeetingService& meetings() { return *meetings_; }
  party::LifeRecordService& life_records() { return *life_records_; }
  study::GroupService& study_groups() { return *study_groups_; }
  study::SessionService& study_sessions() { return *study_sessions_; }
  study::LectureService& study_lectures() { return *study_lectures_; }
  study::CourseService& study_courses() { return *study_courses_; }
  study::ReadingService& study_readings() { return *study_readings_; }
  practice::AssignmentService& assignments() { return *assignments_; }
  practice::TrainingService& trainings() { return *trainings_; }
  practice::CompetitionService& competitions() { return *competitions_; }
  record::RecordService& record() { return *record_; }
  evaluation::survey::SurveyService& surveys() { return *surveys_; }
  evaluation::CampaignService& campaigns() { return *campaigns_; }
  analytics::AnalyticsService& analytics() { return *analytics_; }
  org::OrgService& org() { return *org_; }
  masswork::MassService& mass() { return *mass_; }
  masswork::ProjectService& mass_projects() { return *mass_projects_; }
  oversight::CaseService& tolerance_cases() { return *tolerance_cases_; }
  oversight::OversightService& oversight() { return *oversight_; }
  oversight::PolicyService& policies() { return *policies_; }
  audit::AuditService& audit() { return *audit_; }
  const FieldCipher& cipher() const { return *cipher_; }

  // Call after every route is added (tests may add their own first).
  void finalize();
  http::Response handle(http::Request& req) { return dispatcher_->handle(req); }

  static const Clock& default_clock();

 private:
  Config config_;
  const Clock& clock_;
  std::unique_ptr<db::Database> db_;
  int schema_version_ = 0;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<system::SystemService> system_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<auth::AdminService> accounts_;
  std::unique_ptr<audit::AuditService> audit_;
  std::unique_ptr<FieldCipher> cipher_;
  std::unique_ptr<org::OrgService> org_;
  std::unique_ptr<org::ImportService> imports_;
  std::unique_ptr<files::FilesService> files_;
  std::unique_ptr<points::PointsService> points_;
  std::unique_ptr<points::PublicityService> publicity_;
  std::unique_ptr<party::PartyService> party_;
  std::unique_ptr<party::DuesService> dues_;
  std::unique_ptr<party::TransferService> transfers_;
  std::unique_ptr<party::FloatingService> floating_;
  std::unique_ptr<party::MeetingService> meetings_;
  std::unique_ptr<party::LifeRecordService> life_records_;
  std::unique_ptr<study::GroupService> study_groups_;
  std::unique_ptr<study::SessionService> study_sessions_;
  std::unique_ptr<study::LectureService> study_lectures_;
  std::unique_ptr<study::CourseService> study_courses_;
  std::unique_ptr<study::ReadingService> study_readings_;
  std::unique_ptr<practice::AssignmentService> assignments_;
  std::unique_ptr<practice::TrainingService> trainings_;
  std::unique_ptr<practice::CompetitionService> competitions_;
  std::unique_ptr<record::RecordService> record_;
  std::unique_ptr<record::ArchiveService> archive_;
  std::unique_ptr<evaluation::survey::SurveyService> surveys_;
  std::unique_ptr<evaluation::CampaignService> campaigns_;
  std::unique_ptr<analytics::AnalyticsService> analytics_;
  std::unique_ptr<masswork::MassService> mass_;
  std::unique_ptr<masswork::ProjectService> mass_projects_;
  std::unique_ptr<oversight::CaseService> tolerance_cases_;
  std::unique_ptr<oversight::OversightService> oversight_;
  std::unique_ptr<oversight::PolicyService> policies_;
};

// Runs the HTTP server until SIGTERM or SIGINT, then shuts down gracefully.
int serve(const Config& config);

}  // namespace xinhuo::app
