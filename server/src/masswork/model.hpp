#pragma once
// Mass work (联系群众): contact points (基层联系点) of units with the households paired with cadres there (结对户),
// the cadres' visits (走访), micro-projects (民生微项目/微心愿) claimed by one cadre or one youth service team
// (青年服务队), the teams' members and service hours, and policy lectures given to residents (面向群众宣讲).
#include <string>
#include <vector>

namespace xinhuo::masswork {

inline constexpr const char* kPermRead = "mass.read";    // contact points, households, visits, projects, teams in scope
inline constexpr const char* kPermWrite = "mass.write";  // keep them, publish, rate and close projects

// wish 微心愿 | elderly 为老服务 | children 关爱儿童 | environment 环境整治 | employment 就业帮扶 | other 其他
const std::vector<std::string>& project_categories();
// published 待认领 → claimed 已认领 → done 已完成 → rated 已评价 → closed 已关闭
const std::vector<std::string>& project_states();
bool one_of(const std::vector<std::string>& list, const std::string& value);
// What the project may do next from `state` ("claim", "progress", "done", "rate", "close"); the lifecycle as data.
bool step_allowed(const std::string& state, const std::string& step);

struct ContactPoint {
  long long id = 0, org_node_id = 0;
  std::string org_node_name, name, area, note, status;
  long long households = 0;
  std::string created_at, updated_at;
};

struct PairedCadre {
  long long person_id = 0;
  std::string name;
};

struct Household {
  long long id = 0, contact_point_id = 0;
  std::string contact_point_name, org_node_name;
  std::string head_name, area, phone, needs, status;  // phone: masked unless the caller may see it whole
  std::vector<PairedCadre> cadres;
  long long visits = 0;
  std::string last_visit;
  std::string created_at, updated_at;
};

struct HouseholdFilter {
  long long node_id = 0, contact_point_id = 0, person_id = 0;
  std::string status, q;
  int page = 1, page_size = 50;
};

struct Visit {
  long long id = 0, person_id = 0, household_id = 0;
  std::string person_name, unit_name, household_name, place;
  std::string visit_date, learned, done;
  std::vector<long long> photos;
  std::string client_key, created_at;
};

struct VisitFilter {
  long long node_id = 0, person_id = 0, household_id = 0;
  std::string from, to;
  int page = 1, page_size = 50;
};

struct ProjectUpdate {
  std::string kind, note, person_name, at;
  std::vector<long long> photos;
};

struct Project {
  long long id = 0, org_node_id = 0;
  std::string org_node_name, title, category, need;
  long long budget_cap = 0;
  std::string deadline, status;
  long long claimer_person_id = 0, claimer_team_id = 0;
  std::string claimer_name, team_name, claimed_at;
  std::string done_note, done_at;
  std::vector<long long> done_photos;
  int satisfaction = 0;
  std::string rating_note, rated_at, closed_at, created_at, updated_at;
  bool overdue = false;  // deadline passed and not done
  std::vector<ProjectUpdate> updates;  // filled when one project is read
};

struct ProjectFilter {
  long long node_id = 0;
  std::string status, category;
  bool overdue_only = false;
  std::string q;
  int page = 1, page_size = 50;
};

struct TeamMember {
  long long person_id = 0;
  std::string name;
  long long tenths = 0;  // service hours in tenths of an hour
};

struct Team {
  long long id = 0, org_node_id = 0, leader_person_id = 0;
  std::string org_node_name, name, leader_name;
  std::vector<TeamMember> members;
  long long projects = 0;
  std::string created_at;
};

struct Lecture {
  long long id = 0, person_id = 0;
  std::string person_name, unit_name, lecture_date, place, topic;
  long long audience = 0;
  std::vector<long long> photos;
  std::string created_at;
};

}  // namespace xinhuo::masswork
