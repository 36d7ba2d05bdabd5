#include "party/dues_routes.hpp"

#include <climits>

#include "core/xlsx.hpp"
#include "party/dues.hpp"

namespace xinhuo::party {

namespace {

Json base_json(const DuesBase& b) {
  return {{"person_id", b.person_id}, {"year", b.year}, {"category", b.category}, {"income_cents", b.income_cents},
          {"amount_cents", b.amount_cents}, {"rate_permille", dues_rate_permille(b.category, b.income_cents)},
          {"set_by", b.set_by_name}, {"set_at", b.set_at}, {"from_month", b.from_month}};
}

Json payment_json(const DuesPayment& p) {
  return {{"id", p.id}, {"person_id", p.person_id}, {"month", p.month}, {"amount_cents", p.amount_cents},
          {"paid_on", p.paid_on}, {"method", p.method}, {"note", p.note.empty() ? Json(nullptr) : Json(p.note)},
          {"recorded_by", p.recorded_by_name}, {"recorded_at", p.recorded_at}};
}

Json member_json(const DuesMember& m, const std::string& this_month) {
  const std::string year = this_month.substr(0, 4);
  Json paid_this_year = Json::array();
  for (const auto& month : m.paid)
    if (month.rfind(year, 0) == 0) paid_this_year.push_back(month);
  return {{"person_id", m.person_id}, {"name", m.name}, {"party_status", m.party_status}, {"unit_name", m.unit_name},
          {"branch_name", m.branch_name.empty() ? Json(nullptr) : Json(m.branch_name)},
          {"base", m.base ? base_json(*m.base) : Json(nullptr)},
          {"first_month", m.first_month.empty() ? Json(nullptr) : Json(m.first_month)},
          {"paid_this_year", paid_this_year}, {"last_paid", m.paid.empty() ? Json(nullptr) : Json(m.paid.back())},
          {"arrears_months", m.arrears_months}, {"level", m.level.empty() ? Json(nullptr) : Json(m.level)}};
}

PaymentInput payment_input(const Json& body, const std::string& prefix = {}) {
  if (!body.is_object()) throw Error::validation(prefix, {"应为对象", "Must be an object"});
  JsonFields f(body, prefix);
  PaymentInput in;
  in.person_id = f.required_int("person_id", 1, LLONG_MAX);
  const Json& months = f.required_array("months");
  for (const auto& m : months) {
    if (!m.is_string()) throw Error::validation(prefix + "months", {"月份应为文本 YYYY-MM", "Months are YYYY-MM text"});
    in.months.push_back(m.get<std::string>());
  }
  in.paid_on = f.required_string("paid_on", 10);
  in.method = f.optional_string("method", 20).value_or("cash");
  in.note = f.optional_string("note", 200).value_or("");
  in.amount_cents = f.optional_int("amount_cents", 1, 100000000);
  f.finish();
  return in;
}

}  // namespace

void add_dues_routes(http::Router& router, DuesService& service) {
  router.add({.method = "PUT", .pattern = "/api/v1/party/dues/bases/{person_id}", .tag = "party",
              .summary = "Declare a member's post-tax monthly income for a year (from_month: when it takes effect; default this "
                         "month for this year, January for another); the monthly dues follow the brackets",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const int year = static_cast<int>(f.required_int("year", 2000, 2100));
               const std::string category = f.optional_string("category", 20).value_or("employed");
               const long long income = f.required_int("income_cents", 0, 100000000);
               const std::string from = f.optional_string("from_month", 7).value_or("");
               f.finish();
               return http::Response::json(
                   200, base_json(service.set_base(req.principal, req.id_param("person_id"), year, category, income, from)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/dues", .tag = "party",
              .summary = "Party members in scope with this year's dues, payments and months in arrears (node_id, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               const std::string month = service.this_month();
               Json items = Json::array();
               for (const auto& m : service.members(req.principal, req.query_int("node_id", 0, 0, 2000000000), page, size, &total))
                 items.push_back(member_json(m, month));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size},
                                                 {"month", month}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/dues/report", .tag = "party",
              .summary = "This year's dues per branch of the members in scope (node_id): members, declared, due and paid "
                         "amounts in cents, members 3–5 and 6 or more months behind, with totals",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               DuesReportRow total;
               for (const auto& r : service.report(req.principal, req.query_int("node_id", 0, 0, 2000000000))) {
                 items.push_back({{"unit_id", r.unit_id}, {"unit_name", r.unit_name},
                                  {"branch_id", r.branch_id ? Json(r.branch_id) : Json(nullptr)},
                                  {"branch_name", r.branch_name.empty() ? Json(nullptr) : Json(r.branch_name)},
                                  {"members", r.members}, {"declared", r.declared}, {"due_cents", r.due_cents},
                                  {"paid_cents", r.paid_cents}, {"warning", r.warning}, {"overdue", r.overdue}});
                 total.members += r.members;
                 total.declared += r.declared;
                 total.due_cents += r.due_cents;
                 total.paid_cents += r.paid_cents;
                 total.warning += r.warning;
                 total.overdue += r.overdue;
               }
               const std::string month = service.this_month();
               return http::Response::json(
                   200, {{"year", std::stoi(month.substr(0, 4))}, {"month", month}, {"items", items},
                         {"total", {{"members", total.members}, {"declared", total.declared}, {"due_cents", total.due_cents},
                                    {"paid_cents", total.paid_cents}, {"warning", total.warning}, {"overdue", total.overdue}}}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/dues/payments", .tag = "party",
              .summary = "Record a member's payment for one or more months (back payment at most 6 months)",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& p : service.record(req.principal, payment_input(req.json()))) items.push_back(payment_json(p));
               return http::Response::json(201, {{"items", items}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/dues/payments/batch", .tag = "party",
              .summary = "Record the rows of a bank statement, each on its own; the rows that fail come back with their error",
              .permission = kPermWrite, .max_body = 2 * 1024 * 1024},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const Json& rows = f.required_array("rows");
               f.finish();
               if (rows.size() > 5000) throw Error::validation("rows", {"一次最多 5000 行", "At most 5,000 rows at a time"});
               std::vector<BatchRow> batch;
               std::vector<BatchFailure> failures;
               for (std::size_t i = 0; i < rows.size(); ++i) {
                 const int row_no = rows[i].is_object() ? static_cast<int>(rows[i].value("row", static_cast<long long>(i + 1))) : static_cast<int>(i + 1);
                 try {
                   Json row = rows[i];
                   if (row.is_object()) row.erase("row");
                   batch.push_back({row_no, payment_input(row, "rows[" + std::to_string(i) + "].")});
                 } catch (const Error& e) {
                   failures.push_back({row_no, e.field(), e.message().zh, e.message().en});
                 }
               }
               int recorded = 0;
               for (auto& f2 : service.record_batch(req.principal, batch, &recorded)) failures.push_back(std::move(f2));
               Json failed = Json::array();
               for (const auto& x : failures)
                 failed.push_back({{"row", x.row}, {"field", x.field}, {"message", req.english() ? x.message_en : x.message_zh}});
               return http::Response::json(200, {{"recorded", recorded}, {"failed", failed}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/dues/payments/template", .tag = "party",
              .summary = "The .xlsx template of a bank statement to import (ID number or name and branch, months, amount, date)",
              .permission = kPermWrite},
             [&service](http::Request&) {
               auto res = http::Response::text(200, service.statement_template(), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"dues-statement-template.xlsx\"; "
                              "filename*=UTF-8''%E5%85%9A%E8%B4%B9%E9%93%B6%E8%A1%8C%E6%B5%81%E6%B0%B4%E6%A8%A1%E6%9D%BF.xlsx");
               return res;
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/dues/payments/match", .tag = "party",
              .summary = "Find the members of bank-statement rows (by ID-card number, or by name and branch) in scope, with their "
                         "declared amounts, first month owed and months paid, for the import preview; records nothing",
              .permission = kPermWrite, .max_body = 2 * 1024 * 1024},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const Json& rows = f.required_array("rows");
               f.finish();
               if (rows.size() > kMaxBatchRows) throw Error::validation("rows", {"一次最多 5000 行", "At most 5,000 rows at a time"});
               std::vector<MatchRow> in;
               for (std::size_t i = 0; i < rows.size(); ++i) {
                 JsonFields r(rows[i], "rows[" + std::to_string(i) + "].");
                 MatchRow m;
                 m.row = static_cast<int>(r.required_int("row", 1, 1000000));
                 m.id_card = r.optional_string("id_card", 30).value_or("");
                 m.name = r.optional_string("name", 50).value_or("");
                 m.branch = r.optional_string("branch", 100).value_or("");
                 r.finish();
                 in.push_back(std::move(m));
               }
               Json items = Json::array();
               for (const auto& m : service.match(req.principal, in)) {
                 Json item = {{"row", m.row}, {"status", m.status}};
                 if (m.status != "matched") {
                   item["message"] = req.english() ? m.message.en : m.message.zh;
                 } else {
                   Json bases = Json::array();
                   for (const auto& b : m.bases)
                     bases.push_back({{"year", b.year}, {"from_month", b.from_month}, {"amount_cents", b.amount_cents}});
                   item.update({{"person_id", m.member.person_id}, {"name", m.member.name}, {"unit_name", m.member.unit_name},
                                {"branch_name", m.member.branch_name.empty() ? Json(nullptr) : Json(m.member.branch_name)},
                                {"first_month", m.member.first_month.empty() ? Json(nullptr) : Json(m.member.first_month)},
                                {"bases", bases}, {"paid", m.member.paid}});
                 }
                 items.push_back(std::move(item));
               }
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/party/dues", .tag = "party",
              .summary = "My dues: declared amounts, payments and months in arrears"},
             [&service](http::Request& req) {
               std::vector<DuesBase> bases;
               std::vector<DuesPayment> payments;
               const auto m = service.mine(req.principal, &bases, &payments);
               Json b = Json::array(), p = Json::array();
               for (const auto& x : bases) b.push_back(base_json(x));
               for (const auto& x : payments) p.push_back(payment_json(x));
               return http::Response::json(200, {{"member", !m.party_status.empty()}, {"bases", b}, {"payments", p},
                                                 {"first_month", m.first_month.empty() ? Json(nullptr) : Json(m.first_month)},
                                                 {"arrears_months", m.arrears_months},
                                                 {"level", m.level.empty() ? Json(nullptr) : Json(m.level)},
                                                 {"month", service.this_month()}});
             });
}

}  // namespace xinhuo::party
