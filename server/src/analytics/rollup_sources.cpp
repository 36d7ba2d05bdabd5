// The modules' contributions to the rollups (docs/architecture.md#dashboards). Each source reads its module only
// through the module's facts.hpp and adds through Rollup, on an event and on a rebuild alike.
#include "analytics/model.hpp"
#include "analytics/rollup.hpp"
#include "org/events.hpp"
#include "party/facts.hpp"
#include "party/meetings.hpp"
#include "points/facts.hpp"
#include "study/facts.hpp"
#include "study/model.hpp"

namespace xinhuo::analytics {

namespace {

// A check-in: one more on the day, and the person counted once among the month's participants.
void checkin(Rollup& r, long long person_id, const std::string& day) {
  const auto at = r.place(person_id, day);
  if (!at) return;
  r.add(at->node_id, at->unit_id, day, kMetricCheckins, "", at->young, 1);
  if (r.once(kMetricParticipants, day.substr(0, 7), person_id))
    r.add(at->node_id, at->unit_id, day.substr(0, 8) + "01", kMetricParticipants, "", at->young, 1);
}

void meeting_closed(Rollup& r, long long node_id, long long unit_id, const std::string& type, const std::string& day) {
  r.add(node_id, unit_id, day, kMetricMeetings, type, false, 1);
  r.touch(node_id);  // the branch's light
}


void points_booked(Rollup& r, long long person_id, const std::string& day, const std::string& category, long long points) {
  const auto at = r.place(person_id, day);
  if (!at) return;
  r.add(at->node_id, at->unit_id, day, kMetricPoints, category, at->young, points);
}

long long payload_ll(const db::Event& e, const char* key) {
  const auto it = e.payload.find(key);
  return it != e.payload.end() && it->is_number_integer() ? it->get<long long>() : 0;
}

std::string payload_text(const db::Event& e, const char* key) {
  const auto it = e.payload.find(key);
  return it != e.payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const std::vector<Source>& sources() {
  static const std::vector<Source> list = {
      {"people",
       {org::kEventPersonPlaced, org::kEventPersonChanged},
       [](Rollup& r, const db::Event& e) { r.refresh_person(e.subject_id); },
       [](Rollup& r) { org::each_active_person(r.tx().sql(), [&](const org::PersonFacts& p) { r.add_person(p); }); }},
      {"study",
       {study::kEventCheckin},
       [](Rollup& r, const db::Event& e) {
         if (e.person_id) checkin(r, e.person_id, activity_date(e));
       },
       [](Rollup& r) {
         study::each_checkin(r.tx().sql(), [&](long long, long long person, const std::string& day) { checkin(r, person, day); });
       }},
      {"meetings",
       {party::kEventMeetingClosed},
       [](Rollup& r, const db::Event& e) {
         meeting_closed(r, payload_ll(e, "node_id"), payload_ll(e, "unit_id"), payload_text(e, "meeting_type"), activity_date(e));
       },
       [](Rollup& r) {
         party::each_closed_meeting(r.tx().sql(), [&](const party::ClosedMeeting& m) {
           meeting_closed(r, m.node_id, m.unit_id, m.meeting_type, m.held_on);
         });
       }},
      {"points",
       {points::kEventEntryBooked},
       [](Rollup& r, const db::Event& e) {
         points_booked(r, e.person_id, activity_date(e), payload_text(e, "category"), payload_ll(e, "points"));
       },
       [](Rollup& r) {
         points::each_points_day(r.tx().sql(), [&](long long person, const std::string& day, const std::string& category,
                                                  long long sum) { points_booked(r, person, day, category, sum); });
       }},
      {"dues",
       {party::kEventDuesPaid},
       // Only the day's figures of the person's place follow (no rollup rows).
       [](Rollup& r, const db::Event& e) { r.touch_person(e.person_id); },
       [](Rollup&) {}},
      {"development",
       {party::kEventDevelopmentChanged},
       [](Rollup& r, const db::Event& e) { r.touch_person(party::development_case_person(r.tx().sql(), e.subject_id)); },
       [](Rollup&) {}},
  };
  return list;
}

}  // namespace xinhuo::analytics
