#include "party/rules.hpp"

#include <algorithm>
#include <set>

#include "core/date.hpp"

namespace xinhuo::party {

namespace {

const std::array<StepInfo, 25> kSteps = {{
    {1, 1, "application", "递交入党申请书", "Application submitted"},
    {2, 1, "talk", "党组织派人谈话", "Talk with the applicant"},
    {3, 2, "activist", "推荐和确定入党积极分子", "Designated as activist"},
    {4, 2, "activist_filed", "上级党委备案", "Activist filed with the higher committee"},
    {5, 2, "contacts", "指定培养联系人", "Contacts assigned"},
    {6, 2, "cultivation", "培养教育考察", "Cultivation and assessment"},
    {7, 3, "candidate", "确定发展对象", "Designated as development candidate"},
    {8, 3, "candidate_filed", "报上级党委备案", "Candidate filed with the higher committee"},
    {9, 3, "sponsors", "确定入党介绍人", "Sponsors chosen"},
    {10, 3, "political_review", "进行政治审查", "Political review"},
    {11, 3, "training", "开展集中培训", "Intensive training"},
    {12, 4, "committee_review", "支部委员会审查", "Branch committee review"},
    {13, 4, "pre_review", "上级党委预审", "Pre-review by the higher committee"},
    {14, 4, "application_form", "填写入党志愿书", "Application form filled in"},
    {15, 4, "admission_vote", "支部大会讨论", "Branch general meeting vote"},
    {16, 4, "committee_talk", "上级党委派人谈话", "Talk by the higher committee"},
    {17, 4, "admission_approval", "上级党委审批", "Approval by the higher committee"},
    {18, 4, "admission_filed", "再上一级党委组织部门备案", "Filed with the organisation department"},
    {19, 5, "assigned", "编入党支部和党小组", "Assigned to branch and party group"},
    {20, 5, "oath", "入党宣誓", "Oath taken"},
    {21, 5, "probation", "继续教育考察", "Probation education"},
    {22, 5, "conversion_application", "提出转正申请", "Conversion application"},
    {23, 5, "conversion_vote", "支部大会讨论", "Branch general meeting on conversion"},
    {24, 5, "conversion_approval", "上级党委审批", "Approval of the conversion"},
    {25, 5, "archived", "材料归档", "File archived"},
}};

Date date_of(const std::string& text) { return *parse_date(text); }
std::string plus_months(const std::string& d, int m) { return format_date(add_months(date_of(d), m)); }

int current_attempt(const DevelopmentCase& c) {
  int a = 1;
  for (const auto& s : c.steps)
    if (s.step_no >= 22) a = std::max(a, s.attempt);
  return a;
}

// The latest date among recorded steps: a step is never dated before the one before it.
std::string last_date(const DevelopmentCase& c) {
  std::string last;
  for (const auto& s : c.steps) last = std::max(last, s.date);
  return last;
}

std::string step_label(int no) { return "第" + std::to_string(no) + "步「" + step_info(no).zh + "」"; }
std::string step_label_en(int no) { return "step " + std::to_string(no) + " (" + step_info(no).en + ")"; }

Error too_early(int no, const std::string& earliest, const std::string& why_zh, const std::string& why_en) {
  Error e = Error::validation("date", {step_label(no) + "最早可在 " + earliest + " 记录：" + why_zh,
                                       "The earliest date for " + step_label_en(no) + " is " + earliest + ": " + why_en});
  e.set_detail("earliest", earliest);
  return e;
}

void check_vote(const std::optional<Vote>& vote, int no) {
  if (!vote) throw Error::validation("vote", {"请填写支部大会的表决情况", "Enter the branch meeting's vote"});
  const Vote& v = *vote;
  if (v.eligible < 1) throw Error::validation("vote.eligible", {"应到会有表决权的党员人数至少为 1", "At least one member has a vote"});
  if (v.present < 0 || v.present > v.eligible)
    throw Error::validation("vote.present", {"实到人数不能超过应到人数", "More present than eligible"});
  if (v.yes < 0 || v.no < 0 || v.abstain < 0 || v.yes + v.no + v.abstain > v.present)
    throw Error::validation("vote.yes", {"赞成、反对、弃权票数之和不能超过实到人数", "Yes, no and abstain exceed those present"});
  if (v.present * 2 <= v.eligible)
    throw Error::validation("vote.present", {"实到有表决权的党员未超过应到人数的半数，会议不能进行表决",
                                             "Fewer than half of the members with a vote were present: the meeting cannot vote"});
  if (v.yes * 2 <= v.eligible)
    throw Error::validation("vote.yes", {"赞成票未超过应到会有表决权党员的半数，" + step_label(no) + "的决议不成立",
                                         "Yes votes are not more than half of the members with a vote: the resolution fails"});
}

std::vector<const Participant*> people_in(const StepRecord& s, const std::string& role) {
  std::vector<const Participant*> out;
  for (const auto& p : s.people)
    if (p.role == role) out.push_back(&p);
  return out;
}

}  // namespace

const std::array<StepInfo, 25>& steps() { return kSteps; }
const StepInfo& step_info(int no) { return kSteps.at(static_cast<std::size_t>(no - 1)); }

const char* stage_name(int stage) {
  static const char* names[] = {"申请入党", "入党积极分子的确定和培养教育", "发展对象的确定和考察", "预备党员的接收",
                                "预备党员的教育考察和转正"};
  return stage >= 1 && stage <= 5 ? names[stage - 1] : "";
}

const StepRecord* find_step(const DevelopmentCase& c, int no, int attempt) {
  const StepRecord* found = nullptr;
  for (const auto& s : c.steps)
    if (s.step_no == no && (attempt == 0 || s.attempt == attempt) && (!found || s.attempt > found->attempt)) found = &s;
  return found;
}

std::string probation_end(const DevelopmentCase& c) {
  const StepRecord* vote = find_step(c, 15);
  if (!vote) return "";
  int months = 12;
  for (const auto& s : c.steps)
    if (s.step_no == 23 && s.outcome == "extend") months += s.extension_months;
  return plus_months(vote->date, months);
}

NextStep next_step(const DevelopmentCase& c) {
  NextStep n;
  if (c.status != "active") return n;
  for (int no = 1; no <= 21 && !n.step_no; ++no)
    if (!find_step(c, no)) n.step_no = no;
  if (!n.step_no) {
    const int a = current_attempt(c);
    const StepRecord* vote = find_step(c, 23, a);
    if (!find_step(c, 22, a)) n = {22, a};
    else if (!vote) n = {23, a};
    else if (!find_step(c, 24, a)) n = {24, a};
    else if (vote->outcome == "extend") n = {22, a + 1};
    else if (vote->outcome == "convert" && !find_step(c, 25)) n.step_no = 25;
    else return NextStep{};
  }
  n.earliest = last_date(c);
  auto later = [&n](const std::string& d) { n.earliest = std::max(n.earliest, d); };
  const StepRecord* s4 = find_step(c, 4);
  switch (n.step_no) {
    case 2: n.due = plus_months(find_step(c, 1)->date, 1); break;
    case 5: n.due = plus_months(s4->date, 1); break;
    case 7: later(plus_months(s4->date, 12)); break;
    case 17: n.due = plus_months(find_step(c, 15)->date, 3); break;
    case 22: later(plus_months(probation_end(c), -1)); n.due = probation_end(c); break;
    case 23: later(probation_end(c)); n.due = probation_end(c); break;
    case 24: n.due = plus_months(find_step(c, 23, n.attempt)->date, 3); break;
    default: break;
  }
  return n;
}

void check_step(const DevelopmentCase& c, const StepRecord& s, const std::string& today) {
  if (c.status != "active")
    throw Error::conflict("case_closed", {"该发展档案已结束，不能再记录步骤", "This development case is closed"});
  const NextStep n = next_step(c);
  if (s.step_no != n.step_no) {
    Error e = Error::conflict("step_out_of_order", {"步骤须按顺序记录，下一步应为" + step_label(n.step_no),
                                                    "Steps are recorded in order; next is " + step_label_en(n.step_no)});
    e.set_detail("expected_step", std::to_string(n.step_no));
    throw e;
  }
  const auto date = parse_date(s.date);
  if (!date) throw Error::validation("date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (s.date > today) throw Error::validation("date", {"日期不能晚于今天", "The date cannot be in the future"});
  const std::string previous = last_date(c);
  if (s.date < previous)
    throw Error::validation("date", {"日期不能早于上一步的日期 " + previous, "The date cannot be before the previous step (" + previous + ")"});

  switch (s.step_no) {
    case 1: {
      const auto birth = parse_date(c.birth_date);
      if (!birth || years_between(*birth, *date) < 18) {
        const std::string adult = birth ? format_date(add_years(*birth, 18)) : "";
        Error e = Error::validation("date", {"申请入党须年满十八岁，该同志 " + adult + " 年满十八岁",
                                             "An applicant must be at least 18; this person turns 18 on " + adult});
        e.set_detail("earliest", adult);
        throw e;
      }
      break;
    }
    case 2:
    case 16:
      if (people_in(s, "talker").empty())
        throw Error::validation("people", {"请填写谈话人", "Name who held the talk"});
      break;
    case 3:
      if (s.outcome != "recommendation" && s.outcome != "youth_league")
        throw Error::validation("outcome", {"请选择产生方式：党员推荐或团组织推优", "Choose how: recommended by members or by the Youth League"});
      break;
    case 5: {
      const auto contacts = people_in(s, "contact");
      if (contacts.empty() || contacts.size() > 2)
        throw Error::validation("people", {"培养联系人应为一至两名正式党员", "Assign one or two full members as contacts"});
      break;
    }
    case 7:
      if (s.date < n.earliest)
        throw too_early(7, n.earliest, "确定发展对象须在入党积极分子备案满一年后",
                        "a development candidate needs a full year after the activist was filed");
      break;
    case 9: {
      const auto sponsors = people_in(s, "sponsor");
      std::set<long long> distinct;
      for (const auto* p : sponsors) distinct.insert(p->person_id);
      if (sponsors.size() != 2 || distinct.size() != 2 || distinct.count(0))
        throw Error::validation("people", {"入党介绍人应为两名正式党员", "Choose two different full members as sponsors"});
      break;
    }
    case 11:
      if (s.training_days < 3 && s.training_hours < 24)
        throw Error::validation("training_days", {"集中培训时间不少于3天或24学时", "Training lasts at least 3 days or 24 class hours"});
      break;
    case 13: {
      const auto from = parse_date(s.publicity_from), to = parse_date(s.publicity_to);
      if (!from || !to || *to < *from)
        throw Error::validation("publicity_from", {"请填写公示的起止日期", "Enter the publicity period"});
      if (working_days(*from, *to) < 5)
        throw Error::validation("publicity_to", {"公示期不少于5个工作日", "Publicity lasts at least 5 working days"});
      if (s.date < s.publicity_to)
        throw Error::validation("date", {"预审应在公示期满后进行（公示至 " + s.publicity_to + "）",
                                         "The pre-review follows the end of publicity (" + s.publicity_to + ")"});
      break;
    }
    case 15: {
      const std::string review_end = plus_months(find_step(c, 10)->date, 12);
      if (s.date > review_end)
        throw Error::validation("date", {"政治审查已超过一年（有效至 " + review_end + "），须重新进行政治审查",
                                         "The political review expired on " + review_end + "; it must be done again"});
      check_vote(s.vote, 15);
      break;
    }
    case 17: {
      const std::string limit = plus_months(find_step(c, 15)->date, 6);
      if (s.date > limit)
        throw Error::validation("date", {"支部大会通过后超过6个月未审批（期限 " + limit + "），须重新履行接收手续",
                                         "More than 6 months after the branch meeting (" + limit + "): the procedure restarts"});
      break;
    }
    case 22:
      if (s.date < n.earliest)
        throw too_early(22, n.earliest, "转正申请在预备期满前一个月内提出（预备期满 " + probation_end(c) + "）",
                        "the application is made in the last month of probation (ends " + probation_end(c) + ")");
      break;
    case 23: {
      if (s.date < n.earliest)
        throw too_early(23, n.earliest, "预备期满后才能讨论转正", "the conversion is discussed once probation has ended");
      if (s.outcome != "convert" && s.outcome != "extend" && s.outcome != "disqualify")
        throw Error::validation("outcome", {"请选择决议：按期转正、延长预备期或取消预备党员资格",
                                            "Choose: convert, extend probation or disqualify"});
      if (s.outcome == "extend") {
        for (const auto& r : c.steps)
          if (r.step_no == 23 && r.outcome == "extend")
            throw Error::validation("outcome", {"预备期只能延长一次", "Probation can be extended only once"});
        if (s.extension_months < 6 || s.extension_months > 12)
          throw Error::validation("extension_months", {"延长预备期为6至12个月", "An extension lasts 6 to 12 months"});
      }
      check_vote(s.vote, 23);
      break;
    }
    default: break;
  }
}

std::vector<Deadline> deadlines(const DevelopmentCase& c) {
  std::vector<Deadline> out;
  if (c.status != "active") return out;
  auto add = [&out](const char* kind, const std::string& due, int step) { out.push_back({kind, step, due}); };
  const StepRecord *s1 = find_step(c, 1), *s4 = find_step(c, 4), *s10 = find_step(c, 10), *s15 = find_step(c, 15),
                   *s17 = find_step(c, 17);
  if (s1 && !find_step(c, 2)) add("talk", plus_months(s1->date, 1), 2);
  if (s4 && !find_step(c, 5)) add("contacts", plus_months(s4->date, 1), 5);
  if (s4 && !s17) {
    std::string thought = s4->date, assessed = s4->date;
    for (const auto& r : c.reports) {
      if (r.kind == "thought_report") thought = std::max(thought, r.date);
      if (r.kind == "assessment") assessed = std::max(assessed, r.date);
    }
    add("thought_report", plus_months(thought, 3), 6);
    add("assessment", plus_months(assessed, 6), 6);
  }
  if (s10 && !s15) add("political_review", plus_months(s10->date, 12), 10);
  if (s15 && !s17) add("approval", plus_months(s15->date, 3), 17);
  if (s17) {
    const int a = current_attempt(c);
    const StepRecord* vote = find_step(c, 23, a);
    if (!vote) add("conversion", probation_end(c), 23);
    else if (!find_step(c, 24, a)) add("conversion_approval", plus_months(vote->date, 3), 24);
  }
  return out;
}

std::string warning_level(const std::string& due, const std::string& today, int* days_left) {
  const int left = days_between(date_of(today), date_of(due));
  if (days_left) *days_left = left;
  return left < 0 ? "overdue" : left <= kWarnDays ? "due_soon" : "";
}

std::vector<Warning> warnings(const DevelopmentCase& c, const std::string& today) {
  std::vector<Warning> out;
  for (const auto& d : deadlines(c)) {
    Warning w;
    w.level = warning_level(d.due, today, &w.days_left);
    if (w.level.empty()) continue;
    w.case_id = c.id;
    w.person_id = c.person_id;
    w.person_name = c.person_name;
    w.unit_name = c.unit_name;
    w.branch_name = c.branch_name;
    w.kind = d.kind;
    w.due = d.due;
    w.step_no = d.step_no;
    out.push_back(std::move(w));
  }
  return out;
}

std::string party_status_after(const DevelopmentCase& c) {
  std::string status = "masses";
  if (find_step(c, 1)) status = "applicant";
  if (find_step(c, 3)) status = "activist";
  if (find_step(c, 7)) status = "candidate";
  if (find_step(c, 17)) status = "probationary";
  for (const auto& s : c.steps) {
    if (s.step_no != 24) continue;
    const StepRecord* vote = find_step(c, 23, s.attempt);
    if (vote && vote->outcome == "convert") status = "full";
    if (vote && vote->outcome == "disqualify") status = "masses";
  }
  return status;
}

int stage_of(const DevelopmentCase& c) {
  int last = 1;
  for (const auto& s : c.steps) last = std::max(last, s.step_no);
  return step_info(last).stage;
}

}  // namespace xinhuo::party
