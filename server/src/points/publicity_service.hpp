#pragma once
// Publicity (公示): a manager publishes a period's ranking to a unit (or branch) for N days; its members see it and
// may appeal while it is open; every appeal gets a written result; closing is recorded. The published list is a
// snapshot: entries booked later do not change what was shown.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "points/publicity_store.hpp"

namespace xinhuo::points {

struct PublishInput {
  long long node_id = 0;
  std::string period, title;
  int days = 7;
};

class PublicityService {
 public:
  PublicityService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Publicity publish(const Principal& caller, const PublishInput& input);
  std::vector<Publicity> list(const Principal& caller, long long node_id);
  std::pair<Publicity, std::vector<Appeal>> detail(const Principal& caller, long long id);
  Publicity close(const Principal& caller, long long id, const std::string& note);
  Appeal handle_appeal(const Principal& caller, long long id, const std::string& decision, const std::string& result);

  // A member's side.
  std::vector<Publicity> mine(const Principal& caller);
  Appeal appeal(const Principal& caller, long long publicity_id, const std::string& reason);
  std::vector<Appeal> my_appeals(const Principal& caller);

 private:
  std::string today() const;
  bool node_visible(soci::session& sql, const Principal& caller, long long node_id) const;
  Publicity visible(soci::session& sql, const Principal& caller, long long id) const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::points
