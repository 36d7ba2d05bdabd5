#pragma once
// The "1+X" incentive policy library: read by everyone signed in; edits are compare-and-set on the version.
#include <optional>

#include "db/transaction.hpp"
#include "oversight/model.hpp"

namespace xinhuo::oversight {

class PolicyStore {
 public:
  static long long insert(db::Tx& tx, const PolicyDoc& d, long long by, const std::string& now);
  // Applies only while the document is at `version`; false otherwise.
  static bool update(db::Tx& tx, const PolicyDoc& d, int version, long long by, const std::string& now);
  static std::optional<PolicyDoc> find(soci::session& sql, long long id);
  static std::vector<PolicyDoc> list(soci::session& sql, const PolicyFilter& f, long long* total);
};

}  // namespace xinhuo::oversight
