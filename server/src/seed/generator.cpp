#include "seed/generator.hpp"

#include <fmt/format.h>
#include "db/sql.hpp"

#include <cstring>
#include <random>
#include <unordered_set>
#include <stdexcept>

#include "db/bulk_insert.hpp"
#include "db/transaction.hpp"
#include "org/model.hpp"
#include "seed/names.hpp"
#include "system/model.hpp"
#include "system/store.hpp"

namespace xinhuo::seed {

namespace {

const char* const kCountOrgNodes = "SELECT COUNT(*) FROM org_node";
const std::vector<std::string> kOrgColumns = {"id", "parent_id", "path", "depth", "node_type", "name", "short_name",
                                              "code", "sort_order", "status", "created_at", "updated_at"};
const std::vector<std::string> kPersonColumns = {
    "id", "name", "gender", "ethnicity", "birth_date", "native_place", "education", "degree", "unit_id", "branch_id",
    "position", "rank", "work_start_date", "party_status", "party_joined_date", "status", "created_at", "updated_at",
    "id_card_sealed", "id_card_hash", "phone_sealed", "phone_hash"};
// Area codes of ID numbers (districts of a Zhejiang city and neighbours): plausible, not anyone's.
const char* const kIdRegions[] = {"330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226",
                                  "330281", "330282", "330102", "330106", "330302", "330602", "331002", "330402"};
const char* const kMobilePrefixes[] = {"133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158",
                                       "159", "177", "180", "181", "182", "187", "188", "189", "199"};
const std::vector<std::string> kGroupColumns = {"id", "unit_id", "name", "leader_person_id", "status", "created_at"};
const std::vector<std::string> kMemberColumns = {"group_id", "person_id", "joined_at"};
const char* const kChineseOrdinals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

struct Node {
  long long id;
  std::string path;
  int depth;
};

class Builder {
 public:
  Builder(db::Tx& tx, const GenerateOptions& o, TimePoint now, const FieldCipher& cipher)
      : cipher_(cipher), rng_(o.seed), now_(iso_utc(now)), year_(std::stoi(now_.substr(0, 4))),
        orgs_(tx.sql(), "org_node", kOrgColumns), people_(tx.sql(), "person", kPersonColumns),
        groups_(tx.sql(), "study_group", kGroupColumns), members_(tx.sql(), "study_group_member", kMemberColumns) {
    people_.write_after(orgs_);
    groups_.write_after(people_);
    members_.write_after(groups_);
  }

  GenerateReport run(int scale) {
    std::optional<Node> province;
    if (scale > 1) province = add_node(std::nullopt, "city", "示范省", "P001", 0);
    for (int c = 0; c < scale; ++c) add_city(province, c);
    orgs_.flush();
    people_.flush();
    groups_.flush();
    members_.flush();
    return report_;
  }

 private:
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  const char* weighted(const std::vector<Weighted>& list) {
    int total = 0;
    for (const auto& w : list) total += w.weight;
    int r = between(1, total);
    for (const auto& w : list)
      if ((r -= w.weight) <= 0) return w.text;
    return list.back().text;
  }
  template <class T>
  const T& any(const std::vector<T>& list) {
    return list[static_cast<std::size_t>(between(0, static_cast<int>(list.size()) - 1))];
  }
  std::string date(int year, int month, int day) { return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day); }
  std::string random_date(int year) { return date(year, between(1, 12), between(1, 28)); }

  Node add_node(const std::optional<Node>& parent, const char* type, const std::string& name, const std::string& code,
                int sort) {
    Node n{++next_org_, "", parent ? parent->depth + 1 : 0};
    n.path = (parent ? parent->path : std::string("/")) + std::to_string(n.id) + "/";
    orgs_.add({std::to_string(n.id), parent ? db::Cell(std::to_string(parent->id)) : std::nullopt, n.path,
               std::to_string(n.depth), type, name, std::nullopt, code, std::to_string(sort), "active", now_, now_});
    ++report_.org_nodes;
    return n;
  }

  void add_city(const std::optional<Node>& province, int c) {
    const auto& cities = city_names();
    std::string city_name = cities[static_cast<std::size_t>(c) % cities.size()];
    if (c >= static_cast<int>(cities.size())) city_name = fmt::format("{}{}", city_name, c / cities.size() + 1);
    const std::string city_code = fmt::format("C{:03d}", c + 1);
    Node city = add_node(province, "city", city_name, city_code, c);

    const auto& units = city_units();
    for (std::size_t u = 0; u < units.size(); ++u) {
      Node unit = add_node(city, "unit", units[u], fmt::format("{}-U{:03d}", city_code, u + 1), static_cast<int>(u));
      const int groups = u < 38 ? 3 : 2;  // 38×3 + 36×2 = 186 youth study groups per city
      add_unit_people(unit, units[u], between(20, 48), groups, fmt::format("{}-U{:03d}", city_code, u + 1));
    }
    const auto& districts = district_names();
    for (std::size_t d = 0; d < districts.size(); ++d) {
      Node district = add_node(city, "district", districts[d], fmt::format("{}-D{}", city_code, d + 1),
                               static_cast<int>(units.size() + d));
      const auto& dunits = district_units();
      for (std::size_t u = 0; u < dunits.size(); ++u) {
        const std::string code = fmt::format("{}-D{}-U{:02d}", city_code, d + 1, u + 1);
        Node unit = add_node(district, "unit", std::string(districts[d]) + dunits[u], code, static_cast<int>(u));
        add_unit_people(unit, std::string(districts[d]) + dunits[u], between(18, 30), 0, code);
      }
    }
  }

  // Branches (under a party committee in larger units) and party groups; returns the branch ids.
  std::vector<long long> add_party_orgs(const Node& unit, int headcount, const std::string& code) {
    std::vector<long long> branches;
    std::optional<Node> parent = unit;
    int branch_count = 1 + headcount / 18;
    if (headcount >= 36) parent = add_node(unit, "party_committee", "机关党委", code + "-PC", 0);
    for (int b = 0; b < branch_count; ++b) {
      const std::string name = branch_count == 1 ? "机关党支部" : fmt::format("第{}党支部", kChineseOrdinals[b]);
      Node branch = add_node(parent, "branch", name, fmt::format("{}-B{}", code, b + 1), b);
      branches.push_back(branch.id);
      ++report_.branches;
      const int party_groups = between(1, 2);
      for (int g = 0; g < party_groups; ++g)
        add_node(branch, "party_group", fmt::format("第{}党小组", kChineseOrdinals[g]), fmt::format("{}-B{}-G{}", code, b + 1, g + 1), g);
    }
    return branches;
  }

  static std::string head_title(const std::string& unit) {
    auto ends = [&](const char* s) { return unit.size() >= std::strlen(s) && unit.compare(unit.size() - std::strlen(s), std::string::npos, s) == 0; };
    if (ends("局") || ends("支队")) return ends("局") ? "局长" : "支队长";
    if (ends("部")) return "部长";
    if (ends("院")) return "院长";
    if (ends("委")) return "书记";
    return "主任";
  }

  void add_unit_people(const Node& unit, const std::string& unit_name, int headcount, int study_groups,
                       const std::string& code) {
    ++report_.units;
    const auto branches = add_party_orgs(unit, headcount, code);
    const org::YoungCadreRule young_rule;
    const std::string head = head_title(unit_name);
    std::vector<long long> young;
    for (int i = 0; i < headcount; ++i) {
      const bool male = chance(56);
      std::string name = weighted(surnames());
      name += any(given_chars(male));
      if (chance(70)) name += any(given_chars(male));

      std::string position, rank;
      int age;
      if (i == 0) {
        age = between(45, 57), position = head, rank = chance(30) ? "inspector_2" : "researcher_1";
      } else if (i <= 2) {
        age = between(38, 55), position = "副" + head, rank = age < 42 ? "researcher_3" : "researcher_2";
      } else if (i < 3 + headcount / 7) {
        age = between(32, 52), position = "科长", rank = age < 38 ? "senior_clerk_1" : "researcher_4";
      } else if (i < 3 + 2 * headcount / 7) {
        age = between(28, 45), position = "副科长", rank = age < 34 ? "senior_clerk_3" : "senior_clerk_2";
      } else {
        age = between(23, 58), position = "科员";
        rank = age < 26 ? "clerk_2" : age < 30 ? "clerk_1" : age < 36 ? "senior_clerk_4" : age < 45 ? "senior_clerk_3" : "senior_clerk_2";
      }
      const int birth_year = year_ - age;
      const std::string birth = random_date(birth_year);
      const int start_age = between(21, 25);
      const bool graduate = chance(35);
      const char* party_status = weighted({{"full", 74}, {"probationary", 4}, {"candidate", 3}, {"activist", 5},
                                           {"applicant", 4}, {"masses", 10}});
      if (i < 3) party_status = "full";
      db::Cell joined;
      if (std::string_view(party_status) == "full")
        joined = random_date(std::min(year_ - 2, birth_year + between(19, std::max(19, age - 3))));
      else if (std::string_view(party_status) == "probationary")
        joined = random_date(year_ - between(0, 1));
      db::Cell branch;
      if (std::string_view(party_status) != "masses")
        branch = std::to_string(branches[static_cast<std::size_t>(between(0, static_cast<int>(branches.size()) - 1))]);
      else  // everyone works in some branch's department; chosen without a random draw so the rest stays the same
        branch = std::to_string(branches[static_cast<std::size_t>(next_person_ + 1) % branches.size()]);

      const long long id = ++next_person_;
      const std::string id_card = id_number(birth, male);
      const std::string phone = std::string(kMobilePrefixes[between(0, 19)]) + fmt::format("{:08d}", between(0, 99999999));
      people_.add({std::to_string(id), name, male ? "male" : "female", weighted(ethnicities()), birth,
                   any(native_places()), graduate ? "研究生" : (chance(90) ? "大学本科" : "大学专科"),
                   graduate ? (chance(8) ? "博士" : "硕士") : "学士", std::to_string(unit.id), branch, position, rank,
                   random_date(birth_year + start_age), party_status, joined, "active", now_, now_,
                   cipher_.seal(id_card), cipher_.lookup_hash(id_card), cipher_.seal(phone), cipher_.lookup_hash(phone)});
      ++report_.people;
      if (young_rule.applies(rank, age)) {
        young.push_back(id);
        ++report_.young_cadres;
      }
    }
    for (int g = 0; g < study_groups; ++g) {
      const long long group_id = ++next_group_;
      std::vector<long long> members;
      for (std::size_t k = static_cast<std::size_t>(g); k < young.size(); k += static_cast<std::size_t>(study_groups))
        members.push_back(young[k]);
      const std::string name = fmt::format("{}青年理论学习小组{}", unit_name,
                                           study_groups > 1 ? fmt::format("（第{}组）", kChineseOrdinals[g]) : "");
      groups_.add({std::to_string(group_id), std::to_string(unit.id), name,
                   members.empty() ? std::nullopt : db::Cell(std::to_string(members.front())), "active", now_});
      ++report_.study_groups;
      for (long long m : members) {
        members_.add({std::to_string(group_id), std::to_string(m), now_});
        ++report_.study_group_members;
      }
    }
  }

  // A valid GB 11643 number for the birth date, unique within the generated data.
  std::string id_number(const std::string& birth, bool male) {
    const std::string region = kIdRegions[between(0, 15)];
    const std::string date = birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2);
    int seq = between(0, 499) * 2 + (male ? 1 : 0);
    for (;;) {
      std::string body = region + date + fmt::format("{:03d}", seq);
      static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
      int sum = 0;
      for (std::size_t i = 0; i < 17; ++i) sum += (body[i] - '0') * weights[i];
      body.push_back("10X98765432"[sum % 11]);
      if (used_ids_.insert(body).second) return body;
      seq = (seq + 2) % 1000;
    }
  }

  const FieldCipher& cipher_;
  std::unordered_set<std::string> used_ids_;
  std::mt19937_64 rng_;
  std::string now_;
  int year_;
  db::BulkInsert orgs_, people_, groups_, members_;
  long long next_org_ = 0, next_person_ = 0, next_group_ = 0;
  GenerateReport report_;
};

}  // namespace

bool has_data(db::Database& db) {
  auto lease = db.lease();
  long long n = 0;
  lease.sql() << kCountOrgNodes, soci::into(n);
  return n > 0;
}

GenerateReport generate(db::Database& db, const GenerateOptions& options, TimePoint now, const FieldCipher& cipher) {
  if (options.scale < 1 || options.scale > 1000) throw std::runtime_error("scale must be between 1 and 1000");
  if (has_data(db)) throw std::runtime_error("the database already holds organisation data; generate into an empty database");
  db::Tx tx(db);
  GenerateReport report;
  {
    Builder builder(tx, options, now, cipher);
    report = builder.run(options.scale);
  }
  if (db.dialect() == db::Dialect::postgresql) {
    // Explicit ids were inserted: move the identity sequences past them.
    for (const char* table : {"org_node", "person", "study_group"})
      tx.sql() << fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), (SELECT MAX(id) FROM {0}))", table);
  }
  const std::string at = iso_utc(now);
  system::SystemStore::put_setting(tx, system::kSettingDemoData, options.demo ? "true" : "false", at);
  system::SystemStore::put_setting(tx, system::kSettingSeed, std::to_string(options.seed), at);
  tx.commit();
  return report;
}

}  // namespace xinhuo::seed
