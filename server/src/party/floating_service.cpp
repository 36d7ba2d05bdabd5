#include "party/floating_service.hpp"

#include <algorithm>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/events.hpp"
#include "org/facts.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

namespace {
const Text kNoMember{"党员不存在", "No such party member"};
const Text kNoRecord{"流动党员记录不存在", "No such floating record"};
const Text kDateFormat{"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"};

bool party_member(const std::string& party_status) { return party_status == "full" || party_status == "probationary"; }
}  // namespace

bool valid_floating_reason(const std::string& r) { return r == "work" || r == "study" || r == "family" || r == "other"; }

std::string FloatingService::today() const { return beijing_date(clock_.now()); }

void FloatingService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

FloatingRecord FloatingService::create(const Principal& caller, const FloatingInput& in) {
  require(caller, kPermWrite);
  if (in.destination.empty()) throw Error::validation("destination", {"请填写流入地", "Say where the member went"});
  if (!valid_floating_reason(in.reason))
    throw Error::validation("reason", {"外出原因应为务工就业、学习培训、随迁家属或其他", "Reason is work, study, family or other"});
  const auto started = parse_date(in.started_on);
  if (!started) throw Error::validation("started_on", kDateFormat);
  const std::string day = today();
  if (in.started_on > day) throw Error::validation("started_on", {"外出日期不能晚于今天", "The departure cannot be in the future"});
  if (*started < add_years(*parse_date(day), -kFloatingMaxYearsBack))
    throw Error::validation("started_on", {"外出日期不能早于十年前", "The departure is more than ten years ago"});
  if (!in.expected_return_on.empty()) {
    const auto expected = parse_date(in.expected_return_on);
    if (!expected) throw Error::validation("expected_return_on", kDateFormat);
    if (*expected <= *started)
      throw Error::validation("expected_return_on", {"预计返回日期应晚于外出日期", "The expected return is after the departure"});
    if (*expected > add_years(*started, kFloatingMaxYearsAway))
      throw Error::validation("expected_return_on", {"预计返回日期不能超过外出后五年", "Expect the return within five years"});
  }
  long long id = 0;
  {
    db::Tx tx(db_);
    // Checked and inserted with the writers serialised, so two marks at once make one record (the partial unique
    // index holds it too).
    tx.lock_writers();
    auto person = PartyStore::person(tx.sql(), in.person_id);
    if (!person || !org::person_in_scope(tx.sql(), caller, in.person_id) || person->status != "active" ||
        !party_member(person->party_status))
      throw Error::not_found(kNoMember);
    if (FloatingStore::active_of(tx.sql(), in.person_id))
      throw Error::conflict("floating_active", {"该党员已登记为流动党员，请先登记返回", "This member is already marked floating"});
    FloatingRecord f;
    f.person_id = in.person_id;
    f.unit_id = person->unit_id;
    f.branch_id = person->branch_id;
    f.destination = in.destination;
    f.reason = in.reason;
    f.started_on = in.started_on;
    f.expected_return_on = in.expected_return_on;
    f.certificate_no = in.certificate_no;
    f.contact_name = in.contact_name;
    f.note = in.note;
    id = FloatingStore::insert(tx, f, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "party.floating_recorded", .target_type = "party_floating", .target_id = std::to_string(id),
                               .detail = {{"person_id", in.person_id}, {"reason", in.reason}, {"started_on", in.started_on}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *FloatingStore::find(lease.sql(), id);
}

FloatingRecord FloatingService::mark_returned(const Principal& caller, long long id, const std::string& returned_on,
                                              const std::string& note) {
  require(caller, kPermWrite);
  if (!parse_date(returned_on)) throw Error::validation("returned_on", kDateFormat);
  if (returned_on > today()) throw Error::validation("returned_on", {"返回日期不能晚于今天", "The return cannot be in the future"});
  {
    db::Tx tx(db_);
    auto f = FloatingStore::find(tx.sql(), id);
    if (!f || !FloatingStore::in_scope(tx.sql(), caller, id)) throw Error::not_found(kNoRecord);
    if (returned_on < f->started_on)
      throw Error::validation("returned_on", {"返回日期不能早于外出日期 " + f->started_on, "The return is before the departure"});
    if (!FloatingStore::end(tx, id, "returned", "returned", returned_on, caller.account_id, note, iso_utc(clock_.now())))
      throw Error::conflict("floating_ended", {"该流动党员记录已结束", "This floating record has ended already"});
    audit::record(tx, caller, {.action = "party.floating_returned", .target_type = "party_floating", .target_id = std::to_string(id),
                               .detail = {{"person_id", f->person_id}, {"returned_on", returned_on}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *FloatingStore::find(lease.sql(), id);
}

FloatingPage FloatingService::list(const Principal& caller, const FloatingFilter& filter) {
  require(caller, kPermRead);
  if (!filter.status.empty() && filter.status != "active" && filter.status != "returned" && filter.status != "ended")
    throw Error::validation("status", {"状态不正确", "Unknown status"});
  auto lease = db_.lease();
  if (filter.node_id && !org::node_in_scope(lease.sql(), caller, filter.node_id))
    throw Error::not_found({"组织不存在", "No such organisation"});
  FloatingPage page;
  page.items = FloatingStore::list(lease.sql(), caller, filter, &page.total);
  std::tie(page.active, page.past_expected) = FloatingStore::active_counts(lease.sql(), caller, filter.node_id, today());
  return page;
}

void FloatingService::subscribe(db::EventBus& bus) {
  bus.subscribe(org::kEventPersonPlaced, [this](db::Tx& tx, const db::Event& e) { on_person_placed(tx, e); });
}

void FloatingService::on_person_placed(db::Tx& tx, const db::Event& e) {
  const Json& before = e.payload["before"];
  const Json& after = e.payload["after"];
  if (before.is_null()) return;  // created: nothing recorded yet
  const long long id = FloatingStore::active_of(tx.sql(), e.subject_id);
  if (!id) return;
  // Still an active member of the same branch (e.g. converted to full membership): the record goes on.
  const bool left_party = after.is_null() || after.value("status", "") != "active" ||
                          !party_member(after.value("party_status", ""));
  const bool moved = !left_party && (after.value("branch_id", 0LL) != before.value("branch_id", 0LL) ||
                                     after.value("unit_id", 0LL) != before.value("unit_id", 0LL));
  if (!left_party && !moved) return;
  auto f = FloatingStore::find(tx.sql(), id);
  const std::string day = std::max(beijing_date(parse_iso_utc(e.occurred_at)), f->started_on);
  const std::string reason = left_party ? "left_party" : "transferred";
  FloatingStore::end(tx, id, "ended", reason, day, 0, "", e.occurred_at);
  Principal system;  // the change that caused it is audited with its author
  system.username = "system";
  audit::record(tx, system, {.action = "party.floating_ended", .target_type = "party_floating", .target_id = std::to_string(id),
                             .detail = {{"person_id", e.subject_id}, {"reason", reason}}},
                clock_.now());
}

}  // namespace xinhuo::party
