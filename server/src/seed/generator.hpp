#pragma once
// A synthetic city (or, at scale N > 1, a province of N such cities) that looks like the real thing: the
// organisation tree with units, party committees, branches and party groups; youth study groups; people with
// plausible names, ages, ranks, positions and party status. Deterministic for a given seed and date.
#include <cstdint>

#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"

namespace xinhuo::seed {

struct GenerateOptions {
  int scale = 1;                   // 1: one city (~3,000 people); N: N cities (~3,000·N people)
  std::uint64_t seed = 20261129;
  bool demo = true;                // marks the database as holding demo data (shown as a banner)
};

struct GenerateReport {
  long long org_nodes = 0;
  long long units = 0;
  long long branches = 0;
  long long people = 0;
  long long young_cadres = 0;
  long long study_groups = 0;
  long long study_group_members = 0;
};

// True when the database already has organisation data (a generator never writes over it).
bool has_data(db::Database& db);
// Writes everything in one transaction; throws std::runtime_error when the database is not empty.
// ID-card and phone numbers are sealed with `cipher`.
GenerateReport generate(db::Database& db, const GenerateOptions& options, TimePoint now, const FieldCipher& cipher);

}  // namespace xinhuo::seed
