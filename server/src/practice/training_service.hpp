#pragma once
// Training classes: recorded by an organising node in scope (open), people in scope enrolled up to the capacity,
// attendance (days attended overall), completion and a result or score per person, then closed once every person
// is decided — which publishes practice.training_completed for each who completed, for the cadre record and any
// points rule mapped to it. Skill competitions: participants with scores, results published once with ranks that
// share ties. practice.read to see, practice.write to record, in the caller's data scope.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "practice/training_store.hpp"

namespace xinhuo::practice {

struct TrainingInput {
  long long node_id = 0;
  std::string title, kind, starts_on, ends_on;
  int hours = 0, capacity = 0;
  std::string place;
};

inline constexpr int kMaxEnrolPerRequest = 500;

class TrainingService {
 public:
  TrainingService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Training create(const Principal& caller, const TrainingInput& in);
  Training update(const Principal& caller, long long id, const TrainingInput& in);
  Training enrol(const Principal& caller, long long id, const std::vector<long long>& person_ids);
  Training unenrol(const Principal& caller, long long id, long long person_id);
  // 按日考勤: who was present on one day of an open class (a day that has begun, within its dates; everyone listed
  // enrolled); the enrolments' days attended follow the marked days.
  Training mark_day(const Principal& caller, long long id, const std::string& day, const std::vector<long long>& present);
  Training set_results(const Principal& caller, long long id, const std::vector<Enrolment>& rows);
  Training close(const Principal& caller, long long id);
  Training get(const Principal& caller, long long id);
  std::vector<Training> list(const Principal& caller, const EventFilter& f, long long* total);
  std::vector<Training> mine(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  std::vector<Training> of_person(long long person_id);

  std::string today() const;

 private:
  void check(const TrainingInput& in) const;
  Training open_training(db::Tx& tx, const Principal& caller, long long id) const;

  db::Database& db_;
  const Clock& clock_;
};

class CompetitionService {
 public:
  CompetitionService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Competition create(const Principal& caller, const Competition& in);
  // Replaces the participants and their scores of a competition whose results are not published yet.
  Competition set_entries(const Principal& caller, long long id, const std::vector<Entry>& entries);
  // Ranks the scores (ties share a rank) and publishes the results, once.
  Competition publish(const Principal& caller, long long id);
  Competition get(const Principal& caller, long long id);
  std::vector<Competition> list(const Principal& caller, const EventFilter& f, long long* total);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  // The published competitions the person took part in, newest first, with their own result.
  std::vector<std::pair<Competition, Entry>> of_person(long long person_id);
  // The published competitions the caller took part in, with their score and rank (403 no_person for an account
  // without a person, as the other /me/practice lists).
  std::vector<std::pair<Competition, Entry>> mine(const Principal& caller);

 private:
  Competition draft(db::Tx& tx, const Principal& caller, long long id) const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::practice
