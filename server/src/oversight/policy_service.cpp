#include "oversight/policy_service.hpp"

#include "audit/recorder.hpp"
#include "core/error.hpp"

namespace xinhuo::oversight {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

const Text kNoPolicy{"政策文件不存在", "No such policy document"};

}  // namespace

void PolicyService::check(const PolicyDoc& in) const {
  if (trim(in.title).size() < 4) throw Error::validation("title", {"请填写文件标题", "Give the title"});
  if (!one_of(policy_categories(), in.category))
    throw Error::validation("category", {"文件类别不正确", "category is core, promotion, tolerance, care, reward or other"});
  if (trim(in.issuer).size() < 2) throw Error::validation("issuer", {"请填写发文机关", "Give the issuing body"});
  if (trim(in.doc_number).size() < 2) throw Error::validation("doc_number", {"请填写文号", "Give the document number"});
  if (!parse_date(in.effective_from)) throw Error::validation("effective_from", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!in.effective_to.empty()) {
    if (!parse_date(in.effective_to)) throw Error::validation("effective_to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
    if (in.effective_to < in.effective_from)
      throw Error::validation("effective_to", {"失效日期不能早于生效日期", "It cannot end before it takes effect"});
  }
  if (trim(in.body).size() < 4 && !in.file_id)
    throw Error::validation("body", {"请填写正文或上传文件扫描件", "Give the text or attach the scanned document"});
}

std::vector<PolicyDoc> PolicyService::list(const Principal&, const PolicyFilter& f, long long* total) {
  if (!f.category.empty() && !one_of(policy_categories(), f.category))
    throw Error::validation("category", {"文件类别不正确", "Unknown category"});
  if (!f.on.empty() && !parse_date(f.on)) throw Error::validation("on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  auto lease = db_.lease();
  return PolicyStore::list(lease.sql(), f, total);
}

PolicyDoc PolicyService::get(const Principal&, long long id) {
  auto lease = db_.lease();
  auto d = PolicyStore::find(lease.sql(), id);
  if (!d) throw Error::not_found(kNoPolicy);
  return *d;
}

PolicyDoc PolicyService::create(const Principal& caller, const PolicyDoc& in_raw) {
  if (!caller.can(kPermWrite)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  PolicyDoc in = in_raw;
  check(in);
  in.title = trim(in.title);
  in.issuer = trim(in.issuer);
  in.doc_number = trim(in.doc_number);
  in.body = trim(in.body);
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  if (in.file_id) files::FilesService::require_owned(tx.sql(), caller, {in.file_id}, "file_id");
  const long long id = PolicyStore::insert(tx, in, caller.account_id, iso_utc(now_tp));
  audit::record(tx, caller, {.action = "oversight.policy_created", .target_type = "policy_doc", .target_id = std::to_string(id),
                             .detail = {{"doc_number", in.doc_number}, {"category", in.category}}},
                now_tp);
  auto out = PolicyStore::find(tx.sql(), id);
  tx.commit();
  return *out;
}

PolicyDoc PolicyService::update(const Principal& caller, long long id, const PolicyDoc& in_raw) {
  if (!caller.can(kPermWrite)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  PolicyDoc in = in_raw;
  check(in);
  in.id = id;
  in.title = trim(in.title);
  in.issuer = trim(in.issuer);
  in.doc_number = trim(in.doc_number);
  in.body = trim(in.body);
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  auto old = PolicyStore::find(tx.sql(), id);
  if (!old) throw Error::not_found(kNoPolicy);
  if (in.file_id && in.file_id != old->file_id) files::FilesService::require_owned(tx.sql(), caller, {in.file_id}, "file_id");
  if (!PolicyStore::update(tx, in, in.version, caller.account_id, iso_utc(now_tp)))
    throw Error::conflict("policy_version", {"该文件已被他人修改，请刷新后重试", "The document changed meanwhile; reload"});
  audit::record(tx, caller, {.action = "oversight.policy_updated", .target_type = "policy_doc", .target_id = std::to_string(id),
                             .detail = {{"version", in.version + 1}}},
                now_tp);
  auto out = PolicyStore::find(tx.sql(), id);
  tx.commit();
  return *out;
}

std::pair<files::StoredFile, std::string> PolicyService::file(const Principal& caller, long long id) {
  const PolicyDoc d = get(caller, id);
  if (!d.file_id || !files_) throw Error::not_found();
  Principal reader;
  {
    auto lease = db_.lease();
    const auto f = files::FilesStore::file(lease.sql(), d.file_id);
    if (!f) throw Error::not_found();
    reader.account_id = f->owner_account_id;  // the library is public to everyone signed in
  }
  return files_->read(reader, d.file_id);
}

}  // namespace xinhuo::oversight
