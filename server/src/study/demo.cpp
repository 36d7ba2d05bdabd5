#include "study/demo.hpp"

#include <map>
#include <random>
#include <vector>

#include "core/date.hpp"
#include "core/random.hpp"
#include "db/bulk_insert.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"

namespace xinhuo::study {

namespace {

// The demo accounts' unit comes first, so that its cadres find tonight's session on their phones.
constexpr const char* kGroups =
    "SELECT g.id, g.unit_id FROM study_group g JOIN org_node u ON u.id = g.unit_id WHERE g.status = 'active' "
    "ORDER BY CASE WHEN u.name = '市教育局' THEN 0 ELSE 1 END, g.id LIMIT 12";
constexpr int kLateAfterMinutes = 10;

const std::vector<const char*> kTitles = {
    "青年夜学：学习党的二十届四中全会精神", "青年夜学：学习《习近平谈治国理政》第五卷",
    "青年理论学习小组集中学习：党纪学习教育", "青年夜学：学习新修订的《中国共产党纪律处分条例》"};

struct Group {
  long long id = 0, unit_id = 0;
  std::vector<long long> members;
};

// This year up to a fortnight ago, so that the study trend and the participation rates have a history: every youth
// study group's fortnightly evening study (Tuesdays), and each unit's monthly study of all its staff (the first
// Wednesday afternoon), all closed with their attendance. Titles name the period, unlike the sessions of last week
// and tonight.
void seed_history(soci::session& sql, Date today, long long recorder, std::mt19937_64& random, long long& next_id,
                  db::BulkInsert& sessions, db::BulkInsert& checkins, DemoSessionsReport& report) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  std::map<long long, std::vector<long long>> group_members, unit_people;
  std::map<long long, long long> group_unit;
  db::Query("SELECT g.id, g.unit_id, m.person_id FROM study_group g JOIN study_group_member m ON m.group_id = g.id "
            "JOIN person p ON p.id = m.person_id WHERE g.status = 'active' AND p.status = 'active' ORDER BY g.id, m.person_id")
      .each(sql, [&](const soci::row& r) {
        group_unit[db::column_ll(r, 0)] = db::column_ll(r, 1);
        group_members[db::column_ll(r, 0)].push_back(db::column_ll(r, 2));
      });
  db::Query("SELECT unit_id, id FROM person WHERE status = 'active' ORDER BY unit_id, id").each(sql, [&](const soci::row& r) {
    unit_people[db::column_ll(r, 0)].push_back(db::column_ll(r, 1));
  });
  const Date first = *parse_date(format_date(today).substr(0, 4) + "-01-01"), until = today - std::chrono::days(14);
  auto session = [&](const std::string& audience, const std::string& group, long long node, const std::string& title,
                     TimePoint starts, const std::vector<long long>& people, int present_percent) {
    const long long id = ++next_id;
    const std::string created = iso_utc(starts - std::chrono::hours(72)), closed = iso_utc(starts + std::chrono::minutes(95));
    sessions.add({std::to_string(id), audience, group.empty() ? db::Cell() : db::Cell(group), std::to_string(node), title,
                  iso_utc(starts), iso_utc(starts + std::chrono::minutes(90)), std::string("会议室"), std::to_string(kLateAfterMinutes),
                  random_hex(32), std::string("closed"), std::to_string(recorder), created, closed, std::to_string(recorder), closed});
    ++report.sessions;
    for (long long person : people) {
      const int roll = pick(0, 99);
      db::Cell when, reason;
      const char* status = "absent";
      const char* method = "closing";
      if (roll < present_percent) {
        const bool late = roll >= present_percent - 6;
        status = late ? "late" : "present";
        method = "qr";
        when = iso_utc(starts + std::chrono::minutes(late ? pick(kLateAfterMinutes + 1, 30) : pick(-12, 8)));
      } else if (roll < present_percent + 7) {
        status = "excused";
        method = "organiser";
        reason = std::string("公务外出");
      }
      checkins.add({std::to_string(id), std::to_string(person), std::string(status), std::string(method), when, reason});
      ++report.checkins;
    }
  };
  const auto weekday = [](Date d) { return std::chrono::weekday(std::chrono::sys_days(d)).c_encoding(); };  // 0 = Sunday
  int round = 0;
  for (Date d = first; d <= until; d += std::chrono::days(1)) {
    const auto ymd = std::chrono::year_month_day(std::chrono::sys_days(d));
    const unsigned month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
    if (weekday(d) == 2 && ++round % 2 == 1) {  // every other Tuesday, 19:00 Beijing
      for (const auto& [group, people] : group_members)
        session("group", std::to_string(group), group_unit[group],
                "青年理论学习小组 " + std::to_string(month) + " 月第 " + std::to_string((day + 6) / 7) + " 周集中学习",
                TimePoint(d) + std::chrono::hours(11), people, 86);
    }
    if (weekday(d) == 3 && day <= 7) {  // the first Wednesday of the month, 15:00 Beijing
      for (const auto& [unit, people] : unit_people)
        session("unit", "", unit, std::to_string(month) + " 月机关干部集中学习", TimePoint(d) + std::chrono::hours(7), people, 82);
    }
  }
}

}  // namespace

DemoSessionsReport seed_demo_sessions(db::Database& db, TimePoint now, std::uint64_t seed) {
  DemoSessionsReport report;
  db::Tx tx(db);
  const long long recorder = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(tx.sql());
  if (!recorder || db::Query("SELECT COUNT(*) FROM study_session").count(tx.sql()) > 0) return report;

  std::vector<Group> groups;
  std::map<long long, std::size_t> at;
  db::Query(kGroups).each(tx.sql(), [&](const soci::row& r) {
    at[db::column_ll(r, 0)] = groups.size();
    groups.push_back({db::column_ll(r, 0), db::column_ll(r, 1), {}});
  });
  if (groups.empty()) return report;
  db::Query members(
      "SELECT m.group_id, m.person_id FROM study_group_member m JOIN person p ON p.id = m.person_id "
      "WHERE p.status = 'active' AND m.group_id IN (");
  for (std::size_t i = 0; i < groups.size(); ++i) (i ? members.add(", ") : members).value(groups[i].id);
  members.add(") ORDER BY m.group_id, m.person_id").each(tx.sql(), [&](const soci::row& r) {
    groups[at[db::column_ll(r, 0)]].members.push_back(db::column_ll(r, 1));
  });

  std::mt19937_64 random(seed ^ 0x7374756479ULL);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  // 19:00–20:30 Beijing time, tonight and a week ago.
  const Date today = *parse_date(beijing_date(now));
  const auto evening = [](Date day) { return TimePoint(day) + std::chrono::hours(11); };
  const TimePoint tonight = evening(today), last_week = evening(today - std::chrono::days(7));
  const std::string created = iso_utc(last_week - std::chrono::hours(72));

  long long next_id = db::Query("SELECT COALESCE(MAX(id), 0) FROM study_session").count(tx.sql());
  db::BulkInsert sessions(
      tx.sql(), "study_session",
      {"id", "audience", "group_id", "node_id", "title", "starts_at", "ends_at", "place", "late_after_minutes",
       "qr_secret", "status", "created_by", "created_at", "updated_at", "closed_by", "closed_at"},
      100);
  db::BulkInsert checkins(tx.sql(), "study_checkin",
                          {"session_id", "person_id", "status", "method", "checked_in_at", "reason"}, 400);
  checkins.write_after(sessions);
  seed_history(tx.sql(), today, recorder, random, next_id, sessions, checkins, report);
  for (const auto& g : groups) {
    if (g.members.empty()) continue;
    // Last week's: closed the same evening with everyone's attendance.
    const long long past = ++next_id;
    const std::string closed_at = iso_utc(last_week + std::chrono::minutes(95));
    sessions.add({std::to_string(past), std::string("group"), std::to_string(g.id), std::to_string(g.unit_id),
                  std::string(kTitles[static_cast<std::size_t>(pick(0, static_cast<int>(kTitles.size()) - 1))]),
                  iso_utc(last_week), iso_utc(last_week + std::chrono::minutes(90)), std::string("机关三楼会议室"),
                  std::to_string(kLateAfterMinutes), random_hex(32), std::string("closed"), std::to_string(recorder),
                  created, closed_at, std::to_string(recorder), closed_at});
    ++report.sessions;
    for (long long person : g.members) {
      const int roll = pick(0, 99);
      db::Cell when, reason;
      const char* status = "absent";
      const char* method = "closing";
      if (roll < 88) {  // scanned the code: on time, or after the grace time
        const bool late = roll >= 80;
        status = late ? "late" : "present";
        method = "qr";
        when = iso_utc(last_week + std::chrono::minutes(late ? pick(kLateAfterMinutes + 1, 30) : pick(-12, 8)));
      } else if (roll < 95) {
        status = "excused";
        method = "organiser";
        reason = std::string("公务外出");
      }
      checkins.add(
          {std::to_string(past), std::to_string(person), std::string(status), std::string(method), when, reason});
      ++report.checkins;
    }
    // Tonight's: open, nobody checked in yet.
    sessions.add({std::to_string(++next_id), std::string("group"), std::to_string(g.id), std::to_string(g.unit_id),
                  std::string("青年夜学：学习党的二十届四中全会精神"), iso_utc(tonight),
                  iso_utc(tonight + std::chrono::minutes(90)), std::string("机关三楼会议室"),
                  std::to_string(kLateAfterMinutes), random_hex(32), std::string("open"), std::to_string(recorder),
                  created, created, std::nullopt, std::nullopt});
    ++report.sessions;
  }
  sessions.flush();
  checkins.flush();
  if (db.dialect() == db::Dialect::postgresql && report.sessions > 0)
    tx.sql() << "SELECT setval(pg_get_serial_sequence('study_session', 'id'), (SELECT MAX(id) FROM study_session))";
  tx.commit();
  return report;
}

}  // namespace xinhuo::study
