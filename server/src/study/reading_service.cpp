#include "study/reading_service.hpp"

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "files/service.hpp"
#include "org/store.hpp"
#include "study/group_service.hpp"
#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

const Text kNoReading{"读书活动不存在", "No such reading activity"};
const Text kClosed{"读书活动已结束", "The reading activity is closed"};

}  // namespace

void ReadingService::check(const ReadingInput& in) const {
  if (in.book_title.empty()) throw Error::validation("book_title", {"请填写书名", "Give the book's title"});
  const auto from = parse_date(in.starts_on), to = parse_date(in.ends_on);
  if (!from || format_date(*from) != in.starts_on)
    throw Error::validation("starts_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!to || format_date(*to) != in.ends_on) throw Error::validation("ends_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (*to < *from) throw Error::validation("ends_on", {"结束日期不能早于开始日期", "The end is on or after the start"});
  if (days_between(*from, *to) > 366) throw Error::validation("ends_on", {"读书活动不超过一年", "An activity lasts at most a year"});
}

Reading ReadingService::managed(soci::session& sql, const Principal& caller, long long id) const {
  auto r = ReadingStore::find(sql, id);
  if (!r || !GroupStore::unit_in_scope(sql, caller, r->node_id)) throw Error::not_found(kNoReading);
  return *r;
}

Reading ReadingService::create(const Principal& caller, const ReadingInput& in) {
  require(caller, kPermWrite);
  check(in);
  long long id = 0;
  {
    db::Tx tx(db_);
    Reading r{.book_title = in.book_title, .author = in.author, .description = in.description, .starts_on = in.starts_on,
              .ends_on = in.ends_on};
    if (in.group_id) {
      auto group = GroupStore::find(tx.sql(), in.group_id);
      if (!group || group->status != "active" || !GroupStore::unit_in_scope(tx.sql(), caller, group->unit_id))
        throw Error::validation("group_id", {"学习小组不存在、已撤销或不在管理范围内", "No such open study group in your scope"});
      r.group_id = in.group_id;
      r.node_id = group->unit_id;
    } else {
      auto node = org::OrgStore::node_in(tx, in.node_id);
      if (!node || node->status != "active")
        throw Error::validation("node_id", {"请选择学习小组或一个未撤销的组织", "Choose a study group or an open organisation"});
      if (!GroupStore::unit_in_scope(tx.sql(), caller, in.node_id))
        throw Error::validation("node_id", {"只能为本人管理范围内的组织组织读书活动", "Organise activities for the organisations you manage"});
      r.node_id = in.node_id;
    }
    id = ReadingStore::insert(tx, r, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "study.reading_created", .target_type = "study_reading", .target_id = std::to_string(id),
                               .detail = {{"node_id", r.node_id}, {"group_id", r.group_id}, {"book_title", r.book_title}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Reading ReadingService::update(const Principal& caller, long long id, const ReadingInput& in) {
  require(caller, kPermWrite);
  check(in);
  {
    db::Tx tx(db_);
    Reading r = managed(tx.sql(), caller, id);
    Json detail = {{"book_title", {r.book_title, in.book_title}}, {"ends_on", {r.ends_on, in.ends_on}}};
    r.book_title = in.book_title;
    r.author = in.author;
    r.description = in.description;
    r.starts_on = in.starts_on;
    r.ends_on = in.ends_on;
    if (!ReadingStore::update_open(tx, r, iso_utc(clock_.now()))) throw Error::conflict("reading_closed", kClosed);
    audit::record(tx, caller, {.action = "study.reading_updated", .target_type = "study_reading", .target_id = std::to_string(id),
                               .detail = detail},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Reading ReadingService::close(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const Reading r = managed(tx.sql(), caller, id);
    if (!ReadingStore::close(tx, id, caller.account_id, iso_utc(clock_.now()))) throw Error::conflict("reading_closed", kClosed);
    audit::record(tx, caller, {.action = "study.reading_closed", .target_type = "study_reading", .target_id = std::to_string(id),
                               .detail = {{"notes", r.notes}, {"expected", r.expected}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

ReadingNote ReadingService::mark(const Principal& caller, long long id, long long note_id, bool excellent) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    managed(tx.sql(), caller, id);
    auto note = ReadingStore::note_by_id(tx.sql(), note_id);
    if (!note || note->reading_id != id) throw Error::not_found({"读书笔记不存在", "No such reading note"});
    if (!ReadingStore::mark(tx, note_id, excellent, caller.account_id, iso_utc(clock_.now())))
      throw Error::conflict("note_marked", {excellent ? "该笔记已是优秀笔记" : "该笔记不是优秀笔记",
                                            excellent ? "The note is marked excellent already" : "The note is not marked excellent"});
    audit::record(tx, caller, {.action = excellent ? "study.reading_note_excellent" : "study.reading_note_unmarked",
                               .target_type = "study_reading_note", .target_id = std::to_string(note_id),
                               .detail = {{"reading_id", id}, {"person_id", note->person_id}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *ReadingStore::note_by_id(lease.sql(), note_id);
}

Reading ReadingService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return managed(lease.sql(), caller, id);
}

std::vector<Reading> ReadingService::list(const Principal& caller, const ReadingFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "open" && f.status != "closed")
    throw Error::validation("status", {"状态应为 open 或 closed", "status is open or closed"});
  auto lease = db_.lease();
  return ReadingStore::list(lease.sql(), caller, f, total);
}

std::vector<ReadingNote> ReadingService::notes(const Principal& caller, long long id, const std::string& status, int page,
                                               int page_size, long long* total) {
  require(caller, kPermRead);
  if (!status.empty() && status != "submitted" && status != "pending" && status != "excellent")
    throw Error::validation("status", {"状态应为 submitted、pending 或 excellent", "status is submitted, pending or excellent"});
  auto lease = db_.lease();
  const Reading r = managed(lease.sql(), caller, id);
  return ReadingStore::notes(lease.sql(), caller, r, status, page, page_size, total);
}

std::vector<std::pair<Reading, std::optional<ReadingNote>>> ReadingService::mine(const Principal& caller) {
  if (!caller.person_id) return {};
  auto lease = db_.lease();
  return ReadingStore::of_person(lease.sql(), caller.person_id, iso_utc(clock_.now() - std::chrono::hours(24 * 366)));
}

std::vector<std::pair<Reading, ReadingNote>> ReadingService::notes_of(long long person_id) {
  auto lease = db_.lease();
  std::vector<std::pair<Reading, ReadingNote>> out;
  for (auto& [reading, note] : ReadingStore::of_person(lease.sql(), person_id, ""))
    if (note && note->id) out.emplace_back(reading, *note);
  return out;
}

std::pair<Reading, std::optional<ReadingNote>> ReadingService::my_reading(const Principal& caller, long long id) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  auto r = ReadingStore::find(lease.sql(), id);
  if (!r || !ReadingStore::in_audience(lease.sql(), *r, caller.person_id)) throw Error::not_found(kNoReading);
  return {*r, ReadingStore::note(lease.sql(), id, caller.person_id)};
}

ReadingNote ReadingService::write_note(const Principal& caller, long long id, const std::string& content, long long photo) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  const auto length = utf8_length(content).value_or(0);
  if (length < kNoteMinChars || length > kNoteMaxChars)
    throw Error::validation("content", {"读书笔记应为 20 到 5000 字", "A reading note has 20 to 5000 characters"});
  {
    db::Tx tx(db_);
    auto r = ReadingStore::find(tx.sql(), id);
    if (!r || !ReadingStore::in_audience(tx.sql(), *r, caller.person_id)) throw Error::not_found(kNoReading);
    if (r->status != "open") throw Error::conflict("reading_closed", kClosed);
    if (beijing_date(clock_.now()) < r->starts_on)
      throw Error::conflict("not_started", {"读书活动尚未开始", "The reading activity has not started"});
    if (photo) files::FilesService::require_owned(tx.sql(), caller, {photo}, "photo_file_id");
    if (!ReadingStore::save_note(tx, id, caller.person_id, content, photo, iso_utc(clock_.now())))
      throw Error::conflict("note_excellent", {"已评为优秀的笔记不能再修改", "A note marked excellent can no longer be edited"});
    tx.commit();
  }
  auto lease = db_.lease();
  return *ReadingStore::note(lease.sql(), id, caller.person_id);
}

}  // namespace xinhuo::study
