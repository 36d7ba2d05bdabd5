#include "record/demo.hpp"

#include "core/date.hpp"
#include "db/query.hpp"
#include "record/service.hpp"

namespace xinhuo::record {

namespace {

// The account as the service sees it: its person, and the whole city as its scope.
std::optional<Principal> principal_of(soci::session& sql, const std::string& username, bool manager) {
  std::optional<Principal> out;
  db::Query("SELECT id, COALESCE(person_id, 0), display_name FROM account WHERE username = ").value(username).each(sql, [&](const soci::row& r) {
    Principal p;
    p.account_id = db::column_ll(r, 0);
    p.person_id = db::column_ll(r, 1);
    p.username = username;
    p.display_name = r.get<std::string>(2);
    if (manager) {
      p.permissions = {kPermRead, kPermWrite};
      p.scope.all = true;
    } else {
      p.permissions = {"self.read"};
      p.scope.self = true;
    }
    out = p;
  });
  return out;
}

}  // namespace

DemoRecordReport seed_demo_record(db::Database& db, const Clock& clock) {
  DemoRecordReport report;
  std::optional<Principal> admin, cadre, cadre2;
  {
    auto lease = db.lease();
    if (db::Query("SELECT COUNT(*) FROM record_entry WHERE source_key IS NULL").count(lease.sql()) > 0) return report;
    admin = principal_of(lease.sql(), "unitadmin", true);
    cadre = principal_of(lease.sql(), "cadre01", false);
    cadre2 = principal_of(lease.sql(), "cadre02", false);
  }
  if (!admin || !cadre || !cadre2 || !admin->person_id || !cadre->person_id || !cadre2->person_id) return report;
  RecordService service(db, clock);
  const Date today = *parse_date(beijing_date(clock.now()));
  auto day = [&](int offset) { return format_date(today + std::chrono::days(offset)); };
  auto unit_entry = [&](long long person, const std::string& category, int when, const std::string& title,
                        const std::string& content, const std::string& kind, const std::string& source) {
    ++report.entries;
    return service.create(*admin, {.person_id = person, .category = category, .fact_date = day(when), .title = title,
                                   .content = content, .source_kind = kind, .source_name = source}).id;
  };
  auto self_entry = [&](const Principal& who, const std::string& category, int when, const std::string& title,
                        const std::string& content) {
    ++report.entries;
    return service.report(who, {.category = category, .fact_date = day(when), .title = title, .content = content}).id;
  };
  const long long c1 = cadre->person_id, c2 = cadre2->person_id;

  unit_entry(c1, "work_result", -60, "牵头完成全市中小学课后服务调研报告",
             "牵头走访 23 所学校，形成调研报告 1 份，提出的 4 条建议被局党委采纳。", "unit", "办公室");
  unit_entry(c1, "key_task", -45, "参与“双减”专项督导", "作为督导组成员完成 12 所学校的专项督导，按期报送督导报告。",
             "leader", "分管副局长 李明");
  unit_entry(c1, "conduct_outside", -20, "周末参加社区志愿服务",
             "连续三个周末在结对社区参加文明创建志愿服务，居民反映热情耐心。", "residents", "社区网格员 张红梅");
  const long long mass = unit_entry(c1, "mass_evaluation", -30, "服务对象满意度测评", "季度服务对象满意度测评 96 分，排名处室第一。",
                                    "inspection", "局机关效能办");
  service.answer(*cadre, mass, "respond", "感谢认可，将继续提升服务质量。");
  const long long late = unit_entry(c1, "shortcoming", -12, "材料报送延迟一天",
                                    "教育统计年报材料较规定时限延迟一天报送。", "unit", "规划发展处");
  service.answer(*cadre, late, "contest",
                 "延迟系区县数据未按时汇总所致，本人已于截止当日书面报告处室负责人并获同意延期，附邮件记录。");
  const long long upheld = unit_entry(c1, "conduct_work", -90, "会议迟到", "参加局务会迟到 10 分钟。", "unit", "办公室");
  service.answer(*cadre, upheld, "contest", "当日因接待来访群众晚到，已提前请假。");
  service.decide(*admin, upheld, "resolve", "upheld", "经核实请假未获批准，维持记录；已考虑接访情节，不作其他处理。");
  const long long wrong = unit_entry(c1, "shortcoming", -100, "考勤异常", "系统显示连续两日未打卡。", "unit", "人事处");
  service.answer(*cadre, wrong, "contest", "该两日本人在外参加市委党校培训，有培训通知为证。");
  service.decide(*admin, wrong, "resolve", "withdrawn", "经核实为外出培训，撤销该条记录。");

  const long long ok = self_entry(*cadre, "work_result", -25, "撰写的政策解读在市级媒体刊发",
                                  "撰写《义务教育招生政策十问》在市级媒体刊发，阅读量 3 万余次。");
  service.decide(*admin, ok, "confirm", "", "");
  self_entry(*cadre, "training", -5, "参加青年干部专题培训", "参加市委党校青年干部专题培训班 5 天，结业考核合格。");
  const long long no = self_entry(*cadre, "conduct_work", -15, "加班完成迎检材料", "连续加班一周完成迎检材料。");
  service.decide(*admin, no, "reject", "", "迎检材料为处室集体完成，请以处室名义另行记载。");

  unit_entry(c1, "frontline", -75, "防汛抗台一线值守", "台风期间连续 5 天在镇街防汛一线值守，协助转移群众 120 余人。", "leader",
             "分管副局长 李明");
  unit_entry(c2, "frontline", -50, "急难险重任务：社区应急支援", "抽调至社区参加应急支援 3 周，负责临时安置点的信息登记。", "unit",
             "机关党委");
  unit_entry(c2, "key_task", -40, "承担校园安全专项整治联络", "负责专项整治的信息汇总和联络，按周报送进度。", "unit", "安全管理处");
  self_entry(*cadre2, "conduct_outside", -8, "参加无偿献血", "参加市中心血站组织的无偿献血 300 毫升。");

  const std::string year = std::to_string(std::stoi(format_date(today).substr(0, 4)) - 1);
  service.write_comment(*admin, c1, {.period = year, .leader_name = "李明", .leader_position = "分管副局长",
                                     .content = "政治素质好，工作主动。"});
  service.write_comment(*admin, c1, {.period = year, .leader_name = "李明", .leader_position = "分管副局长",
                                     .content = "政治素质好，工作主动，调查研究能力突出；今后要加强统筹协调，在急难险重任务中多加历练。",
                                     .base_version = 1});
  report.comments = 2;
  return report;
}

}  // namespace xinhuo::record
