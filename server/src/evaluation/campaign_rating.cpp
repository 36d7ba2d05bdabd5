// The rater's side of a campaign: the lists the caller's person was assigned, and rating them. Whether the caller
// may rate is the campaign's assignment, not a role: anyone signed in with a person reaches these routes, and an
// account that rates nothing sees no task and is answered 404 for a campaign it has no part in.
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "evaluation/campaign_service.hpp"

namespace xinhuo::evaluation {

namespace {

long long self_person(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return caller.person_id;
}

struct RoleInfo {
  std::string name;
  bool anonymous = false;
};

RoleInfo role_info(const Campaign& c, const Settings& s, const std::string& role) {
  if (c.kind == "dual_ranking") return {role == "line" ? "条线分管领导" : "单位主要领导", false};
  for (const auto& g : s.groups)
    if (g.code == role) return {g.name, g.anonymous};
  return {role, false};
}

}  // namespace

Json CampaignService::my_tasks(const Principal& caller) {
  const long long me = self_person(caller);
  auto lease = db_.lease();
  Json items = Json::array();
  for (const auto& c : CampaignStore::rated_by(lease.sql(), me)) {
    const Settings s = settings_of(c.settings);
    std::map<std::string, std::pair<int, int>> roles;  // role → (assigned, rated)
    for (const auto& a : CampaignStore::assignments_of_rater(lease.sql(), c.id, me)) {
      auto& r = roles[a.role];
      ++r.first;
      if (a.rated) ++r.second;
    }
    Json lists = Json::array();
    for (const auto& [role, n] : roles) {
      const auto info = role_info(c, s, role);
      lists.push_back({{"role", role}, {"role_name", info.name}, {"anonymous", info.anonymous}, {"assigned", n.first},
                       {"rated", n.second}});
    }
    items.push_back({{"campaign_id", c.id}, {"title", c.title}, {"kind", c.kind}, {"org_name", c.org_name},
                     {"opened_at", c.opened_at}, {"lists", lists}});
  }
  return {{"items", items}};
}

Json CampaignService::my_task(const Principal& caller, long long id) {
  const long long me = self_person(caller);
  auto lease = db_.lease();
  auto& sql = lease.sql();
  const auto c = CampaignStore::find(sql, id);
  const auto mine = c ? CampaignStore::assignments_of_rater(sql, id, me) : std::vector<Assignment>{};
  if (!c || mine.empty()) throw Error::not_found({"没有该评价任务", "No such rating task"});
  if (c->state != "open") throw Error::conflict("campaign_state", {"评价活动不在进行中", "The campaign is not open"});
  const Settings s = settings_of(c->settings);
  std::map<long long, NamedRating> given;
  for (const auto& r : CampaignStore::named_ratings(sql, id))
    if (r.rater == me) given[r.assignment_id] = r;
  std::map<long long, Ratee> ratees;
  for (const auto& r : CampaignStore::ratees(sql, id)) ratees[r.person_id] = r;
  std::map<std::string, Json> lists;
  for (const auto& a : mine) {
    const auto info = role_info(*c, s, a.role);
    if (!lists.count(a.role))
      lists[a.role] = {{"role", a.role}, {"role_name", info.name}, {"anonymous", info.anonymous}, {"ranked", c->kind == "dual_ranking"},
                       {"items", Json::array()}};
    const Ratee& r = ratees[a.ratee];
    Json item = {{"ratee_id", a.ratee}, {"name", r.name}, {"unit_name", r.unit_name}, {"line_name", r.line_name},
                 {"rated", a.rated}, {"score", nullptr}, {"rank", nullptr}};
    if (auto it = given.find(a.id); it != given.end()) {
      item["score"] = it->second.score;
      if (it->second.rank) item["rank"] = it->second.rank;
    }
    lists[a.role]["items"].push_back(item);
  }
  Json out = Json::array();
  for (auto& [role, list] : lists) {
    // A ranked list comes in the rater's last order, unranked people after.
    auto& items = list["items"];
    std::stable_sort(items.begin(), items.end(), [](const Json& a, const Json& b) {
      const int ra = a["rank"].is_number() ? a["rank"].get<int>() : 1000000;
      const int rb = b["rank"].is_number() ? b["rank"].get<int>() : 1000000;
      return ra < rb;
    });
    out.push_back(list);
  }
  return {{"campaign_id", id}, {"title", c->title}, {"kind", c->kind}, {"state", c->state}, {"lists", out}};
}

Json CampaignService::rate(const Principal& caller, long long id, const std::string& role, const std::vector<RatingItem>& items) {
  const long long me = self_person(caller);
  const std::string now = iso_utc(clock_.now());
  {
    db::Tx tx(db_);
    auto& sql = tx.sql();
    const auto c = CampaignStore::find(sql, id);
    std::map<long long, Assignment> mine;  // ratee → my assignment in this role
    if (c)
      for (const auto& a : CampaignStore::assignments_of_rater(sql, id, me))
        if (a.role == role) mine[a.ratee] = a;
    if (!c || mine.empty()) throw Error::not_found({"没有该评价任务", "No such rating task"});
    if (c->state != "open") throw Error::conflict("campaign_state", {"评价活动不在进行中，不能评分", "The campaign is not open"});
    const Settings s = settings_of(c->settings);
    const auto info = role_info(*c, s, role);
    std::set<long long> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& it = items[i];
      if (!mine.count(it.ratee_id) || !seen.insert(it.ratee_id).second)
        throw Error::validation("items[" + std::to_string(i) + "].ratee_id",
                                {"该干部不在您的评价名单中或重复出现", "Not on your list, or listed twice"});
    }
    if (c->kind == "dual_ranking") {
      // The whole list at once: ranking is relative, so every cadre of the list has a distinct place.
      if (items.size() != mine.size())
        throw Error(400, "ranking_incomplete", {"请为名单中的全部 " + std::to_string(mine.size()) + " 名干部评分并排序",
                                                "Score and rank all " + std::to_string(mine.size()) + " people of the list"},
                    "items");
      std::vector<int> ranks;
      for (const auto& it : items) ranks.push_back(it.rank);
      if (const int bad = first_rank_problem(ranks); bad >= 0) {
        const bool tie = ranks[bad] >= 1 && ranks[bad] <= static_cast<int>(ranks.size());
        throw Error(400, tie ? "rank_tie" : "rank_range",
                    tie ? Text{"排名不能并列：第 " + std::to_string(ranks[bad]) + " 名出现了两次",
                               "Ranks cannot tie: rank " + std::to_string(ranks[bad]) + " is given twice"}
                        : Text{"排名应为 1 到 " + std::to_string(ranks.size()), "Ranks run from 1 to " + std::to_string(ranks.size())},
                    "items[" + std::to_string(bad) + "].rank");
      }
    }
    for (const auto& it : items) {
      const Assignment& a = mine[it.ratee_id];
      if (info.anonymous) {
        // The score goes in without the rater; the marker says only that this rater has rated. Once: an anonymous
        // score cannot be found again to be replaced.
        if (!CampaignStore::mark_rated(tx, a.id, true, now))
          throw Error::conflict("already_rated", {"已提交过对 " + a.ratee_name + " 的匿名评价，不能修改",
                                                  "An anonymous rating of " + a.ratee_name + " was given already"});
        CampaignStore::insert_anonymous(tx, id, it.ratee_id, role, it.score);
      } else {
        CampaignStore::upsert_rating(tx, a.id, it.score, c->kind == "dual_ranking" ? it.rank : 0, now);
        CampaignStore::mark_rated(tx, a.id, false, now);
      }
    }
    // Audited without scores: who rated which list of which campaign.
    audit::record(tx, caller, {.action = "evaluation.rated", .target_type = "evaluation_campaign", .target_id = std::to_string(id),
                               .detail = {{"role", role}, {"count", items.size()}, {"anonymous", info.anonymous}}},
                  clock_.now());
    tx.commit();
  }
  return my_task(caller, id);
}

}  // namespace xinhuo::evaluation
