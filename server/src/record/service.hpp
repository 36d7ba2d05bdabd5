#pragma once
// The cadre record: a manager records entries about people in scope (confirmed at once) and decides the person's
// own reports (pending → confirmed | rejected with a reason); the person sees every entry about them, responds to
// any, and contests a confirmed one (→ contested) with reasons; the manager resolves a contest (upheld → confirmed
// with the resolution note, or withdrawn — kept, never deleted). Every transition is a compare-and-set on the state
// it starts from, audited and written to the entry's history. Leaders' comments per period, each edit a new version.
// Front-line assignments and training classes completed in the practice module arrive as events and become
// confirmed entries, once per source event.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/events.hpp"
#include "files/service.hpp"
#include "record/store.hpp"

namespace xinhuo::record {

struct EntryInput {
  long long person_id = 0;  // ignored for a self-report (the caller's person)
  std::string category, fact_date, title, content, source_kind, source_name;
  std::vector<long long> evidence;
};

struct CommentInput {
  std::string period, leader_name, leader_position, content;
  int base_version = 0;  // the current version the edit replaces (0: the period has none yet)
};

class RecordService {
 public:
  // `files` serves the evidence of an entry to whoever may see the entry (the person it is about included, who could
  // not read a photo the unit uploaded through the files module's own rule); null: no evidence served.
  RecordService(db::Database& db, const Clock& clock, files::FilesService* files = nullptr) : db_(db), clock_(clock), files_(files) {}

  Entry create(const Principal& caller, const EntryInput& in);
  Entry report(const Principal& caller, const EntryInput& in);  // the person's own report: pending
  // action: confirm | reject (note: the reason) | withdraw (note) | resolve (outcome upheld | withdrawn, note).
  Entry decide(const Principal& caller, long long id, const std::string& action, const std::string& outcome,
               const std::string& note);
  // The person's own: respond (a note) or contest (the reasons).
  Entry answer(const Principal& caller, long long id, const std::string& action, const std::string& text);

  Entry get(const Principal& caller, long long id);
  std::vector<Entry> list(const Principal& caller, const EntryFilter& filter, long long* total);
  std::string export_xlsx(const Principal& caller, EntryFilter filter);
  std::vector<Entry> mine(const Principal& caller);
  Entry my_entry(const Principal& caller, long long id);

  // A file attached to an entry the caller may see (mine: the person's own); 404 for any other file.
  std::pair<files::StoredFile, std::string> evidence(const Principal& caller, long long entry_id, long long file_id, bool mine);

  std::vector<Comment> comments(const Principal& caller, long long person_id);
  std::vector<Comment> my_comments(const Principal& caller);
  Comment write_comment(const Principal& caller, long long person_id, const CommentInput& in);

  // Subscribes to the practice events that make entries (front-line assignments, training classes completed).
  void subscribe(db::EventBus& bus);
  void on_event(db::Tx& tx, const db::Event& e);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  long long self_person(const Principal& caller) const;
  void check_entry(const EntryInput& in, bool self) const;
  void check_filter(const EntryFilter& f) const;
  Entry load(soci::session& sql, long long id) const;

  db::Database& db_;
  const Clock& clock_;
  files::FilesService* files_;
};

}  // namespace xinhuo::record
