#include "points/publicity_service.hpp"

#include "audit/recorder.hpp"
#include "org/facts.hpp"
#include "points/model.hpp"
#include "points/service.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {
const Text kNoPerson{"当前账号未关联党员信息", "This account is not linked to a person"};

// The Beijing date `days` after `date`.
std::string add_days(const std::string& date, int days) {
  const auto t = parse_iso_utc(date + "T00:00:00Z") + std::chrono::hours(24 * days);
  return iso_utc(t).substr(0, 10);
}
}  // namespace

std::string PublicityService::today() const { return iso_utc(clock_.now() + std::chrono::hours(8)).substr(0, 10); }

bool PublicityService::node_visible(soci::session& sql, const Principal& caller, long long node_id) const {
  return PointsStore::node_path_in_scope(sql, caller, node_id).has_value();
}

Publicity PublicityService::visible(soci::session& sql, const Principal& caller, long long id) const {
  auto p = PublicityStore::publicity(sql, id);
  if (!p || !node_visible(sql, caller, p->node_id)) throw Error::not_found({"公示不存在", "No such publicity"});
  return *p;
}

Publicity PublicityService::publish(const Principal& caller, const PublishInput& in) {
  if (!caller.can(kPermApprove)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  const Period period = parse_period(in.period);
  if (in.days < 1 || in.days > 30) throw Error::validation("days", {"公示天数应为 1 至 30 天", "Publicity lasts 1 to 30 days"});
  if (in.title.size() > 400) throw Error::validation("title", {"标题过长", "Title too long"});
  db::Tx tx(db_);
  if (!node_visible(tx.sql(), caller, in.node_id)) throw Error::not_found({"组织不存在", "No such organisation"});
  Publicity p;
  p.node_id = in.node_id;
  p.period = period.key;
  p.starts_on = today();
  p.ends_on = add_days(p.starts_on, in.days - 1);  // N days including today
  for (const auto& row : PointsStore::top(tx.sql(), in.node_id, period.key, "", 5000))
    p.snapshot.push_back({{"rank", row.rank}, {"person_id", row.person_id}, {"name", row.name},
                          {"branch_name", row.branch_name}, {"points", row.points}});
  p.title = in.title.empty() ? period.key + " 党员积分公示" : in.title;
  p.id = PublicityStore::insert(tx, p, caller.account_id, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "points.publicity_published", .target_type = "point_publicity",
                             .target_id = std::to_string(p.id),
                             .detail = {{"node_id", in.node_id}, {"period", p.period}, {"ends_on", p.ends_on},
                                        {"people", p.snapshot.size()}}},
                clock_.now());
  auto committed = *PublicityStore::publicity(tx.sql(), p.id);
  tx.commit();
  return committed;
}

std::vector<Publicity> PublicityService::list(const Principal& caller, long long node_id) {
  if (!caller.can(kPermRead)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  auto lease = db_.lease();
  return PublicityStore::in_scope(lease.sql(), caller, node_id);
}

std::pair<Publicity, std::vector<Appeal>> PublicityService::detail(const Principal& caller, long long id) {
  if (!caller.can(kPermRead)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  auto lease = db_.lease();
  Publicity p = visible(lease.sql(), caller, id);
  return {p, PublicityStore::appeals_of_publicity(lease.sql(), id)};
}

Publicity PublicityService::close(const Principal& caller, long long id, const std::string& note) {
  if (!caller.can(kPermApprove)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  if (note.size() > 4000) throw Error::validation("note", {"说明过长", "Note too long"});
  db::Tx tx(db_);
  const Publicity p = visible(tx.sql(), caller, id);
  if (p.open_appeals > 0)
    throw Error::conflict("appeals_open", {"还有未处理的申诉，处理后才能结束公示", "Handle the open appeals before closing"});
  if (!PublicityStore::close(tx, id, caller.account_id, note, iso_utc(clock_.now())))
    throw Error::conflict("publicity_closed", {"该公示已结束", "This publicity is already closed"});
  audit::record(tx, caller, {.action = "points.publicity_closed", .target_type = "point_publicity", .target_id = std::to_string(id),
                             .detail = {{"note", note}}},
                clock_.now());
  auto committed = *PublicityStore::publicity(tx.sql(), id);
  tx.commit();
  return committed;
}

Appeal PublicityService::handle_appeal(const Principal& caller, long long id, const std::string& decision,
                                       const std::string& result) {
  if (!caller.can(kPermApprove)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  if (decision != "upheld" && decision != "dismissed")
    throw Error::validation("decision", {"处理结果只能是 upheld（成立）或 dismissed（不成立）", "decision is upheld or dismissed"});
  if (result.empty() || result.size() > 4000)
    throw Error::validation("result", {"请填写书面处理意见（不超过 1000 字）", "Write the result (up to 1,000 characters)"});
  db::Tx tx(db_);
  const auto a = PublicityStore::appeal(tx.sql(), id);
  if (!a || !org::person_in_scope(tx.sql(), caller, a->person_id)) throw Error::not_found({"申诉不存在", "No such appeal"});
  if (a->person_id == caller.person_id)
    throw Error::forbidden("own_appeal", {"不能处理本人的申诉", "You cannot decide your own appeal"});
  if (!PublicityStore::handle(tx, id, decision, caller.account_id, result, iso_utc(clock_.now())))
    throw Error::conflict("appeal_handled", {"该申诉已处理", "This appeal was already handled"});
  audit::record(tx, caller, {.action = "points.appeal_handled", .target_type = "point_appeal", .target_id = std::to_string(id),
                             .detail = {{"person_id", a->person_id}, {"decision", decision}}},
                clock_.now());
  auto committed = *PublicityStore::appeal(tx.sql(), id);
  tx.commit();
  return committed;
}

std::vector<Publicity> PublicityService::mine(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  auto lease = db_.lease();
  const auto person = PointsStore::person(lease.sql(), caller.person_id);
  const auto unit_path = PointsStore::node_path(lease.sql(), person->unit_id).value_or("");
  const auto branch_path = person->branch_id ? PointsStore::node_path(lease.sql(), person->branch_id).value_or("") : "";
  return PublicityStore::covering(lease.sql(), unit_path, branch_path);
}

Appeal PublicityService::appeal(const Principal& caller, long long publicity_id, const std::string& reason) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  if (reason.empty() || reason.size() > 4000)
    throw Error::validation("reason", {"请填写申诉理由（不超过 1000 字）", "Give your reason (up to 1,000 characters)"});
  bool covers = false;
  for (const auto& p : mine(caller)) covers = covers || p.id == publicity_id;
  if (!covers) throw Error::not_found({"公示不存在", "No such publicity"});
  db::Tx tx(db_);
  const auto p = *PublicityStore::publicity(tx.sql(), publicity_id);
  if (p.status != "open" || today() > p.ends_on)
    throw Error::conflict("publicity_over", {"公示期已结束，不能再申诉", "The publicity period is over; appeals are closed"});
  for (const auto& earlier : PublicityStore::appeals_of_person(tx.sql(), caller.person_id))
    if (earlier.publicity_id == publicity_id && earlier.status == "open")
      throw Error::conflict("appeal_open", {"您对该公示的申诉正在处理中", "Your appeal on this publicity is still being handled"});
  Appeal a;
  a.publicity_id = publicity_id;
  a.person_id = caller.person_id;
  a.account_id = caller.account_id;
  a.reason = reason;
  a.id = PublicityStore::insert_appeal(tx, a, iso_utc(clock_.now()));
  auto committed = *PublicityStore::appeal(tx.sql(), a.id);
  tx.commit();
  return committed;
}

std::vector<Appeal> PublicityService::my_appeals(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  auto lease = db_.lease();
  return PublicityStore::appeals_of_person(lease.sql(), caller.person_id);
}

}  // namespace xinhuo::points
