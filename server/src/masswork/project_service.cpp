#include "masswork/project_service.hpp"

#include <algorithm>
#include <map>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"

namespace xinhuo::masswork {

namespace {

const Text kNoProject{"微项目不存在", "No such micro-project"};
const Text kNoTeam{"服务队不存在", "No such team"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string state_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"published", "待认领"}, {"claimed", "已认领"}, {"done", "已完成"},
                                                       {"rated", "已评价"}, {"closed", "已关闭"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

std::string category_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"wish", "微心愿"}, {"elderly", "为老服务"}, {"children", "关爱儿童"},
                                                       {"environment", "环境整治"}, {"employment", "就业帮扶"}, {"other", "其他"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

Error wrong_state(const std::string& state) {
  return Error::conflict("project_state", {"该微项目当前为“" + state_zh(state) + "”，不能进行此操作，请刷新后重试",
                                           "The project is " + state + " now and cannot take this step; reload and try again"});
}

}  // namespace

std::string ProjectService::today() const { return beijing_date(clock_.now()); }

void ProjectService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

long long ProjectService::self_person(soci::session& sql, const Principal& caller) const {
  if (!caller.person_id || !MassStore::active_person(sql, caller.person_id))
    throw Error::forbidden("no_person", {"账号未关联在册人员", "This account is not linked to a person on the roster"});
  return caller.person_id;
}

Project ProjectService::load(soci::session& sql, long long id) const {
  auto p = ProjectStore::find(sql, id, today());
  if (!p) throw Error::not_found(kNoProject);
  p->updates = ProjectStore::updates(sql, id);
  return *p;
}

Project ProjectService::publish(const Principal& caller, const ProjectInput& in) {
  require(caller, kPermWrite);
  if (trim(in.title).empty()) throw Error::validation("title", {"请填写项目名称", "Give the title"});
  if (!one_of(project_categories(), in.category))
    throw Error::validation("category", {"类别不正确", "category is wish, elderly, children, environment, employment or other"});
  if (trim(in.need).size() < 4) throw Error::validation("need", {"请写明群众的需求", "Describe the need"});
  if (in.budget_cap < 0 || in.budget_cap > 1000000) throw Error::validation("budget_cap", {"预算上限应在 0 到 100 万元之间", "budget_cap is 0 to 1,000,000 yuan"});
  if (!parse_date(in.deadline)) throw Error::validation("deadline", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.deadline < today()) throw Error::validation("deadline", {"截止日期不能早于今天", "The deadline has passed"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!org::node_in_scope(tx.sql(), caller, in.org_node_id))
    throw Error::validation("org_node_id", {"发布单位不存在或不在管理范围内", "The unit is not one you manage"});
  Project p{.org_node_id = in.org_node_id, .title = trim(in.title), .category = in.category, .need = trim(in.need),
            .budget_cap = in.budget_cap, .deadline = in.deadline};
  const long long id = ProjectStore::insert(tx, p, caller.account_id, now);
  audit::record(tx, caller, {.action = "mass.project_published", .target_type = "mass_project", .target_id = std::to_string(id),
                             .detail = {{"org_node_id", in.org_node_id}, {"category", in.category}, {"deadline", in.deadline}}},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Project ProjectService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!ProjectStore::in_scope(lease.sql(), caller, id)) throw Error::not_found(kNoProject);
  return load(lease.sql(), id);
}

std::vector<Project> ProjectService::list(const Principal& caller, const ProjectFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && !one_of(project_states(), f.status)) throw Error::validation("status", {"状态不正确", "Unknown status"});
  if (!f.category.empty() && !one_of(project_categories(), f.category)) throw Error::validation("category", {"类别不正确", "Unknown category"});
  auto lease = db_.lease();
  return ProjectStore::list(lease.sql(), &caller, f, today(), total);
}

std::string ProjectService::export_xlsx(const Principal& caller, ProjectFilter f) {
  f.page = 1;
  f.page_size = 50000;
  long long total = 0;
  const auto rows = list(caller, f, &total);
  Sheet sheet{.name = "民生微项目",
              .header = {"项目", "类别", "发布单位", "需求", "预算上限（元）", "截止日期", "状态", "认领人", "服务队", "满意度", "逾期"},
              .widths = {24, 10, 20, 40, 12, 12, 8, 10, 16, 8, 6}, .rows = {}};
  for (const auto& p : rows)
    sheet.rows.push_back({p.title, category_zh(p.category), p.org_node_name, p.need, std::to_string(p.budget_cap), p.deadline,
                          state_zh(p.status), p.claimer_name, p.team_name, p.satisfaction ? std::to_string(p.satisfaction) : "",
                          p.overdue ? "是" : ""});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "mass.projects_exported", .target_type = "org_node", .target_id = std::to_string(f.node_id),
                             .detail = {{"status", f.status}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

Project ProjectService::rate(const Principal& caller, long long id, int satisfaction, const std::string& note_in) {
  require(caller, kPermWrite);
  if (satisfaction < 1 || satisfaction > 5) throw Error::validation("satisfaction", {"满意度应为 1 到 5", "satisfaction is 1 to 5"});
  const std::string note = trim(note_in);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!ProjectStore::in_scope(tx.sql(), caller, id)) throw Error::not_found(kNoProject);
  const Project p = load(tx.sql(), id);
  if (!step_allowed(p.status, "rate") || !ProjectStore::rate(tx, id, satisfaction, note, now)) throw wrong_state(p.status);
  ProjectStore::add_update(tx, id, p.claimer_person_id, "rated", note, {}, now);
  // Points for the work done (docs/events.md): the claiming cadre, or each member of the claiming team.
  std::vector<long long> people = p.claimer_team_id ? ProjectStore::members(tx.sql(), p.claimer_team_id) : std::vector<long long>{};
  if (people.empty()) people.push_back(p.claimer_person_id);
  const std::string day = today();
  for (auto person : people)
    tx.publish({.type = "mass.micro_project_completed", .subject_id = id, .person_id = person, .occurred_at = now,
                .payload = {{"activity_date", day}, {"satisfaction", satisfaction}, {"team_id", p.claimer_team_id}}});
  audit::record(tx, caller, {.action = "mass.project_rated", .target_type = "mass_project", .target_id = std::to_string(id),
                             .detail = {{"satisfaction", satisfaction}, {"people", people}}},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Project ProjectService::close(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!ProjectStore::in_scope(tx.sql(), caller, id)) throw Error::not_found(kNoProject);
  const Project p = load(tx.sql(), id);
  if (!step_allowed(p.status, "close") || !ProjectStore::close(tx, id, p.status, now)) throw wrong_state(p.status);
  audit::record(tx, caller, {.action = "mass.project_closed", .target_type = "mass_project", .target_id = std::to_string(id),
                             .detail = {{"from", p.status}}},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

std::vector<Project> ProjectService::board(const Principal& caller, const ProjectFilter& f_in) {
  auto lease = db_.lease();
  self_person(lease.sql(), caller);
  ProjectFilter f = f_in;
  f.status = "published";  // the open needs of every unit: a public board, nothing personal on it
  f.page = 1;
  f.page_size = 200;
  return ProjectStore::list(lease.sql(), nullptr, f, today(), nullptr);
}

std::vector<Project> ProjectService::my_claims(const Principal& caller) {
  auto lease = db_.lease();
  return ProjectStore::claimed_by(lease.sql(), self_person(lease.sql(), caller), today());
}

Project ProjectService::claimed_by_me(soci::session& sql, long long me, long long id) const {
  Project p = load(sql, id);
  const bool mine = p.claimer_person_id == me || (p.claimer_team_id && ProjectStore::member(sql, p.claimer_team_id, me));
  if (!mine) throw Error::not_found(kNoProject);
  return p;
}

Project ProjectService::my_project(const Principal& caller, long long id) {
  auto lease = db_.lease();
  const long long me = self_person(lease.sql(), caller);
  Project p = load(lease.sql(), id);
  if (p.status == "published") return p;  // on the open board
  return claimed_by_me(lease.sql(), me, id);
}

Project ProjectService::claim(const Principal& caller, long long id, long long team_id) {
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const long long me = self_person(tx.sql(), caller);
  if (team_id && !ProjectStore::member(tx.sql(), team_id, me))
    throw Error::validation("team_id", {"只能以本人所在的服务队认领", "Claim for a team you belong to"});
  const auto p = ProjectStore::find(tx.sql(), id, today());
  if (!p) throw Error::not_found(kNoProject);
  if (!step_allowed(p->status, "claim")) throw wrong_state(p->status);
  if (p->deadline < today()) throw Error::conflict("project_overdue", {"该微项目已过截止日期，不能认领", "The deadline has passed"});
  if (!ProjectStore::claim(tx, id, me, team_id, now)) throw wrong_state("claimed");  // someone else claimed it first
  ProjectStore::add_update(tx, id, me, "claimed", "", {}, now);
  audit::record(tx, caller, {.action = "mass.project_claimed", .target_type = "mass_project", .target_id = std::to_string(id),
                             .detail = {{"team_id", team_id}}},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Project ProjectService::progress(const Principal& caller, long long id, const std::string& note_in, const std::vector<long long>& photos) {
  const std::string note = trim(note_in);
  if (note.size() < 4) throw Error::validation("note", {"请填写进展情况", "Describe the progress"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const long long me = self_person(tx.sql(), caller);
  const Project p = claimed_by_me(tx.sql(), me, id);
  if (!step_allowed(p.status, "progress")) throw wrong_state(p.status);
  files::FilesService::require_owned(tx.sql(), caller, photos, "photos", files::FileKind::image);
  ProjectStore::add_update(tx, id, me, "progress", note, photos, now);
  audit::record(tx, caller, {.action = "mass.project_progress", .target_type = "mass_project", .target_id = std::to_string(id)},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Project ProjectService::done(const Principal& caller, long long id, const std::string& note_in, const std::vector<long long>& photos) {
  const std::string note = trim(note_in);
  if (note.size() < 4) throw Error::validation("note", {"请写明完成情况", "Describe what was done"});
  if (photos.empty()) throw Error::validation("photos", {"请上传完成情况的照片", "Add a photo as evidence"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const long long me = self_person(tx.sql(), caller);
  const Project p = claimed_by_me(tx.sql(), me, id);
  if (!step_allowed(p.status, "done")) throw wrong_state(p.status);
  files::FilesService::require_owned(tx.sql(), caller, photos, "photos", files::FileKind::image);
  if (!ProjectStore::done(tx, id, note, photos, now)) throw wrong_state(p.status);
  ProjectStore::add_update(tx, id, me, "done", note, photos, now);
  audit::record(tx, caller, {.action = "mass.project_done", .target_type = "mass_project", .target_id = std::to_string(id)},
                clock_.now());
  Project out = load(tx.sql(), id);
  tx.commit();
  return out;
}

void ProjectService::check_team(soci::session& sql, const Principal& caller, const TeamInput& in) const {
  if (trim(in.name).empty()) throw Error::validation("name", {"请填写服务队名称", "Name the team"});
  if (in.member_ids.empty()) throw Error::validation("member_ids", {"请至少选择一名队员", "Add at least one member"});
  for (auto id : in.member_ids)
    if (!MassStore::person_in_scope(sql, caller, id))
      throw Error::validation("member_ids", {"队员不存在或不在管理范围内", "A member is not someone you manage"});
  if (in.leader_person_id && std::find(in.member_ids.begin(), in.member_ids.end(), in.leader_person_id) == in.member_ids.end())
    throw Error::validation("leader_person_id", {"队长应为队员之一", "The leader is one of the members"});
}

Team ProjectService::create_team(const Principal& caller, const TeamInput& in) {
  require(caller, kPermWrite);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!org::node_in_scope(tx.sql(), caller, in.org_node_id))
    throw Error::validation("org_node_id", {"所属单位不存在或不在管理范围内", "The unit is not one you manage"});
  check_team(tx.sql(), caller, in);
  const long long id = ProjectStore::insert_team(tx, {.org_node_id = in.org_node_id, .leader_person_id = in.leader_person_id,
                                                      .name = trim(in.name)}, now);
  ProjectStore::set_members(tx, id, in.member_ids);
  audit::record(tx, caller, {.action = "mass.team_created", .target_type = "mass_team", .target_id = std::to_string(id),
                             .detail = {{"members", in.member_ids}}},
                clock_.now());
  auto out = ProjectStore::team(tx.sql(), id);
  tx.commit();
  return *out;
}

Team ProjectService::update_team(const Principal& caller, long long id, const TeamInput& in) {
  require(caller, kPermWrite);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!ProjectStore::team_in_scope(tx.sql(), caller, id)) throw Error::not_found(kNoTeam);
  check_team(tx.sql(), caller, in);
  ProjectStore::update_team(tx, {.id = id, .leader_person_id = in.leader_person_id, .name = trim(in.name)}, now);
  ProjectStore::set_members(tx, id, in.member_ids);
  audit::record(tx, caller, {.action = "mass.team_updated", .target_type = "mass_team", .target_id = std::to_string(id),
                             .detail = {{"members", in.member_ids}}},
                clock_.now());
  auto out = ProjectStore::team(tx.sql(), id);
  tx.commit();
  return *out;
}

std::vector<Team> ProjectService::teams(const Principal& caller) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return ProjectStore::teams(lease.sql(), &caller, 0);
}

Team ProjectService::add_hours(const Principal& caller, long long team_id, long long person_id, long long project_id,
                               long long tenths, const std::string& date, const std::string& note) {
  require(caller, kPermWrite);
  if (tenths < 1 || tenths > 240) throw Error::validation("hours", {"服务时长应在 0.1 到 24 小时之间", "hours is 0.1 to 24"});
  if (!parse_date(date) || date > today()) throw Error::validation("service_date", {"请填写不晚于今天的服务日期", "Give a date not in the future"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!ProjectStore::team_in_scope(tx.sql(), caller, team_id)) throw Error::not_found(kNoTeam);
  if (!ProjectStore::member(tx.sql(), team_id, person_id)) throw Error::validation("person_id", {"不是该服务队的队员", "Not a member of the team"});
  if (project_id) {
    const auto p = ProjectStore::find(tx.sql(), project_id, today());
    if (!p || p->claimer_team_id != team_id)
      throw Error::validation("project_id", {"该项目不是本服务队认领的", "The project was not claimed by this team"});
  }
  ProjectStore::add_hours(tx, team_id, person_id, project_id, tenths, date, trim(note), caller.account_id, now);
  audit::record(tx, caller, {.action = "mass.service_hours_recorded", .target_type = "mass_team", .target_id = std::to_string(team_id),
                             .detail = {{"person_id", person_id}, {"tenths", tenths}, {"project_id", project_id}}},
                clock_.now());
  auto out = ProjectStore::team(tx.sql(), team_id);
  tx.commit();
  return *out;
}

std::vector<Team> ProjectService::my_teams(const Principal& caller) {
  auto lease = db_.lease();
  return ProjectStore::teams(lease.sql(), nullptr, self_person(lease.sql(), caller));
}

}  // namespace xinhuo::masswork
