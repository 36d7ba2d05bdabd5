#pragma once
// The org tree and the roster: who may see and change what (permission and data scope), the shape rules of
// the tree, validation of people's fields, and the history of every change.
#include <optional>

#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "org/store.hpp"

namespace xinhuo::org {

inline constexpr const char* kPermOrgRead = "org.read";
inline constexpr const char* kPermOrgWrite = "org.write";
inline constexpr const char* kPermPeopleRead = "people.read";
inline constexpr const char* kPermPeopleWrite = "people.write";
inline constexpr const char* kPermPeopleSensitive = "people.read_sensitive";
inline constexpr const char* kPermPeopleExport = "people.export";
inline constexpr int kMaxExportRows = 50000;

struct SensitiveFields {
  std::string id_card, phone;
};

struct NodeInput {
  long long parent_id = 0;
  std::string node_type, name, short_name, code;
  int sort_order = 0;
};

struct NodeUpdate {
  std::optional<std::string> name, short_name;
  std::optional<int> sort_order;
};

// Fields a PATCH may change; unset ones stay as they are.
struct PersonPatch {
  std::optional<std::string> name, gender, ethnicity, birth_date, native_place, education, degree, position, rank,
      work_start_date, party_status, party_joined_date;
  std::optional<std::string> id_card, phone;  // "" clears
  std::optional<long long> unit_id, branch_id;  // branch_id 0 clears it
};

class OrgService {
 public:
  OrgService(db::Database& db, const Clock& clock, const FieldCipher& cipher, YoungCadreRule rule = {})
      : db_(db), store_(db), clock_(clock), cipher_(cipher), rule_(rule) {}

  std::vector<OrgNode> tree(const Principal& caller);
  OrgNode node(const Principal& caller, long long id);
  OrgNode create_node(const Principal& caller, const NodeInput& input);
  OrgNode update_node(const Principal& caller, long long id, const NodeUpdate& update);
  OrgNode move_node(const Principal& caller, long long id, long long new_parent_id);
  OrgNode close_node(const Principal& caller, long long id);

  std::vector<Person> people(const Principal& caller, const PersonFilter& filter, long long* total);
  Person person(const Principal& caller, long long id);
  Person update_person(const Principal& caller, long long id, const PersonPatch& patch);
  std::vector<HistoryRow> history(const Principal& caller, long long id);
  // The full ID and phone numbers: needs people.read_sensitive, and every read is audited.
  SensitiveFields sensitive(const Principal& caller, long long id);
  // The filtered roster as an .xlsx workbook (numbers masked); audited with the filter and the row count.
  std::string export_people(const Principal& caller, const PersonFilter& filter);
  // 我的信息: the caller's own person record (any signed-in account linked to a person).
  Person my_person(const Principal& caller);

  // Reads for an aggregator (the growth archive) that has already checked that its caller may see the person: the
  // person (404 when there is none), and the history of their unit, branch, position and rank, oldest first.
  Person person_of(long long id);
  std::vector<HistoryRow> career_of(long long id);

  // Party status as member development moves it (a step recorded by another module inside its transaction):
  // written with the person's history like any change. `joined_date` empty leaves the joining date alone.
  static void set_party_status(db::Tx& tx, long long person_id, const std::string& status, const std::string& joined_date,
                               const Principal& by, const std::string& now);
  // The joining date taken back with the step that set it (an admission recorded by mistake), with its history row.
  static void clear_party_joined_date(db::Tx& tx, long long person_id, const Principal& by, const std::string& now);

  // A confirmed organisational relationship transfer: the person joins `branch_id` and the unit above it, in one
  // update with its history; `branch_id` 0 means they left the city's organisations (status left).
  static void transfer_membership(db::Tx& tx, long long person_id, long long branch_id, const Principal& by,
                                  const std::string& now);

  // Which child types a node type may have (the shape of the tree).
  static bool child_allowed(const std::string& parent_type, const std::string& child_type);

 private:
  void require(const Principal& caller, const char* permission) const;
  Person with_computed(Person p) const;
  std::string today() const;

  db::Database& db_;
  OrgStore store_;
  const Clock& clock_;
  const FieldCipher& cipher_;
  YoungCadreRule rule_;
};

}  // namespace xinhuo::org
