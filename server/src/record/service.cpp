#include "record/service.hpp"

#include <algorithm>
#include <map>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "files/service.hpp"
#include "org/facts.hpp"

namespace xinhuo::record {

namespace {

const Text kNoEntry{"纪实条目不存在", "No such record entry"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

const std::map<std::string, std::string>& category_zh() {
  static const std::map<std::string, std::string> m = {
      {"work_result", "工作实绩"}, {"key_task", "重点任务"}, {"frontline", "一线及急难险重任务"}, {"training", "教育培训"},
      {"conduct_work", "八小时内表现"}, {"conduct_outside", "八小时外表现"}, {"mass_evaluation", "群众评价"},
      {"shortcoming", "问题不足"}};
  return m;
}

std::string state_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"pending", "待确认"}, {"confirmed", "已确认"}, {"rejected", "未通过"},
                                                       {"contested", "有异议"}, {"withdrawn", "已撤销"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

std::string source_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"self", "本人申报"}, {"unit", "单位"}, {"leader", "领导"},
                                                       {"residents", "群众反映"}, {"inspection", "督查检查"},
                                                       {"module", "系统记录"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

Error wrong_state(const std::string& state) {
  return Error::conflict("record_state", {"该纪实条目当前为“" + state_zh(state) + "”，不能进行此操作，请刷新后重试",
                                          "The entry is " + state + " now and cannot take this step; reload and try again"});
}

// The people of the events' own vocabulary, for the text of an entry made from them.
const std::map<std::string, std::string>& assignment_zh() {
  static const std::map<std::string, std::string> m = {{"frontline", "一线历练"}, {"secondment", "挂职"},
                                                       {"east_west", "东西部协作"}, {"counterpart", "对口支援"},
                                                       {"mountain_sea", "山海协作"}, {"urgent", "急难险重任务"}};
  return m;
}

const std::map<std::string, std::string>& training_zh() {
  static const std::map<std::string, std::string> m = {{"party_spirit", "党性教育"}, {"theory", "理论培训"},
                                                       {"skill", "业务技能"}, {"young_cadre", "年轻干部培训"}, {"other", "其他培训"}};
  return m;
}

std::string lookup(const std::map<std::string, std::string>& m, const std::string& key, const std::string& fallback) {
  auto it = m.find(key);
  return it == m.end() ? fallback : it->second;
}

}  // namespace

std::string RecordService::today() const { return beijing_date(clock_.now()); }

void RecordService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

long long RecordService::self_person(const Principal& caller) const {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return caller.person_id;
}

void RecordService::check_entry(const EntryInput& in, bool self) const {
  if (!one_of(categories(), in.category))
    throw Error::validation("category", {"纪实类别不正确", "category is work_result, key_task, frontline, training, conduct_work, "
                                                         "conduct_outside, mass_evaluation or shortcoming"});
  if (self && (in.category == "shortcoming" || in.category == "mass_evaluation"))
    throw Error::validation("category", {"问题不足和群众评价由单位记录，不能本人申报",
                                         "Shortcomings and mass evaluation are recorded by the unit, not self-reported"});
  if (!parse_date(in.fact_date)) throw Error::validation("fact_date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.fact_date < "1980-01-01") throw Error::validation("fact_date", {"日期过早", "The date is too early"});
  if (in.fact_date > today()) throw Error::validation("fact_date", {"事实发生日期不能晚于今天", "The date of the fact cannot be in the future"});
  if (trim(in.title).empty()) throw Error::validation("title", {"请填写标题", "Give a title"});
  if (trim(in.content).size() < 4) throw Error::validation("content", {"请填写具体内容（至少 2 个字）", "Describe the fact"});
  if (!self && !one_of({"unit", "leader", "residents", "inspection"}, in.source_kind))
    throw Error::validation("source_kind", {"来源应为单位、领导、群众反映或督查检查", "source_kind is unit, leader, residents or inspection"});
  // PIPL and trust: conduct outside working hours is recorded only from a named source (never from watching people).
  if (in.category == "conduct_outside" && !self && trim(in.source_name).empty())
    throw Error::validation("source_name", {"八小时外表现须注明具体来源（反映人、单位或渠道）",
                                            "Conduct outside working hours needs a named source"});
}

Entry RecordService::load(soci::session& sql, long long id) const {
  auto e = RecordStore::find(sql, id);
  if (!e) throw Error::not_found(kNoEntry);
  e->history = RecordStore::history(sql, id);
  return *e;
}

Entry RecordService::create(const Principal& caller, const EntryInput& in) {
  require(caller, kPermWrite);
  check_entry(in, false);
  if (in.category == "conduct_outside" && !caller.person_id)
    throw Error::validation("recorder", {"八小时外表现须由关联了人员身份的账号记录，以便问责",
                                         "Conduct outside working hours is recorded by an account linked to a person, who is accountable"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  auto person = RecordStore::person(tx.sql(), in.person_id);
  if (!person || person->status != "active" || !org::person_in_scope(tx.sql(), caller, in.person_id))
    throw Error::validation("person_id", {"人员不存在或不在管理范围内", "The person is not someone you manage"});
  files::FilesService::require_owned(tx.sql(), caller, in.evidence, "evidence");
  Entry e;
  e.person_id = in.person_id;
  e.category = in.category;
  e.fact_date = in.fact_date;
  e.title = trim(in.title);
  e.content = trim(in.content);
  e.source_kind = in.source_kind;
  e.source_name = trim(in.source_name);
  e.recorder_person_id = caller.person_id;
  if (caller.person_id) {
    if (auto me = RecordStore::person(tx.sql(), caller.person_id)) e.recorder_name = me->name;
  }
  if (e.recorder_name.empty()) e.recorder_name = caller.display_name.empty() ? caller.username : caller.display_name;
  e.evidence = in.evidence;
  e.state = "confirmed";  // recorded by the unit: in force, and shown to the person at once
  const long long id = RecordStore::insert(tx, e, caller.account_id, now);
  RecordStore::add_history(tx, id, {.action = "created", .to_state = e.state, .actor_name = e.recorder_name, .at = now},
                           caller.account_id);
  audit::record(tx, caller, {.action = "record.entry_created", .target_type = "record_entry", .target_id = std::to_string(id),
                             .detail = {{"person_id", in.person_id}, {"category", in.category}, {"source_kind", in.source_kind},
                                        {"fact_date", in.fact_date}}},
                clock_.now());
  Entry out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Entry RecordService::report(const Principal& caller, const EntryInput& in) {
  const long long person_id = self_person(caller);
  check_entry(in, true);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  auto person = RecordStore::person(tx.sql(), person_id);
  if (!person || person->status != "active")
    throw Error::forbidden("no_person", {"账号未关联在册人员", "This account is not linked to a person on the roster"});
  files::FilesService::require_owned(tx.sql(), caller, in.evidence, "evidence");
  Entry e;
  e.person_id = person_id;
  e.category = in.category;
  e.fact_date = in.fact_date;
  e.title = trim(in.title);
  e.content = trim(in.content);
  e.source_kind = "self";
  e.source_name = trim(in.source_name).empty() ? person->name : trim(in.source_name);
  e.recorder_person_id = person_id;
  e.recorder_name = person->name;
  e.evidence = in.evidence;
  e.state = "pending";  // the unit confirms or rejects it
  const long long id = RecordStore::insert(tx, e, caller.account_id, now);
  RecordStore::add_history(tx, id, {.action = "reported", .to_state = e.state, .actor_name = person->name, .at = now},
                           caller.account_id);
  audit::record(tx, caller, {.action = "record.entry_reported", .target_type = "record_entry", .target_id = std::to_string(id),
                             .detail = {{"category", in.category}, {"fact_date", in.fact_date}}},
                clock_.now());
  Entry out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Entry RecordService::decide(const Principal& caller, long long id, const std::string& action, const std::string& outcome,
                            const std::string& note_in) {
  require(caller, kPermWrite);
  const std::string note = trim(note_in);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  auto e = RecordStore::find(tx.sql(), id);
  if (!e || !RecordStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoEntry);
  if (caller.person_id && e->person_id == caller.person_id)
    throw Error::forbidden("own_record", {"不能处理关于本人的纪实条目", "Entries about yourself are decided by someone else"});
  bool done = false;
  std::string to, history_action;
  if (action == "confirm") {
    if (e->state != "pending") throw wrong_state(e->state);
    to = history_action = "confirmed";
    done = RecordStore::decide(tx, id, "pending", to, note, caller.account_id, now);
  } else if (action == "reject") {
    if (note.empty()) throw Error::validation("reason", {"请填写不予确认的理由", "Give the reason"});
    if (e->state != "pending") throw wrong_state(e->state);
    to = history_action = "rejected";
    done = RecordStore::decide(tx, id, "pending", to, note, caller.account_id, now);
  } else if (action == "withdraw") {
    if (note.empty()) throw Error::validation("reason", {"请填写撤销的理由", "Give the reason"});
    if (e->state != "confirmed") throw wrong_state(e->state);
    to = history_action = "withdrawn";
    done = RecordStore::decide(tx, id, "confirmed", to, note, caller.account_id, now);
  } else if (action == "resolve") {
    if (outcome != "upheld" && outcome != "withdrawn")
      throw Error::validation("outcome", {"处理结果应为维持或撤销", "outcome is upheld or withdrawn"});
    if (note.empty()) throw Error::validation("note", {"请填写处理意见（对异议的答复）", "Answer the contest"});
    if (e->state != "contested") throw wrong_state(e->state);
    to = outcome == "upheld" ? "confirmed" : "withdrawn";
    history_action = outcome;
    done = RecordStore::resolve(tx, id, outcome, note, caller.account_id, now);
  } else {
    throw Error::not_found();
  }
  if (!done) throw wrong_state(e->state);  // changed meanwhile by someone else
  const std::string actor = caller.display_name.empty() ? caller.username : caller.display_name;
  RecordStore::add_history(tx, id, {.action = history_action, .from_state = e->state, .to_state = to, .note = note,
                                    .actor_name = actor, .at = now},
                           caller.account_id);
  audit::record(tx, caller, {.action = action == "resolve" ? "record.contest_" + outcome : "record.entry_" + history_action,
                             .target_type = "record_entry", .target_id = std::to_string(id),
                             .detail = {{"person_id", e->person_id}, {"from", e->state}, {"to", to}}},
                clock_.now());
  Entry out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Entry RecordService::answer(const Principal& caller, long long id, const std::string& action, const std::string& text_in) {
  const long long person_id = self_person(caller);
  const std::string text = trim(text_in);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  auto e = RecordStore::find(tx.sql(), id);
  if (!e || e->person_id != person_id) throw Error::not_found(kNoEntry);
  bool done = false;
  std::string to = e->state;
  if (action == "respond") {
    if (text.empty()) throw Error::validation("response", {"请填写说明", "Write the response"});
    done = RecordStore::respond(tx, id, e->state, text, now);
  } else {
    if (text.size() < 4) throw Error::validation("reason", {"请写明异议的理由", "Give the reasons for the contest"});
    if (e->source_kind == "self")
      throw Error::conflict("record_state", {"本人申报的条目不能提出异议，可以补充说明", "Your own report cannot be contested; respond instead"});
    if (e->state != "confirmed" || !e->resolution.empty()) {
      if (!e->resolution.empty())
        throw Error::conflict("record_state", {"该条目的异议已处理，不能再次提出", "A contest of this entry was resolved already"});
      throw wrong_state(e->state);
    }
    to = "contested";
    done = RecordStore::contest(tx, id, text, now);
  }
  if (!done) throw wrong_state(e->state);
  RecordStore::add_history(tx, id, {.action = action == "respond" ? "responded" : "contested", .from_state = e->state,
                                    .to_state = to, .note = text, .actor_name = e->person_name, .at = now},
                           caller.account_id);
  audit::record(tx, caller, {.action = action == "respond" ? "record.entry_responded" : "record.entry_contested",
                             .target_type = "record_entry", .target_id = std::to_string(id), .detail = {{"from", e->state}}},
                clock_.now());
  Entry out = load(tx.sql(), id);
  tx.commit();
  return out;
}

Entry RecordService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!RecordStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoEntry);
  return load(lease.sql(), id);
}

Entry RecordService::my_entry(const Principal& caller, long long id) {
  const long long person_id = self_person(caller);
  auto lease = db_.lease();
  Entry e = load(lease.sql(), id);
  if (e.person_id != person_id) throw Error::not_found(kNoEntry);
  return e;
}

void RecordService::check_filter(const EntryFilter& f) const {
  if (!f.category.empty() && !one_of(categories(), f.category)) throw Error::validation("category", {"纪实类别不正确", "Unknown category"});
  if (!f.state.empty() && !one_of(entry_states(), f.state)) throw Error::validation("state", {"状态不正确", "Unknown state"});
  if (!f.source_kind.empty() && !one_of(source_kinds(), f.source_kind))
    throw Error::validation("source_kind", {"来源不正确", "Unknown source_kind"});
  if (!f.from.empty() && !parse_date(f.from)) throw Error::validation("from", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!f.to.empty() && !parse_date(f.to)) throw Error::validation("to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
}

std::vector<Entry> RecordService::list(const Principal& caller, const EntryFilter& filter, long long* total) {
  require(caller, kPermRead);
  check_filter(filter);
  auto lease = db_.lease();
  return RecordStore::list(lease.sql(), caller, filter, total);
}

std::string RecordService::export_xlsx(const Principal& caller, EntryFilter filter) {
  filter.page = 1;
  filter.page_size = 50000;
  long long total = 0;
  const auto rows = list(caller, filter, &total);
  Sheet sheet{.name = "干部纪实",
              .header = {"姓名", "单位", "类别", "日期", "标题", "内容", "来源", "来源名称", "记录人", "状态", "本人说明",
                         "异议理由", "处理意见"},
              .widths = {10, 24, 14, 12, 24, 48, 10, 16, 10, 8, 30, 30, 30},
              .rows = {}};
  for (const auto& e : rows)
    sheet.rows.push_back({e.person_name, e.unit_name, lookup(category_zh(), e.category, e.category), e.fact_date, e.title,
                          e.content, source_zh(e.source_kind), e.source_name, e.recorder_name, state_zh(e.state), e.response,
                          e.contest_reason, e.resolution_note.empty() ? e.decision_note : e.resolution_note});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "record.entries_exported", .target_type = "org_node",
                             .target_id = std::to_string(filter.node_id),
                             .detail = {{"person_id", filter.person_id}, {"category", filter.category}, {"state", filter.state},
                                        {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::vector<Entry> RecordService::mine(const Principal& caller) {
  const long long person_id = self_person(caller);
  auto lease = db_.lease();
  return RecordStore::of_person(lease.sql(), person_id);
}

std::pair<files::StoredFile, std::string> RecordService::evidence(const Principal& caller, long long entry_id, long long file_id,
                                                                  bool mine) {
  const Entry e = mine ? my_entry(caller, entry_id) : get(caller, entry_id);
  if (!files_ || std::find(e.evidence.begin(), e.evidence.end(), file_id) == e.evidence.end()) throw Error::not_found();
  // The entry grants the reading: the file is read as its uploader would read it.
  Principal reader;
  {
    auto lease = db_.lease();
    const auto f = files::FilesStore::file(lease.sql(), file_id);
    if (!f) throw Error::not_found();
    reader.account_id = f->owner_account_id;
  }
  return files_->read(reader, file_id);
}

std::vector<Comment> RecordService::comments(const Principal& caller, long long person_id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!org::person_in_scope(lease.sql(), caller, person_id)) throw Error::not_found({"人员不存在", "No such person"});
  return RecordStore::comments(lease.sql(), person_id);
}

std::vector<Comment> RecordService::my_comments(const Principal& caller) {
  const long long person_id = self_person(caller);
  auto lease = db_.lease();
  return RecordStore::comments(lease.sql(), person_id);
}

Comment RecordService::write_comment(const Principal& caller, long long person_id, const CommentInput& in) {
  require(caller, kPermWrite);
  if (!valid_period(in.period))
    throw Error::validation("period", {"期间应为年度（如 2026）或半年（如 2026H1）", "period is a year (2026) or a half (2026H1)"});
  if (in.period.substr(0, 4) > today().substr(0, 4))
    throw Error::validation("period", {"不能为将来的期间写评语", "The period has not begun"});
  if (trim(in.leader_name).empty()) throw Error::validation("leader_name", {"请填写评语领导的姓名", "Name the leader"});
  if (trim(in.content).size() < 4) throw Error::validation("content", {"请填写评语内容", "Write the comment"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  tx.lock_writers();  // one current version per period: edits of the same period queue here
  if (!org::person_in_scope(tx.sql(), caller, person_id)) throw Error::not_found({"人员不存在", "No such person"});
  if (caller.person_id == person_id)
    throw Error::forbidden("own_record", {"不能为本人写评语", "Comments on yourself are written by someone else"});
  if (!RecordStore::supersede(tx, person_id, in.period, in.base_version))
    throw Error::conflict("comment_version", {"该期间的评语已被修改，请刷新后重试", "The comment of this period changed meanwhile; reload"});
  Comment c;
  c.person_id = person_id;
  c.period = in.period;
  c.version = in.base_version + 1;
  c.leader_name = trim(in.leader_name);
  c.leader_position = trim(in.leader_position);
  c.content = trim(in.content);
  const std::string by = caller.display_name.empty() ? caller.username : caller.display_name;
  const long long id = RecordStore::insert_comment(tx, c, caller.account_id, by, now);
  audit::record(tx, caller, {.action = "record.comment_written", .target_type = "record_comment", .target_id = std::to_string(id),
                             .detail = {{"person_id", person_id}, {"period", in.period}, {"version", c.version}}},
                clock_.now());
  Comment out;
  for (const auto& x : RecordStore::comments(tx.sql(), person_id))
    if (x.id == id) out = x;
  tx.commit();
  return out;
}

void RecordService::subscribe(db::EventBus& bus) {
  for (const char* type : {"practice.assignment_completed_short", "practice.assignment_completed_long", "practice.training_completed"})
    bus.subscribe(type, [this](db::Tx& tx, const db::Event& e) { on_event(tx, e); });
}

void RecordService::on_event(db::Tx& tx, const db::Event& ev) {
  if (ev.person_id == 0 || !RecordStore::person(tx.sql(), ev.person_id)) return;
  std::string date = ev.payload.value("activity_date", std::string());
  if (!parse_date(date)) date = ev.occurred_at.size() >= 10 ? ev.occurred_at.substr(0, 10) : today();
  Entry e;
  e.person_id = ev.person_id;
  e.fact_date = date;
  e.source_kind = "module";
  e.source_name = "实践锻炼";
  e.recorder_name = "实践锻炼模块";
  e.state = "confirmed";
  // Delivering the same event twice makes one entry: the source key is unique.
  e.source_key = "event:" + ev.type + ":" + std::to_string(ev.subject_id) + ":" + std::to_string(ev.person_id);
  if (ev.type == "practice.training_completed") {
    const std::string kind = lookup(training_zh(), ev.payload.value("kind", std::string()), "培训");
    e.category = "training";
    e.title = "完成培训：" + kind;
    e.content = "参加" + kind + "培训班并结业";
    if (auto h = ev.payload.find("hours"); h != ev.payload.end() && h->is_number_integer())
      e.content += "，共 " + std::to_string(h->get<int>()) + " 学时";
    e.content += "（结业日期 " + date + "）。";
  } else {
    const std::string type = lookup(assignment_zh(), ev.payload.value("assignment_type", std::string()), "一线历练");
    e.category = "frontline";
    e.title = "完成" + type;
    e.content = "完成" + type + "，实际结束于 " + date + "（" +
                (ev.type == "practice.assignment_completed_long" ? std::string("两个月以上") : std::string("一周至两个月")) + "）。";
  }
  const std::string now = iso_utc(clock_.now());
  const long long id = RecordStore::insert(tx, e, 0, now);
  if (id) RecordStore::add_history(tx, id, {.action = "created", .to_state = "confirmed", .note = ev.type,
                                            .actor_name = e.recorder_name, .at = now}, 0);
}

}  // namespace xinhuo::record
