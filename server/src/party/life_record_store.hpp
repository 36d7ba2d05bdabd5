#pragma once
// Democratic appraisals, rewards and punishments, and the reads that assemble a member's life-cycle timeline from
// every party table. Scope checks are the service's (a member's records are visible with the member).
#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

class LifeRecordStore {
 public:
  static long long insert_appraisal(db::Tx& tx, const Appraisal& a, long long by, const std::string& now);
  static long long appraisal_of(soci::session& sql, long long branch_id, int year);
  static std::optional<Appraisal> appraisal(soci::session& sql, long long id);
  // Appraisals of branches under node_id (0: all) in the caller's scope, newest year first, without grades.
  static std::vector<Appraisal> appraisals(soci::session& sql, const Principal& caller, long long node_id, int year, int limit);

  static long long insert_reward_punishment(db::Tx& tx, const RewardPunishment& r, long long by, const std::string& now);
  static std::optional<RewardPunishment> reward_punishment(soci::session& sql, long long id);
  static std::vector<RewardPunishment> rewards_punishments_of(soci::session& sql, long long person_id);
  static std::vector<RewardPunishment> rewards_punishments(soci::session& sql, const Principal& caller,
                                                           const std::string& category, int limit);

  // Every dated record of the person, unsorted.
  static std::vector<TimelineItem> timeline(soci::session& sql, long long person_id);
};

}  // namespace xinhuo::party
