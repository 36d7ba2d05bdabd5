// Migrations on both databases: applied once, in order, and a changed file stops start-up.
#include <gtest/gtest.h>

#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "db/transaction.hpp"
#include "support/test_db.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Migrations : public ::testing::TestWithParam<Backend> {};

TEST_P(Migrations, AppliesEmbeddedFilesOnceAndInOrder) {
  XINHUO_TEST_DB(db, GetParam());
  const auto first = db::migrate(db);
  EXPECT_EQ(first.applied, static_cast<int>(db::embedded_migrations().size()));
  EXPECT_GE(first.schema_version, 2);
  const auto second = db::migrate(db);
  EXPECT_EQ(second.applied, 0);
  EXPECT_EQ(second.schema_version, first.schema_version);
  EXPECT_EQ(db::schema_version(db), first.schema_version);
}

TEST_P(Migrations, ChangedFileIsRefusedWithItsName) {
  XINHUO_TEST_DB(db, GetParam());
  std::vector<db::MigrationFile> files = {{"0001_things.sql", "CREATE TABLE thing (id {{id}}, name TEXT NOT NULL);"}};
  db::migrate(db, files);
  files[0].sql += "\n-- a harmless-looking edit\n";
  try {
    db::migrate(db, files);
    FAIL() << "expected start-up to be refused";
  } catch (const db::MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find("0001_things.sql"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("changed after it was applied"), std::string::npos) << e.what();
  }
}

TEST_P(Migrations, DatabaseFromNewerVersionIsRefused) {
  XINHUO_TEST_DB(db, GetParam());
  std::vector<db::MigrationFile> files = {{"0001_a.sql", "CREATE TABLE a (id {{id}});"},
                                          {"0002_b.sql", "CREATE TABLE b (id {{id}});"}};
  db::migrate(db, files);
  files.pop_back();
  EXPECT_THROW(db::migrate(db, files), db::MigrationError);
}

TEST_P(Migrations, FailingFileLeavesNothingBehind) {
  XINHUO_TEST_DB(db, GetParam());
  std::vector<db::MigrationFile> files = {{"0001_a.sql", "CREATE TABLE a (id {{id}});"},
                                          {"0002_broken.sql", "CREATE TABLE b (id {{id}});\nCREATE TABLE oops (;"}};
  EXPECT_ANY_THROW(db::migrate(db, files));
  EXPECT_EQ(db::schema_version(db), 1);
  // Table b of the failed file was rolled back with it, so the fixed file applies cleanly.
  files[1].sql = "CREATE TABLE b (id {{id}});";
  EXPECT_EQ(db::migrate(db, files).applied, 1);
}

INSTANTIATE_TEST_SUITE_P(Db, Migrations, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

TEST(MigrationText, SplitsStatementsOutsideQuotesAndComments) {
  const auto parts = db::split_statements(
      "CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- comment; with semicolon\nINSERT INTO a VALUES ('it''s');\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NE(parts[0].find("'a;b'"), std::string::npos);
  EXPECT_NE(parts[1].find("'it''s'"), std::string::npos);
}

TEST(MigrationText, StatementsForOneDatabaseOnly) {
  EXPECT_EQ(db::expand_statement("\n{{sqlite: DROP TABLE a}}", db::Dialect::sqlite), std::vector<std::string>{" DROP TABLE a"});
  EXPECT_TRUE(db::expand_statement("{{sqlite: DROP TABLE a}}", db::Dialect::postgresql).empty());
  EXPECT_EQ(db::expand_statement("{{postgresql:ALTER TABLE a DROP CONSTRAINT c}}", db::Dialect::postgresql),
            std::vector<std::string>{"ALTER TABLE a DROP CONSTRAINT c"});
  EXPECT_TRUE(db::expand_statement("{{postgresql:ALTER TABLE a DROP CONSTRAINT c}}", db::Dialect::sqlite).empty());
  EXPECT_EQ(db::expand_statement("SELECT '{{sqlite: x}}'", db::Dialect::postgresql), std::vector<std::string>{"SELECT '{{sqlite: x}}'"});
}

// Migration 0034 widened file_upload's CHECK to PDF on both databases (SQLite rebuilt the table under its name):
// the rows, their ids and the foreign keys that point at them are as before, and the check still refuses the rest.
TEST_P(Migrations, FileUploadTakesPdfAndKeepsItsRowsAndReferences) {
  XINHUO_TEST_DB(db, GetParam());
  std::vector<db::MigrationFile> upto_0033;
  for (const auto& f : db::embedded_migrations())
    if (f.name < "0034") upto_0033.push_back(f);
  db::migrate(db, upto_0033);
  {
    db::Tx tx(db);
    tx.sql() << "INSERT INTO account (username, display_name, password_hash, password_changed_at, created_at, updated_at) "
                "VALUES ('u', 'u', 'x', 't', 't', 't')";
    tx.sql() << "INSERT INTO file_upload (sha256, content_type, size_bytes, owner_account_id, created_at) "
                "SELECT 'h', 'image/png', 3, id, 't' FROM account WHERE username = 'u'";
    tx.sql() << "INSERT INTO policy_doc (title, category, issuer, doc_number, effective_from, body, file_id, created_at, updated_at) "
                "SELECT 'p', 'core', 'i', 'n', '2026-01-01', '', id, 't', 't' FROM file_upload WHERE sha256 = 'h'";
    tx.commit();
  }
  long long before = 0;
  db.lease().sql() << "SELECT id FROM file_upload WHERE sha256 = 'h'", soci::into(before);
  db::migrate(db);
  auto lease = db.lease();
  long long id = 0, referenced = 0;
  lease.sql() << "SELECT id FROM file_upload WHERE sha256 = 'h'", soci::into(id);
  EXPECT_EQ(id, before);
  lease.sql() << "SELECT COUNT(*) FROM policy_doc p JOIN file_upload f ON f.id = p.file_id", soci::into(referenced);
  EXPECT_EQ(referenced, 1);
  lease.sql() << "INSERT INTO file_upload (sha256, content_type, size_bytes, owner_account_id, created_at) "
                 "SELECT 'pdf', 'application/pdf', 9, id, 't' FROM account WHERE username = 'u'";
  lease.sql() << "SELECT id FROM file_upload WHERE sha256 = 'pdf'", soci::into(id);
  EXPECT_GT(id, before) << "ids go on from the old table's";
  EXPECT_THROW(lease.sql() << "INSERT INTO file_upload (sha256, content_type, size_bytes, owner_account_id, created_at) "
                              "SELECT 'doc', 'application/msword', 9, id, 't' FROM account WHERE username = 'u'",
               std::exception);
  EXPECT_THROW(lease.sql() << "UPDATE policy_doc SET file_id = 999", std::exception) << "the reference is still enforced";
}

TEST(MigrationText, DialectPlaceholders) {
  EXPECT_EQ(db::render_sql("id {{id}}, data {{blob}}", db::Dialect::sqlite), "id INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB");
  EXPECT_EQ(db::render_sql("id {{id}}", db::Dialect::postgresql), "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}
