#include "practice/training_service.hpp"

#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/facts.hpp"
#include "practice/assignment_store.hpp"
#include "practice/rules.hpp"

namespace xinhuo::practice {

namespace {

const Text kNoTraining{"培训班不存在", "No such training class"};
const Text kTrainingClosed{"培训班已结业，不能再修改", "The training class is closed and can no longer be changed"};
const Text kNoCompetition{"比武记录不存在", "No such competition"};
const Text kPublished{"比武成绩已发布，不能再修改", "The results are published and can no longer be changed"};

void require(const Principal& caller, const char* permission) {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void check_date(const std::string& field, const std::string& value) {
  if (!parse_date(value)) throw Error::validation(field, {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (value < "2000-01-01") throw Error::validation(field, {"日期过早", "The date is too early"});
}

int class_days(const Training& t) { return days_between(*parse_date(t.starts_on), *parse_date(t.ends_on)) + 1; }

}  // namespace

std::string TrainingService::today() const { return beijing_date(clock_.now()); }

void TrainingService::check(const TrainingInput& in) const {
  if (in.title.empty()) throw Error::validation("title", {"请填写培训班名称", "Give the title"});
  if (!one_of(training_kinds(), in.kind))
    throw Error::validation("kind", {"培训类别不正确", "kind is party_spirit, theory, skill, young_cadre or other"});
  check_date("starts_on", in.starts_on);
  check_date("ends_on", in.ends_on);
  if (in.ends_on < in.starts_on) throw Error::validation("ends_on", {"结束日期不能早于开始日期", "The end is not before the start"});
  if (days_between(*parse_date(in.starts_on), *parse_date(in.ends_on)) > 366)
    throw Error::validation("ends_on", {"培训班最长一年", "A class lasts a year at most"});
}

Training TrainingService::open_training(db::Tx& tx, const Principal& caller, long long id) const {
  auto t = TrainingStore::find(tx.sql(), id);
  if (!t || !TrainingStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoTraining);
  if (t->status != "open") throw Error::conflict("training_closed", kTrainingClosed);
  return *t;
}

Training TrainingService::create(const Principal& caller, const TrainingInput& in) {
  require(caller, kPermWrite);
  check(in);
  long long id = 0;
  {
    db::Tx tx(db_);
    if (!org::node_in_scope(tx.sql(), caller, in.node_id, {.active_only = true}))
      throw Error::validation("node_id", {"主办组织不存在或不在管理范围内", "The organiser is not an organisation you manage"});
    Training t{.node_id = in.node_id, .title = in.title, .kind = in.kind, .starts_on = in.starts_on, .ends_on = in.ends_on,
               .hours = in.hours, .capacity = in.capacity, .place = in.place};
    id = TrainingStore::insert(tx, t, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "practice.training_created", .target_type = "practice_training",
                               .target_id = std::to_string(id),
                               .detail = {{"node_id", in.node_id}, {"kind", in.kind}, {"starts_on", in.starts_on}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::update(const Principal& caller, long long id, const TrainingInput& in) {
  require(caller, kPermWrite);
  check(in);
  {
    db::Tx tx(db_);
    Training t = open_training(tx, caller, id);
    if (in.capacity < t.enrolled)
      throw Error::validation("capacity", {"容量不能少于已报名人数", "The capacity is not below the people enrolled"});
    t.title = in.title;
    t.kind = in.kind;
    t.starts_on = in.starts_on;
    t.ends_on = in.ends_on;
    t.hours = in.hours;
    t.capacity = in.capacity;
    t.place = in.place;
    if (!TrainingStore::update_open(tx, t, iso_utc(clock_.now()))) throw Error::conflict("training_closed", kTrainingClosed);
    audit::record(tx, caller, {.action = "practice.training_updated", .target_type = "practice_training", .target_id = std::to_string(id)},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::enrol(const Principal& caller, long long id, const std::vector<long long>& person_ids) {
  require(caller, kPermWrite);
  if (person_ids.empty()) throw Error::validation("person_ids", {"请选择报名人员", "Choose the people to enrol"});
  {
    db::Tx tx(db_);
    const Training t = open_training(tx, caller, id);
    std::set<long long> enrolled;
    for (const auto& e : TrainingStore::enrolments(tx.sql(), id)) enrolled.insert(e.person_id);
    if (static_cast<int>(enrolled.size() + person_ids.size()) > t.capacity)
      throw Error::validation("person_ids", {"报名人数超过培训班容量（" + std::to_string(t.capacity) + " 人）",
                                             "More people than the capacity (" + std::to_string(t.capacity) + ")"});
    const std::string now = iso_utc(clock_.now());
    for (std::size_t i = 0; i < person_ids.size(); ++i) {
      const std::string field = "person_ids[" + std::to_string(i) + "]";
      auto p = AssignmentStore::person(tx.sql(), person_ids[i]);
      if (!p || p->status != "active" || !org::person_in_scope(tx.sql(), caller, person_ids[i]))
        throw Error::validation(field, {"人员不存在或不在管理范围内", "The person is not someone you manage"});
      if (!enrolled.insert(person_ids[i]).second) throw Error::validation(field, {"该人员已报名", "The person is enrolled already"});
      TrainingStore::enrol(tx, id, person_ids[i], now);
    }
    audit::record(tx, caller, {.action = "practice.training_enrolled", .target_type = "practice_training", .target_id = std::to_string(id),
                               .detail = {{"people", person_ids}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::unenrol(const Principal& caller, long long id, long long person_id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    open_training(tx, caller, id);
    if (!TrainingStore::unenrol(tx, id, person_id)) throw Error::not_found({"该人员未报名", "The person is not enrolled"});
    audit::record(tx, caller, {.action = "practice.training_unenrolled", .target_type = "practice_training",
                               .target_id = std::to_string(id), .detail = {{"person_id", person_id}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::set_results(const Principal& caller, long long id, const std::vector<Enrolment>& rows) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const Training t = open_training(tx, caller, id);
    std::set<long long> enrolled, seen;
    for (const auto& e : TrainingStore::enrolments(tx.sql(), id)) enrolled.insert(e.person_id);
    const int days = class_days(t);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      const std::string field = "results[" + std::to_string(i) + "]";
      if (!enrolled.count(r.person_id) || !seen.insert(r.person_id).second)
        throw Error::validation(field + ".person_id", {"该人员未报名或重复", "The person is not enrolled or is listed twice"});
      if (r.attended_days < 0 || r.attended_days > days)
        throw Error::validation(field + ".attended_days", {"出勤天数应在 0 到 " + std::to_string(days) + " 之间",
                                                           "Days attended are between 0 and " + std::to_string(days)});
      static const std::vector<std::string> completions = {"pending", "completed", "not_completed"};
      if (!one_of(completions, r.completion))
        throw Error::validation(field + ".completion", {"结业情况应为待定、结业或未结业", "completion is pending, completed or not_completed"});
      if (!r.result.empty() && !one_of(training_results(), r.result))
        throw Error::validation(field + ".result", {"考核结果应为优秀、合格或不合格", "result is excellent, qualified or unqualified"});
      if (r.completion == "completed" && r.result == "unqualified")
        throw Error::validation(field + ".result", {"考核不合格不能结业", "An unqualified result does not complete the class"});
      TrainingStore::set_result(tx, id, r);
    }
    audit::record(tx, caller, {.action = "practice.training_results", .target_type = "practice_training", .target_id = std::to_string(id),
                               .detail = {{"people", rows.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::mark_day(const Principal& caller, long long id, const std::string& day,
                                   const std::vector<long long>& present) {
  require(caller, kPermWrite);
  check_date("day", day);
  {
    db::Tx tx(db_);
    const Training t = open_training(tx, caller, id);
    if (day < t.starts_on || day > t.ends_on)
      throw Error::validation("day", {"考勤日期应在培训班的起止日期之内", "The day is within the class's dates"});
    if (day > today()) throw Error::validation("day", {"这一天还没到", "That day has not come yet"});
    std::set<long long> enrolled, seen;
    for (const auto& e : TrainingStore::enrolments(tx.sql(), id)) enrolled.insert(e.person_id);
    for (std::size_t i = 0; i < present.size(); ++i)
      if (!enrolled.count(present[i]) || !seen.insert(present[i]).second)
        throw Error::validation("present[" + std::to_string(i) + "]", {"该人员未报名或重复", "The person is not enrolled or is listed twice"});
    TrainingStore::mark_day(tx, id, day, present, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "practice.training_day_marked", .target_type = "practice_training",
                               .target_id = std::to_string(id), .detail = {{"day", day}, {"present", present.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::close(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const Training t = open_training(tx, caller, id);
    if (t.ends_on > today())
      throw Error::validation("ends_on", {"培训班尚未结束，结束后才能结业", "The class has not ended yet: close it once it has"});
    const auto enrolments = TrainingStore::enrolments(tx.sql(), id);
    if (enrolments.empty()) throw Error::validation("enrolments", {"培训班没有报名人员", "Nobody is enrolled"});
    for (const auto& e : enrolments)
      if (e.completion == "pending")
        throw Error::validation("results", {e.person_name + " 的结业情况尚未确定", "Decide the completion of " + e.person_name + " first"});
    if (!TrainingStore::close(tx, id, caller.account_id, iso_utc(clock_.now())))
      throw Error::conflict("training_closed", kTrainingClosed);
    int completed = 0;
    for (const auto& e : enrolments) {
      if (e.completion != "completed") continue;
      ++completed;
      tx.publish({.type = kEventTrainingCompleted, .subject_id = id, .person_id = e.person_id,
                  .occurred_at = t.ends_on + "T02:00:00Z",
                  .payload = {{"activity_date", t.ends_on}, {"hours", t.hours}, {"kind", t.kind}}});
    }
    audit::record(tx, caller, {.action = "practice.training_closed", .target_type = "practice_training", .target_id = std::to_string(id),
                               .detail = {{"enrolled", enrolments.size()}, {"completed", completed}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Training TrainingService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto t = TrainingStore::find(lease.sql(), id);
  if (!t || !TrainingStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoTraining);
  t->enrolments = TrainingStore::enrolments(lease.sql(), id);
  t->days = TrainingStore::days(lease.sql(), id);
  return *t;
}

std::vector<Training> TrainingService::list(const Principal& caller, const EventFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "open" && f.status != "closed")
    throw Error::validation("status", {"状态应为 open 或 closed", "status is open or closed"});
  auto lease = db_.lease();
  return TrainingStore::list(lease.sql(), caller, f, total);
}

std::vector<Training> TrainingService::mine(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  return TrainingStore::of_person(lease.sql(), caller.person_id);
}

std::vector<Training> TrainingService::of_person(long long person_id) {
  auto lease = db_.lease();
  return TrainingStore::of_person(lease.sql(), person_id);
}

std::vector<std::pair<Competition, Entry>> CompetitionService::mine(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return of_person(caller.person_id);
}

std::vector<std::pair<Competition, Entry>> CompetitionService::of_person(long long person_id) {
  auto lease = db_.lease();
  return CompetitionStore::of_person(lease.sql(), person_id);
}

Competition CompetitionService::draft(db::Tx& tx, const Principal& caller, long long id) const {
  auto c = CompetitionStore::find(tx.sql(), id);
  if (!c || !CompetitionStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoCompetition);
  if (c->status != "draft") throw Error::conflict("competition_published", kPublished);
  return *c;
}

Competition CompetitionService::create(const Principal& caller, const Competition& in) {
  require(caller, kPermWrite);
  if (in.title.empty()) throw Error::validation("title", {"请填写比武名称", "Give the title"});
  if (!one_of(competition_levels(), in.level))
    throw Error::validation("level", {"比武级别不正确", "level is unit, district, city or province"});
  check_date("held_on", in.held_on);
  long long id = 0;
  {
    db::Tx tx(db_);
    if (!org::node_in_scope(tx.sql(), caller, in.node_id, {.active_only = true}))
      throw Error::validation("node_id", {"主办组织不存在或不在管理范围内", "The organiser is not an organisation you manage"});
    id = CompetitionStore::insert(tx, in, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "practice.competition_created", .target_type = "practice_competition",
                               .target_id = std::to_string(id), .detail = {{"node_id", in.node_id}, {"level", in.level}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Competition CompetitionService::set_entries(const Principal& caller, long long id, const std::vector<Entry>& entries) {
  require(caller, kPermWrite);
  if (entries.size() > 1000) throw Error::validation("entries", {"参赛人员最多 1000 人", "At most 1000 participants"});
  {
    db::Tx tx(db_);
    draft(tx, caller, id);
    std::set<long long> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string field = "entries[" + std::to_string(i) + "].person_id";
      auto p = AssignmentStore::person(tx.sql(), entries[i].person_id);
      if (!p || !org::person_in_scope(tx.sql(), caller, entries[i].person_id))
        throw Error::validation(field, {"人员不存在或不在管理范围内", "The person is not someone you manage"});
      if (!seen.insert(entries[i].person_id).second) throw Error::validation(field, {"名单中有重复的人员", "A person is listed twice"});
    }
    CompetitionStore::replace_entries(tx, id, entries);
    audit::record(tx, caller, {.action = "practice.competition_entries", .target_type = "practice_competition",
                               .target_id = std::to_string(id), .detail = {{"participants", entries.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Competition CompetitionService::publish(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const Competition c = draft(tx, caller, id);
    if (c.held_on > beijing_date(clock_.now()))
      throw Error::validation("held_on", {"比武尚未举行，举行后才能发布成绩", "The competition is not held yet"});
    const auto entries = CompetitionStore::entries(tx.sql(), id);
    if (entries.empty()) throw Error::validation("entries", {"没有参赛人员的成绩", "No participants with scores"});
    if (!CompetitionStore::publish(tx, id, caller.account_id, iso_utc(clock_.now())))
      throw Error::conflict("competition_published", kPublished);
    std::vector<double> scores;
    for (const auto& e : entries) scores.push_back(e.score);
    const auto ranked = ranks(scores);
    for (std::size_t i = 0; i < entries.size(); ++i) CompetitionStore::set_rank(tx, id, entries[i].person_id, ranked[i]);
    audit::record(tx, caller, {.action = "practice.competition_published", .target_type = "practice_competition",
                               .target_id = std::to_string(id), .detail = {{"participants", entries.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Competition CompetitionService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto c = CompetitionStore::find(lease.sql(), id);
  if (!c || !CompetitionStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoCompetition);
  c->entries = CompetitionStore::entries(lease.sql(), id);
  return *c;
}

std::vector<Competition> CompetitionService::list(const Principal& caller, const EventFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "draft" && f.status != "published")
    throw Error::validation("status", {"状态应为 draft 或 published", "status is draft or published"});
  auto lease = db_.lease();
  return CompetitionStore::list(lease.sql(), caller, f, total);
}

}  // namespace xinhuo::practice
