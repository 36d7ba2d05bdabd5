#pragma once
#include <string>

#include "core/clock.hpp"
#include "system/model.hpp"
#include "system/store.hpp"

namespace xinhuo::system {

class SystemService {
 public:
  SystemService(db::Database& db, const Clock& clock, std::string version, int schema_version)
      : db_(db), store_(db), clock_(clock), version_(std::move(version)), schema_version_(schema_version) {}

  SystemInfo info();
  bool ready() { return db_.ping(); }

 private:
  db::Database& db_;
  SystemStore store_;
  const Clock& clock_;
  std::string version_;
  int schema_version_;
};

}  // namespace xinhuo::system
