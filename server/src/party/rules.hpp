#pragma once
// The time rules of member development (shared/reference/party-development.md) as pure functions of a case and
// a date, so every rule is tested without a database: which step comes next and from when, whether a step may
// be recorded (refused with the reason and, for a date too early, the date it becomes possible), and which
// deadlines are near or missed.
#include "core/error.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

inline constexpr int kWarnDays = 30;  // a deadline this close shows yellow

// The step that comes next, with its earliest and due dates.
NextStep next_step(const DevelopmentCase& c);
// Throws a validation or conflict error unless `step` may be recorded next on `today` (Beijing date). Checks the
// order, dates (not in the future, not before the previous step, waiting periods), votes, training, publicity,
// the number of contacts and sponsors, and probation outcomes. Whether contacts and sponsors are full members is
// the service's check (it needs the roster).
void check_step(const DevelopmentCase& c, const StepRecord& step, const std::string& today);
// Every open deadline of an active case, whatever its date (none for a closed case).
std::vector<Deadline> deadlines(const DevelopmentCase& c);
// The level of a deadline on `today`: overdue, due_soon (30 days or less) or empty.
std::string warning_level(const std::string& due, const std::string& today, int* days_left = nullptr);
// Deadlines of an active case that are 30 days away or less, or missed, on `today`.
std::vector<Warning> warnings(const DevelopmentCase& c, const std::string& today);

// The end of probation: one year from the branch meeting (step 15) plus any extension; empty before step 15.
std::string probation_end(const DevelopmentCase& c);
// The party status a person has once the case's steps are recorded (masses after a disqualification).
std::string party_status_after(const DevelopmentCase& c);
// The stage (1–5) a case is in: the stage of its latest recorded step (an activist waiting for the year to pass
// is still in stage 2).
int stage_of(const DevelopmentCase& c);
// The recorded step, if any (the latest attempt for steps 22–24 unless `attempt` is given).
const StepRecord* find_step(const DevelopmentCase& c, int step_no, int attempt = 0);

}  // namespace xinhuo::party
