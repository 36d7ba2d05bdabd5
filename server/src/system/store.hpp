#pragma once
#include <optional>
#include <string>

#include "db/database.hpp"
#include "db/transaction.hpp"

namespace xinhuo::system {

class SystemStore {
 public:
  explicit SystemStore(db::Database& db) : db_(db) {}
  std::optional<std::string> setting(const std::string& key);
  static void put_setting(db::Tx& tx, const std::string& key, const std::string& value, const std::string& now);

 private:
  db::Database& db_;
};

}  // namespace xinhuo::system
