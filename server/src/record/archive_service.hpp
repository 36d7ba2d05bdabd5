#pragma once
// The growth archive (成长档案) of a cadre, assembled on request from every module through its service, and the
// young-cadre pool (年轻干部库): filters over the roster and the record, the caller's watch lists, and a side-by-side
// comparison of two to four cadres. A manager needs record.read (and people.read for the pool) with the person in
// their data scope; every manager's reading of an archive or a comparison is audited. A cadre reads their own
// archive in full.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "evaluation/campaign_service.hpp"
#include "org/service.hpp"
#include "oversight/service.hpp"
#include "party/life_record_service.hpp"
#include "points/service.hpp"
#include "practice/assignment_service.hpp"
#include "practice/training_service.hpp"
#include "record/archive_model.hpp"
#include "record/service.hpp"
#include "study/course_service.hpp"
#include "study/lecture_service.hpp"
#include "study/reading_service.hpp"
#include "study/session_service.hpp"

namespace xinhuo::record {

// The services the archive reads from.
struct ArchiveSources {
  org::OrgService& org;
  points::PointsService& points;
  party::LifeRecordService& party;
  study::SessionService& sessions;
  study::CourseService& courses;
  study::ReadingService& readings;
  study::LectureService& lectures;
  practice::TrainingService& trainings;
  practice::CompetitionService& competitions;
  practice::AssignmentService& assignments;
  RecordService& record;
  evaluation::CampaignService* campaigns = nullptr;  // published evaluation results
  oversight::OversightService* oversight = nullptr;  // accountability and clarifications, as far as the caller may see
};

class ArchiveService {
 public:
  ArchiveService(db::Database& db, const Clock& clock, ArchiveSources sources) : db_(db), clock_(clock), src_(sources) {}

  Archive archive(const Principal& caller, long long person_id);
  Archive my_archive(const Principal& caller);

  std::vector<PoolRow> pool(const Principal& caller, const PoolFilter& filter, long long* total);
  std::vector<Comparison> compare(const Principal& caller, const std::vector<long long>& person_ids);

  std::vector<Watchlist> watchlists(const Principal& caller);
  Watchlist create_watchlist(const Principal& caller, const std::string& name);
  void delete_watchlist(const Principal& caller, long long id);
  void watch(const Principal& caller, long long watchlist_id, long long person_id, const std::string& note);
  void unwatch(const Principal& caller, long long watchlist_id, long long person_id);

 private:
  void require(const Principal& caller, const char* permission) const;
  void require_in_scope(const Principal& caller, long long person_id) const;
  Archive assemble(const Principal& caller, long long person_id);
  Watchlist own_watchlist(soci::session& sql, const Principal& caller, long long id) const;
  std::string today() const;

  db::Database& db_;
  const Clock& clock_;
  ArchiveSources src_;
};

}  // namespace xinhuo::record
