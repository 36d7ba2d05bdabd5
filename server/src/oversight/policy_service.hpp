#pragma once
// The "1+X" incentive policy library (政策文件): one core document and its supporting ones, each with its category,
// issuing body, document number, effective dates and text (or a scanned page). Everyone signed in reads and
// searches it (by text, category, or the documents in force on a date); oversight.write edits, compare-and-set on
// the version, audited.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "files/service.hpp"
#include "oversight/policy_store.hpp"

namespace xinhuo::oversight {

class PolicyService {
 public:
  PolicyService(db::Database& db, const Clock& clock, files::FilesService* files = nullptr) : db_(db), clock_(clock), files_(files) {}

  std::vector<PolicyDoc> list(const Principal& caller, const PolicyFilter& f, long long* total);
  PolicyDoc get(const Principal& caller, long long id);
  PolicyDoc create(const Principal& caller, const PolicyDoc& in);
  // in.version: the version the edit was made from; 409 policy_version when it changed meanwhile.
  PolicyDoc update(const Principal& caller, long long id, const PolicyDoc& in);
  std::pair<files::StoredFile, std::string> file(const Principal& caller, long long id);

 private:
  void check(const PolicyDoc& in) const;

  db::Database& db_;
  const Clock& clock_;
  files::FilesService* files_;
};

}  // namespace xinhuo::oversight
