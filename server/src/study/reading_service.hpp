#pragma once
// Reading activities (读书活动): an organiser sets a book for a study group, a unit or the city over a period; the
// people of its audience write reading notes (读书笔记, with an optional photo) and may edit them until the activity is
// closed; the organiser sees who has written, marks excellent notes and closes the activity.
// study.read to see, study.write to organise, in the caller's data scope; members write their own notes.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "study/reading_store.hpp"

namespace xinhuo::study {

struct ReadingInput {
  long long node_id = 0, group_id = 0;  // on creation only: a group, or a unit / the city
  std::string book_title, author, description, starts_on, ends_on;
};

inline constexpr std::size_t kNoteMinChars = 20;
inline constexpr std::size_t kNoteMaxChars = 5000;

class ReadingService {
 public:
  ReadingService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Reading create(const Principal& caller, const ReadingInput& in);
  Reading update(const Principal& caller, long long id, const ReadingInput& in);
  Reading close(const Principal& caller, long long id);
  ReadingNote mark(const Principal& caller, long long id, long long note_id, bool excellent);

  Reading get(const Principal& caller, long long id);
  std::vector<Reading> list(const Principal& caller, const ReadingFilter& f, long long* total);
  std::vector<ReadingNote> notes(const Principal& caller, long long id, const std::string& status, int page, int page_size,
                                 long long* total);

  std::vector<std::pair<Reading, std::optional<ReadingNote>>> mine(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person: the notes
  // the person wrote, with their activities.
  std::vector<std::pair<Reading, ReadingNote>> notes_of(long long person_id);
  std::pair<Reading, std::optional<ReadingNote>> my_reading(const Principal& caller, long long id);
  // Writes or rewrites the caller's note while the activity is open.
  ReadingNote write_note(const Principal& caller, long long id, const std::string& content, long long photo_file_id);

 private:
  Reading managed(soci::session& sql, const Principal& caller, long long id) const;
  void check(const ReadingInput& in) const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::study
