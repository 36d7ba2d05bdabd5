#pragma once
// Youth theory study groups (青年理论学习小组): a unit's groups, their leader and members, and the coverage figure the
// organisation department reports ("every unit has a group, every young cadre is in one") with the people not yet
// covered. study.read to see, study.write to manage, in the caller's data scope.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "study/group_store.hpp"

namespace xinhuo::study {

struct GroupInput {
  long long unit_id = 0;  // on creation only
  std::string name;
  long long leader_person_id = 0;
};

inline constexpr int kMaxMembersPerRequest = 200;

class GroupService {
 public:
  GroupService(db::Database& db, const Clock& clock, org::YoungCadreRule rule = {})
      : db_(db), clock_(clock), rule_(rule) {}

  StudyGroup create(const Principal& caller, const GroupInput& in);
  StudyGroup update(const Principal& caller, long long id, const GroupInput& in);
  StudyGroup close(const Principal& caller, long long id);
  // Adds people of the group's unit; those already in the group are left as they are.
  StudyGroup add_members(const Principal& caller, long long id, const std::vector<long long>& person_ids);
  StudyGroup remove_member(const Principal& caller, long long id, long long person_id);

  StudyGroup get(const Principal& caller, long long id);
  std::vector<StudyGroup> list(const Principal& caller, const GroupFilter& f, long long* total);
  Coverage coverage(const Principal& caller, long long node_id, int page, int page_size);
  std::vector<UncoveredPerson> uncovered(const Principal& caller, long long node_id, int page, int page_size, long long* total);
  std::vector<StudyGroup> mine(const Principal& caller);

  std::string today() const;

 private:
  StudyGroup active_group(db::Tx& tx, const Principal& caller, long long id) const;
  void check_leader(db::Tx& tx, long long unit_id, long long leader) const;

  db::Database& db_;
  const Clock& clock_;
  org::YoungCadreRule rule_;
};

void require(const Principal& caller, const char* permission);

}  // namespace xinhuo::study
