#pragma once
// Contact points, paired households, visits and lectures to residents. The console keeps points and households of
// units in scope (mass.write) and reads visits of people in scope (mass.read); a cadre sees the households paired
// with them and logs visits from the phone, possibly written offline: the phone's key (client_key) makes a repeated
// send the same visit, answered with the original (200) instead of a second one (201). A logged visit to a paired
// household publishes mass.household_visited in the same transaction.
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"
#include "files/service.hpp"
#include "masswork/store.hpp"

namespace xinhuo::masswork {

struct HouseholdInput {
  long long contact_point_id = 0;
  std::string head_name, area, phone, needs, status = "active";
  bool phone_given = true;  // a change without a phone keeps the one stored
  std::vector<long long> cadre_ids;
};

struct VisitInput {
  long long household_id = 0;
  std::string place, visit_date, learned, done, client_key;
  std::vector<long long> photos;
};

struct LectureInput {
  std::string lecture_date, place, topic, client_key;
  long long audience = 0;
  std::vector<long long> photos;
};

class MassService {
 public:
  MassService(db::Database& db, const Clock& clock, const FieldCipher& cipher, files::FilesService* files = nullptr)
      : db_(db), clock_(clock), cipher_(cipher), files_(files) {}

  ContactPoint create_point(const Principal& caller, const ContactPoint& in);
  ContactPoint update_point(const Principal& caller, long long id, const ContactPoint& in);
  std::vector<ContactPoint> points(const Principal& caller, long long node_id, const std::string& q, int page, int page_size,
                                   long long* total);

  Household create_household(const Principal& caller, const HouseholdInput& in);
  Household update_household(const Principal& caller, long long id, const HouseholdInput& in);
  Household household(const Principal& caller, long long id);
  std::vector<Household> households(const Principal& caller, const HouseholdFilter& f, long long* total);
  std::string export_households(const Principal& caller, HouseholdFilter f);

  std::vector<Visit> visits(const Principal& caller, const VisitFilter& f, long long* total);
  std::string export_visits(const Principal& caller, VisitFilter f);
  // A photo of a visit the caller may see (mine: the caller's own visit); 404 for any other file.
  std::pair<files::StoredFile, std::string> visit_photo(const Principal& caller, long long visit_id, long long file_id, bool mine);

  std::vector<Household> my_households(const Principal& caller);
  // {visit, created}: created false when the same client_key was sent before (the original is returned).
  std::pair<Visit, bool> log_visit(const Principal& caller, const VisitInput& in);
  std::vector<Visit> my_visits(const Principal& caller);

  std::pair<Lecture, bool> log_lecture(const Principal& caller, const LectureInput& in);
  std::vector<Lecture> my_lectures(const Principal& caller);
  std::vector<Lecture> lectures(const Principal& caller, int page, int page_size, long long* total);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  long long self_person(soci::session& sql, const Principal& caller) const;
  void check_household(soci::session& sql, const Principal& caller, const HouseholdInput& in) const;
  void reveal(Household& h, bool whole) const;

  db::Database& db_;
  const Clock& clock_;
  const FieldCipher& cipher_;
  files::FilesService* files_;
};

}  // namespace xinhuo::masswork
