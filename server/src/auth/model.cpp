#include "auth/model.hpp"

namespace xinhuo::auth {

const std::vector<BuiltinRole>& builtin_roles() {
  static const std::vector<BuiltinRole> roles = {
      {"system_admin", "系统管理员", "system", {"system.config"}},
      {"security_admin", "安全管理员", "security", {"account.read", "account.manage", "role.manage", "account.unlock"}},
      {"audit_admin", "审计管理员", "audit", {"audit.read", "audit.export"}},
      {"org_admin", "组织部管理员", nullptr,
       {"org.read", "org.write", "people.read", "people.write", "people.import", "people.export", "people.read_sensitive",
        "points.read", "points.approve", "points.adjust", "points.rules", "party.read", "party.write", "practice.read",
        "practice.write", "study.read", "study.write", "record.read", "record.write", "evaluation.read",
        "evaluation.manage", "mass.read", "mass.write", "oversight.read", "oversight.write", "analytics.read"}},
      {"unit_admin", "单位管理员", nullptr,
       {"org.read", "org.write", "people.read", "people.write", "people.import", "people.export", "points.read",
        "points.approve", "points.adjust", "party.read", "party.write", "practice.read", "practice.write", "study.read",
        "study.write", "record.read", "record.write", "evaluation.read", "evaluation.manage", "mass.read", "mass.write",
        "oversight.read", "analytics.read"}},
      {"branch_secretary", "支部书记", nullptr,
       {"org.read", "people.read", "points.read", "points.approve", "points.adjust", "party.read", "party.write",
        "practice.read", "mass.read", "analytics.read"}},
      {"rater", "评价人", nullptr, {"evaluation.rate"}},
      {"cadre", "干部/党员", nullptr, {"self.read"}},
  };
  return roles;
}

}  // namespace xinhuo::auth
