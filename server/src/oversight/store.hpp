#pragma once
// The tables of accountability records, clarifications and special inspections. Records about a person are visible to
// a caller whose scope covers the person's current unit and branch; a finding, to one whose scope covers its unit; an
// inspection, to one whose scope covers one of its nodes or one of its findings.
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "oversight/model.hpp"

namespace xinhuo::oversight {

struct PersonFilter {
  long long person_id = 0, node_id = 0;
  std::string q;
  int page = 1, page_size = 50;
};

class OversightStore {
 public:
  // The forms in the order of accountability_forms(), with the periods of the accountability_period table.
  static std::vector<AccountabilityForm> forms(soci::session& sql);
  static void set_period(db::Tx& tx, const AccountabilityForm& f, long long by, const std::string& now);
  static long long insert_accountability(db::Tx& tx, const Accountability& a, long long by, const std::string& now);
  static std::vector<Accountability> accountability(soci::session& sql, const Principal* caller, const PersonFilter& f,
                                                    const std::string& today, long long* total);
  static std::optional<Accountability> accountability_one(soci::session& sql, const Principal* caller, long long id,
                                                          const std::string& today);

  static long long insert_clarification(db::Tx& tx, const Clarification& c, long long by, const std::string& now);
  static std::vector<Clarification> clarifications(soci::session& sql, const Principal* caller, const PersonFilter& f,
                                                   long long* total);
  static bool set_shown(db::Tx& tx, long long id, long long person_id, bool shown);

  static long long insert_inspection(db::Tx& tx, const Inspection& i, const std::vector<long long>& nodes, long long by,
                                     const std::string& now);
  static std::vector<Inspection> inspections(soci::session& sql, const Principal& caller, const std::string& today);
  static std::optional<Inspection> inspection(soci::session& sql, const Principal& caller, long long id, const std::string& today);
  // The unit lies at or below one of the inspection's nodes.
  static bool unit_in_inspection(soci::session& sql, long long inspection_id, long long unit_id);
  static long long insert_finding(db::Tx& tx, const Finding& f, const std::string& now);
  // Findings in scope (of one inspection when inspection_id is set; only overdue ones when overdue_only).
  static std::vector<Finding> findings(soci::session& sql, const Principal& caller, long long inspection_id, bool overdue_only,
                                       const std::string& today);
  static std::optional<Finding> finding(soci::session& sql, const Principal& caller, long long id, const std::string& today);
  static bool follow_up(db::Tx& tx, long long id, const std::string& follow_up, bool rectified, const std::string& now);
};

}  // namespace xinhuo::oversight
