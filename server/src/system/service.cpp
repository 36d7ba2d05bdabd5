#include "system/service.hpp"

namespace xinhuo::system {

SystemInfo SystemService::info() {
  SystemInfo info;
  info.name = "薪火";
  info.version = version_;
  info.database = db_.dialect_name();
  info.schema_version = schema_version_;
  info.demo = store_.setting(kSettingDemoData) == std::optional<std::string>("true");
  info.time = iso_utc(clock_.now());
  return info;
}

}  // namespace xinhuo::system
