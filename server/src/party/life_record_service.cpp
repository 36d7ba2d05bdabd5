#include "party/life_record_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "files/service.hpp"
#include "org/facts.hpp"
#include "org/service.hpp"
#include "org/store.hpp"
#include "party/meeting_store.hpp"

namespace xinhuo::party {

namespace {

const Text kNoAppraisal{"评议记录不存在", "No such appraisal"};
const Text kNoMember{"党员不存在", "No such party member"};
const Text kDateFormat{"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"};

bool member(const PersonFacts& p) {
  return p.status == "active" && (p.party_status == "full" || p.party_status == "probationary");
}

}  // namespace

bool valid_grade(const std::string& g) {
  return g == "excellent" || g == "qualified" || g == "basically_qualified" || g == "unqualified" || g == "not_rated";
}

std::string category_of_form(const std::string& form) {
  static const std::map<std::string, std::string> forms = {
      {"outstanding_member", "reward"},  {"outstanding_party_worker", "reward"}, {"commendation", "reward"},
      {"other_reward", "reward"},        {"warning", "punishment"},              {"serious_warning", "punishment"},
      {"removal_from_post", "punishment"}, {"probation_in_party", "punishment"}, {"expulsion", "punishment"}};
  auto it = forms.find(form);
  return it == forms.end() ? "" : it->second;
}

std::string LifeRecordService::today() const { return beijing_date(clock_.now()); }

void LifeRecordService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

Appraisal LifeRecordService::record_appraisal(const Principal& caller, const Appraisal& in) {
  require(caller, kPermWrite);
  const std::string day = today();
  const int this_year = std::stoi(day.substr(0, 4));
  if (in.year < 2000 || in.year > this_year)
    throw Error::validation("year", {"评议年度不正确", "The year must be this year or earlier"});
  if (!parse_date(in.decided_on)) throw Error::validation("decided_on", kDateFormat);
  // The appraisal of a year is decided during it or early the next (most branches meet in January or February).
  if (in.decided_on < std::to_string(in.year) + "-01-01" || in.decided_on > std::to_string(in.year + 1) + "-06-30")
    throw Error::validation("decided_on", {"评议日期应在评议年度内或次年上半年", "Decide during the year or the first half of the next"});
  if (in.decided_on > day) throw Error::validation("decided_on", {"日期不能晚于今天", "The date cannot be in the future"});
  long long id = 0;
  {
    db::Tx tx(db_);
    auto node = org::OrgStore::node_in(tx, in.branch_id);
    if (!node || node->status != "active" || (node->node_type != "branch" && node->node_type != "general_branch"))
      throw Error::validation("branch_id", {"请选择在用的党支部", "Choose an active branch"});
    Appraisal a = in;
    a.unit_id = org::OrgStore::unit_above(tx, in.branch_id);
    if (!a.unit_id || !MeetingStore::branch_in_scope(tx.sql(), caller, a.unit_id, a.branch_id))
      throw Error::validation("branch_id", {"只能记录本人管理范围内的党支部", "Record appraisals of branches you manage"});
    if (LifeRecordStore::appraisal_of(tx.sql(), a.branch_id, a.year))
      throw Error::conflict("appraisal_exists", {"该支部本年度的民主评议已经记录", "This branch's appraisal of that year is recorded"});
    // Every member of the branch exactly once, nobody else.
    std::set<long long> roster;
    for (const auto& m : MeetingStore::branch_members(tx.sql(), a.branch_id)) roster.insert(m.person_id);
    std::set<long long> graded;
    for (std::size_t i = 0; i < a.grades.size(); ++i) {
      const auto& g = a.grades[i];
      const std::string field = "grades[" + std::to_string(i) + "]";
      if (!roster.count(g.person_id))
        throw Error::validation(field + ".person_id", {"该人员不是本支部的党员", "The person is not a member of this branch"});
      if (!graded.insert(g.person_id).second)
        throw Error::validation(field + ".person_id", {"名单中有重复的人员", "A person is listed twice"});
      if (!valid_grade(g.grade))
        throw Error::validation(field + ".grade", {"等次应为优秀、合格、基本合格、不合格或不参加评议",
                                                   "Grade is excellent, qualified, basically_qualified, unqualified or not_rated"});
      if ((g.grade == "unqualified" || g.grade == "not_rated") && g.note.empty())
        throw Error::validation(field + ".note", {g.grade == "unqualified" ? "评为不合格须写明处置意见" : "须写明不参加评议的原因",
                                                  g.grade == "unqualified" ? "Say how an unqualified member is dealt with"
                                                                           : "Say why the member was not rated"});
    }
    for (long long p : roster)
      if (!graded.count(p)) {
        auto facts = PartyStore::person(tx.sql(), p);
        throw Error::validation("grades", {"尚未评定：" + (facts ? facts->name : std::to_string(p)),
                                           "Not graded yet: " + (facts ? facts->name : std::to_string(p))});
      }
    id = LifeRecordStore::insert_appraisal(tx, a, caller.account_id, iso_utc(clock_.now()));
    std::map<std::string, int> counts;
    for (const auto& g : a.grades) ++counts[g.grade];
    audit::record(tx, caller, {.action = "party.appraisal_recorded", .target_type = "party_appraisal", .target_id = std::to_string(id),
                               .detail = {{"branch_id", a.branch_id}, {"year", a.year}, {"grades", counts}}},
                  clock_.now());
    tx.commit();
  }
  return appraisal(caller, id);
}

Appraisal LifeRecordService::appraisal(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto a = LifeRecordStore::appraisal(lease.sql(), id);
  if (!a || !MeetingStore::branch_in_scope(lease.sql(), caller, a->unit_id, a->branch_id)) throw Error::not_found(kNoAppraisal);
  return *a;
}

std::vector<Appraisal> LifeRecordService::appraisals(const Principal& caller, long long node_id, int year) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return LifeRecordStore::appraisals(lease.sql(), caller, node_id, year, 500);
}

RewardPunishment LifeRecordService::record_reward_punishment(const Principal& caller, const RewardPunishment& in) {
  require(caller, kPermWrite);
  const std::string category = category_of_form(in.form);
  if (category.empty()) throw Error::validation("form", {"奖惩类别不正确", "Unknown form"});
  if (!parse_date(in.decided_on)) throw Error::validation("decided_on", kDateFormat);
  if (in.decided_on > today()) throw Error::validation("decided_on", {"日期不能晚于今天", "The date cannot be in the future"});
  if (in.decided_by.empty()) throw Error::validation("decided_by", {"请填写决定机关", "Name the deciding organisation"});
  if (in.reason.empty()) throw Error::validation("reason", {"请填写事由", "Give the reason"});
  if (in.form == "probation_in_party" ? (in.probation_months != 12 && in.probation_months != 24) : in.probation_months != 0)
    throw Error::validation("probation_months", {"留党察看期限为一年或两年（12 或 24 个月），其他类别不填",
                                                 "Probation in the party lasts 12 or 24 months; other forms have none"});
  if (category == "punishment" && in.document_no.empty())
    throw Error::validation("document_no", {"党纪处分须填写处分决定文号", "A punishment needs the number of its decision"});
  long long id = 0;
  {
    db::Tx tx(db_);
    auto person = PartyStore::person(tx.sql(), in.person_id);
    if (!person || !member(*person) || !org::person_in_scope(tx.sql(), caller, in.person_id))
      throw Error::not_found(kNoMember);
    files::FilesService::require_owned(tx.sql(), caller, in.documents, "documents");
    RewardPunishment x = in;
    x.category = category;
    const std::string now = iso_utc(clock_.now());
    id = LifeRecordStore::insert_reward_punishment(tx, x, caller.account_id, now);
    // Expulsion ends the membership: the person stays on the roster, no longer a party member.
    if (x.form == "expulsion") org::OrgService::set_party_status(tx, x.person_id, "masses", "", caller, now);
    audit::record(tx, caller, {.action = "party." + category + "_recorded", .target_type = "party_reward_punishment",
                               .target_id = std::to_string(id),
                               .detail = {{"person_id", x.person_id}, {"form", x.form}, {"decided_on", x.decided_on}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *LifeRecordStore::reward_punishment(lease.sql(), id);
}

std::vector<RewardPunishment> LifeRecordService::rewards_punishments(const Principal& caller, const std::string& category) {
  require(caller, kPermRead);
  if (!category.empty() && category != "reward" && category != "punishment")
    throw Error::validation("category", {"类别应为 reward 或 punishment", "Category is reward or punishment"});
  auto lease = db_.lease();
  return LifeRecordStore::rewards_punishments(lease.sql(), caller, category, 500);
}

Timeline LifeRecordService::load_timeline(soci::session& sql, long long person_id) const {
  Timeline t;
  t.person = *PartyStore::person(sql, person_id);
  db::Query("SELECT COALESCE(p.party_joined_date, ''), u.name, COALESCE(b.name, '') FROM person p JOIN org_node u ON "
            "u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id WHERE p.id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) {
        t.party_joined_date = r.get<std::string>(0);
        t.unit_name = r.get<std::string>(1);
        t.branch_name = r.get<std::string>(2);
      });
  t.items = LifeRecordStore::timeline(sql, person_id);
  std::stable_sort(t.items.begin(), t.items.end(), [](const TimelineItem& a, const TimelineItem& b) {
    return a.date != b.date ? a.date < b.date : a.ref_id < b.ref_id;
  });
  return t;
}

Timeline LifeRecordService::timeline(const Principal& caller, long long person_id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!PartyStore::person(lease.sql(), person_id) || !org::person_in_scope(lease.sql(), caller, person_id))
    throw Error::not_found({"人员不存在", "No such person"});
  auto t = load_timeline(lease.sql(), person_id);
  return t;
}

Timeline LifeRecordService::my_timeline(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  return load_timeline(lease.sql(), caller.person_id);
}

Timeline LifeRecordService::timeline_of(long long person_id) {
  auto lease = db_.lease();
  return load_timeline(lease.sql(), person_id);
}

}  // namespace xinhuo::party
