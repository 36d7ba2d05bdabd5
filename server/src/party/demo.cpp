// Demo member development: every person the generated city lists as applicant, activist, candidate or
// probationary member gets a development case whose recorded steps match that status, dated so that on the day of
// seeding some deadlines are near and some are missed. Every step passes the same time rules as a user's entry.
#include "party/demo.hpp"

#include <map>
#include <random>

#include "core/date.hpp"
#include "db/query.hpp"
#include "org/service.hpp"
#include "party/rules.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

namespace {

const char* const kDeveloping =
    "SELECT id, name, birth_date, party_status, unit_id FROM person WHERE status = 'active' "
    "AND party_status IN ('applicant', 'activist', 'candidate', 'probationary') ORDER BY id";
const char* const kFullMembers = "SELECT id, name, unit_id FROM person WHERE status = 'active' AND party_status = 'full' ORDER BY id";
const char* const kRecorder = "SELECT id, username, display_name FROM account ORDER BY CASE WHEN username = 'admin' THEN 0 ELSE 1 END, id LIMIT 1";

const char* const kThoughts[] = {
    "本季度认真学习党章和习近平新时代中国特色社会主义思想，进一步端正了入党动机。",
    "通过参加主题党日活动，深刻认识到党员要在工作中发挥先锋模范作用，今后将对照标准查找差距。",
    "结合本职工作学习党的理论，体会到为人民服务不是口号，要落实在每一件具体工作中。",
    "本季度参与了社区志愿服务，在联系群众中加深了对党的群众路线的理解。",
};
const char* const kAssessments[] = {"政治立场坚定，工作积极主动，同意继续培养。", "学习认真，群众基础较好，需加强理论学习。",
                                    "表现良好，思想汇报按时提交，建议按期推进。"};

struct Person {
  long long id = 0, unit_id = 0;
  std::string name, birth_date, party_status;
};

class Dates {
 public:
  explicit Dates(std::mt19937_64& random) : random_(random) {}
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random_); }
  std::string plus(const std::string& d, int days) { return format_date(*parse_date(d) + std::chrono::days(days)); }

 private:
  std::mt19937_64& random_;
};

// The last step a person of this status has reached.
int last_step_for(const std::string& status, Dates& r) {
  if (status == "applicant") return r.between(1, 2);
  if (status == "activist") return r.between(3, 6);
  if (status == "candidate") return r.between(7, 16);
  return r.between(17, 23);
}

// Steps 1..last dated forward from `start`, with the gaps a branch usually takes and the waits the rules demand.
std::vector<StepRecord> walk(const std::string& start, int last, Dates& r, const std::vector<const Person*>& members) {
  std::vector<StepRecord> steps;
  std::map<int, std::string> on;
  std::string d = start;
  auto member = [&](std::size_t k) { return members.empty() ? nullptr : members[k % members.size()]; };
  const std::size_t pick = static_cast<std::size_t>(r.between(0, 1000));
  for (int no = 1; no <= last; ++no) {
    StepRecord s;
    s.step_no = no;
    switch (no) {
      case 1: break;
      case 2: d = r.plus(d, r.between(7, 25)); s.people = {{"talker", 0, "党支部书记"}}; break;
      case 3: d = r.plus(d, r.between(20, 60)); s.outcome = r.between(0, 3) ? "recommendation" : "youth_league"; break;
      case 5: {
        d = r.plus(d, r.between(1, 10));
        if (const Person* p = member(pick)) s.people.push_back({"contact", p->id, p->name});
        break;
      }
      case 6: d = r.plus(d, r.between(0, 3)); break;
      case 7: d = r.plus(format_date(add_years(*parse_date(on[4]), 1)), r.between(0, 40)); break;
      case 9: {
        d = r.plus(d, r.between(3, 10));
        const Person *a = member(pick), *b = member(pick + 1);
        if (a && b && a != b) s.people = {{"sponsor", a->id, a->name}, {"sponsor", b->id, b->name}};
        break;
      }
      case 11: d = r.plus(d, r.between(5, 20)); s.training_days = 3; break;
      case 13:
        s.publicity_from = r.plus(d, r.between(1, 5));
        s.publicity_to = r.plus(s.publicity_from, 8);
        d = r.plus(s.publicity_to, r.between(1, 5));
        break;
      case 15:
      case 23: {
        const int eligible = r.between(9, 30), present = eligible - r.between(0, eligible / 4);
        const int yes = present - r.between(0, 1);
        s.vote = Vote{eligible, present, yes, present - yes, 0};
        if (no == 15) d = r.plus(d, r.between(7, 20));
        else {
          DevelopmentCase c;
          c.steps = steps;
          d = r.plus(probation_end(c), r.between(0, 20));
          s.outcome = "convert";
        }
        break;
      }
      case 16: d = r.plus(d, r.between(5, 15)); s.people = {{"talker", 0, "上级党委组织员"}}; break;
      case 17: d = r.plus(d, r.between(15, 80)); break;
      case 22: {
        DevelopmentCase c;
        c.steps = steps;
        d = r.plus(probation_end(c), -r.between(0, 20));
        break;
      }
      default: d = r.plus(d, r.between(3, 15)); break;
    }
    s.date = d;
    on[no] = d;
    steps.push_back(std::move(s));
  }
  return steps;
}

}  // namespace

DemoDevelopmentReport seed_demo_development(db::Database& db, const std::string& today, std::uint64_t seed) {
  DemoDevelopmentReport report;
  std::mt19937_64 random(seed ^ 0x2545F4914F6CDD1Dull);
  Dates r(random);
  std::vector<Person> developing, full;
  Principal recorder;
  db::Tx tx(db);
  db::Query(kDeveloping).each(tx.sql(), [&](const soci::row& row) {
    developing.push_back({db::column_ll(row, 0), db::column_ll(row, 4), row.get<std::string>(1), row.get<std::string>(2),
                          row.get<std::string>(3)});
  });
  db::Query(kFullMembers).each(tx.sql(), [&](const soci::row& row) {
    full.push_back({db::column_ll(row, 0), db::column_ll(row, 2), row.get<std::string>(1), "", "full"});
  });
  db::Query(kRecorder).each(tx.sql(), [&](const soci::row& row) {
    recorder.account_id = db::column_ll(row, 0);
    recorder.username = row.get<std::string>(1);
    recorder.display_name = row.get<std::string>(2);
  });
  if (!recorder.account_id) return report;  // no account to record the steps as
  std::map<long long, std::vector<const Person*>> members_of;
  for (const auto& p : full) members_of[p.unit_id].push_back(&p);
  const std::string now = iso_utc(std::chrono::system_clock::now());

  for (const auto& person : developing) {
    const int last = last_step_for(person.party_status, r);
    // How long ago the latest step was: mostly recent, some long ago so that deadlines have passed.
    const int roll = r.between(0, 99);
    const int ago = roll < 65 ? r.between(0, 60) : roll < 90 ? r.between(60, 200) : r.between(200, 380);
    // Date the walk from a provisional start, then move the start so the last step lands `ago` days back.
    const std::mt19937_64 replay(random());
    const auto& members = members_of[person.unit_id];
    std::string start = "2020-01-06";
    std::vector<StepRecord> steps;
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::mt19937_64 copy = replay;
      Dates w(copy);
      steps = walk(start, last, w, members);
      const int shift = days_between(*parse_date(steps.back().date), *parse_date(today) - std::chrono::days(ago));
      if (shift == 0) break;
      start = format_date(*parse_date(start) + std::chrono::days(shift));
    }
    DevelopmentCase c;
    c.person_id = person.id;
    c.person_name = person.name;
    c.birth_date = person.birth_date;
    c.status = "active";
    bool valid = true;
    for (auto& s : steps) {
      s.attempt = 1;
      s.entered_by = recorder.account_id;
      try {
        check_step(c, s, today);
      } catch (const Error&) {
        valid = false;  // an unlucky date (a young applicant, a review expired before the vote): keep what is valid
        break;
      }
      c.steps.push_back(s);
    }
    if (c.steps.empty() || !valid) {
      ++report.skipped;
      if (c.steps.empty()) continue;
    }
    c.id = PartyStore::insert_case(tx, person.id, recorder.account_id, now);
    for (auto& s : c.steps) {
      s.case_id = c.id;
      PartyStore::insert_step(tx, s, now);
      ++report.steps;
    }
    // Quarterly thought reports and half-yearly assessments since the filing; a quarter of the activists stopped
    // writing a while ago, so their reports show as overdue.
    if (const StepRecord* filed = find_step(c, 4)) {
      const StepRecord* approved = find_step(c, 17);
      const std::string until = approved ? approved->date : today;
      const int skip_tail = r.between(0, 3) == 0 ? r.between(100, 300) : 0;
      const std::string stop = r.plus(until, -skip_tail);
      int k = 0;
      for (std::string d = r.plus(filed->date, r.between(60, 85)); d <= stop; d = r.plus(d, r.between(80, 90)), ++k) {
        Report x{0, c.id, "thought_report", d, kThoughts[k % 4], recorder.account_id, "", ""};
        c.reports.push_back(x);
      }
      for (std::string d = r.plus(filed->date, r.between(150, 175)); d <= stop; d = r.plus(d, r.between(170, 180)), ++k) {
        Report x{0, c.id, "assessment", d, kAssessments[k % 3], recorder.account_id, "", ""};
        c.reports.push_back(x);
      }
      for (const auto& x : c.reports) PartyStore::insert_report(tx, x, now);
      report.reports += static_cast<long long>(c.reports.size());
    }
    PartyStore::save_derived(tx, c.id, stage_of(c), deadlines(c));
    const StepRecord* admitted = find_step(c, 17) ? find_step(c, 15) : nullptr;
    org::OrgService::set_party_status(tx, person.id, party_status_after(c), admitted ? admitted->date : "", recorder, now);
    ++report.cases;
  }
  tx.commit();
  return report;
}

}  // namespace xinhuo::party
