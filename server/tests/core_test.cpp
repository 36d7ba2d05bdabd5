// Errors, strict JSON input, time and hashing: the small pieces every route relies on.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <ctime>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/log.hpp"
#include "core/field_cipher.hpp"
#include "core/json_input.hpp"
#include "core/json_writer.hpp"
#include "core/random.hpp"
#include "http/message.hpp"

using namespace xinhuo;

TEST(JsonInput, MalformedJsonNamesThePosition) {
  try {
    parse_json(R"({"name": "a",})");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "invalid_json");
    EXPECT_NE(e.message().en.find("byte 14"), std::string::npos) << e.message().en;
  }
}

TEST(JsonInput, UnknownFieldIsRefusedByName) {
  Json body = {{"name", "张三"}, {"role", "admin"}};
  JsonFields f(body);
  EXPECT_EQ(f.required_string("name"), "张三");
  try {
    f.finish();
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_field");
    EXPECT_EQ(e.field(), "role");
  }
}

// Each row: the JSON sent, and the field the 400 must name ("-" when it is accepted).
struct FieldCase {
  const char* body;
  const char* error_field;
};

TEST(JsonInput, TypesAndLimitsTable) {
  const FieldCase cases[] = {
      {R"({"name":"x","age":30})", "-"},
      {R"({"name":"","age":30})", "name"},                    // required string may not be empty
      {R"({"age":30})", "name"},                              // missing
      {R"({"name":5,"age":30})", "name"},                     // wrong type
      {R"({"name":"一二三四五六","age":30})", "name"},         // 6 characters > 5
      {R"({"name":"一二三四五","age":30})", "-"},              // counted in characters, not bytes
      {R"({"name":"x","age":"30"})", "age"},                  // number sent as a string
      {R"({"name":"x","age":30.5})", "age"},                  // not an integer
      {R"({"name":"x","age":151})", "age"},                   // out of range
      {R"({"name":"x","age":18446744073709551615})", "age"},  // larger than any long long
      {R"({"name":"x"})", "age"},
      {R"({"name":"x","age":30,"admin":true})", "admin"},     // not accepted by this route
      {R"([1,2])", ""},                                       // not an object: an error without a field
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    std::string field = "-";
    try {
      Json body = parse_json(c.body);
      JsonFields f(body);
      f.required_string("name", 5);
      f.required_int("age", 0, 150);
      f.finish();
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400);
      field = e.field();
    }
    EXPECT_EQ(field, c.error_field);
  }
}

TEST(JsonInput, IdListsAreCheckedAndBounded) {
  auto ids = [](const std::string& text) {
    Json body = parse_json(text);
    JsonFields f(body);
    auto out = f.optional_id_list("files", 3);
    f.finish();
    return out;
  };
  EXPECT_EQ(ids(R"({})"), std::vector<long long>{});
  EXPECT_EQ(ids(R"({"files":null})"), std::vector<long long>{});
  EXPECT_EQ(ids(R"({"files":[4,9]})"), (std::vector<long long>{4, 9}));
  for (const char* bad : {R"({"files":5})", R"({"files":[1,"2"]})", R"({"files":[0]})", R"({"files":[1,2,3,4]})"}) {
    SCOPED_TRACE(bad);
    try {
      ids(bad);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_EQ(e.field(), "files");
    }
  }
}

TEST(JsonInput, InvalidUtf8IsRefused) {
  Json body = {{"name", std::string("ab\xff")}};
  JsonFields f(body);
  EXPECT_THROW(f.optional_string("name"), Error);
  EXPECT_EQ(utf8_length("薪火"), 2u);
  EXPECT_FALSE(utf8_length("\xe8\x96"));
  // What PostgreSQL refuses to store, refused here as a 400 instead of failing there as a 500.
  EXPECT_FALSE(utf8_length("\xc0\xaf"));          // overlong "/"
  EXPECT_FALSE(utf8_length("\xe0\x80\xaf"));      // overlong, three bytes
  EXPECT_FALSE(utf8_length("\xed\xa0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(utf8_length("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(utf8_length(std::string("a\0b", 3)));
  EXPECT_EQ(utf8_length("\U0001F600\u202e"), 2u);   // astral and right-to-left override are text
}

TEST(JsonInput, AQueryParameterThatIsNotTextIsA400) {
  http::Request req;
  req.query = "q=%FF%FE&name=%C0%AF&nul=a%00b&ok=%E8%96%AA%E7%81%AB";
  for (const char* name : {"q", "name", "nul"}) {
    try {
      req.query_param(name);
      ADD_FAILURE() << name << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_EQ(e.field(), name);
    }
  }
  EXPECT_EQ(req.query_param("ok"), std::optional<std::string>("薪火"));
}

// nlohmann reports a number beyond any double as out_of_range, not as a parse error: it escaped as a 500.
TEST(JsonInput, ANumberBeyondAnyDoubleIsA400NotAnInternalError) {
  for (const char* body : {R"({"username":1e400})", "-1e999", R"([1, 2, 1E+400])"}) {
    try {
      parse_json(body);
      FAIL() << body;
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400) << body;
      EXPECT_EQ(e.code(), "invalid_json");
    }
  }
  EXPECT_EQ(parse_json("1.5e300").get<double>(), 1.5e300);
}

// Copying or writing out a JSON value recurses once per level: a body nested a hundred thousand deep, copied by
// a route that keeps a settings object, overflowed the worker's stack and took the server down.
TEST(JsonInput, DeeplyNestedBodiesAreRefusedBeforeAnyRouteCopiesThem) {
  constexpr int kMaxJsonDepth = 32;  // the limit parse_json sets
  auto nested = [](int levels) { return std::string(levels, '[') + std::string(levels, ']'); };
  EXPECT_EQ(parse_json(nested(kMaxJsonDepth)).size(), 1u);
  const std::string objects = R"({"settings":)" + nested(kMaxJsonDepth - 1) + "}";
  EXPECT_TRUE(parse_json(objects)["settings"].is_array());
  for (const std::string& body : {nested(kMaxJsonDepth + 1), R"({"settings":)" + nested(kMaxJsonDepth) + "}",
                                  R"({"settings":)" + nested(200000) + "}"}) {
    http::Request req;
    req.headers = {{"Content-Type", "application/json"}};
    req.body = body;
    try {
      Json copy = req.json();
      FAIL() << "accepted " << body.size() << " bytes";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 400);
      EXPECT_EQ(e.code(), "invalid_json");
      EXPECT_NE(e.message().en.find("nested deeper than 32"), std::string::npos) << e.message().en;
    }
  }
}

TEST(ErrorShape, OneJsonShapeInChineseOrEnglish) {
  http::Request req;
  req.request_id = "abc123";
  auto zh = http::Response::error(Error::validation("name", {"姓名必须填写", "Name is required"}), req);
  EXPECT_EQ(zh.status, 400);
  auto body = Json::parse(zh.body);
  EXPECT_EQ(body["error"]["code"], "validation_failed");
  EXPECT_EQ(body["error"]["message"], "姓名必须填写");
  EXPECT_EQ(body["error"]["field"], "name");
  EXPECT_EQ(body["error"]["request_id"], "abc123");

  req.headers.emplace_back("Accept-Language", "en-US,en;q=0.9");
  auto en = http::Response::error(Error::not_found(), req);
  EXPECT_EQ(Json::parse(en.body)["error"]["message"], "Record not found");
  EXPECT_FALSE(Json::parse(en.body)["error"].contains("field"));
}

TEST(Log, AccessLineFieldsAreEscapedJsonStrings) {
  std::string out;
  append_json_string(out, "/a\"b\\c\n\x01路径");
  EXPECT_EQ(nlohmann::json::parse(out), "/a\"b\\c\n\x01路径");
  out.clear();
  append_json_string(out, "/a\xff\xc3(");  // a URL with bytes that are not UTF-8 still gives a line that parses
  EXPECT_EQ(nlohmann::json::parse(out), "/a\uFFFD\uFFFD(");
}

// The writer must give exactly what Json::dump() gives for the same values: clients and tests compare answers.
TEST(JsonWriter, WritesWhatDumpWritesForTheSameValues) {
  const std::vector<std::string> texts = {"", "plain", "李明", "引号\"和\\反斜杠", "tab\tnew\nline\r", std::string("nul\0x", 5),
                                          "\x01\x1f\x7f", "\xf0\x9f\x8e\x89 emoji", "\xe2\x82\xac", "</script>"};
  for (const auto& t : texts) {
    JsonWriter w;
    w.begin_object().key("a").begin_array();
    w.value(t).value(7).begin_object().end_object().begin_array().end_array().end_array();
    w.field("b", false).field("i", -42LL).key("n").null();
    w.key("o").begin_object().field("x", true).end_object().field("s", t).end_object();
    const Json expected = {{"s", t}, {"n", nullptr}, {"i", -42}, {"b", false},
                           {"a", {t, 7, Json::object(), Json::array()}}, {"o", {{"x", true}}}};
    // nlohmann sorts object keys; the writer keeps the order written, here the same.
    EXPECT_EQ(w.text(), expected.dump()) << t;
  }
  JsonWriter w;
  w.begin_array().value_or_null("").value_or_null("x").id_or_null(0).id_or_null(5).end_array();
  EXPECT_EQ(w.take(), R"([null,"x",null,5])");
}

TEST(JsonWriter, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  struct Case { std::string in, out; };
  const Case cases[] = {{"a\xff" "b", "a\uFFFDb"},
                        {"\xc3", "\uFFFD"},                      // cut short at the end
                        {"\xc0\xaf", "\uFFFD\uFFFD"},             // overlong '/'
                        {"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},   // a surrogate
                        {"\xf4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
                        {"\xe6\x9d", "\uFFFD\uFFFD"},            // two of three bytes
                        {"ok\xe6\x9d\x8e", "ok\u674E"}};       // 李, whole
  for (const auto& c : cases) {
    JsonWriter w;
    w.value(c.in);
    const Json parsed = Json::parse(w.text());  // always valid JSON
    EXPECT_EQ(parsed, Json::parse("\"" + c.out + "\"")) << w.text();
  }
}

TEST(Clock, IsoUtcRoundTrip) {
  const auto t = parse_iso_utc("2026-11-29T10:23:31Z");
  EXPECT_EQ(iso_utc(t), "2026-11-29T10:23:31Z");
  EXPECT_THROW(parse_iso_utc("2026-11-29 10:23:31"), std::invalid_argument);
  EXPECT_THROW(parse_iso_utc("2026-11-29T10:23:31Zjunk"), std::invalid_argument);
  EXPECT_THROW(parse_iso_utc("2026-1-29T10:23:31Z"), std::invalid_argument);
  EXPECT_THROW(parse_iso_utc("2026-11-29T10:23:3xZ"), std::invalid_argument);
  // Against the C library over four centuries, leap days and the turn of each year included.
  for (int year : {1900, 1969, 1970, 2000, 2024, 2026, 2100, 2200}) {  // system_clock (ns) spans 1678–2262
    for (const char* rest : {"-01-01T00:00:00Z", "-02-28T23:59:59Z", "-02-29T12:00:00Z", "-03-01T00:00:01Z", "-12-31T23:59:59Z"}) {
      const std::string text = std::to_string(year) + rest;
      std::tm tm{};
      ASSERT_NE(strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm), nullptr);
      EXPECT_EQ(parse_iso_utc(text), std::chrono::system_clock::from_time_t(timegm(&tm))) << text;
      const std::time_t rolled = timegm(&tm);  // 1900-02-29 is 1900-03-01, as with the C library
      std::tm back{};
      gmtime_r(&rolled, &back);
      char written[32];
      std::strftime(written, sizeof written, "%Y-%m-%dT%H:%M:%SZ", &back);
      EXPECT_EQ(iso_utc(parse_iso_utc(text)), written);
    }
  }
  // Written against strftime, milliseconds included, at every hour of a leap year's last days and first days.
  for (long long s = 1704067200LL - 5 * 86400; s < 1704067200LL + 5 * 86400; s += 3599) {
    const std::time_t tt = static_cast<std::time_t>(s);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const auto t = std::chrono::system_clock::from_time_t(tt) + std::chrono::milliseconds(s % 1000);
    EXPECT_EQ(iso_utc(t), expected);
    EXPECT_EQ(iso_utc_millis(t), std::string(expected, 19) + "." + fmt::format("{:03d}", s % 1000) + "Z");
  }
  ManualClock clock(t);
  clock.advance(std::chrono::hours(24));
  EXPECT_EQ(iso_utc(clock.now()), "2026-11-30T10:23:31Z");
}

TEST(Hashing, Sha256KnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(random_hex(16).size(), 32u);
  EXPECT_NE(random_hex(16), random_hex(16));
}

TEST(FieldCipher, SealsOpensAndRefusesAnotherKey) {
  const FieldCipher a(std::string(32, 'a')), b(std::string(32, 'b'));
  const auto sealed = a.seal("13912345678");
  EXPECT_EQ(sealed.find("139"), std::string::npos);
  EXPECT_NE(a.seal("13912345678"), sealed) << "a fresh nonce every time";
  EXPECT_EQ(a.open(sealed), "13912345678");
  EXPECT_THROW(b.open(sealed), std::runtime_error);
  for (std::string bad : {sealed.substr(1), sealed + "=", "*" + sealed.substr(1), std::string("")}) EXPECT_THROW(a.open(bad), std::runtime_error) << bad;
  for (const std::string plain : {"", "1", "12", "123", "11010519491231002X"}) EXPECT_EQ(a.open(a.seal(plain)), plain);
  EXPECT_EQ(a.lookup_hash("x"), a.lookup_hash("x"));
  EXPECT_NE(a.lookup_hash("x"), b.lookup_hash("x"));
}

TEST(IdCard, Gb11643Table) {
  struct Case { const char* id; bool valid; };
  const Case cases[] = {{"11010519491231002X", true},  {"110105194912310021", false}, {"11010519491231002", false},
                        {"1101051949123100AX", false}, {"110105194902300020", false}, {"440524188001010014", false /* born before 1900: nobody living */}};
  for (const auto& c : cases) EXPECT_EQ(id_card_problem(c.id).zh.empty(), c.valid) << c.id << ": " << id_card_problem(c.id).zh;
  EXPECT_EQ(id_card_birth_date("11010519491231002X"), "1949-12-31");
  EXPECT_EQ(mask_id_card("11010519491231002X"), "1101**********002X");
  EXPECT_TRUE(valid_phone("13912345678"));
  EXPECT_TRUE(valid_phone("0574-87654321"));
  EXPECT_FALSE(valid_phone("12912345678"));
  EXPECT_FALSE(valid_phone("139123456789"));
}
