#include "record/archive_service.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/facts.hpp"
#include "record/archive_store.hpp"
#include "record/store.hpp"

namespace xinhuo::record {

namespace {

const Text kNoPerson = {"人员不存在或不在管理范围内", "No such person in your scope"};

int year_of(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

std::string local_date(const std::string& iso) { return iso.empty() ? "" : beijing_date(parse_iso_utc(iso)); }

std::string hours_text(double hours) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", hours);
  return buf;
}

}  // namespace

void ArchiveService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void ArchiveService::require_in_scope(const Principal& caller, long long person_id) const {
  auto lease = db_.lease();
  if (!org::person_in_scope(lease.sql(), caller, person_id)) throw Error::not_found(kNoPerson);
}

std::string ArchiveService::today() const { return beijing_date(clock_.now()); }

Archive ArchiveService::archive(const Principal& caller, long long person_id) {
  if (person_id != caller.person_id || !caller.person_id) {
    require(caller, kPermRead);
    require_in_scope(caller, person_id);
  }
  Archive a = assemble(caller, person_id);
  if (person_id != caller.person_id) {
    // A manager reading a whole file about a person: kept in the audit trail like an export.
    db::Tx tx(db_);
    audit::record(tx, caller, {.action = "record.archive_viewed", .target_type = "person", .target_id = std::to_string(person_id)},
                  clock_.now());
    tx.commit();
  }
  return a;
}

Archive ArchiveService::my_archive(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return assemble(caller, caller.person_id);
}

Archive ArchiveService::assemble(const Principal& caller, long long person_id) {
  Archive a;
  a.person = src_.org.person_of(person_id);
  a.career = src_.org.career_of(person_id);
  a.generated_at = iso_utc(clock_.now());
  std::map<int, YearLife> years;
  auto year = [&](int y) -> YearLife& {
    auto& life = years[y];
    life.year = y;
    life.study.year = y;
    return life;
  };

  // Party life: meetings and dues are counted by year; every other record of the member's political life is listed.
  for (const auto& i : src_.party.timeline_of(person_id).items) {
    if (i.type == "meeting") {
      auto& y = year(year_of(i.date));
      if (i.status == "present") ++y.meetings_attended;
      else if (i.status == "excused") ++y.meetings_excused;
      else ++y.meetings_missed;
      continue;
    }
    if (i.type == "dues_payment") {
      ++year(year_of(i.date)).dues_payments;
      continue;
    }
    a.items.push_back({i.date, "party", i.type, i.code, i.status, i.text, "", i.ref_id});
  }

  for (const auto& s : src_.sessions.attendance_by_year_of(person_id)) year(s.year).study = s;
  for (const auto& c : src_.courses.of_person(person_id)) {
    if (c.completed_at.empty()) continue;
    a.items.push_back({local_date(c.completed_at), "study", "course_completed", c.kind, "", c.title,
                       hours_text(c.credit_minutes / 60.0), c.id});
  }
  for (const auto& [reading, note] : src_.readings.notes_of(person_id))
    a.items.push_back({local_date(note.created_at), "study", "reading_note", "", note.excellent ? "excellent" : "", reading.book_title,
                       reading.author, reading.id});
  for (const auto& l : src_.lectures.record_of(person_id).lectures) {
    if (l.status != "confirmed") continue;
    a.items.push_back({l.held_on, "study", "lecture", l.level, "", l.topic, l.team_name, l.id});
  }

  for (const auto& t : src_.trainings.of_person(person_id)) {
    const practice::Enrolment* mine = t.enrolments.empty() ? nullptr : &t.enrolments.front();
    a.items.push_back({t.ends_on, "training", "training", t.kind, mine ? mine->completion : "", t.title,
                       std::to_string(t.hours), t.id});
    if (mine && !mine->result.empty()) a.items.back().detail += "|" + mine->result;
  }
  for (const auto& [c, mine] : src_.competitions.of_person(person_id))
    a.items.push_back({c.held_on, "practice", "competition", c.level, std::to_string(mine.rank), c.title, "", c.id});
  for (const auto& x : src_.assignments.of_person(person_id)) {
    if (x.state == "planned") continue;  // not yet an experience
    a.items.push_back({x.starts_on, "practice", "assignment", x.assignment_type, x.state, x.host_place,
                       x.actual_end.empty() ? x.planned_end : x.actual_end, x.id});
    if (!x.outcome.empty()) a.items.back().detail += "|" + x.outcome;
  }

  {
    auto lease = db_.lease();
    // Established entries only; those a module made from its own fact (an assignment, a class) are listed above.
    for (const auto& e : RecordStore::of_person(lease.sql(), person_id)) {
      if ((e.state != "confirmed" && e.state != "contested") || !e.source_key.empty()) continue;
      std::string detail = e.content;
      if (e.state == "contested") detail += "\n" + e.contest_reason;
      a.items.push_back({e.fact_date, "record", "entry", e.category, e.state, e.title, detail, e.id});
    }
    for (auto& c : RecordStore::comments(lease.sql(), person_id))
      if (c.current) a.comments.push_back(std::move(c));
  }
  a.points = src_.points.years_of(person_id);

  // Published evaluation results: the person sees those shown to ratees; a manager every published one.
  if (src_.campaigns) {
    const Json results = src_.campaigns->results_of(person_id, person_id == caller.person_id);
    for (const auto& r : results["items"]) {
      const std::string kind = r.value("kind", "");
      auto text = [&](const char* key) {
        const auto it = r.find(key);
        if (it == r.end() || it->is_null()) return std::string();
        return it->is_string() ? it->get<std::string>() : it->dump();
      };
      std::string code = kind == "annual" ? text("grade") : kind == "dual_ranking" ? text("combined_rank") : "";
      std::string detail = kind == "dual_ranking" ? text("combined") : kind == "multi_source" ? text("total") : "";
      a.items.push_back({local_date(r.value("published_at", "")), "evaluation", kind, code, std::to_string(r.value("ratees", 0)),
                         r.value("title", ""), detail, r.value("campaign_id", 0LL)});
    }
  }
  // Oversight: what the caller may see of the person's accountability and clarifications (nothing, for a manager
  // without oversight.read).
  if (src_.oversight) {
    try {
      const auto summary = src_.oversight->person_summary(caller, person_id);
      for (const auto& x : summary.accountability) {
        const auto* form = oversight::accountability_form(x.form);
        a.items.push_back({x.decided_on, "oversight", "accountability", x.form, x.in_effect ? "in_effect" : "",
                           form ? form->zh : x.form, x.reason + "|" + x.promotion_until + "|" + x.evaluation_year, x.id});
      }
      for (const auto& c : summary.clarifications)
        a.items.push_back({c.clarified_on, "oversight", "clarification", "", "", c.complaint, c.finding, c.id});
    } catch (const Error&) {
      // not the caller's to see
    }
  }

  std::stable_sort(a.items.begin(), a.items.end(), [](const ArchiveItem& x, const ArchiveItem& y) { return x.date < y.date; });
  for (auto& [y, life] : years)
    if (y > 0) a.years.push_back(life);
  return a;
}

std::vector<PoolRow> ArchiveService::pool(const Principal& caller, const PoolFilter& f, long long* total) {
  require(caller, kPermRead);
  require(caller, org::kPermPeopleRead);
  for (const auto& e : f.experience)
    if (!one_of(pool_experiences(), e)) throw Error::validation("experience", {"经历条件不正确", "Unknown experience"});
  static const std::set<std::string> sorts = {"name", "birth_date", "rank", "unit"};
  if (!sorts.count(f.sort)) throw Error::validation("sort", {"排序字段不正确", "Unknown sort field"});
  if (f.age_min && f.age_max && f.age_min > f.age_max)
    throw Error::validation("age_max", {"年龄上限不能小于下限", "The upper age is below the lower one"});
  for (const auto& e : f.evaluation)
    if (!src_.campaigns || !evaluation::one_of(evaluation::pool_outcomes(), e))
      throw Error::validation("evaluation", {"考核结果条件不正确", "Unknown evaluation filter"});
  if (f.watchlist_id) {
    auto lease = db_.lease();
    own_watchlist(lease.sql(), caller, f.watchlist_id);
  }
  // Accountability is shown to those allowed to see it (oversight.read), and so is a filter that would reveal it.
  const bool sees_accountability = caller.can(oversight::kPermRead);
  if (f.promotable && !sees_accountability)
    throw Error::forbidden("forbidden", {"没有查看问责信息的权限，不能按可提拔筛选", "Filtering by promotability needs oversight.read"});
  const std::string day = today();
  org::PersonFilter pf;
  pf.name = f.name;
  pf.unit_id = f.unit_id;
  pf.rank = f.rank;
  pf.party_status = f.party_status;
  pf.age_min = f.age_min;
  pf.age_max = f.age_max;
  if (f.young_only) pf.young_cadre = true;
  pf.sort = f.sort;
  pf.page = f.page;
  pf.page_size = f.page_size;
  pf.extra = [&](db::Query& q) {
    ArchiveStore::pool_conditions(q, f, day);
    for (const auto& e : f.evaluation) evaluation::CampaignService::outcome_condition(q, e, day);
  };
  auto people = src_.org.people(caller, pf, total);

  std::vector<long long> ids;
  for (const auto& p : people) ids.push_back(p.id);
  std::map<long long, std::vector<std::string>> experience;
  std::map<long long, std::vector<long long>> lists;
  std::map<long long, std::string> bars;
  {
    auto lease = db_.lease();
    experience = ArchiveStore::experience_of(lease.sql(), ids, day);
    lists = ArchiveStore::lists_of(lease.sql(), caller.account_id, ids);
    if (sees_accountability) bars = ArchiveStore::promotion_bars(lease.sql(), ids, day);
  }
  std::map<long long, std::vector<std::string>> outcomes;
  std::map<long long, std::pair<std::string, std::string>> grades;
  if (src_.campaigns) {
    outcomes = src_.campaigns->outcomes_of(ids, day);
    grades = src_.campaigns->latest_grades(ids);
  }
  const int this_year = year_of(day);
  std::vector<PoolRow> out;
  for (auto& p : people) {
    PoolRow row;
    row.experience = experience[p.id];
    row.watchlists = lists[p.id];
    row.evaluation = outcomes[p.id];
    if (grades.count(p.id)) std::tie(row.latest_grade_on, row.latest_grade) = grades[p.id];
    row.points_this_year = src_.points.earned_of(p.id, this_year);
    if (bars.count(p.id)) row.promotion_barred_until = bars[p.id];
    row.person = std::move(p);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Comparison> ArchiveService::compare(const Principal& caller, const std::vector<long long>& person_ids) {
  require(caller, kPermRead);
  std::set<long long> unique(person_ids.begin(), person_ids.end());
  if (person_ids.size() < 2 || person_ids.size() > 4 || unique.size() != person_ids.size())
    throw Error::validation("ids", {"请选择 2 至 4 名不同的干部进行比较", "Choose two to four different cadres to compare"});
  for (long long id : person_ids) require_in_scope(caller, id);

  const std::string day = today();
  const int this_year = year_of(day);
  std::vector<Comparison> out;
  for (long long id : person_ids) {
    Comparison c;
    c.person = src_.org.person_of(id);
    for (auto& s : src_.points.years_of(id))
      if (s.year > this_year - 3) c.points.push_back(std::move(s));
    for (const auto& x : src_.assignments.of_person(id))
      if (x.state == "completed") ++c.frontline;
    for (const auto& t : src_.trainings.of_person(id))
      if (!t.enrolments.empty() && t.enrolments.front().completion == "completed") {
        ++c.trainings;
        c.training_hours += t.hours;
      }
    c.competitions = static_cast<int>(src_.competitions.of_person(id).size());
    for (const auto& l : src_.lectures.record_of(id).lectures)
      if (l.status == "confirmed") ++c.lectures;
    for (const auto& course : src_.courses.of_person(id))
      if (!course.completed_at.empty()) {
        ++c.courses;
        c.course_hours += course.credit_minutes / 60.0;
      }
    for (const auto& y : src_.sessions.attendance_by_year_of(id))
      if (y.year == this_year) {
        c.study_attended = y.present + y.late;
        c.study_expected = y.present + y.late + y.excused + y.absent;
      }
    auto lease = db_.lease();
    c.experience = ArchiveStore::experience_of(lease.sql(), {id}, day)[id];
    c.entries_by_category = ArchiveStore::entries_by_category(lease.sql(), id);
    for (const auto& comment : RecordStore::comments(lease.sql(), id))
      if (comment.current && comment.period > c.latest_comment_period) {
        c.latest_comment_period = comment.period;
        c.latest_comment = comment.content;
      }
    out.push_back(std::move(c));
  }
  Json ids = Json::array();
  for (long long id : person_ids) ids.push_back(id);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "record.cadres_compared", .target_type = "person", .target_id = std::to_string(person_ids[0]),
                             .detail = {{"person_ids", ids}}},
                clock_.now());
  tx.commit();
  return out;
}

Watchlist ArchiveService::own_watchlist(soci::session& sql, const Principal& caller, long long id) const {
  auto w = ArchiveStore::watchlist(sql, caller.account_id, id);
  if (!w) throw Error::not_found({"关注名单不存在", "No such watch list"});
  return *w;
}

std::vector<Watchlist> ArchiveService::watchlists(const Principal& caller) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return ArchiveStore::watchlists(lease.sql(), caller.account_id);
}

Watchlist ArchiveService::create_watchlist(const Principal& caller, const std::string& raw_name) {
  require(caller, kPermRead);
  std::string name = raw_name;
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  if (name.empty()) throw Error::validation("name", {"请填写名单名称", "Give the list a name"});
  db::Tx tx(db_);
  if (ArchiveStore::watchlists(tx.sql(), caller.account_id).size() >= 50)
    throw Error::conflict("watchlist_limit", {"关注名单最多 50 个", "At most 50 watch lists"});
  if (ArchiveStore::name_taken(tx.sql(), caller.account_id, name))
    throw Error::conflict("watchlist_name_taken", {"已有同名的关注名单", "You already have a list with this name"});
  const long long id = ArchiveStore::insert_watchlist(tx, caller.account_id, name, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "record.watchlist_created", .target_type = "watchlist", .target_id = std::to_string(id),
                             .detail = {{"name", name}}},
                clock_.now());
  tx.commit();
  return {id, name, iso_utc(clock_.now()), 0};
}

void ArchiveService::delete_watchlist(const Principal& caller, long long id) {
  require(caller, kPermRead);
  db::Tx tx(db_);
  const auto w = own_watchlist(tx.sql(), caller, id);
  ArchiveStore::delete_watchlist(tx, id);
  audit::record(tx, caller, {.action = "record.watchlist_deleted", .target_type = "watchlist", .target_id = std::to_string(id),
                             .detail = {{"name", w.name}, {"people", w.people}}},
                clock_.now());
  tx.commit();
}

void ArchiveService::watch(const Principal& caller, long long watchlist_id, long long person_id, const std::string& note) {
  require(caller, kPermRead);
  require_in_scope(caller, person_id);
  db::Tx tx(db_);
  own_watchlist(tx.sql(), caller, watchlist_id);
  const bool added = ArchiveStore::put_person(tx, watchlist_id, person_id, note, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = added ? "record.watch_added" : "record.watch_noted", .target_type = "person",
                             .target_id = std::to_string(person_id), .detail = {{"watchlist_id", watchlist_id}}},
                clock_.now());
  tx.commit();
}

void ArchiveService::unwatch(const Principal& caller, long long watchlist_id, long long person_id) {
  require(caller, kPermRead);
  db::Tx tx(db_);
  own_watchlist(tx.sql(), caller, watchlist_id);
  if (!ArchiveStore::remove_person(tx, watchlist_id, person_id))
    throw Error::not_found({"此人不在该关注名单中", "This person is not on the list"});
  audit::record(tx, caller, {.action = "record.watch_removed", .target_type = "person", .target_id = std::to_string(person_id),
                             .detail = {{"watchlist_id", watchlist_id}}},
                clock_.now());
  tx.commit();
}

}  // namespace xinhuo::record
