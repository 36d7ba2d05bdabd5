#pragma once
// The rest of a member's political life: the yearly democratic appraisal of a branch (every member graded once a
// year), rewards and party discipline punishments (expulsion ends the membership), and the life-cycle timeline
// that puts every record of a member in order. party.read to see, party.write to record, in the caller's scope.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "party/life_record_store.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

struct Timeline {
  PersonFacts person;
  std::string party_joined_date, unit_name, branch_name;
  std::vector<TimelineItem> items;  // oldest first
};

class LifeRecordService {
 public:
  LifeRecordService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Records a branch's appraisal of `year`: every active party member of the branch graded exactly once.
  Appraisal record_appraisal(const Principal& caller, const Appraisal& input);
  Appraisal appraisal(const Principal& caller, long long id);
  std::vector<Appraisal> appraisals(const Principal& caller, long long node_id, int year);

  RewardPunishment record_reward_punishment(const Principal& caller, const RewardPunishment& input);
  std::vector<RewardPunishment> rewards_punishments(const Principal& caller, const std::string& category);

  Timeline timeline(const Principal& caller, long long person_id);
  Timeline my_timeline(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  Timeline timeline_of(long long person_id);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  Timeline load_timeline(soci::session& sql, long long person_id) const;

  db::Database& db_;
  const Clock& clock_;
};

bool valid_grade(const std::string& grade);
// The category (reward | punishment) of a form, empty when the form is unknown.
std::string category_of_form(const std::string& form);

}  // namespace xinhuo::party
