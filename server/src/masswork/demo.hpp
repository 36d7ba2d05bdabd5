#pragma once
// Demo mass work for `seed --demo`: two contact points of cadre01's unit with households paired with cadre01 (and
// cadre02), a few visits, a youth service team, and micro-projects in every state (open, one overdue, claimed, done
// waiting for the rating, rated), made through the services as the demo unit administrator and the cadres.
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"

namespace xinhuo::masswork {

struct DemoMassReport {
  long long contact_points = 0, households = 0, visits = 0, projects = 0, teams = 0;
};

// Does nothing without the demo accounts, or when contact points exist already.
DemoMassReport seed_demo_masswork(db::Database& db, const Clock& clock, const FieldCipher& cipher);

}  // namespace xinhuo::masswork
