// Group commits on both backends: callers arriving together share one transaction, a failing caller loses only its
// own work, and the next batch starts before the previous one reached the disk.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "db/group_commit.hpp"
#include "db/sql.hpp"
#include "db/transaction.hpp"
#include "support/test_db.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using namespace std::chrono_literals;

class GroupCommitTest : public ::testing::TestWithParam<Backend> {};

namespace {

void make_table(db::Database& db) {
  db::Tx tx(db);
  tx.sql() << "CREATE TABLE grouped_thing (n INTEGER PRIMARY KEY)";
  tx.commit();
}
}  // namespace

TEST_P(GroupCommitTest, CallersArrivingTogetherShareACommitAndAFailureUndoesOnlyItsOwnWork) {
  XINHUO_TEST_DB(db, GetParam());
  make_table(db);
  db::GroupCommit group(db);
  constexpr int kCallers = 12;
  std::promise<void> release_first;
  std::shared_future<void> first_may_finish = release_first.get_future().share();
  std::atomic<int> started{0};
  std::vector<std::future<std::string>> outcomes;
  // The first caller leads and holds its transaction open until every other caller is waiting to join the next.
  outcomes.push_back(std::async(std::launch::async, [&] {
    group.run([&](db::Tx& tx) {
      tx.sql() << "INSERT INTO grouped_thing (n) VALUES (0)";
      started = 1;
      first_may_finish.wait();
    });
    return std::string("ok");
  }));
  while (started.load() == 0) std::this_thread::sleep_for(1ms);
  for (int n = 1; n < kCallers; ++n)
    outcomes.push_back(std::async(std::launch::async, [&, n] {
      try {
        group.run([&](db::Tx& tx) {
          tx.sql() << "INSERT INTO grouped_thing (n) VALUES (" + std::to_string(n) + ")";
          if (n % 4 == 0) throw std::runtime_error("refused " + std::to_string(n));
        });
      } catch (const std::exception& e) {
        return std::string(e.what());
      }
      // Returned: committed, so any other session sees it.
      return count(db, "SELECT COUNT(*) FROM grouped_thing WHERE n = " + std::to_string(n)) == 1 ? std::string("ok") : std::string("not visible");
    }));
  std::this_thread::sleep_for(300ms);  // the others queue behind the open transaction
  release_first.set_value();
  for (int n = 0; n < kCallers; ++n)
    EXPECT_EQ(outcomes[n].get(), n % 4 == 0 && n > 0 ? "refused " + std::to_string(n) : "ok") << "caller " << n;
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing"), kCallers - 2);  // 4 and 8 undone, 0 kept
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing WHERE n IN (4, 8)"), 0);
  // The first caller's transaction, then the eleven that waited together (all of them fit in one batch).
  EXPECT_EQ(group.commits(), 2u);
}

TEST_P(GroupCommitTest, StoppingFinishesTheWorkQueuedAndAnswersEveryCaller) {
  XINHUO_TEST_DB(db, GetParam());
  make_table(db);
  constexpr int kCallers = 8;
  std::vector<std::future<void>> callers;
  {
    db::GroupCommit group(db);
    std::promise<void> release_first;
    std::shared_future<void> first_may_finish = release_first.get_future().share();
    std::atomic<int> started{0};
    callers.push_back(std::async(std::launch::async, [&] {
      group.run([&](db::Tx& tx) {
        tx.sql() << "INSERT INTO grouped_thing (n) VALUES (0)";
        started = 1;
        first_may_finish.wait();
      });
    }));
    while (started.load() == 0) std::this_thread::sleep_for(1ms);
    for (int n = 1; n < kCallers; ++n)
      callers.push_back(std::async(std::launch::async, [&, n] {
        group.run([n](db::Tx& tx) { tx.sql() << "INSERT INTO grouped_thing (n) VALUES (" + std::to_string(n) + ")"; });
      }));
    std::this_thread::sleep_for(200ms);  // the others are queued behind the open transaction
    release_first.set_value();
    // Every caller has queued its work before the group commit goes away: stopping it finishes that work first.
    while (group.commits() == 0) std::this_thread::sleep_for(1ms);
  }
  for (auto& c : callers) {
    ASSERT_EQ(c.wait_for(10s), std::future_status::ready) << "a caller was never answered";
    c.get();
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing"), kCallers);
}

TEST_P(GroupCommitTest, TheNextBatchBeginsBeforeThePreviousOneReachedTheDisk) {
  XINHUO_TEST_DB(db, GetParam());
  make_table(db);
  db::Tx first(db, db::Tx::Kind::group);
  first.sql() << "INSERT INTO grouped_thing (n) VALUES (1)";
  first.commit();  // written, not yet synced: the writer session is free again
  auto second = std::async(std::launch::async, [&] {
    db::Tx tx(db, db::Tx::Kind::group);
    tx.sql() << "INSERT INTO grouped_thing (n) VALUES (2)";
    tx.commit();
    tx.sync();
  });
  ASSERT_EQ(second.wait_for(10s), std::future_status::ready) << "the second batch waited for the first one's sync";
  second.get();
  first.sync();
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing"), 2);
}

TEST_P(GroupCommitTest, AGroupTransactionThatFailsLeavesNothingAndFreesTheWriterSession) {
  XINHUO_TEST_DB(db, GetParam());
  make_table(db);
  {
    db::Tx failing(db, db::Tx::Kind::group);
    failing.sql() << "INSERT INTO grouped_thing (n) VALUES (1)";
    EXPECT_ANY_THROW(failing.sql() << "INSERT INTO grouped_thing (n) VALUES (1)");
  }  // rolled back
  db::Tx next(db, db::Tx::Kind::group);
  next.sql() << "INSERT INTO grouped_thing (n) VALUES (2)";
  next.commit();
  next.sync();
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM grouped_thing WHERE n = 2"), 1);
}

INSTANTIATE_TEST_SUITE_P(Db, GroupCommitTest, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

