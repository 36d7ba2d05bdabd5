#pragma once
// Micro-projects (民生微项目/微心愿) and youth service teams (青年服务队). A unit in scope publishes a project
// (mass.write); any cadre sees the open board on the phone and claims it for themselves or for a team they belong to —
// one claimer, a compare-and-set on the published state, so of many simultaneous claims exactly one wins and the
// others get 409 project_state. The claimer posts progress and marks it done with evidence; the publisher rates it
// (satisfaction 1–5) and closes it. A step out of order is refused with 409 project_state. Rating publishes
// mass.micro_project_completed in the same transaction: for the claiming cadre, or for each member of the claiming
// team (the team did the work together; each member's points are still capped by the rule).
#include "core/clock.hpp"
#include "db/database.hpp"
#include "files/service.hpp"
#include "masswork/store.hpp"

namespace xinhuo::masswork {

struct ProjectInput {
  long long org_node_id = 0;
  std::string title, category, need, deadline;
  long long budget_cap = 0;
};

struct TeamInput {
  long long org_node_id = 0, leader_person_id = 0;
  std::string name;
  std::vector<long long> member_ids;
};

class ProjectService {
 public:
  ProjectService(db::Database& db, const Clock& clock, files::FilesService* files = nullptr)
      : db_(db), clock_(clock), files_(files) {}

  Project publish(const Principal& caller, const ProjectInput& in);
  Project get(const Principal& caller, long long id);
  std::vector<Project> list(const Principal& caller, const ProjectFilter& f, long long* total);
  std::string export_xlsx(const Principal& caller, ProjectFilter f);
  Project rate(const Principal& caller, long long id, int satisfaction, const std::string& note);
  Project close(const Principal& caller, long long id);

  // The phone: the open board (every unit's published projects), my claims, and the claimer's steps.
  std::vector<Project> board(const Principal& caller, const ProjectFilter& f);
  std::vector<Project> my_claims(const Principal& caller);
  Project my_project(const Principal& caller, long long id);
  Project claim(const Principal& caller, long long id, long long team_id);
  Project progress(const Principal& caller, long long id, const std::string& note, const std::vector<long long>& photos);
  Project done(const Principal& caller, long long id, const std::string& note, const std::vector<long long>& photos);

  Team create_team(const Principal& caller, const TeamInput& in);
  Team update_team(const Principal& caller, long long id, const TeamInput& in);
  std::vector<Team> teams(const Principal& caller);
  Team add_hours(const Principal& caller, long long team_id, long long person_id, long long project_id, long long tenths,
                 const std::string& date, const std::string& note);
  std::vector<Team> my_teams(const Principal& caller);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  long long self_person(soci::session& sql, const Principal& caller) const;
  Project load(soci::session& sql, long long id) const;
  // The claimer, or a member of the claiming team; 404 for anyone else.
  Project claimed_by_me(soci::session& sql, long long me, long long id) const;
  void check_team(soci::session& sql, const Principal& caller, const TeamInput& in) const;

  db::Database& db_;
  const Clock& clock_;
  files::FilesService* files_;
};

}  // namespace xinhuo::masswork
