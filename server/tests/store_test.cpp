// The database layer on both backends: settings, transactions with in-transaction events, bulk inserts and
// idempotency records.
#include <gtest/gtest.h>

#include <future>
#include <map>

#include "core/error.hpp"
#include "db/bulk_insert.hpp"
#include "db/events.hpp"
#include "db/idempotency.hpp"
#include "db/migrations.hpp"
#include "db/query.hpp"
#include "db/sql.hpp"
#include "db/transaction.hpp"
#include "support/test_db.hpp"
#include "system/store.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Store : public ::testing::TestWithParam<Backend> {};


// A request that commits and then reads through a new lease, or reads while its transaction is still alive, used to
// take a second session from the pool: with every worker doing so at once the pool emptied and every one of them
// waited forever (found as a hung probe run on PostgreSQL, 4 sessions). A thread is now lent the session it holds.
TEST_P(Store, AThreadHoldingASessionIsLentTheSameOneAndNeverWaitsOnItself) {
  XINHUO_TEST_DB(shared, GetParam());
  const std::string url = shared_holder->url();
  db::Database one(db::DatabaseOptions{.url = url, .pool_size = 1, .pg_schema = shared_holder->pg_schema()});
  {
    db::Tx tx(one);
    tx.sql() << "CREATE TABLE lent_thing (n INTEGER NOT NULL)";
    tx.sql() << "INSERT INTO lent_thing (n) VALUES (1)";
    tx.commit();
    long long n = 0;
    auto lease = one.lease();  // the Tx still holds the only session: lent, not waited for
    lease.sql() << "SELECT COUNT(*) FROM lent_thing", soci::into(n);
    EXPECT_EQ(n, 1);
    db::Tx after(one);  // a new transaction once the first is committed, on the same session
    after.sql() << "INSERT INTO lent_thing (n) VALUES (2)";
    after.commit();
  }
  // A transaction inside an open one is refused at once (PostgreSQL would only warn, and the inner COMMIT would
  // commit the outer work half done).
  {
    db::Tx outer(one);
    outer.sql() << "INSERT INTO lent_thing (n) VALUES (3)";
    EXPECT_THROW(db::Tx inner(one), std::logic_error);
  }  // outer rolls back
  long long rows = 0;
  one.lease().sql() << "SELECT COUNT(*) FROM lent_thing", soci::into(rows);
  EXPECT_EQ(rows, 2) << "the refused inner transaction left the outer one to roll back whole";
  EXPECT_EQ(one.in_use(), 0u) << "every session is back in the pool";

  // Many threads, two sessions, each doing what reset_password did: commit, then read through a new lease.
  db::Database two(db::DatabaseOptions{.url = url, .pool_size = 2, .pg_schema = shared_holder->pg_schema()});
  std::vector<std::future<void>> workers;
  for (int w = 0; w < 6; ++w)
    workers.push_back(std::async(std::launch::async, [&two] {
      for (int i = 0; i < 30; ++i) {
        db::Tx tx(two);
        tx.sql() << "INSERT INTO lent_thing (n) VALUES (4)";
        tx.commit();
        long long n = 0;
        two.lease().sql() << "SELECT COUNT(*) FROM lent_thing WHERE n = 4", soci::into(n);
      }
    }));
  for (auto& w : workers) ASSERT_EQ(w.wait_for(std::chrono::seconds(120)), std::future_status::ready) << "a worker hung";
  long long fours = 0;
  two.lease().sql() << "SELECT COUNT(*) FROM lent_thing WHERE n = 4", soci::into(fours);
  EXPECT_EQ(fours, 180);
}

TEST_P(Store, SettingsUpsert) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  system::SystemStore store(db);
  EXPECT_FALSE(store.setting("demo_data"));
  {
    db::Tx tx(db);
    system::SystemStore::put_setting(tx, "demo_data", "true", "2026-11-29T00:00:00Z");
    system::SystemStore::put_setting(tx, "demo_data", "false", "2026-11-29T00:00:01Z");
    tx.commit();
  }
  EXPECT_EQ(store.setting("demo_data"), "false");
}

TEST_P(Store, UncommittedTransactionRollsBackWithItsEvents) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE thing (id {{id}}, name TEXT NOT NULL);"
                                  "CREATE TABLE thing_log (id {{id}}, thing_id BIGINT NOT NULL);"}});
  // A subscriber writes in the publisher's transaction.
  db.events().subscribe("thing.created", [](db::Tx& tx, const db::Event& e) {
    long long id = e.subject_id;
    tx.sql() << "INSERT INTO thing_log (thing_id) VALUES (:id)", soci::use(id);
  });
  auto create = [&](const std::string& name, bool commit) {
    db::Tx tx(db);
    long long id = 0;
    tx.sql() << "INSERT INTO thing (name) VALUES (:n) RETURNING id", soci::use(name), soci::into(id);
    tx.publish({.type = "thing.created", .subject_id = id});
    if (commit) tx.commit();
  };
  create("kept", true);
  create("dropped", false);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM thing"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM thing_log"), 1);

  // A failing subscriber aborts the publisher's write too.
  db.events().subscribe("thing.created", [](db::Tx&, const db::Event&) { throw std::runtime_error("refused"); });
  EXPECT_THROW(create("refused", true), std::runtime_error);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM thing"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM thing_log"), 1);
}

TEST_P(Store, DeferredSumsKeepWhatReleasedSavepointsAddedAndWriteItOnceAtCommit) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE counter (k INTEGER PRIMARY KEY, n BIGINT NOT NULL);"}});
  int writes = 0;
  auto writer = [&writes](db::Tx& tx, const std::map<int, long long>& sums) {
    ++writes;
    for (const auto& [k, n] : sums) {
      int key = k;
      long long value = n;
      tx.sql() << "INSERT INTO counter (k, n) VALUES (:k, :n)", soci::use(key), soci::use(value);
    }
  };
  {
    db::Tx plain(db);
    EXPECT_EQ(plain.sums<int>("counter", writer), nullptr) << "a transaction writes as it goes unless it defers";
  }
  db::Tx tx(db);
  tx.defer_sums();
  tx.sums<int>("counter", writer)->add(1, 5);
  {
    db::Savepoint kept(tx);
    tx.sums<int>("counter", writer)->add(1, 2);
    tx.sums<int>("counter", writer)->add(2, 7);
    kept.release();
  }
  {
    db::Savepoint undone(tx);
    tx.sums<int>("counter", writer)->add(1, 100);
    tx.sums<int>("other", writer)->add(9, 1);  // made inside the savepoint: undone with it
  }
  {
    db::Savepoint outer(tx);
    {
      db::Savepoint inner(tx);
      tx.sums<int>("counter", writer)->add(3, 4);
      inner.release();
    }
    tx.sums<int>("counter", writer)->add(3, -4);  // nets to nothing: no row
    tx.sums<int>("counter", writer)->add(4, 1);
    outer.release();
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM counter"), 0) << "nothing is written before the commit";
  tx.commit();
  EXPECT_EQ(writes, 1) << "one write for the kind that has sums; none for the undone one";
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM counter"), 3);
  EXPECT_EQ(count(db, "SELECT n FROM counter WHERE k = 1"), 7);
  EXPECT_EQ(count(db, "SELECT n FROM counter WHERE k = 2"), 7);
  EXPECT_EQ(count(db, "SELECT n FROM counter WHERE k = 4"), 1);
}

// Hot inserts skip RETURNING on SQLite (it gathers the returned rows in a temporary table): the count of changed rows
// and the new row's id come from the connection, and must say the same as RETURNING would on both databases.
TEST_P(Store, ChangesAndInsertedIdTellANewRowFromOneThatWasThere) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE tagged (id {{id}}, tag TEXT NOT NULL UNIQUE, n INTEGER NOT NULL);"}});
  db::Tx tx(db);
  auto insert = [&](const std::string& tag) {
    db::Query q("INSERT INTO tagged (tag, n) VALUES (");
    q.value(tag).add(", 1) ON CONFLICT (tag) DO NOTHING");
    return q;
  };
  const long long a = insert("a").inserted_id(tx.sql());
  const long long b = insert("b").inserted_id(tx.sql());
  EXPECT_GT(a, 0);
  EXPECT_GT(b, a);
  EXPECT_EQ(insert("a").inserted_id(tx.sql()), 0) << "a row that was there already is no new row";
  EXPECT_EQ(count(db, "SELECT id FROM tagged WHERE tag = 'b'"), b);  // lent the transaction's session
  EXPECT_EQ(insert("c").changes(tx.sql()), 1);
  EXPECT_EQ(insert("c").changes(tx.sql()), 0);
  db::Query bump("UPDATE tagged SET n = n + 1 WHERE tag <> ");
  bump.value("a");
  EXPECT_EQ(bump.changes(tx.sql()), 2);
  tx.commit();
  EXPECT_EQ(count(db, "SELECT SUM(n) FROM tagged"), 5);
}

// A transaction that keeps its reads loads each key once; any other loads every time it asks.
TEST_P(Store, AKeepingTransactionReadsReferenceDataOnce) {
  XINHUO_TEST_DB(db, GetParam());
  int loads = 0;
  auto load = [&] { return ++loads * 10; };
  {
    db::Tx plain(db);
    EXPECT_EQ(plain.kept<int>("k", load), 10);
    EXPECT_EQ(plain.kept<int>("k", load), 20);
  }
  loads = 0;
  db::Tx tx(db);
  tx.keep_reads();
  EXPECT_EQ(tx.kept<int>("k", load), 10);
  {
    db::Savepoint undone(tx);  // what was read stays read: the transaction's work changes no reference data
    EXPECT_EQ(tx.kept<int>("k", load), 10);
    EXPECT_EQ(tx.kept<int>("other", load), 20);
  }
  EXPECT_EQ(tx.kept<int>("other", load), 20);
  EXPECT_EQ(loads, 2);
}

// A GET's reads share one read transaction on SQLite: what another session commits meanwhile is not half seen; a write
// transaction begun inside the scope ends the shared read first and sees everything committed; afterwards the
// session goes back to the pool with no transaction open. PostgreSQL reads as before (each statement its own).
TEST_P(Store, AReadScopeReadsOneSnapshotUntilItsRequestWrites) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE seen (n INTEGER NOT NULL);"}});
  auto insert_elsewhere = [&](int n) {  // another worker's commit, on another session
    std::async(std::launch::async, [&db, n] {
      db::Tx tx(db);
      tx.sql() << "INSERT INTO seen (n) VALUES (" + std::to_string(n) + ")";
      tx.commit();
    }).get();
  };
  const bool sqlite = db.dialect() == db::Dialect::sqlite;
  {
    db::Database::ReadScope reads(db);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 0);
    insert_elsewhere(1);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), sqlite ? 0 : 1) << "the scope's snapshot";
    {
      db::Tx tx(db);  // ends the shared read: the write sees the other worker's row and is not refused as stale
      EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 1);
      tx.sql() << "INSERT INTO seen (n) VALUES (2)";
      tx.commit();
    }
    insert_elsewhere(3);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 3) << "after its write the request reads what is committed";
    reads.end();
  }
  {
    db::Database::ReadScope reads(db);  // a failed request: rolled back, and the session is fine for the next one
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 3);
  }
  EXPECT_EQ(db.in_use(), 0u);
  insert_elsewhere(4);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 4);
  // Inside an open transaction a scope changes nothing: the transaction's own rows stay visible and it commits.
  {
    db::Tx tx(db);
    tx.sql() << "INSERT INTO seen (n) VALUES (5)";
    {
      db::Database::ReadScope reads(db);
      EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 5);
    }
    tx.commit();
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM seen"), 5);
  EXPECT_EQ(db.in_use(), 0u);
}

TEST_P(Store, BulkInsertWritesAllRowsWithNulls) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE item (id BIGINT PRIMARY KEY, label TEXT, qty INTEGER NOT NULL);"}});
  {
    db::Tx tx(db);
    db::BulkInsert bulk(tx.sql(), "item", {"id", "label", "qty"}, 7);
    for (int i = 1; i <= 50; ++i)
      bulk.add({std::to_string(i), i % 5 == 0 ? std::nullopt : db::Cell("标签" + std::to_string(i)), std::to_string(i * 2)});
    bulk.flush();
    EXPECT_EQ(bulk.rows_written(), 50u);
    tx.commit();
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM item"), 50);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM item WHERE label IS NULL"), 10);
  EXPECT_EQ(count(db, "SELECT SUM(qty) FROM item"), 2550);
}

// Query::rows reads SQLite's statement in place: the same rows, NULLs and bound values as each() on both databases,
// a callback may run the same statement again, and a statement kept prepared sees rows written after it ran.
TEST_P(Store, RowsReadsWhatEachReadsWithNullsNestedRunsAndNewRows) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db, {{"0001_t.sql", "CREATE TABLE item (id BIGINT PRIMARY KEY, label TEXT, qty INTEGER NOT NULL);"}});
  {
    db::Tx tx(db);
    tx.sql() << "INSERT INTO item (id, label, qty) VALUES (1, '一', 10), (2, NULL, 20), (3, 'three''s', 30)";
    tx.commit();
  }
  auto read = [&](long long min_qty) {
    std::vector<std::string> out;
    auto lease = db.lease();
    db::Query q("SELECT id, label, qty FROM item WHERE qty >= ");
    q.value(min_qty).add(" AND label IS NULL OR qty >= ").value(min_qty).add(" ORDER BY id");
    q.rows(lease.sql(), [&](const db::Row& r) {
      out.push_back(std::to_string(r.ll(0)) + ":" + (r.null(1) ? "null" : r.text(1)) + ":" + std::to_string(r.ll(2)));
    });
    std::vector<std::string> via_each;
    q.each(lease.sql(), [&](const soci::row& r) {
      via_each.push_back(std::to_string(db::column_ll(r, 0)) + ":" +
                         (r.get_indicator(1) == soci::i_null ? "null" : r.get<std::string>(1)) + ":" +
                         std::to_string(db::column_ll(r, 2)));
    });
    EXPECT_EQ(out, via_each);
    return out;
  };
  EXPECT_EQ(read(0), (std::vector<std::string>{"1:一:10", "2:null:20", "3:three's:30"}));
  EXPECT_EQ(read(25), (std::vector<std::string>{"3:three's:30"}));
  {
    db::Tx tx(db);
    tx.sql() << "INSERT INTO item (id, label, qty) VALUES (4, '四', 40)";
    tx.commit();
  }
  EXPECT_EQ(read(25), (std::vector<std::string>{"3:three's:30", "4:四:40"}));

  // The callback runs the same text for each row: an inner statement of its own, the outer one goes on.
  std::vector<long long> pairs;
  auto lease = db.lease();
  const std::string text = "SELECT id FROM item WHERE qty >= ";
  db::Query outer(text);
  outer.value(30);
  outer.rows(lease.sql(), [&](const db::Row& a) {
    db::Query inner(text);
    inner.value(30);
    inner.rows(lease.sql(), [&](const db::Row& b) { pairs.push_back(a.ll(0) * 10 + b.ll(0)); });
  });
  EXPECT_EQ(pairs, (std::vector<long long>{33, 34, 43, 44}));
  db::Query bad("SELECT no_such_column FROM item");
  EXPECT_THROW(bad.rows(lease.sql(), [](const db::Row&) {}), std::exception);
}

TEST_P(Store, IdempotencyClaimCompleteReplayExpire) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  db::IdempotencyStore store(db);
  const auto t0 = parse_iso_utc("2026-11-29T08:00:00Z");
  EXPECT_FALSE(store.claim("account:1", "k1", "hash-a", t0));  // first: the caller owns it
  auto running = store.claim("account:1", "k1", "hash-a", t0);
  ASSERT_TRUE(running);
  EXPECT_FALSE(running->done);
  EXPECT_FALSE(store.claim("account:2", "k1", "hash-a", t0)) << "keys belong to one caller";

  store.complete("account:1", "k1", iso_utc(t0), 201, "application/json", R"({"id":7})");
  auto done = store.claim("account:1", "k1", "hash-a", t0 + std::chrono::hours(1));
  ASSERT_TRUE(done);
  EXPECT_TRUE(done->done);
  EXPECT_EQ(done->status, 201);
  EXPECT_EQ(done->body, R"({"id":7})");
  EXPECT_EQ(done->request_hash, "hash-a");

  // After 24 hours the key is free again.
  EXPECT_FALSE(store.claim("account:1", "k1", "hash-b", t0 + std::chrono::hours(25)));

  // A released claim (server error) lets the client retry.
  EXPECT_FALSE(store.claim("account:1", "k2", "h", t0));
  store.release("account:1", "k2", iso_utc(t0));
  EXPECT_FALSE(store.claim("account:1", "k2", "h", t0));
  store.purge(t0 + std::chrono::hours(60));
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM idempotency_keys"), 0);
}

// A server killed at any moment of a request sent with an Idempotency-Key: the key neither stays blocked nor lets a
// retry do the work a second time (bench/crash found a key left running for 24 hours after a SIGKILL).
TEST_P(Store, IdempotencyKeyOutlivesACrashAtAnyMoment) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  {
    auto lease = db.lease();
    lease.sql() << "CREATE TABLE crash_work (label TEXT NOT NULL)";
  }
  db::IdempotencyStore store(db);
  const auto t0 = parse_iso_utc("2026-11-29T08:00:00Z");
  const auto later = t0 + db::IdempotencyStore::kAbandonedAfter + std::chrono::seconds(1);
  auto work = [&](const std::string& label) {
    db::Tx tx(db);
    tx.sql() << "INSERT INTO crash_work (label) VALUES (:l)", soci::use(label);
    tx.commit();
  };
  auto done = [&](const std::string& label) {
    return count(db, "SELECT COUNT(*) FROM crash_work WHERE label = '" + label + "'");
  };

  // Killed after claiming the key, before the work: a retry is asked to wait, then takes the key over.
  ASSERT_FALSE(store.claim("account:1", "before-work", "h", t0));
  auto waiting = store.claim("account:1", "before-work", "h", t0 + std::chrono::seconds(5));
  ASSERT_TRUE(waiting);
  EXPECT_FALSE(waiting->done);
  ASSERT_FALSE(store.claim("account:1", "before-work", "h", later)) << "an abandoned claim is taken over";
  {
    db::IdempotencyScope scope("account:1", "before-work", iso_utc(later));
    work("before-work");
  }
  store.complete("account:1", "before-work", iso_utc(later), 201, "application/json", R"({"id":1})");
  auto replay = store.claim("account:1", "before-work", "h", later + std::chrono::seconds(1));
  ASSERT_TRUE(replay);
  EXPECT_TRUE(replay->done);
  EXPECT_EQ(replay->status, 201);
  EXPECT_EQ(done("before-work"), 1);

  // Killed after the work, before its answer was stored: the work's own transaction marked the key done, so no
  // retry, however late, does the work again.
  ASSERT_FALSE(store.claim("account:1", "after-work", "h", t0));
  {
    db::IdempotencyScope scope("account:1", "after-work", iso_utc(t0));
    work("after-work");
  }
  for (auto at : {t0 + std::chrono::seconds(1), later, t0 + std::chrono::hours(2)}) {
    auto r = store.claim("account:1", "after-work", "h", at);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->done);
    EXPECT_EQ(r->status, 0) << "done, its answer lost";
  }
  EXPECT_EQ(done("after-work"), 1);

  // A first attempt still alive after a retry took its key over cannot commit: exactly one of the two does the work,
  // and the loser's answer does not replace the winner's.
  ASSERT_FALSE(store.claim("account:1", "slow", "h", t0));
  ASSERT_FALSE(store.claim("account:1", "slow", "h", later));
  {
    db::IdempotencyScope scope("account:1", "slow", iso_utc(t0));
    EXPECT_THROW(work("slow"), Error);
  }
  {
    db::IdempotencyScope scope("account:1", "slow", iso_utc(later));
    work("slow");
  }
  store.complete("account:1", "slow", iso_utc(t0), 409, "application/json", "{}");
  store.complete("account:1", "slow", iso_utc(later), 201, "application/json", R"({"id":3})");
  EXPECT_EQ(done("slow"), 1);
  auto slow = store.claim("account:1", "slow", "h", later + std::chrono::seconds(1));
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 201);
  EXPECT_EQ(slow->body, R"({"id":3})");
}

INSTANTIATE_TEST_SUITE_P(Db, Store, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

TEST(Query, AppendedConditionsKeepTheirValuesInOrder) {
  db::Query conditions;
  conditions.add(" AND a = ").value("x").add(" AND b = ").value("y");
  db::Query q("SELECT 1 WHERE c = ");
  q.value("z").append(conditions).add(" AND d = ").value("w");
  EXPECT_EQ(q.text(), "SELECT 1 WHERE c = :q0 AND a = :q1 AND b = :q2 AND d = :q3");
  db::Query twice;
  twice.append(conditions).append(conditions);
  EXPECT_EQ(twice.text(), " AND a = :q0 AND b = :q1 AND a = :q2 AND b = :q3");
}

TEST(PgConninfo, UrlBecomesKeywordValueForm) {
  EXPECT_EQ(db::pg_conninfo("postgresql://xinhuo@127.0.0.1:5432/xinhuo_test"),
            "host='127.0.0.1' port='5432' user='xinhuo' dbname='xinhuo_test'");
  EXPECT_EQ(db::pg_conninfo("postgres://app:p%40ss'w@db.internal/dj?sslmode=require"),
            "host='db.internal' user='app' password='p@ss\\'w' dbname='dj' sslmode='require'");
  EXPECT_THROW(db::pg_conninfo("sqlite:x.db"), std::invalid_argument);
}
