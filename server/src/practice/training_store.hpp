#pragma once
// The training class and competition tables. Both are visible to a caller whose data scope covers the organising
// node.
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "practice/model.hpp"

namespace xinhuo::practice {

struct EventFilter {
  long long node_id = 0;  // organised at or below this node
  std::string status;     // training: open | closed; competition: draft | published
  int year = 0;           // starting (held) in that year
  int page = 1, page_size = 50;
};

class TrainingStore {
 public:
  static long long insert(db::Tx& tx, const Training& t, long long by, const std::string& now);
  static bool update_open(db::Tx& tx, const Training& t, const std::string& now);
  static bool close(db::Tx& tx, long long id, long long by, const std::string& now);
  static std::optional<Training> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Training> list(soci::session& sql, const Principal& caller, const EventFilter& f, long long* total);

  static void enrol(db::Tx& tx, long long training_id, long long person_id, const std::string& now);
  static bool unenrol(db::Tx& tx, long long training_id, long long person_id);
  static void set_result(db::Tx& tx, long long training_id, const Enrolment& e);
  static std::vector<Enrolment> enrolments(soci::session& sql, long long training_id);
  // 按日考勤: the marked days with the people present; marking one day (replaces who was present) and bringing every
  // enrolment's attended_days to the marked days it was present on.
  static std::map<std::string, std::vector<long long>> days(soci::session& sql, long long training_id);
  static void mark_day(db::Tx& tx, long long training_id, const std::string& day, const std::vector<long long>& present,
                       long long by, const std::string& now);
  // The classes the person is enrolled in, latest first, each with the person's own enrolment only.
  static std::vector<Training> of_person(soci::session& sql, long long person_id);
};

class CompetitionStore {
 public:
  static long long insert(db::Tx& tx, const Competition& c, long long by, const std::string& now);
  static bool publish(db::Tx& tx, long long id, long long by, const std::string& now);
  static std::optional<Competition> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Competition> list(soci::session& sql, const Principal& caller, const EventFilter& f, long long* total);

  static void replace_entries(db::Tx& tx, long long id, const std::vector<Entry>& entries);
  static void set_rank(db::Tx& tx, long long id, long long person_id, int rank);
  // By rank once published, otherwise by score; highest first.
  static std::vector<Entry> entries(soci::session& sql, long long id);
  // Published competitions with the person's own entry, newest first.
  static std::vector<std::pair<Competition, Entry>> of_person(soci::session& sql, long long person_id);
};

}  // namespace xinhuo::practice
