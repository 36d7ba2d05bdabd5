#include "study/course_service.hpp"

#include <algorithm>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/store.hpp"
#include "study/group_service.hpp"
#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

using std::chrono::seconds;

const Text kNoCourse{"课程不存在", "No such course"};
const Text kBusy{"学习进度正在保存，请稍后再试", "The progress is being saved: try again"};

// Heartbeats that lose a compare-and-set to another heartbeat of the same person are taken again this often.
constexpr int kBeatAttempts = 4;

std::string hours_text(int minutes) {
  // Hours are in halves: "0.5", "1", "1.5" …
  std::string out = std::to_string(minutes / 60);
  if (minutes % 60) out += ".5";
  return out;
}

}  // namespace

Credit credit_for(int reported, int watched, int required, TimePoint credit_clock, TimePoint now) {
  const TimePoint from = std::max(credit_clock, now - seconds(kMaxBeatSeconds));
  const long long available = std::max<long long>(0, std::chrono::duration_cast<seconds>(now - from).count() + kBeatToleranceSeconds);
  const long long credited = std::clamp<long long>(std::min<long long>({reported, available, required - watched}), 0, kMaxBeatSeconds);
  return {static_cast<int>(credited), std::max(now, from + seconds(credited))};
}

int course_hour_quantity(int credit_minutes) { return std::max(1, (credit_minutes + 30) / 60); }

void CourseService::check(const CourseInput& in) const {
  if (in.title.empty()) throw Error::validation("title", {"请填写课程名称", "Give the course's title"});
  if (in.kind != "video" && in.kind != "document")
    throw Error::validation("kind", {"课程类型应为视频或文档", "kind is video or document"});
  if (in.credit_minutes < 30 || in.credit_minutes > 600 || in.credit_minutes % 30 != 0)
    throw Error::validation("hours", {"学时应在 0.5 到 10 之间，以 0.5 为单位", "Hours are 0.5 to 10, in steps of 0.5"});
  if (in.kind == "document" && in.duration_seconds)
    throw Error::validation("duration_seconds", {"文档课程没有视频时长", "A document has no video length"});
  if (in.duration_seconds && (in.duration_seconds < 60 || in.duration_seconds > 36000))
    throw Error::validation("duration_seconds", {"视频时长应在 1 分钟到 10 小时之间", "The video lasts 1 minute to 10 hours"});
  if (in.file_id && in.kind == "video")
    throw Error::validation("file_id", {"视频课程请填写视频链接，上传文件只用于文档课程", "A video is given by its link; uploads are for documents"});
  if (in.file_id && !in.url.empty())
    throw Error::validation("file_id", {"课程链接和上传文档只能选一个", "Give a link or an uploaded document, not both"});
  if (in.file_id) {
    if (!in.required_by.empty() && !parse_date(in.required_by))
      throw Error::validation("required_by", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
    return;
  }
  if (in.url.empty())
    throw Error::validation("url", {in.kind == "document" ? "请填写课程链接或上传文档" : "请填写课程链接", "Give the course's link"});
  if ((in.url.rfind("https://", 0) != 0 && in.url.rfind("http://", 0) != 0) || in.url.size() < 12 ||
      in.url.find_first_of(" \t\r\n<>\"'") != std::string::npos)
    throw Error::validation("url", {"课程链接应以 http:// 或 https:// 开头", "The link starts with http:// or https://"});
  if (!in.required_by.empty() && !parse_date(in.required_by))
    throw Error::validation("required_by", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
}

Course CourseService::managed(soci::session& sql, const Principal& caller, long long id) const {
  auto c = CourseStore::find(sql, id);
  if (!c || !GroupStore::unit_in_scope(sql, caller, c->node_id)) throw Error::not_found(kNoCourse);
  return *c;
}

Course CourseService::learnable(soci::session& sql, const Principal& caller, long long id) const {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto c = CourseStore::find(sql, id);
  if (!c || c->status != "published" || !CourseStore::in_audience(sql, c->node_id, caller.person_id))
    throw Error::not_found(kNoCourse);
  return *c;
}

Course CourseService::create(const Principal& caller, const CourseInput& in) {
  require(caller, kPermWrite);
  check(in);
  long long id = 0;
  {
    db::Tx tx(db_);
    auto node = org::OrgStore::node_in(tx, in.node_id);
    if (!node || node->status != "active")
      throw Error::validation("node_id", {"请选择一个未撤销的组织", "Choose an open organisation"});
    if (!GroupStore::unit_in_scope(tx.sql(), caller, in.node_id))
      throw Error::validation("node_id", {"只能为本人管理范围内的组织开设课程", "Offer courses for the organisations you manage"});
    if (in.file_id) files::FilesService::require_owned(tx.sql(), caller, {in.file_id}, "file_id");
    Course c{.node_id = in.node_id, .title = in.title, .description = in.description, .kind = in.kind,
             .credit_minutes = in.credit_minutes, .duration_seconds = in.duration_seconds, .url = in.url,
             .file_id = in.file_id, .required_by = in.required_by};
    id = CourseStore::insert(tx, c, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "study.course_created", .target_type = "study_course", .target_id = std::to_string(id),
                               .detail = {{"node_id", in.node_id}, {"title", in.title}, {"hours", hours_text(in.credit_minutes)}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Course CourseService::update(const Principal& caller, long long id, const CourseInput& in) {
  require(caller, kPermWrite);
  check(in);
  {
    db::Tx tx(db_);
    Course c = managed(tx.sql(), caller, id);
    // Once someone has learnt, what completes the course stays as it was for them.
    if ((c.kind != in.kind || c.credit_minutes != in.credit_minutes || c.duration_seconds != in.duration_seconds) &&
        CourseStore::has_progress(tx.sql(), id))
      throw Error::conflict("course_started", {"已有人员开始学习，不能再修改类型、学时或时长", "People have started: the kind, hours and length are fixed"});
    Json detail = {{"title", {c.title, in.title}}, {"url", {c.url, in.url}}, {"hours", {hours_text(c.credit_minutes), hours_text(in.credit_minutes)}}};
    c.title = in.title;
    c.description = in.description;
    c.kind = in.kind;
    c.credit_minutes = in.credit_minutes;
    c.duration_seconds = in.duration_seconds;
    if (in.file_id && in.file_id != c.file_id) files::FilesService::require_owned(tx.sql(), caller, {in.file_id}, "file_id");
    c.url = in.url;
    c.file_id = in.file_id;
    c.required_by = in.required_by;
    CourseStore::update(tx, c, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "study.course_updated", .target_type = "study_course", .target_id = std::to_string(id),
                               .detail = detail},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

std::pair<files::StoredFile, std::string> CourseService::document(const Principal& caller, long long id, bool mine) {
  Principal reader;
  long long file_id = 0;
  {
    auto lease = db_.lease();
    if (!mine) require(caller, kPermRead);
    const Course c = mine ? learnable(lease.sql(), caller, id) : managed(lease.sql(), caller, id);
    if (!c.file_id || !files_) throw Error::not_found({"课程没有上传的文档", "The course has no uploaded document"});
    const auto f = files::FilesStore::file(lease.sql(), c.file_id);
    if (!f) throw Error::not_found({"课程没有上传的文档", "The course has no uploaded document"});
    reader.account_id = f->owner_account_id;  // the course grants the reading: read as its uploader would
    file_id = c.file_id;
  }
  return files_->read(reader, file_id);
}

Course CourseService::publish(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    managed(tx.sql(), caller, id);
    if (!CourseStore::set_status(tx, id, {"draft", "withdrawn"}, "published", iso_utc(clock_.now())))
      throw Error::conflict("course_published", {"课程已发布", "The course is published already"});
    audit::record(tx, caller, {.action = "study.course_published", .target_type = "study_course", .target_id = std::to_string(id)},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Course CourseService::withdraw(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    managed(tx.sql(), caller, id);
    if (!CourseStore::set_status(tx, id, {"published"}, "withdrawn", iso_utc(clock_.now())))
      throw Error::conflict("course_not_published", {"课程未发布，无需撤回", "The course is not published"});
    audit::record(tx, caller, {.action = "study.course_withdrawn", .target_type = "study_course", .target_id = std::to_string(id)},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Course CourseService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  managed(lease.sql(), caller, id);
  long long total = 0;
  // The figures come with the list's query: one course is a list of one.
  const auto rows = CourseStore::list(lease.sql(), caller, {.id = id, .page = 1, .page_size = 1}, &total);
  if (rows.empty()) throw Error::not_found(kNoCourse);
  return rows.front();
}

std::vector<Course> CourseService::list(const Principal& caller, const CourseFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "draft" && f.status != "published" && f.status != "withdrawn")
    throw Error::validation("status", {"状态应为 draft、published 或 withdrawn", "status is draft, published or withdrawn"});
  if (!f.kind.empty() && f.kind != "video" && f.kind != "document")
    throw Error::validation("kind", {"类型应为 video 或 document", "kind is video or document"});
  auto lease = db_.lease();
  return CourseStore::list(lease.sql(), caller, f, total);
}

std::vector<CourseLearner> CourseService::learners(const Principal& caller, long long id, const std::string& status,
                                                   const std::string& name, int page, int page_size, long long* total) {
  require(caller, kPermRead);
  if (!status.empty() && status != "started" && status != "in_progress" && status != "completed" && status != "not_started")
    throw Error::validation("status", {"状态应为 started、in_progress、completed 或 not_started",
                                       "status is started, in_progress, completed or not_started"});
  auto lease = db_.lease();
  const Course c = managed(lease.sql(), caller, id);
  return CourseStore::learners(lease.sql(), caller, c, status, name, page, page_size, total);
}

std::vector<CourseUnitFigures> CourseService::units(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const Course c = managed(lease.sql(), caller, id);
  return CourseStore::units(lease.sql(), caller, c);
}

std::string CourseService::export_xlsx(const Principal& caller, long long id) {
  long long total = 0;
  const auto rows = learners(caller, id, "", "", 1, 50000, &total);
  Course c;
  {
    auto lease = db_.lease();
    c = managed(lease.sql(), caller, id);
  }
  const int required = c.required_seconds();
  Sheet sheet{.name = "学习进度", .header = {"姓名", "单位", "学习时长（分钟）", "进度", "开始学习", "最近学习", "完成时间"},
              .widths = {10, 24, 16, 8, 22, 22, 22}, .rows = {}};
  for (const auto& l : rows)
    sheet.rows.push_back({l.name, l.unit_name, std::to_string(l.watched_seconds / 60),
                          std::to_string(required ? std::min(100, l.watched_seconds * 100 / required) : 0) + "%",
                          l.started_at, l.last_beat_at, l.completed_at});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "study.course_progress_exported", .target_type = "study_course",
                             .target_id = std::to_string(id), .detail = {{"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::vector<Course> CourseService::mine(const Principal& caller) {
  if (!caller.person_id) return {};
  auto lease = db_.lease();
  return CourseStore::of_person(lease.sql(), caller.person_id);
}

std::vector<Course> CourseService::of_person(long long person_id) {
  auto lease = db_.lease();
  return CourseStore::of_person(lease.sql(), person_id);
}

Course CourseService::my_course(const Principal& caller, long long id) {
  auto lease = db_.lease();
  learnable(lease.sql(), caller, id);
  for (auto& c : CourseStore::of_person(lease.sql(), caller.person_id))
    if (c.id == id) return c;
  throw Error::not_found(kNoCourse);
}

Course CourseService::start(const Principal& caller, long long id) {
  {
    db::Tx tx(db_);
    learnable(tx.sql(), caller, id);
    CourseStore::start(tx, id, caller.person_id, iso_utc(clock_.now()));
    tx.commit();
  }
  return my_course(caller, id);
}

HeartbeatResult CourseService::heartbeat(const Principal& caller, long long id, int reported, int position) {
  if (reported < 0 || reported > kMaxBeatSeconds)
    throw Error::validation("seconds", {"每次上报的学习时长应在 0 到 120 秒之间", "A heartbeat reports 0 to 120 seconds"});
  if (position < 0 || position > 36000)
    throw Error::validation("position_seconds", {"播放位置应在 0 到 36000 秒之间", "The position is 0 to 36000 seconds"});
  HeartbeatResult result;
  bool saved = false;
  for (int attempt = 0; attempt < kBeatAttempts && !saved; ++attempt) {
    db::Tx tx(db_);
    const Course c = learnable(tx.sql(), caller, id);
    const TimePoint now = clock_.now();
    const std::string at = iso_utc(now);
    auto before = CourseStore::progress_for_update(tx, id, caller.person_id);
    if (!before) {
      CourseStore::start(tx, id, caller.person_id, at);
      before = CourseStore::progress_for_update(tx, id, caller.person_id);
      if (!before) continue;
    }
    const int required = c.required_seconds();
    const Credit credit = credit_for(reported, before->watched_seconds, required, parse_iso_utc(before->credit_clock), now);
    ProgressStep step{.watched_seconds = before->watched_seconds + credit.seconds,
                      .position_seconds = c.duration_seconds ? std::min(position, c.duration_seconds) : position,
                      .credit_clock = iso_utc(credit.clock), .now = at};
    step.completes = before->completed_at.empty() && step.watched_seconds >= required;
    // Compare-and-set on what was read: a heartbeat of the same person that committed meanwhile makes this one
    // start over from its result, so two heartbeats never credit the same seconds or complete twice.
    if (!CourseStore::advance(tx, id, caller.person_id, *before, step)) continue;
    if (step.completes) {
      const std::string day = beijing_date(now);
      tx.publish({.type = kEventCourseHour, .subject_id = id, .person_id = caller.person_id, .occurred_at = at,
                  .payload = {{"activity_date", day}, {"quantity", course_hour_quantity(c.credit_minutes)}}});
      tx.publish({.type = kEventCourseCompleted, .subject_id = id, .person_id = caller.person_id, .occurred_at = at,
                  .payload = {{"activity_date", day}, {"title", c.title}, {"hours", c.credit_minutes / 60.0},
                              {"kind", c.kind}}});
    }
    tx.commit();
    result.credited = credit.seconds;
    result.completed_now = step.completes;
    saved = true;
  }
  if (!saved) throw Error::conflict("progress_busy", kBusy);
  result.course = my_course(caller, id);
  return result;
}

}  // namespace xinhuo::study
