#pragma once
// The dues tables: declared bases and monthly payments. Lists take the caller's Principal and are limited to its
// data scope in SQL.
#include <map>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

class DuesStore {
 public:
  static void upsert_base(db::Tx& tx, const DuesBase& base, long long set_by, const std::string& now);
  static std::vector<DuesBase> bases(soci::session& sql, long long person_id);
  static std::vector<DuesPayment> payments(soci::session& sql, long long person_id);
  static bool month_paid(soci::session& sql, long long person_id, const std::string& month);
  static long long insert_payment(db::Tx& tx, const DuesPayment& p, long long recorded_by, const std::string& now);
  // A page of the party members (full and probationary) in scope below node_id, with their bases and payments.
  static std::vector<DuesMember> members(soci::session& sql, const Principal& caller, long long node_id, int page,
                                         int page_size, long long* total);
  // Every member of the city in person-id order after after_person_id, for sweeps: each call is one range of the
  // primary key, so walking the whole city costs one pass (paging by OFFSET over the sorted list costs a sort a page).
  static std::vector<DuesMember> members_after(soci::session& sql, long long after_person_id, int limit);
  // The payments for months of `year` of the members in scope below node_id, summed per (unit, branch).
  static std::map<std::pair<long long, long long>, long long> paid_by_branch(soci::session& sql, const Principal& caller,
                                                                             long long node_id, int year);
  // Active party members in scope with one of these ID-card hashes or names (looked up a few hundred at a time).
  struct Candidate {
    long long person_id = 0;
    std::string name, unit_name, branch_name, id_card_hash, joined;
  };
  static std::vector<Candidate> candidates(soci::session& sql, const Principal& caller, const std::vector<std::string>& hashes,
                                           const std::vector<std::string>& names);
  // Bases (by year) and paid months of these people, two queries.
  static std::map<long long, std::vector<DuesBase>> bases_of(soci::session& sql, const std::vector<long long>& ids);
  static std::map<long long, std::vector<std::string>> paid_of(soci::session& sql, const std::vector<long long>& ids);
  // The person's party status and joining date, when they are an active member.
  static std::optional<std::pair<std::string, std::string>> member(soci::session& sql, long long person_id);

 private:
  static std::vector<DuesMember> read_members(soci::session& sql, db::Query& q);  // the rows, their bases and payments
};

}  // namespace xinhuo::party
