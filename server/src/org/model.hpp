#pragma once
// Organisation and people: the shared vocabulary (node types, civil-servant ranks, party status) and the
// young-cadre rule.
#include <array>
#include <string_view>

namespace xinhuo::org {

// Civil-servant rank sequence (职级), lowest first, with the level band that the young-cadre rule uses.
enum class RankBand { section, division, bureau };

struct Rank {
  std::string_view code;
  std::string_view name;  // as users read it
  RankBand band;
};

inline constexpr std::array<Rank, 12> kRanks = {{
    {"clerk_2", "二级科员", RankBand::section},
    {"clerk_1", "一级科员", RankBand::section},
    {"senior_clerk_4", "四级主任科员", RankBand::section},
    {"senior_clerk_3", "三级主任科员", RankBand::section},
    {"senior_clerk_2", "二级主任科员", RankBand::section},
    {"senior_clerk_1", "一级主任科员", RankBand::section},
    {"researcher_4", "四级调研员", RankBand::division},
    {"researcher_3", "三级调研员", RankBand::division},
    {"researcher_2", "二级调研员", RankBand::division},
    {"researcher_1", "一级调研员", RankBand::division},
    {"inspector_2", "二级巡视员", RankBand::bureau},
    {"inspector_1", "一级巡视员", RankBand::bureau},
}};

inline const Rank* find_rank(std::string_view code) {
  for (const auto& r : kRanks)
    if (r.code == code) return &r;
  return nullptr;
}

// Maximum age of a young cadre by rank band (reference: ≤35 section level and below, ≤40 division, ≤45 bureau).
struct YoungCadreRule {
  int section_max_age = 35;
  int division_max_age = 40;
  int bureau_max_age = 45;

  bool applies(std::string_view rank_code, int age) const {
    const Rank* r = find_rank(rank_code);
    if (!r) return false;
    switch (r->band) {
      case RankBand::section: return age <= section_max_age;
      case RankBand::division: return age <= division_max_age;
      case RankBand::bureau: return age <= bureau_max_age;
    }
    return false;
  }
};

inline constexpr std::array<std::string_view, 6> kPartyStatuses = {"masses",    "applicant",    "activist",
                                                                  "candidate", "probationary", "full"};

}  // namespace xinhuo::org
