#pragma once
// Organisation and people: the shared vocabulary (node types, civil-servant ranks, party status) and the
// young-cadre rule.
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xinhuo::db {
class Query;
}

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
// As users read them: 群众, 入党申请人, 入党积极分子, 发展对象, 预备党员, 正式党员.
std::string_view party_status_name(std::string_view code);

inline constexpr std::array<std::string_view, 8> kNodeTypes = {
    "city", "district", "system", "unit", "party_committee", "general_branch", "branch", "party_group"};

struct OrgNode {
  long long id = 0;
  long long parent_id = 0;
  std::string path;
  int depth = 0;
  std::string node_type;
  std::string name;
  std::string short_name;
  std::string code;
  int sort_order = 0;
  std::string status;
  long long people = 0;  // people whose unit is this node (lists only)
};

struct Person {
  long long id = 0;
  std::string name, gender, ethnicity, birth_date, native_place, education, degree;
  long long unit_id = 0;
  std::string unit_name;
  long long branch_id = 0;
  std::string branch_name;
  std::string position, rank, work_start_date, party_status, party_joined_date, status;
  std::string created_at, updated_at;
  std::string id_card_sealed, phone_sealed;  // as stored; opened only by the service
  // Computed
  std::string id_card_masked, phone_masked;
  int age = 0;
  bool young_cadre = false;
};

struct PersonFilter {
  std::string name;           // contains
  long long unit_id = 0;      // this node and below
  std::string rank;
  std::string party_status;
  int age_min = 0, age_max = 0;
  std::optional<bool> young_cadre;
  std::string id_card;        // exact look-up by ID number…
  std::string id_card_hash;   // …done through its keyed hash (set by the service)
  std::string sort = "id";    // id | name | birth_date | rank | unit
  bool descending = false;
  int page = 1;
  int page_size = 20;
  // More conditions from a module above org (the young-cadre pool's experience filters): appends " AND …" over the
  // person aliased `p`. Set by services, never from a request.
  std::function<void(db::Query&)> extra;
};

struct PersonChange {
  std::string field, old_value, new_value;
};

struct HistoryRow {
  long long id = 0;
  std::string field, old_value, new_value, username, changed_at;
};

// Age in whole years on `today` ("YYYY-MM-DD") of someone born on `birth_date`.
int age_on(const std::string& birth_date, const std::string& today);

}  // namespace xinhuo::org
