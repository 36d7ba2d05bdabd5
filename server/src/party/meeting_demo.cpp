#include "party/meeting_demo.hpp"

#include <map>
#include <random>

#include "core/date.hpp"
#include "db/bulk_insert.hpp"
#include "db/transaction.hpp"
#include "db/query.hpp"
#include "party/meetings.hpp"

namespace xinhuo::party {

namespace {

const std::map<std::string, std::vector<const char*>> kTopics = {
    {"branch_general", {"审议支部年度工作计划", "讨论接收预备党员", "通报支部上半年工作情况", "学习贯彻党的二十届四中全会精神"}},
    {"branch_committee", {"研究本月党建工作安排", "研究发展党员工作", "研究党费收缴情况", "研究主题党日活动方案"}},
    {"party_group", {"学习《习近平谈治国理政》", "交流学习体会", "开展谈心谈话", "学习党纪学习教育读本"}},
    {"party_lecture", {"坚定理想信念，筑牢信仰之基", "弘扬伟大建党精神", "以严明纪律保障干事创业", "践行全心全意为人民服务宗旨"}},
    {"theme_day", {"重温入党誓词", "参观革命传统教育基地", "走进社区开展志愿服务", "学习身边先进典型"}},
    {"life_meeting", {"年度组织生活会暨民主评议党员"}},
};

struct Member {
  long long id = 0;
  std::string name;
};

struct Node {
  long long id = 0, branch_id = 0, unit_id = 0;
  std::string type;
  int group_index = 0, groups = 1;  // party groups of a branch share its members by turns
};

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

}  // namespace

DemoMeetingsReport seed_demo_meetings(db::Database& db, const std::string& today, std::uint64_t seed) {
  DemoMeetingsReport report;
  db::Tx tx(db);
  const long long recorder = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(tx.sql());
  if (!recorder || db::Query("SELECT COUNT(*) FROM party_meeting").count(tx.sql()) > 0) return report;

  // Branches (with their unit: the deepest unit on the path) and party groups, in tree order.
  std::vector<Node> nodes;
  std::map<long long, std::size_t> branch_at;
  db::Query("SELECT n.id, n.node_type, COALESCE(n.parent_id, 0), (SELECT u.id FROM org_node u WHERE u.node_type = 'unit' "
            "AND n.path LIKE u.path || '%' ORDER BY u.depth DESC LIMIT 1) FROM org_node n WHERE n.status = 'active' "
            "AND n.node_type IN ('branch', 'party_group') ORDER BY n.path")
      .each(tx.sql(), [&](const soci::row& r) {
        Node n;
        n.id = db::column_ll(r, 0);
        n.type = text(r, 1);
        n.branch_id = n.type == "branch" ? n.id : db::column_ll(r, 2);
        n.unit_id = r.get_indicator(3) == soci::i_null ? 0 : db::column_ll(r, 3);
        nodes.push_back(n);
      });
  std::map<long long, int> groups_of;
  for (auto& n : nodes)
    if (n.type == "party_group") n.group_index = groups_of[n.branch_id]++;
  for (auto& n : nodes)
    if (n.type == "party_group") n.groups = groups_of[n.branch_id];
  std::map<long long, std::vector<Member>> members;
  db::Query("SELECT id, name, branch_id FROM person WHERE status = 'active' AND party_status IN ('full', 'probationary') "
            "AND branch_id IS NOT NULL ORDER BY id")
      .each(tx.sql(), [&](const soci::row& r) { members[db::column_ll(r, 2)].push_back({db::column_ll(r, 0), text(r, 1)}); });

  std::mt19937_64 random(seed ^ 0x6d656574696e6773ULL);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  const Date now_day = *parse_date(today);
  const std::string start = format_date(add_months(now_day, -13));

  long long next_id = db::Query("SELECT COALESCE(MAX(id), 0) FROM party_meeting").count(tx.sql());
  db::BulkInsert meetings(tx.sql(), "party_meeting",
                          {"id", "node_id", "branch_id", "unit_id", "meeting_type", "held_on", "topic", "host_person_id", "lecturer",
                           "lecturer_is_secretary", "location", "minutes", "photos", "status", "created_by", "created_at",
                           "updated_at", "closed_by", "closed_at"},
                          200);
  db::BulkInsert attendance(tx.sql(), "party_meeting_attendance", {"meeting_id", "person_id", "status", "reason"}, 400);
  attendance.write_after(meetings);
  const std::vector<std::string> group_kinds = {"party_group"};
  for (const auto& n : nodes) {
    const auto m = members.find(n.branch_id);
    if (!n.unit_id || m == members.end() || m->second.empty()) continue;
    std::vector<Member> people;
    for (std::size_t i = 0; i < m->second.size(); ++i)
      if (n.type == "branch" || static_cast<int>(i % n.groups) == n.group_index) people.push_back(m->second[i]);
    if (people.empty()) continue;
    const Member& host = m->second.front();  // stands for the secretary
    const double diligence = chance(0.15) ? 0.75 : 0.95;  // a few branches keep their meetings less well
    int lectures_this_year = 0;
    for (const auto& meeting_type : n.type == "party_group" ? group_kinds : branch_meeting_types()) {
      for (Period p = period_of(meeting_type, start); p.first <= today; p = period_of(meeting_type, format_date(*parse_date(p.last) + std::chrono::days{1}))) {
        const bool current = p.last >= today;
        const std::string last = current ? today : p.last;
        const int span = days_between(*parse_date(p.first), *parse_date(last));
        // The current period: held already in about half of the branches, more often when it is nearly over.
        const double held = current ? (span > 20 ? 0.6 : 0.35) : diligence;
        if (!chance(held)) continue;
        const std::string day = format_date(*parse_date(p.first) + std::chrono::days{pick(0, span)});
        const auto& topics = kTopics.at(meeting_type);
        const long long id = ++next_id;
        const std::string at = day + "T09:00:00Z";  // recorded and closed the evening it was held (Beijing time)
        const bool secretary_lecture = meeting_type == "party_lecture" && (day.substr(0, 4) != today.substr(0, 4) || lectures_this_year++ == 0);
        meetings.add({std::to_string(id), std::to_string(n.id), std::to_string(n.branch_id), std::to_string(n.unit_id), meeting_type,
                      day, std::string(topics[static_cast<std::size_t>(pick(0, static_cast<int>(topics.size()) - 1))]),
                      std::to_string(host.id), meeting_type == "party_lecture" ? db::Cell(host.name) : std::nullopt,
                      secretary_lecture ? "1" : "0", std::string("党员活动室"),
                      std::string("会议按议程进行，与会党员围绕主题逐一发言，会议形成一致意见。"), std::string("[]"),
                      std::string("closed"), std::to_string(recorder), at, at, std::to_string(recorder), at});
        ++report.meetings;
        for (const auto& person : people) {
          const int roll = pick(0, 99);
          const char* status = roll < 88 ? "present" : roll < 97 ? "excused" : "absent";
          attendance.add({std::to_string(id), std::to_string(person.id), std::string(status),
                          roll >= 88 && roll < 97 ? db::Cell("公务外出") : std::nullopt});
          ++report.attendance;
        }
      }
    }
  }
  meetings.flush();
  attendance.flush();
  if (db.dialect() == db::Dialect::postgresql && report.meetings > 0)
    tx.sql() << "SELECT setval(pg_get_serial_sequence('party_meeting', 'id'), (SELECT MAX(id) FROM party_meeting))";
  tx.commit();
  return report;
}

}  // namespace xinhuo::party
