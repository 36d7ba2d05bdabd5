#pragma once
// Demo accounts for every role, flagged as demo (the UI shows a banner), all with the documented demo password
// and, for the three administrators, the documented TOTP secret.
#include <string>
#include <vector>

#include "auth/service.hpp"

namespace xinhuo::seed {

inline constexpr const char* kDemoPassword = "Xinhuo#2026";
inline constexpr const char* kDemoTotpSecret = "JBSWY3DPEHPK3PXP";

struct DemoAccount {
  std::string username, display_name, role, scope_note;
};

// Creates the demo accounts on a generated city; returns what was created (for printing).
std::vector<DemoAccount> seed_demo_accounts(db::Database& db, auth::AuthService& auth, TimePoint now);

}  // namespace xinhuo::seed
