#include "party/transfer_service.hpp"

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/facts.hpp"
#include "org/service.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

namespace {
const Text kNoTransfer{"转接记录不存在", "No such transfer"};
const Text kNoMember{"党员不存在", "No such party member"};
}  // namespace

std::string TransferService::today() const { return beijing_date(clock_.now()); }

void TransferService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

bool TransferService::flagged(const Transfer& t) const {
  return t.status == "pending" && format_date(add_months(*parse_date(t.issued_on), kTransferFlagMonths)) < today();
}

Transfer TransferService::visible(soci::session& sql, const Principal& caller, long long id) const {
  auto t = TransferStore::find(sql, id);
  if (!t || !TransferStore::visible(sql, caller, *t)) throw Error::not_found(kNoTransfer);
  return *t;
}

Transfer TransferService::issue(const Principal& caller, const TransferInput& in) {
  require(caller, kPermWrite);
  if (in.kind != "internal" && in.kind != "out_of_city" && in.kind != "into_city")
    throw Error::validation("kind", {"转接类型应为市内转接、转出本市或从外市转入", "Kind is internal, out_of_city or into_city"});
  if (!parse_date(in.issued_on)) throw Error::validation("issued_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.issued_on > today()) throw Error::validation("issued_on", {"日期不能晚于今天", "The date cannot be in the future"});
  if (in.kind != "internal" && (in.outside_org.empty() || in.letter_no.empty()))
    throw Error::validation(in.outside_org.empty() ? "outside_org" : "letter_no",
                            {"跨市转接须填写市外党组织名称和介绍信编号", "Across the city boundary, name the organisation and the letter number"});
  if (in.kind != "out_of_city" && !in.to_branch_id)
    throw Error::validation("to_branch_id", {"请选择接收的党支部", "Choose the receiving branch"});
  long long id = 0;
  {
    db::Tx tx(db_);
    auto person = PartyStore::person(tx.sql(), in.person_id);
    if (!person || !org::person_in_scope(tx.sql(), caller, in.person_id) || person->status != "active" ||
        (person->party_status != "full" && person->party_status != "probationary"))
      throw Error::not_found(kNoMember);
    if (in.kind != "out_of_city") {
      if (!TransferStore::branch_name(tx.sql(), in.to_branch_id))
        throw Error::validation("to_branch_id", {"接收组织应为在用的党支部", "The receiving organisation must be an active branch"});
      if (in.to_branch_id == person->branch_id)
        throw Error::validation("to_branch_id", {"接收支部与现所在支部相同", "The member is already in that branch"});
      if (in.kind == "into_city" && !org::node_in_scope(tx.sql(), caller, in.to_branch_id))
        throw Error::validation("to_branch_id", {"只能转入本人管理范围内的党支部", "Transfers in go to a branch you manage"});
    }
    if (TransferStore::pending_of(tx.sql(), in.person_id))
      throw Error::conflict("transfer_pending", {"该党员已有待接收的组织关系转接", "This member already has a transfer waiting"});
    Transfer t;
    t.person_id = in.person_id;
    t.kind = in.kind;
    t.from_branch_id = in.kind == "into_city" ? 0 : person->branch_id;
    t.to_branch_id = in.kind == "out_of_city" ? 0 : in.to_branch_id;
    t.outside_org = in.outside_org;
    t.letter_no = in.letter_no;
    t.issued_on = in.issued_on;
    t.note = in.note;
    id = TransferStore::insert(tx, t, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "party.transfer_issued", .target_type = "party_transfer", .target_id = std::to_string(id),
                               .detail = {{"person_id", in.person_id}, {"kind", in.kind}, {"to_branch_id", in.to_branch_id}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *TransferStore::find(lease.sql(), id);
}

Transfer TransferService::confirm(const Principal& caller, long long id, const std::string& confirmed_on, const std::string& note) {
  require(caller, kPermWrite);
  if (!parse_date(confirmed_on)) throw Error::validation("confirmed_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (confirmed_on > today()) throw Error::validation("confirmed_on", {"日期不能晚于今天", "The date cannot be in the future"});
  {
    db::Tx tx(db_);
    const Transfer t = visible(tx.sql(), caller, id);
    // The receiving branch confirms; for a member leaving the city, the issuing side records the returned receipt.
    const bool receiver = t.kind == "out_of_city" ? org::person_in_scope(tx.sql(), caller, t.person_id)
                                                  : org::node_in_scope(tx.sql(), caller, t.to_branch_id);
    if (!receiver)
      throw Error::forbidden("not_receiving_side", {"只有接收方党组织可以确认接收", "Only the receiving side confirms a transfer"});
    if (confirmed_on < t.issued_on)
      throw Error::validation("confirmed_on", {"接收日期不能早于转出日期 " + t.issued_on, "Confirmed before it was issued"});
    if (!TransferStore::decide(tx, id, "confirmed", caller.account_id, confirmed_on, note))
      throw Error::conflict("transfer_decided", {"该转接已处理", "This transfer was already decided"});
    org::OrgService::transfer_membership(tx, t.person_id, t.to_branch_id, caller, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "party.transfer_confirmed", .target_type = "party_transfer", .target_id = std::to_string(id),
                               .detail = {{"person_id", t.person_id}, {"to_branch_id", t.to_branch_id}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *TransferStore::find(lease.sql(), id);
}

Transfer TransferService::cancel(const Principal& caller, long long id, const std::string& reason) {
  require(caller, kPermWrite);
  if (reason.empty()) throw Error::validation("reason", {"请填写撤销原因", "Give a reason"});
  {
    db::Tx tx(db_);
    const Transfer t = visible(tx.sql(), caller, id);
    if (!org::person_in_scope(tx.sql(), caller, t.person_id))
      throw Error::forbidden("not_issuing_side", {"只有转出方党组织可以撤销", "Only the issuing side cancels a transfer"});
    if (!TransferStore::decide(tx, id, "cancelled", caller.account_id, today(), reason))
      throw Error::conflict("transfer_decided", {"该转接已处理", "This transfer was already decided"});
    audit::record(tx, caller, {.action = "party.transfer_cancelled", .target_type = "party_transfer", .target_id = std::to_string(id)},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *TransferStore::find(lease.sql(), id);
}

std::vector<BranchEntry> TransferService::branch_directory(const Principal& caller, const std::string& q, const std::string& type,
                                                          int page, int page_size, long long* total) {
  require(caller, kPermWrite);
  if (!type.empty() && type != "branch" && type != "general_branch")
    throw Error::validation("type", {"类型应为 branch 或 general_branch", "Type is branch or general_branch"});
  auto lease = db_.lease();
  return TransferStore::branches(lease.sql(), q, type, page, page_size, total);
}

std::vector<Transfer> TransferService::list(const Principal& caller, const std::string& status) {
  require(caller, kPermRead);
  if (!status.empty() && status != "pending" && status != "confirmed" && status != "cancelled")
    throw Error::validation("status", {"状态不正确", "Unknown status"});
  auto lease = db_.lease();
  return TransferStore::list(lease.sql(), caller, status, 500);
}

}  // namespace xinhuo::party
