#pragma once
// What the platform says about itself: the public status shown before anyone signs in.
#include <string>

namespace xinhuo::system {

struct SystemInfo {
  std::string name;
  std::string version;
  std::string database;  // "sqlite" | "postgresql"
  int schema_version = 0;
  bool demo = false;     // the database holds generated demo data
  std::string time;      // server time, ISO-8601 UTC
};

// Keys of the settings table.
inline constexpr const char* kSettingDemoData = "demo_data";
inline constexpr const char* kSettingSeed = "demo_seed";

}  // namespace xinhuo::system
