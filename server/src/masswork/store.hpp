#pragma once
// The mass-work tables. Contact points, households, projects and teams are seen by a caller whose data scope covers
// their org node (仅本人 sees none of them in the console); visits and lectures by a caller whose scope covers the
// person who made them. Every read of the console goes through these scoped queries, in SQL.
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "masswork/model.hpp"

namespace xinhuo::masswork {

std::string id_list_json(const std::vector<long long>& ids);
std::vector<long long> id_list(const std::string& json);

class MassStore {
 public:
  static bool person_in_scope(soci::session& sql, const Principal& caller, long long person_id);
  static bool active_person(soci::session& sql, long long person_id);

  static long long insert_point(db::Tx& tx, const ContactPoint& p, const std::string& now);
  static bool update_point(db::Tx& tx, const ContactPoint& p, const std::string& now);
  static std::optional<ContactPoint> point(soci::session& sql, const Principal& caller, long long id);
  static std::vector<ContactPoint> points(soci::session& sql, const Principal& caller, long long node_id, const std::string& q,
                                          int page, int page_size, long long* total);

  // Households keep the phone sealed; the store hands back what is stored and the service opens it.
  static long long insert_household(db::Tx& tx, const Household& h, const std::string& sealed_phone, const std::string& now);
  static bool update_household(db::Tx& tx, const Household& h, const std::optional<std::string>& sealed_phone,
                               const std::string& now);
  static void set_cadres(db::Tx& tx, long long household_id, const std::vector<long long>& people);
  static std::optional<Household> household(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Household> households(soci::session& sql, const Principal& caller, const HouseholdFilter& f,
                                           long long* total);
  static std::vector<Household> paired_with(soci::session& sql, long long person_id);
  static bool paired(soci::session& sql, long long household_id, long long person_id);

  // Inserts the visit unless the person sent one with the same key before; returns {id, created}.
  static std::pair<long long, bool> insert_visit(db::Tx& tx, const Visit& v, long long account_id, const std::string& now);
  static std::optional<Visit> visit(soci::session& sql, long long id);
  static bool visit_in_scope(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Visit> visits(soci::session& sql, const Principal& caller, const VisitFilter& f, long long* total);
  static std::vector<Visit> visits_of(soci::session& sql, long long person_id);

  static std::pair<long long, bool> insert_lecture(db::Tx& tx, const Lecture& l, const std::string& client_key,
                                                   const std::string& now);
  static std::vector<Lecture> lectures(soci::session& sql, const Principal* caller, long long person_id, int page,
                                       int page_size, long long* total);
};

class ProjectStore {
 public:
  static long long insert(db::Tx& tx, const Project& p, long long account_id, const std::string& now);
  // Compare-and-set: published → claimed only while nobody has claimed it.
  static bool claim(db::Tx& tx, long long id, long long person_id, long long team_id, const std::string& now);
  static bool done(db::Tx& tx, long long id, const std::string& note, const std::vector<long long>& photos, const std::string& now);
  static bool rate(db::Tx& tx, long long id, int satisfaction, const std::string& note, const std::string& now);
  static bool close(db::Tx& tx, long long id, const std::string& from, const std::string& now);
  static void add_update(db::Tx& tx, long long project_id, long long person_id, const std::string& kind, const std::string& note,
                         const std::vector<long long>& photos, const std::string& now);

  static std::optional<Project> find(soci::session& sql, long long id, const std::string& today);
  static bool in_scope(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Project> list(soci::session& sql, const Principal* caller, const ProjectFilter& f, const std::string& today,
                                   long long* total);
  // Projects the person claimed, alone or through a team they belong to.
  static std::vector<Project> claimed_by(soci::session& sql, long long person_id, const std::string& today);
  static std::vector<ProjectUpdate> updates(soci::session& sql, long long project_id);

  static long long insert_team(db::Tx& tx, const Team& t, const std::string& now);
  static bool update_team(db::Tx& tx, const Team& t, const std::string& now);
  static void set_members(db::Tx& tx, long long team_id, const std::vector<long long>& people);
  static std::optional<Team> team(soci::session& sql, long long id);
  static bool team_in_scope(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Team> teams(soci::session& sql, const Principal* caller, long long member_person_id);
  static bool member(soci::session& sql, long long team_id, long long person_id);
  static std::vector<long long> members(soci::session& sql, long long team_id);
  static void add_hours(db::Tx& tx, long long team_id, long long person_id, long long project_id, long long tenths,
                        const std::string& date, const std::string& note, long long account_id, const std::string& now);
};

}  // namespace xinhuo::masswork
