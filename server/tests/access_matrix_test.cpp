// Every route × every built-in role × a target inside and outside the role's data scope gets exactly the
// expected status: 403 without the permission, 404 outside the scope (never revealing that the record exists),
// success inside it. A route missing from the table below fails the test, so no route is left out.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "files/service.hpp"
#include "party/dues.hpp"
#include "party/dues_service.hpp"
#include "party/floating_service.hpp"
#include "party/life_record_service.hpp"
#include "party/meeting_service.hpp"
#include "party/service.hpp"
#include "party/transfer_service.hpp"
#include "points/publicity_service.hpp"
#include "practice/assignment_service.hpp"
#include "practice/training_service.hpp"
#include "points/service.hpp"
#include "record/service.hpp"
#include "evaluation/survey_service.hpp"
#include "evaluation/campaign_service.hpp"
#include "masswork/project_service.hpp"
#include "masswork/service.hpp"
#include "oversight/case_service.hpp"
#include "oversight/policy_service.hpp"
#include "oversight/service.hpp"
#include "study/course_service.hpp"
#include "study/group_service.hpp"
#include "study/reading_service.hpp"
#include "study/session_service.hpp"
#include "study/lecture_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/route_cases.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

namespace {

long long fresh_child(TestServer& s, long long parent) {
  auto& db = s.app().database();
  auto lease = db.lease();
  std::string path, type;
  int depth = 0;
  lease.sql() << "SELECT path, node_type, depth FROM org_node WHERE id = :id", soci::use(parent), soci::into(path),
      soci::into(type), soci::into(depth);
  const std::string child_type = type == "branch" ? "party_group" : "branch";
  static int counter = 0;
  const std::string code = "FRESH-" + std::to_string(++counter) + "-" + std::to_string(parent);
  long long id = 0;
  int child_depth = depth + 1;
  lease.sql() << "INSERT INTO org_node (parent_id, path, depth, node_type, name, code, created_at, updated_at) "
                 "VALUES (:p, '', :d, :t, '临时组织', :c, 't', 't') RETURNING id",
      soci::use(parent), soci::use(child_depth), soci::use(child_type), soci::use(code), soci::into(id);
  const std::string child_path = path + std::to_string(id) + "/";
  lease.sql() << "UPDATE org_node SET path = :p WHERE id = :id", soci::use(child_path), soci::use(id);
  return id;
}

std::string child_type_of(TestServer& s, long long parent) {
  auto lease = s.app().database().lease();
  std::string type;
  lease.sql() << "SELECT node_type FROM org_node WHERE id = :id", soci::use(parent), soci::into(type);
  return type == "branch" ? "party_group" : "branch";
}

long long rule_id_of(TestServer& s, const std::string& code) {
  return s.count("SELECT id FROM point_rule WHERE status = 'current' AND code = '" + code + "'");
}

// A pending self-report of `person` made directly in the database (any person, member or not).
long long fresh_claim(TestServer& s, long long person) {
  if (!person) return 999999;  // the role has no person in that direction; its request is refused before lookup
  auto lease = s.app().database().lease();
  long long unit = 0, branch = 0, id = 0;
  soci::indicator branch_ind = soci::i_ok;
  lease.sql() << "SELECT unit_id, branch_id FROM person WHERE id = :p", soci::use(person), soci::into(unit),
      soci::into(branch, branch_ind);
  if (branch_ind == soci::i_null) branch = 0;
  soci::indicator bi = branch ? soci::i_ok : soci::i_null;
  const long long rule = rule_id_of(s, "practice_urgent");
  const long long creator = s.count("SELECT id FROM account WHERE person_id = " + std::to_string(person));
  lease.sql() << "INSERT INTO point_claim (kind, person_id, unit_id, branch_id, rule_id, points, activity_date, description, "
                 "fingerprint, status, created_by, created_at) VALUES ('self_report', :p, :u, :b, :r, 3, '2026-06-01', "
                 "'抢险', 'fp', 'pending', :c, '2026-06-01T00:00:00Z') RETURNING id",
      soci::use(person), soci::use(unit), soci::use(branch, bi), soci::use(rule), soci::use(creator), soci::into(id);
  return id;
}

// A booked ledger entry of `person`.
long long fresh_entry(TestServer& s, long long person) {
  if (!person) return 999999;
  static int n = 0;
  db::Tx tx(s.app().database());
  points::Booking b;
  b.person_id = person;
  b.rule = *points::PointsStore::rule(tx.sql(), rule_id_of(s, "lecture"));
  b.requested = 3;
  b.activity_date = "2026-06-01";
  b.source_type = "event";
  b.source_key = "matrix:" + std::to_string(++n);
  const long long id = s.app().points().book(tx, b);
  tx.commit();
  return id;
}

// A photo uploaded by the account (bytes on disk and its row), through the service as that account.
long long fresh_file(TestServer& s, const std::string& username) {
  Principal owner;
  owner.account_id = s.account_id(username);
  owner.person_id = s.count("SELECT COALESCE(person_id, 0) FROM account WHERE username = '" + username + "'");
  return s.app().files().upload(owner, "image/jpeg", std::string("\xFF\xD8\xFF\xE0 photo", 10)).id;
}

// An open publicity of the node, published by the organisation department's administrator.
long long fresh_publicity(TestServer& s, long long node) {
  if (!node) return 999999;
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"points.read", "points.approve"};
  admin.scope.all = true;
  return s.app().publicity().publish(admin, {.node_id = node, .period = s.app().points().today().substr(0, 4)}).id;
}

// An open appeal of `person` against a publicity of the person's unit.
long long fresh_appeal(TestServer& s, long long person) {
  if (!person) return 999999;
  const long long unit = s.count("SELECT unit_id FROM person WHERE id = " + std::to_string(person));
  const long long publicity = fresh_publicity(s, unit);
  const long long account = s.count("SELECT id FROM account WHERE person_id = " + std::to_string(person));
  auto lease = s.app().database().lease();
  long long id = 0;
  lease.sql() << "INSERT INTO point_appeal (publicity_id, person_id, account_id, reason, status, created_at) "
                 "VALUES (:x, :p, :a, '分数有误', 'open', 't') RETURNING id",
      soci::use(publicity), soci::use(person), soci::use(account), soci::into(id);
  return id;
}

// A person of the masses in the unit (and branch), for opening a development case.
long long fresh_applicant(TestServer& s, long long unit, long long branch) {
  auto lease = s.app().database().lease();
  long long id = 0;
  soci::indicator bi = branch ? soci::i_ok : soci::i_null;
  lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, branch_id, party_status, created_at, "
                 "updated_at) VALUES ('申请人', 'male', '汉族', '1999-01-01', :u, :b, 'masses', 't', 't') RETURNING id",
      soci::use(unit), soci::use(branch, bi), soci::into(id);
  return id;
}
// A development case (its application recorded) of a new applicant inside or outside unit A's branch A1.
long long fresh_case(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  const long long person = inside ? fresh_applicant(s, city.unit_a, city.branch_a1) : fresh_applicant(s, city.unit_b, 0);
  party::StepRecord application;
  application.date = "2026-06-01";
  return s.app().party().open_case(admin, person, application).id;
}
// A development case of a new applicant inside or outside branch A1 with its talk recorded; returns {case, step}.
std::pair<long long, long long> fresh_talk(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  const long long id = fresh_case(s, city, inside);
  party::StepRecord talk;
  talk.step_no = 2;
  talk.date = "2026-06-10";
  talk.people = {{"talker", 0, "王书记"}};
  const auto c = s.app().party().record_step(admin, id, talk);
  return {id, c.steps.back().id};
}
// A full party member of the unit (and branch), for transfers.
long long fresh_member(TestServer& s, long long unit, long long branch) {
  const long long id = fresh_applicant(s, unit, branch);
  auto lease = s.app().database().lease();
  lease.sql() << "UPDATE person SET party_status = 'full' WHERE id = :id", soci::use(id);
  return id;
}
// A pending transfer of a new member of `from_unit` (branch `from_branch`, 0: none) into a new branch under `to_unit`,
// or into `to_branch` when given.
long long fresh_transfer(TestServer& s, long long from_unit, long long from_branch, long long to_unit, long long to_branch = 0) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  party::TransferInput in;
  in.person_id = fresh_member(s, from_unit, from_branch);
  in.to_branch_id = to_branch ? to_branch : fresh_child(s, to_unit);
  in.issued_on = s.app().party().today();
  return s.app().transfers().issue(admin, in).id;
}
// An active floating record of a new member of branch A1 (inside) or of unit B (outside).
long long fresh_floating(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  party::FloatingInput in;
  in.person_id = inside ? fresh_member(s, city.unit_a, city.branch_a1) : fresh_member(s, city.unit_b, 0);
  in.destination = "上海市浦东新区";
  in.reason = "study";
  in.started_on = s.app().party().today();
  return s.app().floating().create(admin, in).id;
}
// An open meeting held today by branch A1 (inside) or by a new branch of unit B (outside), hosted by person A.
long long fresh_meeting(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  party::MeetingInput in;
  in.node_id = inside ? city.branch_a1 : fresh_child(s, city.unit_b);
  in.meeting_type = "theme_day";
  in.held_on = s.app().party().today();
  in.topic = "主题党日";
  in.host_person_id = city.person_a;
  in.minutes = "学习党章。";
  return s.app().meetings().create(admin, in).id;
}
// The grades of every party member of a branch, all qualified (an appraisal must grade each of them).
Json all_qualified(TestServer& s, long long branch) {
  Json grades = Json::array();
  auto lease = s.app().database().lease();
  soci::rowset<soci::row> rows = (lease.sql().prepare << "SELECT id FROM person WHERE status = 'active' AND party_status IN "
                                                         "('full', 'probationary') AND branch_id = :b",
                                  soci::use(branch));
  for (const auto& r : rows) grades.push_back({{"person_id", db::column_ll(r, 0)}, {"grade", "qualified"}});
  return grades;
}
// A year without an appraisal of the branch (one per branch and year): the years 2001–2026 in turn, an earlier
// appraisal of the branch in that year removed first.
int fresh_year(TestServer& s, long long branch) {
  static int turn = 0;
  const int year = 2026 - turn++ % 26;
  auto lease = s.app().database().lease();
  lease.sql() << "DELETE FROM party_appraisal_grade WHERE appraisal_id IN (SELECT id FROM party_appraisal WHERE branch_id = :b "
                 "AND year = :y)", soci::use(branch), soci::use(year);
  lease.sql() << "DELETE FROM party_appraisal WHERE branch_id = :b AND year = :y", soci::use(branch), soci::use(year);
  return year;
}
// An appraisal of branch A1 (inside) or of a new branch of unit B without members (outside).
long long fresh_appraisal(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"party.read", "party.write"};
  admin.scope.all = true;
  party::Appraisal a;
  a.branch_id = inside ? city.branch_a1 : fresh_child(s, city.unit_b);
  a.year = fresh_year(s, a.branch_id);
  a.decided_on = std::to_string(a.year) + "-06-20";
  for (const auto& g : all_qualified(s, a.branch_id)) a.grades.push_back({g["person_id"].get<long long>(), "", "qualified", ""});
  return s.app().life_records().record_appraisal(admin, a).id;
}
// A payment body for a month of this year's dues of `person` not paid yet (a declared income is made first).
std::string fresh_payment(TestServer& s, long long person) {
  static int back = 0;
  if (!person) return R"({"person_id":999999,"months":["2026-01"],"paid_on":"2026-01-05"})";
  const std::string month = s.app().dues().this_month();
  auto lease = s.app().database().lease();
  const int year = std::stoi(month.substr(0, 4)) - 1;  // last year's declaration covers this year too
  const long long admin = s.account_id("admin");
  // Last year's declaration makes last January the first month owed, whatever this year's declaration says.
  if (s.count("SELECT COUNT(*) FROM dues_base WHERE person_id = " + std::to_string(person) + " AND year = " + std::to_string(year)) == 0)
    lease.sql() << "INSERT INTO dues_base (person_id, year, category, income_cents, amount_cents, set_by, set_at) "
                   "VALUES (:p, :y, 'employed', 400000, 4000, :a, 't')",
        soci::use(person), soci::use(year), soci::use(admin);
  return Json{{"person_id", person}, {"months", {party::add_month(month, -(back++ % 6))}},
              {"paid_on", s.app().party().today()}}.dump();
}
// A current rule of its own, for the routes that change or retire one.
long long fresh_rule(TestServer& s) {
  static int n = 0;
  points::Rule r;
  r.code = "matrix_rule_" + std::to_string(++n);
  r.category_code = "study";
  r.name = r.code;
  r.points = 1;
  r.earn_mode = "automatic";
  r.valid_from = "2020-01-01";
  r.status = "current";
  db::Tx tx(s.app().database());
  const long long id = points::PointsStore::insert_rule(tx, r, 0, "t");
  tx.commit();
  return id;
}

// The organisation department's administrator as a study organiser (scope all), for making study records directly.
Principal study_admin(TestServer& s) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {study::kPermRead, study::kPermWrite};
  admin.scope.all = true;
  return admin;
}
// An open study group of the unit with one member (the unit's first person) and no leader.
long long fresh_group(TestServer& s, long long unit, long long member) {
  static int n = 0;
  const auto g = s.app().study_groups().create(study_admin(s), {.unit_id = unit, .name = "学习小组" + std::to_string(++n)});
  s.app().study_groups().add_members(study_admin(s), g.id, {member});
  return g.id;
}
// An open unit-wide study session of the unit that started 10 minutes ago.
long long fresh_study_session(TestServer& s, long long unit) {
  const auto now = s.clock().now();
  study::SessionInput in{.audience = "unit", .node_id = unit, .title = "周二夜学",
                         .starts_at = iso_utc(now - std::chrono::minutes(10)), .ends_at = iso_utc(now + std::chrono::hours(2)),
                         .place = "会议室"};
  return s.app().study_sessions().create(study_admin(s), in).id;
}
Json study_session_body(TestServer& s, long long unit) {
  const auto now = s.clock().now();
  return {{"audience", "unit"}, {"node_id", unit}, {"title", "周二夜学"}, {"starts_at", iso_utc(now + std::chrono::hours(1))},
          {"ends_at", iso_utc(now + std::chrono::hours(3))}, {"place", "会议室"}};
}
// A lecture team of the node with a lecturer of its own (a new person of the unit); returns {team, lecturer}.
std::pair<long long, long long> fresh_lecture_team(TestServer& s, long long unit) {
  static int n = 0;
  const std::string suffix = std::to_string(++n);
  const auto t = s.app().study_lectures().create_team(study_admin(s), {.node_id = unit, .name = "宣讲团" + suffix});
  const long long lecturer = add_roster_person(s, "宣讲员" + suffix, unit, 0, "full");
  s.app().study_lectures().add_lecturer(study_admin(s), t.id, {.person_id = lecturer});
  return {t.id, lecturer};
}
// A month ago by the server's clock (lectures are recorded up to a year back).
std::string lecture_day(TestServer& s) { return format_date(*parse_date(beijing_date(s.clock().now())) - std::chrono::days(30)); }
Json lecture_body(TestServer& s, long long team, long long lecturer) {
  return {{"team_id", team}, {"topic", "宣讲"}, {"held_on", lecture_day(s)}, {"place", "社区"}, {"audience_kind", "public"},
          {"audience_size", 30}, {"level", "unit"}, {"lecturer_ids", Json::array({lecturer})}};
}
// A lecture of a new team of the unit, reported by `reporter` (a new lecturer when 0) and still pending, or confirmed.
long long fresh_lecture(TestServer& s, long long unit, bool pending, long long reporter = 0) {
  auto [team, lecturer] = fresh_lecture_team(s, unit);
  if (reporter) {
    s.app().study_lectures().add_lecturer(study_admin(s), team, {.person_id = reporter});
    lecturer = reporter;
  }
  study::LectureInput in{.team_id = team, .topic = "宣讲", .held_on = lecture_day(s), .place = "社区", .audience_kind = "public",
                         .level = "unit", .notes = "", .audience_size = 30, .lecturer_ids = {lecturer}, .photos = {}};
  if (!pending) return s.app().study_lectures().record(study_admin(s), in).id;
  Principal lecturer_self = study_admin(s);
  lecturer_self.person_id = lecturer;
  return s.app().study_lectures().report(lecturer_self, in).id;
}
// A course of the node (a 1-hour document), published unless asked for a draft.
long long fresh_course(TestServer& s, long long node, bool publish = true, bool uploaded = false) {
  study::CourseInput in{.node_id = node, .title = "网络课程", .kind = "document", .credit_minutes = 60,
                        .url = "https://study.example.cn/doc.pdf"};
  if (uploaded) {  // the document a PDF the administrator uploaded
    in.url.clear();
    in.file_id = s.app().files().upload(study_admin(s), "application/pdf", std::string("%PDF-1.4\n%%EOF\n")).id;
  }
  const long long id = s.app().study_courses().create(study_admin(s), in).id;
  if (publish) s.app().study_courses().publish(study_admin(s), id);
  return id;
}
// An open reading activity of the node.
long long fresh_reading(TestServer& s, long long node) {
  const Date today = *parse_date(beijing_date(s.clock().now()));
  study::ReadingInput in{.node_id = node, .book_title = "红岩", .starts_on = format_date(today - std::chrono::days(7)),
                         .ends_on = format_date(today + std::chrono::days(30))};
  return s.app().study_readings().create(study_admin(s), in).id;
}
// The person's note in a fresh reading activity of their unit: {activity, note}.
std::pair<long long, long long> fresh_note(TestServer& s, long long unit, long long person) {
  const long long reading = fresh_reading(s, unit);
  Principal p;
  p.account_id = s.account_id("admin");
  p.person_id = person;
  return {reading, s.app().study_readings().write_note(p, reading, "读书笔记：坚持理论学习，学思用贯通，知信行统一。", 0).id};
}
// The practice administrator: every practice permission, scope all.
Principal practice_admin(TestServer& s) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"practice.read", "practice.write"};
  admin.scope.all = true;
  return admin;
}
// An assignment of person A (inside) or of person B of unit B (outside), moved on to `state` (planned | active).
long long fresh_assignment(TestServer& s, const TestServer::SmallCity& city, bool inside, const std::string& state = "planned") {
  const Principal admin = practice_admin(s);
  practice::AssignmentInput in;
  in.person_id = inside ? city.person_a : city.person_b;
  in.assignment_type = "frontline";
  in.host_place = "姜山镇";
  in.starts_on = "2026-06-01";
  in.planned_end = "2026-12-31";
  in.supervisor_name = "王建国";
  const long long id = s.app().assignments().create(admin, in).id;
  if (state == "active") s.app().assignments().transition(admin, id, "start", {});
  return id;
}
// A node of the role's scope (inside) or outside it, for organising classes and competitions.
long long practice_node(const Role& role, const TestServer::SmallCity& city, bool inside) {
  return inside ? (role.in_node ? role.in_node : city.unit_a) : (role.out_node ? role.out_node : city.unit_b);
}
// An open training class of the node with person A (or B, outside) enrolled, ended yesterday when `ended`.
long long fresh_training(TestServer& s, const TestServer::SmallCity& city, long long node, bool inside, bool decided = false) {
  const Principal admin = practice_admin(s);
  practice::TrainingInput in{.node_id = node, .title = "培训班", .kind = "theory", .starts_on = "2026-06-01",
                             .ends_on = "2026-06-02", .hours = 8, .capacity = 10, .place = ""};
  const long long id = s.app().trainings().create(admin, in).id;
  const long long person = inside ? city.person_a : city.person_b;
  s.app().trainings().enrol(admin, id, {person});
  if (decided) s.app().trainings().set_results(admin, id, {{.person_id = person, .attended_days = 2, .completion = "completed"}});
  return id;
}
// A draft competition of the node with person A (or B) scored.
long long fresh_competition(TestServer& s, const TestServer::SmallCity& city, long long node, bool inside) {
  const Principal admin = practice_admin(s);
  practice::Competition in{.node_id = node, .title = "比武", .level = "unit", .held_on = "2026-06-01"};
  const long long id = s.app().competitions().create(admin, in).id;
  s.app().competitions().set_entries(admin, id, {{.person_id = inside ? city.person_a : city.person_b, .score = 90}});
  return id;
}

// An entry about person A (inside) or B (outside) in `state`: pending (their own report), confirmed (by the unit)
// or contested (by them).
// A watch list of the calling account (made through the API, as each list belongs to the account that made it); an
// account that may not make one gets a number that names no list: the route refuses it before looking.
long long own_watchlist(Context& c) {
  static int n = 0;
  auto r = c.server.send_as(c.cookie, "POST", "/api/v1/record/watchlists", Json{{"name", "名单" + std::to_string(++n)}}.dump());
  return r.status == 201 ? r.json()["id"].get<long long>() : 1;
}

long long fresh_record_entry(TestServer& s, const TestServer::SmallCity& city, bool inside, const std::string& state) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.display_name = "admin";
  admin.permissions = {"record.read", "record.write"};
  admin.scope.all = true;
  Principal person;
  person.account_id = s.account_id("admin");
  person.person_id = inside ? city.person_a : city.person_b;
  record::EntryInput in{.person_id = person.person_id, .category = "work_result", .fact_date = "2026-06-01",
                        .title = "调研报告", .content = "完成调研报告一份", .source_kind = "unit", .source_name = "办公室"};
  if (state == "pending") return s.app().record().report(person, in).id;
  const long long id = s.app().record().create(admin, in).id;
  if (state == "contested") s.app().record().answer(person, id, "contest", "不符合事实");
  return id;
}
// An entry about person A (inside) or B with a photo the city administrator uploaded: "<entry>/evidence/<file>".
// A survey of the node (unit A when 0) in the given status, made by the organisation department's administrator.
long long fresh_survey(TestServer& s, long long node, const std::string& status) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.permissions = {"evaluation.read", "evaluation.manage"};
  admin.scope.all = true;
  evaluation::survey::SurveyInput in;
  in.org_node_id = node ? node : s.count("SELECT id FROM org_node WHERE code = 'T-A'");
  in.title = "满意度问卷";
  in.questions = {{.id = "q1", .kind = "single", .title = "是否满意", .required = true,
                   .options = {{"o1", "满意", ""}, {"o2", "不满意", ""}}}};
  const long long id = s.app().surveys().create(admin, in).id;
  if (status != "draft") s.app().surveys().transition(admin, id, "publish");
  if (status == "closed") s.app().surveys().transition(admin, id, "close");
  return id;
}

std::string fresh_record_evidence(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.display_name = "admin";
  admin.permissions = {"record.read", "record.write"};
  admin.scope.all = true;
  const long long file = fresh_file(s, "admin");
  record::EntryInput in{.person_id = inside ? city.person_a : city.person_b, .category = "work_result", .fact_date = "2026-06-01",
                        .title = "调研报告", .content = "完成调研报告一份", .source_kind = "unit", .evidence = {file}};
  return std::to_string(s.app().record().create(admin, in).id) + "/evidence/" + std::to_string(file);
}
// ---- evaluation campaigns
// A person of unit A (inside) or unit B, made directly, for a campaign to rate or be rated.
long long fresh_eval_person(TestServer& s, long long unit) {
  auto lease = s.app().database().lease();
  long long id = 0;
  lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, rank, party_status, created_at, updated_at) "
                 "VALUES ('评价对象', 'male', '汉族', '1990-01-01', :u, 'clerk_1', 'full', 't', 't') RETURNING id",
      soci::use(unit), soci::into(id);
  return id;
}
// A campaign of unit A (inside) or B in `state`: annual (grades, no raters) or dual_ranking with one line leader
// (`rater`, or a fresh person of the unit); returns its id.
long long fresh_campaign(TestServer& s, const TestServer::SmallCity& city, bool inside, const std::string& kind,
                         const std::string& state, long long rater = 0) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.display_name = "admin";
  admin.permissions = {"evaluation.read", "evaluation.manage"};
  admin.scope.all = true;
  const long long unit = inside ? city.unit_a : city.unit_b;
  const long long ratee = fresh_eval_person(s, unit);
  evaluation::CampaignInput in{.kind = kind, .title = "测评", .org_node_id = unit};
  if (kind == "annual") in.ratee_ids = {ratee};
  else in.lines.push_back({.name = "条线", .leader_id = rater ? rater : fresh_eval_person(s, unit), .ratee_ids = {ratee}});
  auto& service = s.app().campaigns();
  const long long id = service.create(admin, in).id;
  if (state == "draft") return id;
  service.transition(admin, id, "open");
  if (state == "open") return id;
  service.transition(admin, id, "close");
  return id;
}
std::string eval_url(long long id) { return "/api/v1/evaluation/campaigns/" + std::to_string(id); }
// Mass work made as the city administrator through the services: a contact point of `node`, a household there paired
// with person A, a visit with a photo of person A (inside) or B, a project of `node` in a state, a team of `node`.
Principal mass_admin(TestServer& s) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.display_name = "admin";
  admin.permissions = {"mass.read", "mass.write"};
  admin.scope.all = true;
  return admin;
}
long long fresh_mass_household(TestServer& s, const TestServer::SmallCity& city, long long node) {
  const long long point = s.app().mass().create_point(mass_admin(s), {.org_node_id = node, .name = "联系点", .area = "东湖社区"}).id;
  return s.app().mass().create_household(mass_admin(s), {.contact_point_id = point, .head_name = "周桂英", .area = "3 幢",
                                                         .cadre_ids = {city.person_a}}).id;
}
std::string fresh_mass_visit_photo(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  static int n = 0;
  const std::string owner = inside ? "cadre" : "newbie";
  const long long file = fresh_file(s, owner);
  Principal who{.account_id = s.account_id(owner), .person_id = inside ? city.person_a : city.person_b};
  const auto v = s.app().mass().log_visit(who, {.place = "社区广场", .visit_date = s.app().mass().today(), .learned = "了解到的情况",
                                                 .client_key = "matrix-" + std::to_string(++n), .photos = {file}});
  return std::to_string(v.first.id) + "/photos/" + std::to_string(file);
}
long long fresh_mass_project(TestServer& s, const TestServer::SmallCity& city, long long node, const std::string& state) {
  auto& projects = s.app().mass_projects();
  const long long id = projects.publish(mass_admin(s), {.org_node_id = node ? node : city.unit_a, .title = "楼道扶手",
                                                        .category = "elderly", .need = "老人上下楼不便", .deadline = "2099-12-31"}).id;
  if (state == "published") return id;
  Principal cadre{.account_id = s.account_id("cadre"), .person_id = city.person_a};
  projects.claim(cadre, id, 0);
  if (state == "claimed") return id;
  projects.done(cadre, id, "已安装扶手", {fresh_file(s, "cadre")});
  return id;
}
long long fresh_mass_team(TestServer& s, long long node, long long member) {
  return s.app().mass_projects().create_team(mass_admin(s), {.org_node_id = node, .name = "青年服务队", .member_ids = {member}}).id;
}
// A period not written yet for the person (each request writes a first version).
std::string fresh_period() {
  static int n = 0;
  ++n;
  return std::to_string(2000 + n / 2) + (n % 2 ? "H1" : "H2");
}

// Oversight: the city administrator as the oversight office (scope all), and a case of person A (inside) or B in a
// state: submitted, investigating, decided (tolerated, with one open correction item when `with_item`), notified.
Principal oversight_admin(TestServer& s) {
  Principal admin;
  admin.account_id = s.account_id("admin");
  admin.display_name = "admin";
  admin.permissions = {"oversight.read", "oversight.write"};
  admin.scope.all = true;
  return admin;
}
long long fresh_tolerance_case(TestServer& s, const TestServer::SmallCity& city, bool inside, const std::string& state) {
  const Principal admin = oversight_admin(s);
  auto& cases = s.app().tolerance_cases();
  const long long id = cases.apply_for(admin, {.person_id = inside ? city.person_a : city.person_b, .title = "应急采购的容错申请",
                                               .facts = "为按期复课简化采购程序", .decision_taken = "以询价代替招标",
                                               .basis = "局党委会议纪要", .loss = "单价略高", .remedy = "已退还差价"}).id;
  if (state == "submitted") return id;
  cases.review(admin, id, true, "");
  if (state == "investigating") return id;
  cases.decide(admin, id, {.outcome = "tolerated", .votes_for = 5, .votes_against = 0, .votes_abstain = 0,
                           .distinctions = {"experiment"}, .reasons = "属于先行先试，出于公心"});
  if (state == "decided") return id;
  cases.notify(admin, id, "");
  return id;
}
// "<case>/corrections/<item>" of a notified case with one open item.
std::string fresh_correction(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  const long long id = fresh_tolerance_case(s, city, inside, "notified");
  const auto c = s.app().tolerance_cases().add_correction(oversight_admin(s), id, "完善审批流程", "2099-12-31");
  return std::to_string(id) + "/corrections/" + std::to_string(c.corrections.at(0).id);
}
long long fresh_library_case(TestServer& s, const TestServer::SmallCity& city) {
  const long long id = fresh_tolerance_case(s, city, true, "notified");
  return s.app().tolerance_cases().publish(oversight_admin(s), id, "先行先试案例", "某某同志为按期复课简化采购程序，出于公心，予以容错。").id;
}
long long fresh_accountability(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  return s.app().oversight().record_accountability(oversight_admin(s), {.person_id = inside ? city.person_a : city.person_b,
                                                                        .document_file = fresh_file(s, "admin"), .form = "admonition",
                                                                        .reason = "履职不到位", .document_no = "教党〔2020〕1号",
                                                                        .decided_on = "2020-01-01", .effective_from = "2020-01-01"}).id;
}
long long fresh_clarification(TestServer& s, const TestServer::SmallCity& city) {
  return s.app().oversight().record_clarification(oversight_admin(s), {.person_id = city.person_a, .complaint = "反映其违规办事",
                                                                       .finding = "经核查反映不实", .clarified_on = "2020-01-01",
                                                                       .announcement_scope = "单位干部会议"}).id;
}
long long fresh_inspection(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  return s.app().oversight().create_inspection(oversight_admin(s), {.topic = "安全专项督查", .description = "督查消防安全",
                                                                    .start_date = "2020-01-01",
                                                                    .node_ids = {inside ? city.unit_a : city.unit_b}}).id;
}
long long fresh_finding(TestServer& s, const TestServer::SmallCity& city, bool inside) {
  const long long unit = inside ? city.unit_a : city.unit_b;
  return s.app().oversight().add_finding(oversight_admin(s), fresh_inspection(s, city, inside),
                                         {.unit_id = unit, .content = "消防通道堆物", .requirement = "立即清理",
                                          .due_date = "2099-12-31"}).id;
}
long long fresh_policy(TestServer& s, bool with_file) {
  oversight::PolicyDoc d;
  d.title = "干部容错纠错实施办法";
  d.category = "tolerance";
  d.issuer = "市委组织部";
  d.doc_number = "市组〔2024〕7号";
  d.effective_from = "2024-01-01";
  d.body = "坚持三个区分开来";
  if (with_file) d.file_id = fresh_file(s, "admin");
  return s.app().policies().create(oversight_admin(s), d).id;
}

std::map<std::string, Case> cases() {
  auto fixed = [](std::string method, std::string path, std::string body = {}) -> Make {
    return [=](Context&, bool) { return Request{method, path, body}; };
  };
  auto node_target = [](Context& c, bool inside) { return inside ? c.role.in_node : c.role.out_node; };
  auto person_target = [](Context& c, bool inside) { return inside ? c.role.in_person : c.role.out_person; };
  return {
      {"GET /healthz", {fixed("GET", "/healthz"), 200}},
      {"GET /readyz", {fixed("GET", "/readyz"), 200}},
      {"GET /api/v1/system/info", {fixed("GET", "/api/v1/system/info"), 200}},
      {"GET /metrics", {fixed("GET", "/metrics"), 200}},
      {"GET /api/v1/openapi.json", {fixed("GET", "/api/v1/openapi.json"), 200}},
      {"POST /api/v1/auth/login", {fixed("POST", "/api/v1/auth/login", R"({"username":"nobody","password":"wrong"})"), 401}},
      {"POST /api/v1/auth/logout",
       {[](Context& c, bool) {
          // A session of its own, so the role's session survives for the next routes.
          const std::string totp = c.role.totp ? (c.server.clock().advance(std::chrono::seconds(31)), c.server.totp_now()) : "";
          return Request{"POST", "/api/v1/auth/logout", "", c.server.login(c.role.username, TestServer::kPassword, totp)};
        },
        204}},
      {"GET /api/v1/auth/me", {fixed("GET", "/api/v1/auth/me"), 200}},
      {"GET /api/v1/auth/sessions", {fixed("GET", "/api/v1/auth/sessions"), 200}},
      {"DELETE /api/v1/auth/sessions/{id}",
       {[](Context& c, bool inside) {
          const std::string owner = inside ? c.role.username : (c.role.username == "admin" ? "unitadmin" : "admin");
          const bool totp = inside && c.role.totp;
          const std::string code = totp ? (c.server.clock().advance(std::chrono::seconds(31)), c.server.totp_now()) : "";
          const std::string other = c.server.login(owner, TestServer::kPassword, code);
          const auto sessions = c.server.get_as(other, "/api/v1/auth/sessions").json()["items"];
          long long id = 0;
          for (const auto& s : sessions)
            if (s["current"].get<bool>()) id = s["id"];
          return Request{"DELETE", "/api/v1/auth/sessions/" + std::to_string(id)};
        },
        204, true}},
      {"POST /api/v1/auth/password",
       {fixed("POST", "/api/v1/auth/password", R"({"current_password":"not-it","new_password":"Another#2027"})"), 400}},
      {"POST /api/v1/auth/totp/enrol", {fixed("POST", "/api/v1/auth/totp/enrol"), 200}},
      {"POST /api/v1/auth/totp/confirm", {fixed("POST", "/api/v1/auth/totp/confirm", R"({"code":"abcdef"})"), 400}},
      {"GET /api/v1/audit/logs", {fixed("GET", "/api/v1/audit/logs"), 200}},
      {"GET /api/v1/accounts", {fixed("GET", "/api/v1/accounts"), 200}},
      {"GET /api/v1/roles", {fixed("GET", "/api/v1/roles"), 200}},
      {"POST /api/v1/roles",
       {[](Context& c, bool) {
          Json body = {{"code", "custom_" + c.role.username}, {"name", "积分专员"}, {"permissions", {"points.read"}}};
          return Request{"POST", "/api/v1/roles", body.dump()};
        },
        201}},
      {"GET /api/v1/accounts/{id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/accounts/" + std::to_string(c.server.account_id("cadre"))}; }, 200}},
      {"POST /api/v1/accounts",
       {[](Context& c, bool) {
          static int n = 0;
          Json body = {{"username", "made" + std::to_string(++n) + "_" + c.role.username}, {"display_name", "新账号"},
                       {"grant", {{"role", "cadre"}, {"scope", "self"}}}};
          return Request{"POST", "/api/v1/accounts", body.dump()};
        },
        201}},
      {"POST /api/v1/accounts/{id}/grants",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/accounts/" + std::to_string(c.server.fresh_account("g_" + c.role.username + std::to_string(c.server.clock().now().time_since_epoch().count()))) + "/grants",
                         R"({"role":"rater","scope":"self"})"};
        },
        200}},
      {"DELETE /api/v1/accounts/{id}/grants/{grant_id}",
       {[](Context& c, bool) {
          const long long id = c.server.fresh_account("r_" + c.role.username + std::to_string(c.server.clock().now().time_since_epoch().count()));
          auto& db = c.server.app().database();
          auto lease = db.lease();
          long long grant = 0;
          lease.sql() << "INSERT INTO role_grant (account_id, role_id, scope, created_at) "
                         "SELECT :a, id, 'self', 't' FROM role WHERE code = 'rater' RETURNING id",
              soci::use(id), soci::into(grant);
          return Request{"DELETE", "/api/v1/accounts/" + std::to_string(id) + "/grants/" + std::to_string(grant)};
        },
        200}},
      {"POST /api/v1/accounts/{id}/unlock",
       {[](Context& c, bool) { return Request{"POST", "/api/v1/accounts/" + std::to_string(c.server.account_id("cadre")) + "/unlock"}; }, 200}},
      {"POST /api/v1/accounts/{id}/disable",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/accounts/" + std::to_string(c.server.fresh_account("d_" + c.role.username + std::to_string(c.server.clock().now().time_since_epoch().count()))) + "/disable"};
        },
        200}},
      {"POST /api/v1/accounts/{id}/enable",
       {[](Context& c, bool) {
          const long long id = c.server.fresh_account("e_" + c.role.username + std::to_string(c.server.clock().now().time_since_epoch().count()));
          auto lease = c.server.app().database().lease();
          lease.sql() << "UPDATE account SET status = 'disabled' WHERE id = :id", soci::use(id);
          return Request{"POST", "/api/v1/accounts/" + std::to_string(id) + "/enable"};
        },
        200}},
      {"POST /api/v1/accounts/{id}/reset-password",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/accounts/" + std::to_string(c.server.fresh_account("p_" + c.role.username + std::to_string(c.server.clock().now().time_since_epoch().count()))) + "/reset-password"};
        },
        200}},
      {"GET /api/v1/org/nodes", {fixed("GET", "/api/v1/org/nodes"), 200}},
      {"GET /api/v1/org/nodes/{id}",
       {[=](Context& c, bool inside) { return Request{"GET", "/api/v1/org/nodes/" + std::to_string(node_target(c, inside))}; }, 200, true}},
      {"POST /api/v1/org/nodes",
       {[=](Context& c, bool inside) {
          const long long parent = node_target(c, inside);
          Json body = {{"parent_id", parent ? parent : c.city.unit_a}, {"node_type", child_type_of(c.server, parent ? parent : c.city.unit_a)},
                       {"name", "新组织"}};
          return Request{"POST", "/api/v1/org/nodes", body.dump()};
        },
        201, true}},
      {"PATCH /api/v1/org/nodes/{id}",
       {[=](Context& c, bool inside) {
          return Request{"PATCH", "/api/v1/org/nodes/" + std::to_string(node_target(c, inside)), R"({"sort_order":3})"};
        },
        200, true}},
      {"POST /api/v1/org/nodes/{id}/move",
       {[=](Context& c, bool inside) {
          const long long anchor = c.role.in_node ? c.role.in_node : c.city.unit_a;
          const long long node = fresh_child(c.server, inside ? anchor : (c.role.out_node ? c.role.out_node : anchor));
          return Request{"POST", "/api/v1/org/nodes/" + std::to_string(node) + "/move",
                         Json{{"parent_id", inside ? anchor : c.role.out_node ? c.role.out_node : anchor}}.dump()};
        },
        200, true}},
      {"POST /api/v1/org/nodes/{id}/close",
       {[=](Context& c, bool inside) {
          const long long parent = inside ? (c.role.in_node ? c.role.in_node : c.city.unit_a) : c.role.out_node;
          return Request{"POST", "/api/v1/org/nodes/" + std::to_string(fresh_child(c.server, parent)) + "/close"};
        },
        200, true}},
      {"GET /api/v1/people", {fixed("GET", "/api/v1/people"), 200}},
      {"GET /api/v1/people/imports/template", {fixed("GET", "/api/v1/people/imports/template"), 200}},
      {"POST /api/v1/people/imports/preview",
       {fixed("POST", "/api/v1/people/imports/preview",
              R"({"rows":[{"row":2,"name":"赵六","gender":"男","ethnicity":"汉族","birth_date":"1996-05-04","unit":"甲单位","party_status":"群众"}]})"),
        200}},
      {"POST /api/v1/people/imports",
       {fixed("POST", "/api/v1/people/imports",
              R"({"mode":"skip_invalid","rows":[{"row":2,"name":"赵六","gender":"男","ethnicity":"汉族","birth_date":"1996-05-04","unit":"甲单位","party_status":"群众"}]})"),
        201}},
      {"POST /api/v1/people/imports/{id}/undo",
       {[](Context& c, bool) {
          auto made = c.server.send_as(c.cookie, "POST", "/api/v1/people/imports",
                                       R"({"mode":"skip_invalid","rows":[{"row":2,"name":"钱七","gender":"女","ethnicity":"汉族","birth_date":"1997-06-05","unit":"甲单位","party_status":"群众"}]})");
          const long long id = made.status == 201 ? made.json()["import_id"].get<long long>() : 999999;
          return Request{"POST", "/api/v1/people/imports/" + std::to_string(id) + "/undo"};
        },
        200}},
      {"GET /api/v1/people/export", {fixed("GET", "/api/v1/people/export"), 200}},
      {"GET /api/v1/me/person", {fixed("GET", "/api/v1/me/person"), 200}},
      {"GET /api/v1/people/{id}",
       {[=](Context& c, bool inside) { return Request{"GET", "/api/v1/people/" + std::to_string(person_target(c, inside))}; }, 200, true}},
      {"PATCH /api/v1/people/{id}",
       {[=](Context& c, bool inside) {
          return Request{"PATCH", "/api/v1/people/" + std::to_string(person_target(c, inside)), R"({"position":"科员"})"};
        },
        200, true}},
      {"GET /api/v1/people/{id}/sensitive",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/people/" + std::to_string(person_target(c, inside)) + "/sensitive"};
        },
        200, true}},
      {"GET /api/v1/people/{id}/history",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/people/" + std::to_string(person_target(c, inside)) + "/history"};
        },
        200, true}},
      {"GET /api/v1/points/categories", {fixed("GET", "/api/v1/points/categories"), 200}},
      {"GET /api/v1/points/rules", {fixed("GET", "/api/v1/points/rules"), 200}},
      {"POST /api/v1/points/rules",
       {[](Context& c, bool) {
          static int n = 0;
          Json body = {{"code", "made_" + std::to_string(++n)}, {"category_code", "study"}, {"name", "新项目"}, {"points", 1},
                       {"earn_mode", "self_report"}, {"valid_from", "2026-01-01"}};
          return Request{"POST", "/api/v1/points/rules", body.dump()};
        },
        201}},
      {"PUT /api/v1/points/rules/{id}",
       {[](Context& c, bool) {
          return Request{"PUT", "/api/v1/points/rules/" + std::to_string(fresh_rule(c.server)),
                         R"({"category_code":"study","name":"改","points":2,"earn_mode":"automatic","valid_from":"2020-01-01"})"};
        },
        200}},
      {"POST /api/v1/points/rules/{id}/retire",
       {[](Context& c, bool) { return Request{"POST", "/api/v1/points/rules/" + std::to_string(fresh_rule(c.server)) + "/retire"}; }, 200}},
      {"GET /api/v1/points/schemes", {fixed("GET", "/api/v1/points/schemes"), 200}},
      {"PUT /api/v1/points/schemes/{year}", {fixed("PUT", "/api/v1/points/schemes/2026", R"({"base_score":60})"), 200}},
      {"GET /api/v1/points/event-rules", {fixed("GET", "/api/v1/points/event-rules"), 200}},
      {"PUT /api/v1/points/event-rules/{event_type}",
       {fixed("PUT", "/api/v1/points/event-rules/study.checkin", R"({"rule_code":"study_checkin"})"), 200}},
      {"POST /api/v1/files",
       {[](Context&, bool) { return Request{"POST", "/api/v1/files", std::string("\xFF\xD8\xFF\xE0 photo", 10), "", "image/jpeg"}; }, 201}},
      {"GET /api/v1/files/{id}",
       {[](Context& c, bool inside) {
          const std::string owner = inside ? "cadre" : "newbie";
          return Request{"GET", "/api/v1/files/" + std::to_string(fresh_file(c.server, owner))};
        },
        200, true}},
      {"POST /api/v1/me/points/claims",
       {[](Context& c, bool) {
          Json evidence = Json::array();
          if (c.role.username == "cadre") evidence.push_back(fresh_file(c.server, "cadre"));
          Json body = {{"rule_id", rule_id_of(c.server, "practice_urgent")}, {"activity_date", c.server.app().points().today()},
                       {"description", "参加应急抢险"}, {"evidence", evidence}};
          return Request{"POST", "/api/v1/me/points/claims", body.dump()};
        },
        201}},
      {"GET /api/v1/me/points/claims", {fixed("GET", "/api/v1/me/points/claims"), 200}},
      {"POST /api/v1/me/points/claims/{id}/withdraw",
       {[](Context& c, bool) {
          const long long id = c.role.username == "cadre" ? fresh_claim(c.server, c.city.person_a) : 999999;
          return Request{"POST", "/api/v1/me/points/claims/" + std::to_string(id) + "/withdraw"};
        },
        200}},
      {"GET /api/v1/points/claims", {fixed("GET", "/api/v1/points/claims"), 200}},
      {"GET /api/v1/points/claims/{id}",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/claims/" + std::to_string(fresh_claim(c.server, person_target(c, inside)))};
        },
        200, true}},
      {"POST /api/v1/points/claims/{id}/approve",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/points/claims/" + std::to_string(fresh_claim(c.server, person_target(c, inside))) + "/approve"};
        },
        200, true}},
      {"POST /api/v1/points/claims/{id}/reject",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/points/claims/" + std::to_string(fresh_claim(c.server, person_target(c, inside))) + "/reject",
                         R"({"reason":"材料不全"})"};
        },
        200, true}},
      {"POST /api/v1/points/claims/approve-batch", {fixed("POST", "/api/v1/points/claims/approve-batch", R"({"ids":[999999]})"), 200}},
      {"POST /api/v1/points/records",
       {[=](Context& c, bool inside) {
          Json body = {{"person_id", person_target(c, inside)}, {"rule_id", rule_id_of(c.server, "deduct_task")},
                       {"activity_date", c.server.app().points().today()}, {"reason", "未完成任务"}};
          return Request{"POST", "/api/v1/points/records", body.dump()};
        },
        201, true}},
      {"POST /api/v1/points/entries/{id}/reverse",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/points/entries/" + std::to_string(fresh_entry(c.server, person_target(c, inside))) + "/reverse",
                         R"({"reason":"更正"})"};
        },
        201, true}},
      {"GET /api/v1/points/people/{id}/summary",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/people/" + std::to_string(person_target(c, inside)) + "/summary"};
        },
        200, true}},
      {"GET /api/v1/points/people/{id}/entries",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/people/" + std::to_string(person_target(c, inside)) + "/entries"};
        },
        200, true}},
      {"GET /api/v1/me/points", {fixed("GET", "/api/v1/me/points"), 200}},
      {"GET /api/v1/me/points/entries", {fixed("GET", "/api/v1/me/points/entries"), 200}},
      {"GET /api/v1/me/points/rank", {fixed("GET", "/api/v1/me/points/rank"), 200}},
      {"POST /api/v1/points/publicities",
       {[=](Context& c, bool inside) {
          Json body = {{"node_id", node_target(c, inside) ? node_target(c, inside) : c.city.unit_a},
                       {"period", c.server.app().points().today().substr(0, 4)}, {"days", 7}};
          return Request{"POST", "/api/v1/points/publicities", body.dump()};
        },
        201, true}},
      {"GET /api/v1/points/publicities", {fixed("GET", "/api/v1/points/publicities"), 200}},
      {"GET /api/v1/points/publicities/{id}",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/publicities/" + std::to_string(fresh_publicity(c.server, node_target(c, inside)))};
        },
        200, true}},
      {"POST /api/v1/points/publicities/{id}/close",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/points/publicities/" + std::to_string(fresh_publicity(c.server, node_target(c, inside))) + "/close",
                         R"({"note":"公示期满，无异议"})"};
        },
        200, true}},
      {"POST /api/v1/points/appeals/{id}/handle",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/points/appeals/" + std::to_string(fresh_appeal(c.server, person_target(c, inside))) + "/handle",
                         R"({"decision":"dismissed","result":"经核实积分无误"})"};
        },
        200, true}},
      {"GET /api/v1/me/points/publicities", {fixed("GET", "/api/v1/me/points/publicities"), 200}},
      {"POST /api/v1/me/points/publicities/{id}/appeals",
       {[](Context& c, bool) {
          const long long id = c.role.username == "cadre" ? fresh_publicity(c.server, c.city.unit_a) : 999999;
          return Request{"POST", "/api/v1/me/points/publicities/" + std::to_string(id) + "/appeals", R"({"reason":"漏记一次学习"})"};
        },
        201}},
      {"GET /api/v1/me/points/appeals", {fixed("GET", "/api/v1/me/points/appeals"), 200}},
      {"GET /api/v1/me/data", {fixed("GET", "/api/v1/me/data"), 200}},
      {"GET /api/v1/party/steps", {fixed("GET", "/api/v1/party/steps"), 200}},
      {"GET /api/v1/party/cases", {fixed("GET", "/api/v1/party/cases"), 200}},
      {"POST /api/v1/party/cases",
       {[](Context& c, bool inside) {
          const long long person = inside ? fresh_applicant(c.server, c.city.unit_a, c.city.branch_a1)
                                          : fresh_applicant(c.server, c.city.unit_b, 0);
          return Request{"POST", "/api/v1/party/cases", Json{{"person_id", person}, {"date", "2026-06-01"}}.dump()};
        },
        201, true}},
      {"GET /api/v1/party/cases/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/party/cases/" + std::to_string(fresh_case(c.server, c.city, inside))};
        },
        200, true}},
      {"POST /api/v1/party/cases/{id}/steps",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/party/cases/" + std::to_string(fresh_case(c.server, c.city, inside)) + "/steps",
                         R"({"step_no":2,"date":"2026-06-10","people":[{"role":"talker","name":"王书记"}]})"};
        },
        201, true}},
      {"POST /api/v1/party/cases/{id}/reports",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/party/cases/" + std::to_string(fresh_case(c.server, c.city, inside)) + "/reports",
                         R"({"kind":"assessment","date":"2026-06-10","content":"表现良好"})"};
        },
        201, true}},
      {"GET /api/v1/party/warnings", {fixed("GET", "/api/v1/party/warnings"), 200}},
      {"PUT /api/v1/party/dues/bases/{person_id}",
       {[=](Context& c, bool inside) {
          return Request{"PUT", "/api/v1/party/dues/bases/" + std::to_string(person_target(c, inside)),
                         R"({"year":2026,"income_cents":450000})"};
        },
        200, true}},
      {"GET /api/v1/party/dues", {fixed("GET", "/api/v1/party/dues"), 200}},
      {"GET /api/v1/party/dues/report",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/party/dues/report?node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},
      {"POST /api/v1/party/dues/payments",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/party/dues/payments", fresh_payment(c.server, person_target(c, inside))};
        },
        201, true}},
      {"POST /api/v1/party/dues/payments/batch", {fixed("POST", "/api/v1/party/dues/payments/batch", R"({"rows":[]})"), 200}},
      {"GET /api/v1/me/party/dues", {fixed("GET", "/api/v1/me/party/dues"), 200}},
      {"GET /api/v1/party/dues/payments/template", {fixed("GET", "/api/v1/party/dues/payments/template"), 200}},
      {"POST /api/v1/party/dues/payments/match",
       {fixed("POST", "/api/v1/party/dues/payments/match", R"({"rows":[{"row":2,"name":"王晓"}]})"), 200}},
      {"POST /api/v1/party/transfers",
       {[](Context& c, bool inside) {
          const long long person = inside ? fresh_member(c.server, c.city.unit_a, c.city.branch_a1) : fresh_member(c.server, c.city.unit_b, 0);
          Json body = {{"person_id", person}, {"to_branch_id", fresh_child(c.server, c.city.unit_b)},
                       {"issued_on", c.server.app().party().today()}};
          return Request{"POST", "/api/v1/party/transfers", body.dump()};
        },
        201, true}},
      {"GET /api/v1/party/transfers", {fixed("GET", "/api/v1/party/transfers"), 200}},
      {"GET /api/v1/party/branches", {fixed("GET", "/api/v1/party/branches?q=%E6%94%AF%E9%83%A8"), 200}},
      // Inside: a member of unit B comes into branch A1 (the receiving side is in scope); outside: a move within unit B.
      {"POST /api/v1/party/transfers/{id}/confirm",
       {[](Context& c, bool inside) {
          const long long id = inside ? fresh_transfer(c.server, c.city.unit_b, 0, 0, c.city.branch_a1)
                                      : fresh_transfer(c.server, c.city.unit_b, 0, c.city.unit_b);
          return Request{"POST", "/api/v1/party/transfers/" + std::to_string(id) + "/confirm",
                         Json{{"confirmed_on", c.server.app().party().today()}}.dump()};
        },
        200, true}},
      {"POST /api/v1/party/transfers/{id}/cancel",
       {[](Context& c, bool inside) {
          const long long id = inside ? fresh_transfer(c.server, c.city.unit_a, c.city.branch_a1, c.city.unit_b)
                                      : fresh_transfer(c.server, c.city.unit_b, 0, c.city.unit_b);
          return Request{"POST", "/api/v1/party/transfers/" + std::to_string(id) + "/cancel", R"({"reason":"调动取消"})"};
        },
        200, true}},
      {"POST /api/v1/party/floating",
       {[](Context& c, bool inside) {
          const long long person = inside ? fresh_member(c.server, c.city.unit_a, c.city.branch_a1) : fresh_member(c.server, c.city.unit_b, 0);
          Json body = {{"person_id", person}, {"destination", "杭州市西湖区"}, {"reason", "work"},
                       {"started_on", c.server.app().party().today()}};
          return Request{"POST", "/api/v1/party/floating", body.dump()};
        },
        201, true}},
      {"GET /api/v1/party/floating", {fixed("GET", "/api/v1/party/floating"), 200}},
      {"POST /api/v1/party/floating/{id}/return",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/party/floating/" + std::to_string(fresh_floating(c.server, c.city, inside)) + "/return",
                         Json{{"returned_on", c.server.app().party().today()}}.dump()};
        },
        200, true}},
      {"GET /api/v1/party/pipeline", {fixed("GET", "/api/v1/party/pipeline"), 200}},
      {"POST /api/v1/party/cases/{id}/steps/{step_id}/revoke",
       {[](Context& c, bool inside) {
          const auto [id, step] = fresh_talk(c.server, c.city, inside);
          return Request{"POST", "/api/v1/party/cases/" + std::to_string(id) + "/steps/" + std::to_string(step) + "/revoke",
                         R"({"reason":"谈话日期录错"})"};
        },
        200, true}},
      {"POST /api/v1/party/appraisals",
       {[](Context& c, bool inside) {
          const long long branch = inside ? c.city.branch_a1 : fresh_child(c.server, c.city.unit_b);
          const int year = fresh_year(c.server, branch);
          Json body = {{"branch_id", branch}, {"year", year}, {"decided_on", std::to_string(year) + "-06-20"},
                       {"grades", all_qualified(c.server, branch)}};
          return Request{"POST", "/api/v1/party/appraisals", body.dump()};
        },
        201, true}},
      {"GET /api/v1/party/appraisals", {fixed("GET", "/api/v1/party/appraisals"), 200}},
      {"GET /api/v1/party/appraisals/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/party/appraisals/" + std::to_string(fresh_appraisal(c.server, c.city, inside))};
        },
        200, true}},
      {"POST /api/v1/party/rewards-punishments",
       {[](Context& c, bool inside) {
          const long long person = inside ? fresh_member(c.server, c.city.unit_a, c.city.branch_a1) : fresh_member(c.server, c.city.unit_b, 0);
          Json body = {{"person_id", person}, {"form", "commendation"}, {"decided_on", "2026-07-01"},
                       {"decided_by", "市直机关工委"}, {"reason", "在防汛抢险中表现突出"}};
          return Request{"POST", "/api/v1/party/rewards-punishments", body.dump()};
        },
        201, true}},
      {"GET /api/v1/party/rewards-punishments", {fixed("GET", "/api/v1/party/rewards-punishments"), 200}},
      {"GET /api/v1/party/people/{id}/timeline",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/party/people/" + std::to_string(person_target(c, inside)) + "/timeline"};
        },
        200, true}},
      {"GET /api/v1/me/party/timeline", {fixed("GET", "/api/v1/me/party/timeline"), 200}},
      {"POST /api/v1/party/meetings",
       {[](Context& c, bool inside) {
          Json body = {{"node_id", inside ? c.city.branch_a1 : fresh_child(c.server, c.city.unit_b)}, {"meeting_type", "theme_day"},
                       {"held_on", "2026-11-20"}, {"topic", "主题党日：重温入党誓词"}, {"host_person_id", c.city.person_a}};
          return Request{"POST", "/api/v1/party/meetings", body.dump()};
        },
        201, true}},
      {"GET /api/v1/party/meetings", {fixed("GET", "/api/v1/party/meetings"), 200}},
      {"GET /api/v1/party/meetings/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/party/meetings/" + std::to_string(fresh_meeting(c.server, c.city, inside))};
        },
        200, true}},
      {"PUT /api/v1/party/meetings/{id}",
       {[](Context& c, bool inside) {
          Json body = {{"held_on", "2026-11-21"}, {"topic", "支部委员会"}, {"host_person_id", c.city.person_a}};
          return Request{"PUT", "/api/v1/party/meetings/" + std::to_string(fresh_meeting(c.server, c.city, inside)), body.dump()};
        },
        200, true}},
      {"DELETE /api/v1/party/meetings/{id}",
       {[](Context& c, bool inside) {
          return Request{"DELETE", "/api/v1/party/meetings/" + std::to_string(fresh_meeting(c.server, c.city, inside))};
        },
        204, true}},
      {"PUT /api/v1/party/meetings/{id}/attendance",
       {[](Context& c, bool inside) {
          Json body = {{"attendance", {{{"person_id", c.city.person_a}, {"status", "present"}}}}};
          return Request{"PUT", "/api/v1/party/meetings/" + std::to_string(fresh_meeting(c.server, c.city, inside)) + "/attendance",
                         body.dump()};
        },
        200, true}},
      {"POST /api/v1/party/meetings/{id}/close",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/party/meetings/" + std::to_string(fresh_meeting(c.server, c.city, inside)) + "/close"};
        },
        200, true}},
      {"POST /api/v1/study/groups",
       {[](Context& c, bool inside) {
          static int n = 0;
          Json body = {{"unit_id", inside ? c.city.unit_a : c.city.unit_b}, {"name", "青年理论学习小组" + std::to_string(++n)}};
          return Request{"POST", "/api/v1/study/groups", body.dump()};
        },
        201, true}},
      {"GET /api/v1/study/groups", {fixed("GET", "/api/v1/study/groups"), 200}},
      {"GET /api/v1/study/groups/{id}",
       {[](Context& c, bool inside) {
          const long long g = inside ? fresh_group(c.server, c.city.unit_a, c.city.person_a) : fresh_group(c.server, c.city.unit_b, c.city.person_b);
          return Request{"GET", "/api/v1/study/groups/" + std::to_string(g)};
        },
        200, true}},
      {"PUT /api/v1/study/groups/{id}",
       {[](Context& c, bool inside) {
          static int n = 0;
          const long long g = inside ? fresh_group(c.server, c.city.unit_a, c.city.person_a) : fresh_group(c.server, c.city.unit_b, c.city.person_b);
          return Request{"PUT", "/api/v1/study/groups/" + std::to_string(g), Json{{"name", "改名小组" + std::to_string(++n)}}.dump()};
        },
        200, true}},
      {"POST /api/v1/study/groups/{id}/close",
       {[](Context& c, bool inside) {
          const long long g = inside ? fresh_group(c.server, c.city.unit_a, c.city.person_a) : fresh_group(c.server, c.city.unit_b, c.city.person_b);
          return Request{"POST", "/api/v1/study/groups/" + std::to_string(g) + "/close"};
        },
        200, true}},
      {"POST /api/v1/study/groups/{id}/members",
       {[](Context& c, bool inside) {
          const long long g = inside ? fresh_group(c.server, c.city.unit_a, c.city.person_a) : fresh_group(c.server, c.city.unit_b, c.city.person_b);
          return Request{"POST", "/api/v1/study/groups/" + std::to_string(g) + "/members",
                         Json{{"person_ids", Json::array({inside ? c.city.person_a : c.city.person_b})}}.dump()};
        },
        200, true}},
      {"DELETE /api/v1/study/groups/{id}/members/{person_id}",
       {[](Context& c, bool inside) {
          const long long person = inside ? c.city.person_a : c.city.person_b;
          const long long g = fresh_group(c.server, inside ? c.city.unit_a : c.city.unit_b, person);
          return Request{"DELETE", "/api/v1/study/groups/" + std::to_string(g) + "/members/" + std::to_string(person)};
        },
        200, true}},
      {"GET /api/v1/study/coverage", {fixed("GET", "/api/v1/study/coverage"), 200}},
      {"GET /api/v1/study/coverage/uncovered", {fixed("GET", "/api/v1/study/coverage/uncovered"), 200}},
      {"GET /api/v1/me/study/groups", {fixed("GET", "/api/v1/me/study/groups"), 200}},
      {"POST /api/v1/study/sessions",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/sessions", study_session_body(c.server, inside ? c.city.unit_a : c.city.unit_b).dump()};
        },
        201, true}},
      {"GET /api/v1/study/sessions", {fixed("GET", "/api/v1/study/sessions"), 200}},
      {"GET /api/v1/study/sessions/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b))};
        },
        200, true}},
      {"PUT /api/v1/study/sessions/{id}",
       {[](Context& c, bool inside) {
          Json body = study_session_body(c.server, c.city.unit_a);
          body.erase("audience");
          body.erase("node_id");
          return Request{"PUT", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)),
                         body.dump()};
        },
        200, true}},
      {"POST /api/v1/study/sessions/{id}/close",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/close"};
        },
        200, true}},
      {"POST /api/v1/study/sessions/{id}/cancel",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/cancel"};
        },
        200, true}},
      {"GET /api/v1/study/sessions/{id}/qr",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/qr"};
        },
        200, true}},
      {"PUT /api/v1/study/sessions/{id}/attendance",
       {[](Context& c, bool inside) {
          Json body = {{"attendance", Json::array({{{"person_id", inside ? c.city.person_a : c.city.person_b}, {"status", "present"}}})}};
          return Request{"PUT", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/attendance",
                         body.dump()};
        },
        200, true}},
      {"GET /api/v1/study/sessions/{id}/attendance",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/sessions/" + std::to_string(fresh_study_session(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/attendance"};
        },
        200, true}},
      // Anyone signed in may scan; only an account linked to a person of the session's audience checks in.
      {"POST /api/v1/study/checkins",
       {[](Context& c, bool) {
          const long long id = fresh_study_session(c.server, c.city.unit_a);
          return Request{"POST", "/api/v1/study/checkins", Json{{"token", c.server.app().study_sessions().qr(study_admin(c.server), id).token}}.dump()};
        },
        200}},
      {"GET /api/v1/me/study/sessions", {fixed("GET", "/api/v1/me/study/sessions"), 200}},
      {"POST /api/v1/study/lecture-teams",
       {[](Context& c, bool inside) {
          static int n = 0;
          return Request{"POST", "/api/v1/study/lecture-teams",
                         Json{{"node_id", inside ? c.city.unit_a : c.city.unit_b}, {"name", "青年宣讲团" + std::to_string(++n)}}.dump()};
        },
        201, true}},
      {"GET /api/v1/study/lecture-teams", {fixed("GET", "/api/v1/study/lecture-teams"), 200}},
      {"GET /api/v1/study/lecture-teams/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/lecture-teams/" + std::to_string(fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b).first)};
        },
        200, true}},
      {"PUT /api/v1/study/lecture-teams/{id}",
       {[](Context& c, bool inside) {
          const long long t = fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b).first;
          return Request{"PUT", "/api/v1/study/lecture-teams/" + std::to_string(t), Json{{"name", "改名宣讲团" + std::to_string(t)}}.dump()};
        },
        200, true}},
      {"POST /api/v1/study/lecture-teams/{id}/close",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/lecture-teams/" + std::to_string(fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b).first) + "/close"};
        },
        200, true}},
      {"POST /api/v1/study/lecture-teams/{id}/lecturers",
       {[](Context& c, bool inside) {
          const long long t = fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b).first;
          return Request{"POST", "/api/v1/study/lecture-teams/" + std::to_string(t) + "/lecturers",
                         Json{{"person_id", inside ? c.city.person_a : c.city.person_b}}.dump()};
        },
        200, true}},
      {"PUT /api/v1/study/lecture-teams/{id}/lecturers/{person_id}",
       {[](Context& c, bool inside) {
          const auto [t, p] = fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b);
          return Request{"PUT", "/api/v1/study/lecture-teams/" + std::to_string(t) + "/lecturers/" + std::to_string(p),
                         Json{{"topics", "基层治理"}}.dump()};
        },
        200, true}},
      {"POST /api/v1/study/lecture-teams/{id}/lecturers/{person_id}/leave",
       {[](Context& c, bool inside) {
          const auto [t, p] = fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b);
          return Request{"POST", "/api/v1/study/lecture-teams/" + std::to_string(t) + "/lecturers/" + std::to_string(p) + "/leave"};
        },
        200, true}},
      {"POST /api/v1/study/lectures",
       {[](Context& c, bool inside) {
          const auto [t, p] = fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b);
          return Request{"POST", "/api/v1/study/lectures", lecture_body(c.server, t, p).dump()};
        },
        201, true}},
      {"GET /api/v1/study/lectures", {fixed("GET", "/api/v1/study/lectures"), 200}},
      {"GET /api/v1/study/lectures/stats", {fixed("GET", "/api/v1/study/lectures/stats?year=2026"), 200}},
      {"GET /api/v1/study/lectures/export", {fixed("GET", "/api/v1/study/lectures/export"), 200}},
      {"GET /api/v1/study/lectures/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/lectures/" + std::to_string(fresh_lecture(c.server, inside ? c.city.unit_a : c.city.unit_b, false))};
        },
        200, true}},
      {"POST /api/v1/study/lectures/{id}/confirm",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/lectures/" + std::to_string(fresh_lecture(c.server, inside ? c.city.unit_a : c.city.unit_b, true)) + "/confirm"};
        },
        200, true}},
      {"POST /api/v1/study/lectures/{id}/reject",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/lectures/" + std::to_string(fresh_lecture(c.server, inside ? c.city.unit_a : c.city.unit_b, true)) + "/reject",
                         Json{{"reason", "请补充照片"}}.dump()};
        },
        200, true}},
      {"POST /api/v1/study/lectures/{id}/cancel",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/lectures/" + std::to_string(fresh_lecture(c.server, inside ? c.city.unit_a : c.city.unit_b, true)) + "/cancel"};
        },
        200, true}},
      {"GET /api/v1/study/lecturers/{person_id}/record",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/lecturers/" + std::to_string(fresh_lecture_team(c.server, inside ? c.city.unit_a : c.city.unit_b).second) + "/record"};
        },
        200, true}},
      {"GET /api/v1/me/study/lectures", {fixed("GET", "/api/v1/me/study/lectures"), 200}},
      {"POST /api/v1/me/study/lectures",
       {[](Context& c, bool) {
          const long long t = fresh_lecture_team(c.server, c.city.unit_a).first;
          c.server.app().study_lectures().add_lecturer(study_admin(c.server), t, {.person_id = c.city.person_a});
          return Request{"POST", "/api/v1/me/study/lectures", lecture_body(c.server, t, c.city.person_a).dump()};
        },
        201}},
      {"POST /api/v1/me/study/lectures/{id}/withdraw",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/study/lectures/" + std::to_string(fresh_lecture(c.server, c.city.unit_a, true, c.city.person_a)) + "/withdraw"};
        },
        200}},
      {"POST /api/v1/study/courses",
       {[](Context& c, bool) {
          Json body = {{"node_id", c.city.unit_a}, {"title", "网络课程"}, {"kind", "video"}, {"hours", 1.5},
                       {"url", "https://study.example.cn/v.mp4"}};
          return Request{"POST", "/api/v1/study/courses", body.dump()};
        },
        201}},
      {"GET /api/v1/study/courses", {fixed("GET", "/api/v1/study/courses"), 200}},
      {"GET /api/v1/study/courses/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/courses/" + std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b))};
        },
        200, true}},
      {"PUT /api/v1/study/courses/{id}",
       {[](Context& c, bool inside) {
          Json body = {{"title", "改名课程"}, {"kind", "document"}, {"hours", 2}, {"url", "https://study.example.cn/d.pdf"}};
          return Request{"PUT", "/api/v1/study/courses/" + std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b)),
                         body.dump()};
        },
        200, true}},
      {"POST /api/v1/study/courses/{id}/publish",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/courses/" +
                                     std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b, false)) + "/publish"};
        },
        200, true}},
      {"POST /api/v1/study/courses/{id}/withdraw",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/courses/" + std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/withdraw"};
        },
        200, true}},
      {"GET /api/v1/study/courses/{id}/learners",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/courses/" + std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/learners"};
        },
        200, true}},
      {"GET /api/v1/study/courses/{id}/learners/export",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/courses/" + std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b)) +
                                    "/learners/export"};
        },
        200, true}},
      {"GET /api/v1/me/study/courses", {fixed("GET", "/api/v1/me/study/courses"), 200}},
      {"GET /api/v1/study/courses/{id}/document",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/courses/" +
                                    std::to_string(fresh_course(c.server, inside ? c.city.unit_a : c.city.unit_b, true, true)) + "/document"};
        },
        200, true}},
      {"GET /api/v1/me/study/courses/{id}/document",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/study/courses/" + std::to_string(fresh_course(c.server, c.city.city, true, true)) + "/document"};
        },
        200}},
      // A course is learnt by a person: the cadre (a person of unit A) in the city's course; others have no person.
      {"GET /api/v1/me/study/courses/{id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/me/study/courses/" + std::to_string(fresh_course(c.server, c.city.city))}; }, 200}},
      {"POST /api/v1/me/study/courses/{id}/start",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/study/courses/" + std::to_string(fresh_course(c.server, c.city.city)) + "/start"};
        },
        200}},
      {"POST /api/v1/me/study/courses/{id}/progress",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/study/courses/" + std::to_string(fresh_course(c.server, c.city.city)) + "/progress",
                         R"({"seconds":15,"position_seconds":15})"};
        },
        200}},
      {"POST /api/v1/study/readings",
       {[](Context& c, bool) {
          const std::string today = beijing_date(c.server.clock().now());
          Json body = {{"node_id", c.city.unit_a}, {"book_title", "红岩"}, {"starts_on", today}, {"ends_on", today}};
          return Request{"POST", "/api/v1/study/readings", body.dump()};
        },
        201}},
      {"GET /api/v1/study/readings", {fixed("GET", "/api/v1/study/readings"), 200}},
      {"GET /api/v1/study/readings/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/readings/" + std::to_string(fresh_reading(c.server, inside ? c.city.unit_a : c.city.unit_b))};
        },
        200, true}},
      {"PUT /api/v1/study/readings/{id}",
       {[](Context& c, bool inside) {
          const std::string today = beijing_date(c.server.clock().now());
          Json body = {{"book_title", "红岩（再读）"}, {"starts_on", today}, {"ends_on", today}};
          return Request{"PUT", "/api/v1/study/readings/" + std::to_string(fresh_reading(c.server, inside ? c.city.unit_a : c.city.unit_b)),
                         body.dump()};
        },
        200, true}},
      {"POST /api/v1/study/readings/{id}/close",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/study/readings/" + std::to_string(fresh_reading(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/close"};
        },
        200, true}},
      {"GET /api/v1/study/readings/{id}/notes",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/study/readings/" + std::to_string(fresh_reading(c.server, inside ? c.city.unit_a : c.city.unit_b)) + "/notes"};
        },
        200, true}},
      {"PUT /api/v1/study/readings/{id}/notes/{note_id}/excellent",
       {[](Context& c, bool inside) {
          const auto [reading, note] = inside ? fresh_note(c.server, c.city.unit_a, c.city.person_a) : fresh_note(c.server, c.city.unit_b, c.city.person_b);
          return Request{"PUT", "/api/v1/study/readings/" + std::to_string(reading) + "/notes/" + std::to_string(note) + "/excellent",
                         R"({"excellent":true})"};
        },
        200, true}},
      {"GET /api/v1/me/study/readings", {fixed("GET", "/api/v1/me/study/readings"), 200}},
      {"GET /api/v1/me/study/readings/{id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/me/study/readings/" + std::to_string(fresh_reading(c.server, c.city.unit_a))}; }, 200}},
      {"PUT /api/v1/me/study/readings/{id}/note",
       {[](Context& c, bool) {
          return Request{"PUT", "/api/v1/me/study/readings/" + std::to_string(fresh_reading(c.server, c.city.unit_a)) + "/note",
                         Json{{"content", "读书笔记：坚持理论学习，学思用贯通，知信行统一。"}}.dump()};
        },
        200}},
      {"GET /api/v1/party/meeting-cadence", {fixed("GET", "/api/v1/party/meeting-cadence"), 200}},
      {"GET /api/v1/me/party/meetings", {fixed("GET", "/api/v1/me/party/meetings"), 200}},
      {"GET /api/v1/me/party", {fixed("GET", "/api/v1/me/party"), 200}},
      // The cadre is a full member with no development case: allowed in, and told there is nothing to report on.
      {"POST /api/v1/me/party/thought-reports",
       {fixed("POST", "/api/v1/me/party/thought-reports", R"({"content":"认真学习党章，对照标准查找差距。"})"), 409}},
      {"POST /api/v1/practice/assignments",
       {[](Context& c, bool inside) {
          Json body = {{"person_id", inside ? c.city.person_a : c.city.person_b}, {"assignment_type", "frontline"},
                       {"host_place", "姜山镇"}, {"starts_on", "2026-06-01"}, {"planned_end", "2026-12-31"}, {"supervisor_name", "王建国"}};
          return Request{"POST", "/api/v1/practice/assignments", body.dump()};
        },
        201, true}},
      {"GET /api/v1/practice/assignments", {fixed("GET", "/api/v1/practice/assignments"), 200}},
      {"GET /api/v1/practice/assignments/export", {fixed("GET", "/api/v1/practice/assignments/export"), 200}},
      {"GET /api/v1/practice/assignments/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/practice/assignments/" + std::to_string(fresh_assignment(c.server, c.city, inside))};
        },
        200, true}},
      {"POST /api/v1/practice/assignments/{id}/start",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/practice/assignments/" + std::to_string(fresh_assignment(c.server, c.city, inside)) + "/start", "{}"};
        },
        200, true}},
      {"POST /api/v1/practice/assignments/{id}/mid-term",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/practice/assignments/" + std::to_string(fresh_assignment(c.server, c.city, inside, "active")) + "/mid-term",
                         R"({"evaluated_on":"2026-07-01","grade":"good"})"};
        },
        200, true}},
      {"POST /api/v1/practice/assignments/{id}/complete",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/practice/assignments/" + std::to_string(fresh_assignment(c.server, c.city, inside, "active")) + "/complete",
                         R"({"actual_end":"2026-08-01","grade":"good","outcome":"完成"})"};
        },
        200, true}},
      {"POST /api/v1/practice/assignments/{id}/terminate",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/practice/assignments/" + std::to_string(fresh_assignment(c.server, c.city, inside)) + "/terminate",
                         R"({"reason":"人选调整"})"};
        },
        200, true}},
      {"GET /api/v1/me/practice/assignments", {fixed("GET", "/api/v1/me/practice/assignments"), 200}},
      {"PUT /api/v1/practice/plans",
       {[=](Context& c, bool inside) {
          Json body = {{"node_id", practice_node(c.role, c.city, inside)}, {"year", 2026}, {"planned", 12}};
          return Request{"PUT", "/api/v1/practice/plans", body.dump()};
        },
        200, true}},
      {"GET /api/v1/practice/plan-report",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/practice/plan-report?node_id=" + std::to_string(practice_node(c.role, c.city, inside))};
        },
        200, true}},
      {"POST /api/v1/practice/trainings",
       {[](Context& c, bool inside) {
          Json body = {{"node_id", practice_node(c.role, c.city, inside)}, {"title", "培训班"}, {"kind", "theory"},
                       {"starts_on", "2026-06-01"}, {"ends_on", "2026-06-02"}, {"hours", 8}, {"capacity", 10}};
          return Request{"POST", "/api/v1/practice/trainings", body.dump()};
        },
        201, true}},
      {"GET /api/v1/practice/trainings", {fixed("GET", "/api/v1/practice/trainings"), 200}},
      {"GET /api/v1/practice/trainings/{id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          return Request{"GET", "/api/v1/practice/trainings/" + std::to_string(id)};
        },
        200, true}},
      {"PUT /api/v1/practice/trainings/{id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          Json body = {{"title", "培训班（调整）"}, {"kind", "theory"}, {"starts_on", "2026-06-01"}, {"ends_on", "2026-06-03"},
                       {"hours", 12}, {"capacity", 10}};
          return Request{"PUT", "/api/v1/practice/trainings/" + std::to_string(id), body.dump()};
        },
        200, true}},
      {"POST /api/v1/practice/trainings/{id}/enrolments",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          const long long third = fresh_applicant(c.server, inside ? c.city.unit_a : c.city.unit_b, inside ? c.city.branch_a1 : 0);
          return Request{"POST", "/api/v1/practice/trainings/" + std::to_string(id) + "/enrolments",
                         Json{{"person_ids", {third}}}.dump()};
        },
        200, true}},
      {"DELETE /api/v1/practice/trainings/{id}/enrolments/{person_id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          return Request{"DELETE", "/api/v1/practice/trainings/" + std::to_string(id) + "/enrolments/" +
                                       std::to_string(inside ? c.city.person_a : c.city.person_b)};
        },
        200, true}},
      {"PUT /api/v1/practice/trainings/{id}/attendance",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          Json body = {{"day", "2026-06-02"}, {"present", {inside ? c.city.person_a : c.city.person_b}}};
          return Request{"PUT", "/api/v1/practice/trainings/" + std::to_string(id) + "/attendance", body.dump()};
        },
        200, true}},
      {"PUT /api/v1/practice/trainings/{id}/results",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          Json body = {{"results", {{{"person_id", inside ? c.city.person_a : c.city.person_b}, {"attended_days", 2},
                                     {"completion", "completed"}, {"result", "qualified"}}}}};
          return Request{"PUT", "/api/v1/practice/trainings/" + std::to_string(id) + "/results", body.dump()};
        },
        200, true}},
      {"POST /api/v1/practice/trainings/{id}/close",
       {[](Context& c, bool inside) {
          const long long id = fresh_training(c.server, c.city, practice_node(c.role, c.city, inside), inside, true);
          return Request{"POST", "/api/v1/practice/trainings/" + std::to_string(id) + "/close"};
        },
        200, true}},
      {"GET /api/v1/me/practice/competitions", {fixed("GET", "/api/v1/me/practice/competitions"), 200}},
      {"GET /api/v1/me/practice/trainings", {fixed("GET", "/api/v1/me/practice/trainings"), 200}},
      {"POST /api/v1/practice/competitions",
       {[](Context& c, bool inside) {
          Json body = {{"node_id", practice_node(c.role, c.city, inside)}, {"title", "比武"}, {"level", "unit"}, {"held_on", "2026-06-01"}};
          return Request{"POST", "/api/v1/practice/competitions", body.dump()};
        },
        201, true}},
      {"GET /api/v1/practice/competitions", {fixed("GET", "/api/v1/practice/competitions"), 200}},
      {"GET /api/v1/practice/competitions/{id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_competition(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          return Request{"GET", "/api/v1/practice/competitions/" + std::to_string(id)};
        },
        200, true}},
      {"PUT /api/v1/practice/competitions/{id}/entries",
       {[](Context& c, bool inside) {
          const long long id = fresh_competition(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          Json body = {{"entries", {{{"person_id", inside ? c.city.person_a : c.city.person_b}, {"score", 88.5}}}}};
          return Request{"PUT", "/api/v1/practice/competitions/" + std::to_string(id) + "/entries", body.dump()};
        },
        200, true}},
      {"POST /api/v1/practice/competitions/{id}/publish",
       {[](Context& c, bool inside) {
          const long long id = fresh_competition(c.server, c.city, practice_node(c.role, c.city, inside), inside);
          return Request{"POST", "/api/v1/practice/competitions/" + std::to_string(id) + "/publish"};
        },
        200, true}},
      {"POST /api/v1/points/simulations",
       {[=](Context& c, bool inside) {
          Json body = {{"from", "2026-01-01"}, {"to", "2026-12-31"}, {"node_id", node_target(c, inside) ? node_target(c, inside) : c.city.unit_a},
                       {"changes", Json::array({{{"rule_code", "lecture"}, {"points", 4}}})}};
          return Request{"POST", "/api/v1/points/simulations", body.dump()};
        },
        200, true}},
      {"GET /api/v1/points/rankings/export",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/rankings/export?node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},
      {"POST /api/v1/record/entries",
       {[](Context& c, bool inside) {
          Json body = {{"person_id", inside ? c.city.person_a : c.city.person_b}, {"category", "work_result"},
                       {"fact_date", "2026-06-01"}, {"title", "调研报告"}, {"content", "完成调研报告一份"}, {"source_kind", "unit"}};
          return Request{"POST", "/api/v1/record/entries", body.dump()};
        },
        201, true}},
      {"GET /api/v1/record/entries", {fixed("GET", "/api/v1/record/entries"), 200}},
      {"GET /api/v1/record/entries/export", {fixed("GET", "/api/v1/record/entries/export"), 200}},
      {"GET /api/v1/record/entries/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, inside, "confirmed"))};
        },
        200, true}},
      {"POST /api/v1/record/entries/{id}/confirm",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, inside, "pending")) + "/confirm", "{}"};
        },
        200, true}},
      {"POST /api/v1/record/entries/{id}/reject",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, inside, "pending")) + "/reject",
                         R"({"reason":"材料不全"})"};
        },
        200, true}},
      {"POST /api/v1/record/entries/{id}/withdraw",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, inside, "confirmed")) + "/withdraw",
                         R"({"reason":"记录有误"})"};
        },
        200, true}},
      {"POST /api/v1/record/entries/{id}/resolve",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, inside, "contested")) + "/resolve",
                         R"({"outcome":"upheld","note":"经核实维持"})"};
        },
        200, true}},
      {"GET /api/v1/record/people/{id}/comments",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/record/people/" + std::to_string(person_target(c, inside)) + "/comments"};
        },
        200, true}},
      {"PUT /api/v1/record/people/{id}/comments/{period}",
       {[=](Context& c, bool inside) {
          return Request{"PUT", "/api/v1/record/people/" + std::to_string(person_target(c, inside)) + "/comments/" + fresh_period(),
                         R"({"leader_name":"李明","content":"政治素质好，工作主动。"})"};
        },
        200, true}},
      {"GET /api/v1/me/record/entries", {fixed("GET", "/api/v1/me/record/entries"), 200}},
      {"POST /api/v1/me/record/entries",
       {fixed("POST", "/api/v1/me/record/entries",
              R"({"category":"training","fact_date":"2026-06-01","title":"参加培训","content":"参加专题培训 3 天"})"),
        201}},
      {"GET /api/v1/me/record/entries/{id}",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, true, "confirmed"))};
        },
        200}},
      {"POST /api/v1/me/record/entries/{id}/respond",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, true, "confirmed")) + "/respond",
                         R"({"response":"感谢认可"})"};
        },
        200}},
      {"POST /api/v1/me/record/entries/{id}/contest",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/record/entries/" + std::to_string(fresh_record_entry(c.server, c.city, true, "confirmed")) + "/contest",
                         R"({"reason":"与事实不符"})"};
        },
        200}},
      {"GET /api/v1/record/entries/{id}/evidence/{file_id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/record/entries/" + fresh_record_evidence(c.server, c.city, inside)};
        },
        200, true}},
      {"GET /api/v1/me/record/entries/{id}/evidence/{file_id}",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/record/entries/" + fresh_record_evidence(c.server, c.city, true)};
        },
        200}},
      {"GET /api/v1/me/record/comments", {fixed("GET", "/api/v1/me/record/comments"), 200}},
      // the growth archive and the young-cadre pool
      {"GET /api/v1/record/people/{id}/archive",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/record/people/" + std::to_string(person_target(c, inside)) + "/archive"};
        },
        200, true}},
      {"GET /api/v1/me/archive", {fixed("GET", "/api/v1/me/archive"), 200}},
      {"GET /api/v1/record/pool", {fixed("GET", "/api/v1/record/pool?young_only=false&experience=no_shortcoming"), 200}},
      {"GET /api/v1/record/compare",
       {[=](Context& c, bool inside) {
          const long long other = add_roster_person(c.server, "比较对象", c.city.unit_a, c.city.branch_a1, "full");
          return Request{"GET", "/api/v1/record/compare?ids=" + std::to_string(person_target(c, inside)) + "," + std::to_string(other)};
        },
        200, true}},
      {"GET /api/v1/record/watchlists", {fixed("GET", "/api/v1/record/watchlists"), 200}},
      {"POST /api/v1/record/watchlists",
       {[](Context&, bool) {
          static int n = 0;
          return Request{"POST", "/api/v1/record/watchlists", Json{{"name", "关注" + std::to_string(++n)}}.dump()};
        },
        201}},
      {"DELETE /api/v1/record/watchlists/{id}",
       {[](Context& c, bool) { return Request{"DELETE", "/api/v1/record/watchlists/" + std::to_string(own_watchlist(c))}; }, 204}},
      {"PUT /api/v1/record/watchlists/{id}/people/{person_id}",
       {[=](Context& c, bool inside) {
          return Request{"PUT", "/api/v1/record/watchlists/" + std::to_string(own_watchlist(c)) + "/people/" +
                                    std::to_string(person_target(c, inside)),
                         R"({"note":"重点关注"})"};
        },
        204, true}},
      {"DELETE /api/v1/record/watchlists/{id}/people/{person_id}",
       {[=](Context& c, bool inside) {
          const long long list = own_watchlist(c);
          const std::string url = "/api/v1/record/watchlists/" + std::to_string(list) + "/people/" + std::to_string(person_target(c, inside));
          if (inside) c.server.send_as(c.cookie, "PUT", url, "{}");
          return Request{"DELETE", url};
        },
        204, true}},
      {"GET /api/v1/points/rankings",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/points/rankings?node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},      {"POST /api/v1/evaluation/campaigns",
       {[](Context& c, bool inside) {
          Json body = {{"kind", "annual"}, {"title", "年度考核"}, {"org_node_id", inside ? c.city.unit_a : c.city.unit_b},
                       {"ratee_ids", Json::array({inside ? c.city.person_a : c.city.person_b})}};
          return Request{"POST", "/api/v1/evaluation/campaigns", body.dump()};
        },
        201, true}},
      {"GET /api/v1/evaluation/campaigns", {fixed("GET", "/api/v1/evaluation/campaigns"), 200}},
      {"GET /api/v1/evaluation/campaigns/{id}",
       {[](Context& c, bool inside) { return Request{"GET", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "draft"))}; },
        200, true}},
      // surveys
      {"GET /api/v1/evaluation/surveys", {fixed("GET", "/api/v1/evaluation/surveys"), 200}},
      {"POST /api/v1/evaluation/surveys",
       {[](Context& c, bool) {
          Json body = {{"org_node_id", c.city.unit_a}, {"title", "问卷"},
                       {"questions", Json::array({{{"id", "q1"}, {"kind", "text"}, {"title", "建议"}}})}};
          return Request{"POST", "/api/v1/evaluation/surveys", body.dump()};
        },
        201}},
      {"GET /api/v1/evaluation/surveys/{id}",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node_target(c, inside), "open"))};
        },
        200, true}},
      {"PUT /api/v1/evaluation/surveys/{id}",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          Json body = {{"org_node_id", node ? node : c.city.unit_a}, {"title", "问卷"}, {"version", 1},
                       {"questions", Json::array({{{"id", "q1"}, {"kind", "text"}, {"title", "建议"}}})}};
          return Request{"PUT", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node, "draft")), body.dump()};
        },
        200, true}},
      {"POST /api/v1/evaluation/surveys/{id}/publish",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node_target(c, inside), "draft")) + "/publish", "{}"};
        },
        200, true}},
      {"POST /api/v1/evaluation/surveys/{id}/close",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node_target(c, inside), "open")) + "/close", "{}"};
        },
        200, true}},
      {"GET /api/v1/evaluation/surveys/{id}/results",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node_target(c, inside), "open")) + "/results"};
        },
        200, true}},
      {"GET /api/v1/evaluation/surveys/{id}/export",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/evaluation/surveys/" + std::to_string(fresh_survey(c.server, node_target(c, inside), "closed")) + "/export"};
        },
        200, true}},
      {"GET /api/v1/me/surveys", {fixed("GET", "/api/v1/me/surveys"), 200}},
      {"GET /api/v1/me/surveys/{id}",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/surveys/" + std::to_string(fresh_survey(c.server, c.city.unit_a, "open"))};
        },
        200}},
      {"POST /api/v1/me/surveys/{id}/responses",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/surveys/" + std::to_string(fresh_survey(c.server, c.city.unit_a, "open")) + "/responses",
                         R"({"answers":[{"question_id":"q1","option_ids":["o1"]}]})"};
        },
        201}},
      {"PUT /api/v1/evaluation/campaigns/{id}",
       {[](Context& c, bool inside) {
          return Request{"PUT", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "draft")),
                         R"({"title":"年度考核（修订）","settings":{"excellent_percent":15}})"};
        },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/open",
       {[](Context& c, bool inside) { return Request{"POST", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "draft")) + "/open"}; },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/close",
       {[](Context& c, bool inside) { return Request{"POST", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "open")) + "/close"}; },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/publish",
       {[](Context& c, bool inside) {
          return Request{"POST", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "closed")) + "/publish"};
        },
        200, true}},
      {"GET /api/v1/evaluation/campaigns/{id}/assignments",
       {[](Context& c, bool inside) {
          return Request{"GET", eval_url(fresh_campaign(c.server, c.city, inside, "dual_ranking", "draft")) + "/assignments"};
        },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/assignments",
       {[](Context& c, bool inside) {
          const long long id = fresh_campaign(c.server, c.city, inside, "dual_ranking", "draft");
          const auto list = c.server.app().campaigns().assignments(
              Principal{.account_id = 1, .permissions = {"evaluation.read"}, .scope = {.all = true}}, id);
          Json body = {{"ratee_id", list.at(0).ratee}, {"rater_id", fresh_eval_person(c.server, inside ? c.city.unit_a : c.city.unit_b)},
                       {"role", "unit"}};
          return Request{"POST", eval_url(id) + "/assignments", body.dump()};
        },
        200, true}},
      {"DELETE /api/v1/evaluation/campaigns/{id}/assignments/{assignment_id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_campaign(c.server, c.city, inside, "dual_ranking", "draft");
          const auto list = c.server.app().campaigns().assignments(
              Principal{.account_id = 1, .permissions = {"evaluation.read"}, .scope = {.all = true}}, id);
          return Request{"DELETE", eval_url(id) + "/assignments/" + std::to_string(list.at(0).id)};
        },
        204, true}},
      {"GET /api/v1/evaluation/campaigns/{id}/progress",
       {[](Context& c, bool inside) {
          return Request{"GET", eval_url(fresh_campaign(c.server, c.city, inside, "dual_ranking", "open")) + "/progress"};
        },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/reminders",
       {[](Context& c, bool inside) {
          return Request{"POST", eval_url(fresh_campaign(c.server, c.city, inside, "dual_ranking", "open")) + "/reminders", "{}"};
        },
        200, true}},
      {"GET /api/v1/evaluation/campaigns/{id}/results",
       {[](Context& c, bool inside) {
          return Request{"GET", eval_url(fresh_campaign(c.server, c.city, inside, "dual_ranking", "open")) + "/results"};
        },
        200, true}},
      {"GET /api/v1/evaluation/campaigns/{id}/results/export",
       {[](Context& c, bool inside) {
          return Request{"GET", eval_url(fresh_campaign(c.server, c.city, inside, "annual", "open")) + "/results/export"};
        },
        200, true}},
      {"POST /api/v1/evaluation/campaigns/{id}/evidence",
       {[](Context& c, bool inside) {
          const long long id = fresh_campaign(c.server, c.city, inside, "annual", "open");
          const auto list = c.server.app().campaigns().results(
              Principal{.account_id = 1, .permissions = {"evaluation.read"}, .scope = {.all = true}}, id);
          Json body = {{"ratee_id", list["items"][0]["person_id"]}, {"kind", "competition"}, {"note", "业务比武一等奖"}};
          return Request{"POST", eval_url(id) + "/evidence", body.dump()};
        },
        201, true}},
      {"PUT /api/v1/evaluation/campaigns/{id}/grades/{person_id}",
       {[](Context& c, bool inside) {
          const long long id = fresh_campaign(c.server, c.city, inside, "annual", "open");
          const auto list = c.server.app().campaigns().results(
              Principal{.account_id = 1, .permissions = {"evaluation.read"}, .scope = {.all = true}}, id);
          return Request{"PUT", eval_url(id) + "/grades/" + std::to_string(list["items"][0]["person_id"].get<long long>()),
                         R"({"grade":"competent"})"};
        },
        200, true}},
      {"GET /api/v1/me/evaluation/tasks", {fixed("GET", "/api/v1/me/evaluation/tasks"), 200}},
      {"GET /api/v1/me/evaluation/tasks/{id}",
       {[](Context& c, bool) {
          const long long id = fresh_campaign(c.server, c.city, true, "dual_ranking", "open", c.city.person_a);
          return Request{"GET", "/api/v1/me/evaluation/tasks/" + std::to_string(id)};
        },
        200}},
      {"PUT /api/v1/me/evaluation/tasks/{id}/ratings",
       {[](Context& c, bool) {
          const long long id = fresh_campaign(c.server, c.city, true, "dual_ranking", "open", c.city.person_a);
          const auto list = c.server.app().campaigns().assignments(
              Principal{.account_id = 1, .permissions = {"evaluation.read"}, .scope = {.all = true}}, id);
          Json body = {{"role", "line"}, {"items", Json::array({{{"ratee_id", list.at(0).ratee}, {"score", 90}, {"rank", 1}}})}};
          return Request{"PUT", "/api/v1/me/evaluation/tasks/" + std::to_string(id) + "/ratings", body.dump()};
        },
        200}},
      {"GET /api/v1/me/evaluation/results", {fixed("GET", "/api/v1/me/evaluation/results"), 200}},
      // Dashboards: a node in or out of the scope.
      {"GET /api/v1/analytics/dashboard",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/analytics/dashboard?node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},
      {"GET /api/v1/analytics/warnings",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/analytics/warnings?node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},
      {"GET /api/v1/analytics/export",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/analytics/export?chart=children&node_id=" + std::to_string(node_target(c, inside))};
        },
        200, true}},
      {"GET /api/v1/analytics/thresholds", {fixed("GET", "/api/v1/analytics/thresholds"), 200}},
      {"PUT /api/v1/analytics/thresholds/{rule}",
       {fixed("PUT", "/api/v1/analytics/thresholds/dues_rate", R"({"yellow":90,"red":70})"), 200}},
      {"GET /api/v1/mass/contact-points", {fixed("GET", "/api/v1/mass/contact-points"), 200}},
      {"POST /api/v1/mass/contact-points",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          return Request{"POST", "/api/v1/mass/contact-points",
                         Json{{"org_node_id", node ? node : c.city.unit_a}, {"name", "联系点"}, {"area", "东湖社区"}}.dump()};
        },
        201, true}},
      {"PUT /api/v1/mass/contact-points/{id}",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          const long long id = c.server.app().mass().create_point(mass_admin(c.server), {.org_node_id = node ? node : c.city.unit_a,
                                                                                         .name = "联系点", .area = "东湖社区"}).id;
          return Request{"PUT", "/api/v1/mass/contact-points/" + std::to_string(id), R"({"name":"联系点","area":"西溪村"})"};
        },
        200, true}},
      {"GET /api/v1/mass/households", {fixed("GET", "/api/v1/mass/households"), 200}},
      {"GET /api/v1/mass/households/export", {fixed("GET", "/api/v1/mass/households/export"), 200}},
      {"POST /api/v1/mass/households",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          const long long point = c.server.app().mass().create_point(mass_admin(c.server), {.org_node_id = node ? node : c.city.unit_a,
                                                                                            .name = "联系点", .area = "东湖社区"}).id;
          return Request{"POST", "/api/v1/mass/households",
                         Json{{"contact_point_id", point}, {"head_name", "周桂英"}, {"area", "3 幢"},
                              {"cadre_ids", Json::array({c.city.person_a})}}.dump()};
        },
        201, true}},
      {"GET /api/v1/mass/households/{id}",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          return Request{"GET", "/api/v1/mass/households/" + std::to_string(fresh_mass_household(c.server, c.city, node ? node : c.city.unit_a))};
        },
        200, true}},
      {"PUT /api/v1/mass/households/{id}",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          return Request{"PUT", "/api/v1/mass/households/" + std::to_string(fresh_mass_household(c.server, c.city, node ? node : c.city.unit_a)),
                         Json{{"head_name", "周桂英"}, {"area", "3 幢"}, {"cadre_ids", Json::array({c.city.person_a})}}.dump()};
        },
        200, true}},
      {"GET /api/v1/mass/visits", {fixed("GET", "/api/v1/mass/visits"), 200}},
      {"GET /api/v1/mass/visits/export", {fixed("GET", "/api/v1/mass/visits/export"), 200}},
      {"GET /api/v1/mass/visits/{id}/photos/{file_id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/mass/visits/" + fresh_mass_visit_photo(c.server, c.city, inside)};
        },
        200, true}},
      {"GET /api/v1/me/mass/visits/{id}/photos/{file_id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/me/mass/visits/" + fresh_mass_visit_photo(c.server, c.city, true)}; }, 200}},
      {"GET /api/v1/mass/lectures", {fixed("GET", "/api/v1/mass/lectures"), 200}},
      {"GET /api/v1/me/mass/households", {fixed("GET", "/api/v1/me/mass/households"), 200}},
      {"GET /api/v1/me/mass/visits", {fixed("GET", "/api/v1/me/mass/visits"), 200}},
      {"POST /api/v1/me/mass/visits",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/mass/visits",
                         Json{{"client_key", "m-1"}, {"place", "社区广场"}, {"visit_date", c.server.app().mass().today()},
                              {"learned", "了解到的情况"}}.dump()};
        },
        201}},
      {"GET /api/v1/me/mass/lectures", {fixed("GET", "/api/v1/me/mass/lectures"), 200}},
      {"POST /api/v1/me/mass/lectures",
       {fixed("POST", "/api/v1/me/mass/lectures",
              R"({"client_key":"l-1","lecture_date":"2026-06-01","place":"文化礼堂","topic":"医保政策","audience":40})"),
        201}},
      {"GET /api/v1/mass/projects", {fixed("GET", "/api/v1/mass/projects"), 200}},
      {"GET /api/v1/mass/projects/export", {fixed("GET", "/api/v1/mass/projects/export"), 200}},
      {"POST /api/v1/mass/projects",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          return Request{"POST", "/api/v1/mass/projects",
                         Json{{"org_node_id", node ? node : c.city.unit_a}, {"title", "读书角"}, {"category", "children"},
                              {"need", "作业辅导志愿者"}, {"deadline", "2099-12-31"}}.dump()};
        },
        201, true}},
      {"GET /api/v1/mass/projects/{id}",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, node_target(c, inside), "published"))};
        },
        200, true}},
      {"POST /api/v1/mass/projects/{id}/rate",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, node_target(c, inside), "done")) + "/rate",
                         R"({"satisfaction":5})"};
        },
        200, true}},
      {"POST /api/v1/mass/projects/{id}/close",
       {[=](Context& c, bool inside) {
          return Request{"POST", "/api/v1/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, node_target(c, inside), "published")) + "/close", "{}"};
        },
        200, true}},
      {"GET /api/v1/mass/teams", {fixed("GET", "/api/v1/mass/teams"), 200}},
      {"POST /api/v1/mass/teams",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          return Request{"POST", "/api/v1/mass/teams",
                         Json{{"org_node_id", node ? node : c.city.unit_a}, {"name", "青年服务队"},
                              {"member_ids", Json::array({c.city.person_a})}}.dump()};
        },
        201, true}},
      {"PUT /api/v1/mass/teams/{id}",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          const long long team = fresh_mass_team(c.server, node ? node : c.city.unit_a, c.city.person_a);
          return Request{"PUT", "/api/v1/mass/teams/" + std::to_string(team),
                         Json{{"name", "青年服务队"}, {"member_ids", Json::array({c.city.person_a})}}.dump()};
        },
        200, true}},
      {"POST /api/v1/mass/teams/{id}/hours",
       {[=](Context& c, bool inside) {
          const long long node = node_target(c, inside);
          const long long team = fresh_mass_team(c.server, node ? node : c.city.unit_a, c.city.person_a);
          return Request{"POST", "/api/v1/mass/teams/" + std::to_string(team) + "/hours",
                         Json{{"person_id", c.city.person_a}, {"hours", 2}, {"service_date", "2026-06-01"}}.dump()};
        },
        200, true}},
      {"GET /api/v1/me/mass/projects", {fixed("GET", "/api/v1/me/mass/projects"), 200}},
      {"GET /api/v1/me/mass/claims", {fixed("GET", "/api/v1/me/mass/claims"), 200}},
      {"GET /api/v1/me/mass/teams", {fixed("GET", "/api/v1/me/mass/teams"), 200}},
      {"GET /api/v1/me/mass/projects/{id}",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, c.city.unit_a, "published"))};
        },
        200}},
      {"POST /api/v1/me/mass/projects/{id}/claim",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, c.city.unit_a, "published")) + "/claim", "{}"};
        },
        200}},
      {"POST /api/v1/me/mass/projects/{id}/progress",
       {[](Context& c, bool) {
          return Request{"POST", "/api/v1/me/mass/projects/" + std::to_string(fresh_mass_project(c.server, c.city, c.city.unit_a, "claimed")) + "/progress",
                         R"({"note":"已联系物业"})"};
        },
        200}},
      {"POST /api/v1/me/mass/projects/{id}/done",
       {[](Context& c, bool) {
          const long long id = fresh_mass_project(c.server, c.city, c.city.unit_a, "claimed");
          return Request{"POST", "/api/v1/me/mass/projects/" + std::to_string(id) + "/done",
                         Json{{"note", "已安装扶手"}, {"photos", Json::array({fresh_file(c.server, "cadre")})}}.dump()};
        },
        200}},
      {"POST /api/v1/me/oversight/cases",
       {fixed("POST", "/api/v1/me/oversight/cases",
              R"({"title":"容错申请","facts":"简化采购程序","decision_taken":"以询价代替招标","basis":"会议纪要","loss":"单价略高","remedy":"已退还差价"})"),
        201}},
      {"GET /api/v1/me/oversight/cases", {fixed("GET", "/api/v1/me/oversight/cases"), 200}},
      {"GET /api/v1/me/oversight/cases/{id}",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, true, "submitted"))};
        },
        200}},
      {"POST /api/v1/oversight/cases",
       {[](Context& c, bool inside) {
          Json body = {{"person_id", inside ? c.city.person_a : c.city.person_b}, {"title", "容错申请"}, {"facts", "简化采购程序"},
                       {"decision_taken", "以询价代替招标"}, {"basis", "会议纪要"}, {"loss", "单价略高"}, {"remedy", "已退还差价"}};
          return Request{"POST", "/api/v1/oversight/cases", body.dump()};
        },
        201, true}},
      {"GET /api/v1/oversight/cases", {fixed("GET", "/api/v1/oversight/cases?overdue=true"), 200}},
      {"GET /api/v1/oversight/cases/export", {fixed("GET", "/api/v1/oversight/cases/export"), 200}},
      {"GET /api/v1/oversight/cases/warnings", {fixed("GET", "/api/v1/oversight/cases/warnings"), 200}},
      {"GET /api/v1/oversight/cases/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "submitted"))};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/review",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "submitted")) + "/review",
                         R"({"accept":true})"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/notes",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "investigating")) + "/notes",
                         R"({"note":"调取会议纪要"})"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/decide",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "investigating")) + "/decide",
                         R"({"outcome":"tolerated","votes_for":5,"votes_against":0,"votes_abstain":0,"distinctions":["experiment"],"reasons":"先行先试，出于公心"})"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/notify",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "decided")) + "/notify", "{}"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/corrections",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "decided")) + "/corrections",
                         R"({"content":"完善审批流程","due_date":"2099-12-31"})"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/corrections/{item}/done",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + fresh_correction(c.server, c.city, inside) + "/done", R"({"note":"已完成"})"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/close",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "notified")) + "/close", "{}"};
        },
        200, true}},
      {"GET /api/v1/oversight/cases/{id}/draft",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "notified")) + "/draft"};
        },
        200, true}},
      {"POST /api/v1/oversight/cases/{id}/publish",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/cases/" + std::to_string(fresh_tolerance_case(c.server, c.city, inside, "notified")) + "/publish",
                         R"({"title":"先行先试案例","body":"某某同志为按期复课简化采购程序，出于公心，予以容错。"})"};
        },
        201, true}},
      {"GET /api/v1/oversight/library", {fixed("GET", "/api/v1/oversight/library"), 200}},
      {"GET /api/v1/oversight/library/{id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/oversight/library/" + std::to_string(fresh_library_case(c.server, c.city))}; },
        200}},
      {"GET /api/v1/oversight/accountability/forms", {fixed("GET", "/api/v1/oversight/accountability/forms"), 200}},
      {"PUT /api/v1/oversight/accountability/forms/{code}",
       {fixed("PUT", "/api/v1/oversight/accountability/forms/circulated",
              R"({"promotion_months":0,"bars_excellent":false,"basis":"中国共产党问责条例"})"),
        200}},
      {"POST /api/v1/oversight/accountability",
       {[](Context& c, bool inside) {
          Json body = {{"person_id", inside ? c.city.person_a : c.city.person_b}, {"form", "circulated"}, {"reason", "履职不到位"},
                       {"document_no", "教党〔2020〕1号"}, {"decided_on", "2020-01-01"}, {"effective_from", "2020-01-01"}};
          return Request{"POST", "/api/v1/oversight/accountability", body.dump()};
        },
        201, true}},
      {"GET /api/v1/oversight/accountability", {fixed("GET", "/api/v1/oversight/accountability"), 200}},
      {"GET /api/v1/oversight/accountability/export", {fixed("GET", "/api/v1/oversight/accountability/export"), 200}},
      {"GET /api/v1/oversight/accountability/{id}/document",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/oversight/accountability/" + std::to_string(fresh_accountability(c.server, c.city, inside)) + "/document"};
        },
        200, true}},
      {"GET /api/v1/me/oversight/accountability/{id}/document",
       {[](Context& c, bool) {
          return Request{"GET", "/api/v1/me/oversight/accountability/" + std::to_string(fresh_accountability(c.server, c.city, true)) + "/document"};
        },
        200}},
      {"POST /api/v1/oversight/clarifications",
       {[](Context& c, bool inside) {
          Json body = {{"person_id", inside ? c.city.person_a : c.city.person_b}, {"complaint", "反映其违规办事"}, {"finding", "经核查不实"},
                       {"clarified_on", "2020-01-01"}, {"announcement_scope", "单位干部会议"}};
          return Request{"POST", "/api/v1/oversight/clarifications", body.dump()};
        },
        201, true}},
      {"GET /api/v1/oversight/clarifications", {fixed("GET", "/api/v1/oversight/clarifications"), 200}},
      {"PUT /api/v1/me/oversight/clarifications/{id}/shown",
       {[](Context& c, bool) {
          return Request{"PUT", "/api/v1/me/oversight/clarifications/" + std::to_string(fresh_clarification(c.server, c.city)) + "/shown",
                         R"({"shown":true})"};
        },
        200}},
      {"GET /api/v1/oversight/people/{id}/summary",
       {[=](Context& c, bool inside) {
          return Request{"GET", "/api/v1/oversight/people/" + std::to_string(person_target(c, inside)) + "/summary"};
        },
        200, true}},
      {"GET /api/v1/me/oversight/summary", {fixed("GET", "/api/v1/me/oversight/summary"), 200}},
      {"POST /api/v1/oversight/inspections",
       {[](Context& c, bool inside) {
          Json body = {{"topic", "安全专项督查"}, {"description", "督查消防安全"}, {"start_date", "2020-01-01"},
                       {"node_ids", Json::array({inside ? c.city.unit_a : c.city.unit_b})}};
          return Request{"POST", "/api/v1/oversight/inspections", body.dump()};
        },
        201, true}},
      {"GET /api/v1/oversight/inspections", {fixed("GET", "/api/v1/oversight/inspections"), 200}},
      {"GET /api/v1/oversight/inspections/{id}",
       {[](Context& c, bool inside) {
          return Request{"GET", "/api/v1/oversight/inspections/" + std::to_string(fresh_inspection(c.server, c.city, inside))};
        },
        200, true}},
      {"POST /api/v1/oversight/inspections/{id}/findings",
       {[](Context& c, bool inside) {
          Json body = {{"unit_id", inside ? c.city.unit_a : c.city.unit_b}, {"content", "消防通道堆物"}, {"requirement", "立即清理"},
                       {"due_date", "2099-12-31"}};
          return Request{"POST", "/api/v1/oversight/inspections/" + std::to_string(fresh_inspection(c.server, c.city, inside)) + "/findings",
                         body.dump()};
        },
        201, true}},
      {"POST /api/v1/oversight/findings/{id}/follow-up",
       {[](Context& c, bool inside) {
          return Request{"POST", "/api/v1/oversight/findings/" + std::to_string(fresh_finding(c.server, c.city, inside)) + "/follow-up",
                         R"({"note":"已清理","rectified":true})"};
        },
        200, true}},
      {"GET /api/v1/oversight/findings/overdue", {fixed("GET", "/api/v1/oversight/findings/overdue"), 200}},
      {"GET /api/v1/oversight/findings/export", {fixed("GET", "/api/v1/oversight/findings/export"), 200}},
      {"GET /api/v1/policies", {fixed("GET", "/api/v1/policies?on=2025-01-01"), 200}},
      {"GET /api/v1/policies/{id}",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/policies/" + std::to_string(fresh_policy(c.server, false))}; }, 200}},
      {"GET /api/v1/policies/{id}/file",
       {[](Context& c, bool) { return Request{"GET", "/api/v1/policies/" + std::to_string(fresh_policy(c.server, true)) + "/file"}; }, 200}},
      {"POST /api/v1/policies",
       {fixed("POST", "/api/v1/policies",
              R"({"title":"关心关爱干部措施","category":"care","issuer":"市委组织部","doc_number":"市组〔2024〕9号","effective_from":"2024-01-01","body":"定期组织健康体检"})"),
        201}},
      {"PUT /api/v1/policies/{id}",
       {[](Context& c, bool) {
          return Request{"PUT", "/api/v1/policies/" + std::to_string(fresh_policy(c.server, false)),
                         R"({"title":"干部容错纠错实施办法","category":"tolerance","issuer":"市委组织部","doc_number":"市组〔2024〕7号","effective_from":"2024-01-01","body":"坚持三个区分开来","version":1})"};
        },
        200}},
  };
}

}  // namespace

class AccessMatrix : public ::testing::TestWithParam<Backend> {};

TEST_P(AccessMatrix, EveryRouteEveryRoleInsideAndOutsideTheScope) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::set<std::string> business = {"org.read", "org.write", "people.read", "people.write", "people.import",
                                          "people.export", "people.read_sensitive", "points.read", "points.approve",
                                          "points.adjust", "points.rules", "party.read", "party.write",
                                          "practice.read", "practice.write", "study.read", "study.write",
                                          "record.read", "record.write", "evaluation.read",
                                          "evaluation.manage", "mass.read", "mass.write", "oversight.read",
                                          "oversight.write", "analytics.read"};
  const std::vector<Role> roles = {
      {"admin", false, false, business, city.unit_a, 0, city.person_a, 0},
      {"unitadmin", false, false, {"org.read", "org.write", "people.read", "people.write", "people.import", "people.export", "points.read",
        "points.approve", "points.adjust", "party.read", "party.write", "practice.read", "practice.write",
        "study.read", "study.write", "record.read", "record.write", "evaluation.read", "evaluation.manage", "mass.read",
        "mass.write", "oversight.read", "analytics.read"},
       city.unit_a, city.unit_b, city.person_a, city.person_b},
      {"secretary", false, false, {"org.read", "people.read", "points.read", "points.approve", "points.adjust", "party.read", "party.write", "practice.read", "mass.read", "analytics.read"}, city.branch_a1, city.unit_b, city.person_a, city.person_b},
      {"cadre", false, false, {"self.read"}, 0, city.unit_b, city.person_a, city.person_b},
      {"auditor", true, false, {"audit.read", "audit.export"}, 0, city.unit_b, 0, city.person_b},
      {"sysadmin", true, false, {"system.config"}, 0, city.unit_b, 0, city.person_b},
      {"secadmin", true, false, {"account.read", "account.manage", "role.manage", "account.unlock"}, 0, city.unit_b, 0, city.person_b},
      {"newbie", false, true, {"self.read"}, 0, city.unit_a, city.person_b, city.person_a},
  };
  const auto table = cases();
  // Routes whose service checks the permission, because someone without it may still pass (a study group's leader
  // organises the group's sessions; a lecturer reads their own lecture). The roles here lead no group and give no
  // lecture of the fixtures, so the permission decides for them.
  const std::map<std::string, std::string> service_checked = {
      {"POST /api/v1/study/sessions", "study.write"},        {"GET /api/v1/study/sessions", "study.read"},
      {"GET /api/v1/study/sessions/{id}", "study.read"},     {"PUT /api/v1/study/sessions/{id}", "study.write"},
      {"POST /api/v1/study/sessions/{id}/close", "study.write"}, {"POST /api/v1/study/sessions/{id}/cancel", "study.write"},
      {"GET /api/v1/study/sessions/{id}/qr", "study.write"}, {"PUT /api/v1/study/sessions/{id}/attendance", "study.write"},
      {"GET /api/v1/study/sessions/{id}/attendance", "study.read"}, {"GET /api/v1/study/lectures/{id}", "study.read"}};
  std::size_t checked = 0;
  for (const auto& route : s.app().router().routes()) {
    const auto& spec = route->spec;
    if (spec.pattern.rfind("/api/v1/test/", 0) == 0) continue;  // the fixture's own routes
    const std::string key = spec.method + " " + spec.pattern;
    auto it = table.find(key);
    ASSERT_NE(it, table.end()) << "route not in the access matrix: " << key;
    for (const auto& role : roles) {
      s.clock().advance(std::chrono::seconds(31));  // a fresh TOTP step for each administrator sign-in
      Context ctx{s, city, role, s.login(role.username, TestServer::kPassword, role.totp ? s.totp_now() : "")};
      ASSERT_FALSE(ctx.cookie.empty()) << role.username;
      for (bool inside : {true, false}) {
        if (!inside && !it->second.scoped) continue;
        const std::string needed = service_checked.count(key) ? service_checked.at(key) : spec.permission;
        const bool has_permission = needed.empty() || role.permissions.count(needed);
        int expected;
        if (spec.public_route) expected = it->second.ok;
        else if (role.restricted && !spec.allow_restricted) expected = 403;
        else if (!has_permission) expected = 403;
        else if (!inside) {
          const bool person_target = spec.pattern.find("people") != std::string::npos ||
                                     spec.pattern.find("/points/claims") != std::string::npos ||
                                     spec.pattern.find("/points/records") != std::string::npos ||
                                     spec.pattern.find("/points/entries") != std::string::npos ||
                                     spec.pattern.find("/files/") != std::string::npos ||
                                     spec.pattern.find("/dues/") != std::string::npos ||
                                     spec.pattern.find("/points/appeals") != std::string::npos;
          const bool out_exists = spec.pattern.find("/auth/sessions") != std::string::npos ||
                                  (person_target ? role.out_person : role.out_node);
          if (!out_exists) continue;  // scope "all": nothing lies outside it
          // Creating under a parent outside the scope names the parent field; reading or changing answers 404.
          expected = key == "POST /api/v1/org/nodes" || key == "POST /api/v1/party/meetings" ||
                             key == "POST /api/v1/party/appraisals" || key == "POST /api/v1/study/groups" ||
                             key == "POST /api/v1/study/sessions" || key == "POST /api/v1/study/lecture-teams" ||
                             key == "POST /api/v1/practice/assignments" ||
                             key == "POST /api/v1/practice/trainings" || key == "POST /api/v1/practice/competitions" ||
                             key == "PUT /api/v1/practice/plans" || key == "POST /api/v1/record/entries" ||
                             key == "POST /api/v1/evaluation/campaigns" ||
                             key == "POST /api/v1/mass/contact-points" || key == "POST /api/v1/mass/households" ||
                             key == "POST /api/v1/mass/projects" || key == "POST /api/v1/mass/teams"
 ||
                             key == "POST /api/v1/oversight/cases" || key == "POST /api/v1/oversight/accountability" ||
                             key == "POST /api/v1/oversight/clarifications" || key == "POST /api/v1/oversight/inspections"
                         ? 400
                         : 404;
        } else if (key == "POST /api/v1/study/checkins" && role.username != "cadre") {
          expected = 403;  // an account without a person of the session's audience cannot check in
        } else if (key == "PUT /api/v1/analytics/thresholds/{rule}" && role.username != "admin") {
          expected = 403;  // thresholds hold for the whole city: the organisation department (scope all) sets them
        } else if (key == "GET /api/v1/me/person" && role.username != "cadre") {
          expected = 404;  // an account with no person record of its own
        } else if (key == "GET /api/v1/files/{id}" && inside && role.username != "cadre" &&
                   !role.permissions.count("points.read")) {
          expected = 404;  // neither the uploader nor a manager whose scope covers the uploader
        } else if ((spec.pattern.rfind("/api/v1/me/points", 0) == 0 || spec.pattern.rfind("/api/v1/me/party", 0) == 0 ||
                    spec.pattern.rfind("/api/v1/me/study/lectures", 0) == 0 ||
                    spec.pattern.rfind("/api/v1/me/practice", 0) == 0 || spec.pattern.rfind("/api/v1/me/record", 0) == 0 ||
                    spec.pattern.rfind("/api/v1/me/surveys", 0) == 0 || spec.pattern.rfind("/api/v1/me/evaluation", 0) == 0 ||
                    spec.pattern.rfind("/api/v1/me/mass", 0) == 0 || spec.pattern.rfind("/api/v1/me/archive", 0) == 0) &&
                   role.username != "cadre") {
          expected = 403;  // points and party life belong to a person: an account without one has none
        } else if (spec.pattern.rfind("/api/v1/me/oversight", 0) == 0 && role.username != "cadre") {
          expected = 403;  // a fault-tolerance case or a record about oneself needs a person
        } else if (spec.pattern.rfind("/api/v1/me/study/", 0) == 0 && spec.pattern.find("{id}") != std::string::npos &&
                   role.username != "cadre") {
          expected = 403;  // a course or a reading activity is learnt by a person: an account without one has none
        } else expected = it->second.ok;

        Request r = it->second.make(ctx, inside);
        auto headers = api_headers(s.port());
        headers[0] = {"Content-Type", r.content_type};
        headers.emplace_back("Cookie", r.cookie.empty() ? ctx.cookie : r.cookie);
        auto result = http_request(s.port(), r.method, r.path, headers, r.body);
        EXPECT_EQ(result.status, expected) << key << " as " << role.username << (inside ? " inside" : " outside")
                                           << " scope: " << result.body;
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 150u);
}

INSTANTIATE_TEST_SUITE_P(Db, AccessMatrix, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

std::map<std::string, Case> xinhuo::test::access_matrix_cases() { return cases(); }
