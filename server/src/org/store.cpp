#include "org/store.hpp"

#include <map>

#include "db/query.hpp"

namespace xinhuo::org {

namespace {
const char* const kNodeColumns =
    "SELECT n.id, COALESCE(n.parent_id, 0), n.path, n.depth, n.node_type, n.name, COALESCE(n.short_name, ''), n.code, "
    "n.sort_order, n.status, (SELECT COUNT(*) FROM person p WHERE p.unit_id = n.id AND p.status = 'active') "
    "FROM org_node n WHERE 1 = 1";
const char* const kNodeOrder = " ORDER BY n.depth, n.sort_order, n.id";
const char* const kCodeTaken = "SELECT COUNT(*) FROM org_node WHERE code = :c";
const char* const kInsertNode =
    "INSERT INTO org_node (parent_id, path, depth, node_type, name, short_name, code, sort_order, status, created_at, "
    "updated_at) VALUES (:parent, '', :depth, :type, :name, :short, :code, :sort, 'active', :now, :now2) RETURNING id";
const char* const kSetPath = "UPDATE org_node SET path = :path WHERE id = :id";
const char* const kUpdateNode =
    "UPDATE org_node SET name = :name, short_name = :short, sort_order = :sort, updated_at = :now WHERE id = :id";
const char* const kMoveSubtree =
    "UPDATE org_node SET path = :new_prefix || SUBSTR(path, :old_len), depth = depth + :delta, updated_at = :now "
    "WHERE path LIKE :old_like";
const char* const kSetParent = "UPDATE org_node SET parent_id = :p WHERE id = :id";
const char* const kCloseNode = "UPDATE org_node SET status = 'closed', updated_at = :now WHERE id = :id AND status = 'active'";

// Read through db::Row, which gives "" and 0 for NULL: no COALESCE (it copied every text column once more).
const char* const kPersonColumns =
    "SELECT p.id, p.name, p.gender, p.ethnicity, p.birth_date, p.native_place, p.education, p.degree, p.unit_id, "
    "u.name, p.branch_id, b.name, p.position, p.rank, p.work_start_date, p.party_status, p.party_joined_date, "
    "p.status, p.created_at, p.updated_at, p.id_card_sealed, p.phone_sealed";
const char* const kPersonFrom =
    " FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
const char* const kUpdatePerson =
    "UPDATE person SET name = :name, gender = :gender, ethnicity = :ethnicity, birth_date = :birth, "
    "native_place = :native, education = :education, degree = :degree, unit_id = :unit, branch_id = :branch, "
    "position = :position, rank = :rank, work_start_date = :work, party_status = :party, "
    "party_joined_date = :joined, updated_at = :now WHERE id = :id";
const char* const kUpdateIdentity =
    "UPDATE person SET id_card_sealed = :ics, id_card_hash = :ich, phone_sealed = :ps, phone_hash = :ph WHERE id = :id";
const char* const kIdCardTaken = "SELECT COUNT(*) FROM person WHERE id_card_hash = :h AND id <> :id";
const char* const kInsertHistory =
    "INSERT INTO person_history (person_id, field, old_value, new_value, account_id, username, changed_at, request_id) "
    "VALUES (:p, :f, :o, :n, :a, :u, :t, :r)";
const char* const kSelectHistory =
    "SELECT id, field, COALESCE(old_value, ''), COALESCE(new_value, ''), username, changed_at FROM person_history "
    "WHERE person_id = :p ORDER BY id DESC";

OrgNode node_from(const soci::row& r) {
  OrgNode n;
  n.id = db::column_ll(r, 0);
  n.parent_id = db::column_ll(r, 1);
  n.path = r.get<std::string>(2);
  n.depth = static_cast<int>(db::column_ll(r, 3));
  n.node_type = r.get<std::string>(4);
  n.name = r.get<std::string>(5);
  n.short_name = r.get<std::string>(6);
  n.code = r.get<std::string>(7);
  n.sort_order = static_cast<int>(db::column_ll(r, 8));
  n.status = r.get<std::string>(9);
  n.people = db::column_ll(r, 10);
  return n;
}

Person person_from(const db::Row& r) {
  Person p;
  p.id = r.ll(0);
  p.name = r.text(1);
  p.gender = r.text(2);
  p.ethnicity = r.text(3);
  p.birth_date = r.text(4);
  p.native_place = r.text(5);
  p.education = r.text(6);
  p.degree = r.text(7);
  p.unit_id = r.ll(8);
  p.unit_name = r.text(9);
  p.branch_id = r.ll(10);
  p.branch_name = r.text(11);
  p.position = r.text(12);
  p.rank = r.text(13);
  p.work_start_date = r.text(14);
  p.party_status = r.text(15);
  p.party_joined_date = r.text(16);
  p.status = r.text(17);
  p.created_at = r.text(18);
  p.updated_at = r.text(19);
  p.id_card_sealed = r.text(20);
  p.phone_sealed = r.text(21);
  return p;
}

// A node is in scope when it lies in a granted subtree (or is a granted node); 仅本人 sees no org nodes.
void node_scope(db::Query& q, const Principal& caller) {
  Principal nodes_only = caller;
  nodes_only.scope.self = false;
  db::restrict_to_scope(q, nodes_only, "n.path", "", "n.id", "", "");
}

void person_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

// Birth dates of people who are `years` old on `today` start after this date.
std::string born_after(const std::string& today, int years) {
  return std::to_string(std::stoi(today.substr(0, 4)) - years - 1) + today.substr(4);
}
std::string born_by(const std::string& today, int years) {
  return std::to_string(std::stoi(today.substr(0, 4)) - years) + today.substr(4);
}

std::string rank_list(RankBand band) {
  std::string out;
  for (const auto& r : kRanks)
    if (r.band == band) out += (out.empty() ? "'" : ", '") + std::string(r.code) + "'";
  return out;
}
}  // namespace

std::vector<OrgNode> OrgStore::nodes(const Principal& caller) {
  db::Query q(kNodeColumns);
  node_scope(q, caller);
  q.add(kNodeOrder);
  std::vector<OrgNode> out;
  auto lease = db_.lease();
  q.each(lease.sql(), [&](const soci::row& r) { out.push_back(node_from(r)); });
  return out;
}

std::optional<OrgNode> OrgStore::node(const Principal& caller, long long id) {
  db::Query q(kNodeColumns);
  q.add(" AND n.id = ").value(id);
  node_scope(q, caller);
  std::optional<OrgNode> out;
  auto lease = db_.lease();
  q.each(lease.sql(), [&](const soci::row& r) { out = node_from(r); });
  return out;
}

std::optional<OrgNode> OrgStore::node_in(db::Tx& tx, long long id) {
  db::Query q(kNodeColumns);
  q.add(" AND n.id = ").value(id);
  std::optional<OrgNode> out;
  q.each(tx.sql(), [&](const soci::row& r) { out = node_from(r); });
  return out;
}

bool OrgStore::code_taken(db::Tx& tx, const std::string& code) {
  long long n = 0;
  tx.sql() << kCodeTaken, soci::use(code), soci::into(n);
  return n > 0;
}

long long OrgStore::insert_node(db::Tx& tx, const OrgNode& n, const std::string& now) {
  long long id = 0;
  soci::indicator short_ind = n.short_name.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << kInsertNode, soci::use(n.parent_id), soci::use(n.depth), soci::use(n.node_type), soci::use(n.name),
      soci::use(n.short_name, short_ind), soci::use(n.code), soci::use(n.sort_order), soci::use(now), soci::use(now),
      soci::into(id);
  const std::string path = n.path + std::to_string(id) + "/";
  tx.sql() << kSetPath, soci::use(path), soci::use(id);
  return id;
}

void OrgStore::update_node(db::Tx& tx, const OrgNode& n, const std::string& now) {
  soci::indicator short_ind = n.short_name.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << kUpdateNode, soci::use(n.name), soci::use(n.short_name, short_ind), soci::use(n.sort_order), soci::use(now),
      soci::use(n.id);
}

void OrgStore::move_subtree(db::Tx& tx, const OrgNode& node, const OrgNode& parent, const std::string& now) {
  const std::string new_prefix = parent.path + std::to_string(node.id) + "/";
  const int old_len = static_cast<int>(node.path.size()) + 1;  // SUBSTR is 1-based: keep what follows the old path
  const int delta = parent.depth + 1 - node.depth;
  const std::string old_like = node.path + "%";
  tx.sql() << kMoveSubtree, soci::use(new_prefix), soci::use(old_len), soci::use(delta), soci::use(now), soci::use(old_like);
  tx.sql() << kSetParent, soci::use(parent.id), soci::use(node.id);
}

bool OrgStore::close_node(db::Tx& tx, long long id, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kCloseNode, soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Person> OrgStore::people(const Principal& caller, const PersonFilter& f, const std::string& today,
                                     const YoungCadreRule& rule, long long* total) {
  db::Query where("");
  where.add(" AND p.status = 'active'");
  if (!f.name.empty()) where.add(" AND p.name LIKE ").value("%" + f.name + "%");
  // An org node: people filed under it or below, by their unit (a unit or anything above) or by their branch (a
  // party committee, general branch or branch inside a unit).
  if (f.unit_id) {
    where.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.unit_id).add(") || '%'");
    where.add(" OR COALESCE(b.path, '') LIKE (SELECT path FROM org_node WHERE id = ").value(f.unit_id).add(") || '%')");
  }
  if (!f.rank.empty()) where.add(" AND p.rank = ").value(f.rank);
  if (!f.id_card_hash.empty()) where.add(" AND p.id_card_hash = ").value(f.id_card_hash);
  if (!f.party_status.empty()) where.add(" AND p.party_status = ").value(f.party_status);
  if (f.age_min) where.add(" AND p.birth_date <= ").value(born_by(today, f.age_min));
  if (f.age_max) where.add(" AND p.birth_date > ").value(born_after(today, f.age_max));
  if (f.young_cadre) {
    where.add(*f.young_cadre ? " AND " : " AND NOT ");
    young_cadre_condition(where, "p", today, rule);
  }
  if (f.extra) f.extra(where);
  person_scope(where, caller);

  // The sort column comes from a fixed list, never from the request text.
  static const std::map<std::string, std::string> sort_columns = {
      {"id", "p.id"}, {"name", "p.name"}, {"birth_date", "p.birth_date"}, {"rank", "p.rank"}, {"unit", "u.sort_order"}};
  const std::string order = sort_columns.at(f.sort) + (f.descending ? " DESC" : " ASC") + ", p.id";

  auto lease = db_.lease();
  *total = db::Query::prefixed("SELECT COUNT(*)" + std::string(kPersonFrom), where).count(lease.sql());
  std::vector<Person> out;
  db::Query::prefixed(std::string(kPersonColumns) + kPersonFrom, where)
      .add(" ORDER BY " + order + " LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .rows(lease.sql(), [&](const db::Row& r) { out.push_back(person_from(r)); });
  return out;
}

void OrgStore::young_cadre_condition(db::Query& q, const std::string& p, const std::string& today,
                                     const YoungCadreRule& rule) {
  q.add("((" + p + ".rank IN (" + rank_list(RankBand::section) + ") AND " + p + ".birth_date > ")
      .value(born_after(today, rule.section_max_age));
  q.add(") OR (" + p + ".rank IN (" + rank_list(RankBand::division) + ") AND " + p + ".birth_date > ")
      .value(born_after(today, rule.division_max_age));
  q.add(") OR (" + p + ".rank IN (" + rank_list(RankBand::bureau) + ") AND " + p + ".birth_date > ")
      .value(born_after(today, rule.bureau_max_age));
  q.add("))");
}

std::optional<Person> OrgStore::person(const Principal& caller, long long id) {
  db::Query q(std::string(kPersonColumns) + kPersonFrom);
  q.add(" AND p.id = ").value(id);
  person_scope(q, caller);
  std::optional<Person> out;
  auto lease = db_.lease();
  q.rows(lease.sql(), [&](const db::Row& r) { out = person_from(r); });
  return out;
}

std::optional<Person> OrgStore::person_in(db::Tx& tx, long long id) {
  db::Query q(std::string(kPersonColumns) + kPersonFrom);
  q.add(" AND p.id = ").value(id);
  std::optional<Person> out;
  q.rows(tx.sql(), [&](const db::Row& r) { out = person_from(r); });
  return out;
}

void OrgStore::update_person(db::Tx& tx, const Person& p, const std::string& now) {
  auto opt = [](const std::string& v) { return v.empty() ? soci::i_null : soci::i_ok; };
  soci::indicator i_native = opt(p.native_place), i_edu = opt(p.education), i_deg = opt(p.degree),
                  i_pos = opt(p.position), i_rank = opt(p.rank), i_work = opt(p.work_start_date),
                  i_joined = opt(p.party_joined_date), i_branch = p.branch_id ? soci::i_ok : soci::i_null;
  tx.sql() << kUpdatePerson, soci::use(p.name), soci::use(p.gender), soci::use(p.ethnicity), soci::use(p.birth_date),
      soci::use(p.native_place, i_native), soci::use(p.education, i_edu), soci::use(p.degree, i_deg),
      soci::use(p.unit_id), soci::use(p.branch_id, i_branch), soci::use(p.position, i_pos), soci::use(p.rank, i_rank),
      soci::use(p.work_start_date, i_work), soci::use(p.party_status), soci::use(p.party_joined_date, i_joined),
      soci::use(now), soci::use(p.id);
}

void OrgStore::update_identity(db::Tx& tx, long long id, const SealedField& id_card, const SealedField& phone) {
  soci::indicator i1 = id_card.sealed.empty() ? soci::i_null : soci::i_ok, i2 = i1;
  soci::indicator i3 = phone.sealed.empty() ? soci::i_null : soci::i_ok, i4 = i3;
  tx.sql() << kUpdateIdentity, soci::use(id_card.sealed, i1), soci::use(id_card.hash, i2), soci::use(phone.sealed, i3),
      soci::use(phone.hash, i4), soci::use(id);
}

bool OrgStore::id_card_taken(db::Tx& tx, const std::string& hash, long long except_person) {
  long long n = 0;
  tx.sql() << kIdCardTaken, soci::use(hash), soci::use(except_person), soci::into(n);
  return n > 0;
}

void OrgStore::add_history(db::Tx& tx, long long person_id, const PersonChange& c, const Principal& by, const std::string& now) {
  long long account = by.account_id;
  soci::indicator i_account = account ? soci::i_ok : soci::i_null;
  soci::indicator i_old = c.old_value.empty() ? soci::i_null : soci::i_ok;
  soci::indicator i_new = c.new_value.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << kInsertHistory, soci::use(person_id), soci::use(c.field), soci::use(c.old_value, i_old),
      soci::use(c.new_value, i_new), soci::use(account, i_account), soci::use(by.username), soci::use(now),
      soci::use(by.request_id);
}

void OrgStore::set_person_status(db::Tx& tx, long long id, const std::string& status, const std::string& now) {
  tx.sql() << "UPDATE person SET status = :s, updated_at = :now WHERE id = :id", soci::use(status), soci::use(now), soci::use(id);
}

long long OrgStore::unit_above(db::Tx& tx, long long node_id) {
  // The node's path lists its ancestors: the deepest unit among them (or the node itself).
  long long unit = 0;
  db::Query q("SELECT u.id FROM org_node n JOIN org_node u ON n.path LIKE u.path || '%' WHERE u.node_type = 'unit' AND n.id = ");
  q.value(node_id).add(" ORDER BY u.depth DESC LIMIT 1").each(tx.sql(), [&](const soci::row& r) { unit = db::column_ll(r, 0); });
  return unit;
}

std::vector<HistoryRow> OrgStore::history(long long person_id) {
  auto lease = db_.lease();
  std::vector<HistoryRow> out;
  soci::rowset<soci::row> rows = (lease.sql().prepare << kSelectHistory, soci::use(person_id));
  for (const auto& r : rows)
    out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   r.get<std::string>(4), r.get<std::string>(5)});
  return out;
}

}  // namespace xinhuo::org
