// Route matching: parameters, literal segments before parameters, 405 with the allowed methods.
#include <gtest/gtest.h>

#include <algorithm>

#include "http/router.hpp"

using namespace xinhuo;
using namespace xinhuo::http;

namespace {
Router make_router() {
  Router r;
  auto ok = [](Request&) { return Response::no_content(); };
  r.add({.method = "GET", .pattern = "/api/v1/people", .summary = "list"}, ok);
  r.add({.method = "POST", .pattern = "/api/v1/people", .summary = "create"}, ok);
  r.add({.method = "GET", .pattern = "/api/v1/people/{id}", .summary = "read"}, ok);
  r.add({.method = "GET", .pattern = "/api/v1/people/export", .summary = "export"}, ok);
  r.add({.method = "DELETE", .pattern = "/api/v1/people/{id}/photos/{photo_id}", .summary = "delete photo"}, ok);
  return r;
}
}  // namespace

TEST(Router, MatchesPathParameters) {
  Router r = make_router();
  auto m = r.match("DELETE", "/api/v1/people/42/photos/7");
  ASSERT_TRUE(m.spec);
  EXPECT_EQ(m.spec->summary, "delete photo");
  EXPECT_EQ(m.params["id"], "42");
  EXPECT_EQ(m.params["photo_id"], "7");
}

TEST(Router, LiteralSegmentWinsOverParameter) {
  Router r = make_router();
  EXPECT_EQ(r.match("GET", "/api/v1/people/export").spec->summary, "export");
  EXPECT_EQ(r.match("GET", "/api/v1/people/9").spec->summary, "read");
}

TEST(Router, WrongMethodListsAllowedOnes) {
  Router r = make_router();
  auto m = r.match("PUT", "/api/v1/people");
  EXPECT_FALSE(m.spec);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  auto none = r.match("GET", "/api/v1/nothing");
  EXPECT_FALSE(none.spec);
  EXPECT_TRUE(none.allowed_methods.empty());
}

TEST(Router, PathsOfOtherLengthsMatchNothing) {
  Router r = make_router();
  EXPECT_FALSE(r.match("GET", "/api/v1/people/42/photos/7/more/and/more").spec) << "longer than any route";
  EXPECT_FALSE(r.match("GET", "/").spec);
  EXPECT_FALSE(r.match("GET", "/api/v1").spec);
  auto param = r.match("POST", "/api/v1/people/42");
  EXPECT_FALSE(param.spec);
  EXPECT_EQ(param.allowed_methods, (std::vector<std::string>{"GET"}));
  auto slashes = r.match("GET", "//api//v1/people/42/");
  ASSERT_TRUE(slashes.spec);
  EXPECT_EQ(slashes.params["id"], "42");
}

TEST(Router, HeadIsServedByGet) {
  Router r = make_router();
  EXPECT_TRUE(r.match("HEAD", "/api/v1/people").spec);
}

TEST(Router, RefusesDuplicatesAndUndocumentedRoutes) {
  Router r = make_router();
  auto ok = [](Request&) { return Response::no_content(); };
  EXPECT_THROW(r.add({.method = "GET", .pattern = "/api/v1/people", .summary = "again"}, ok), std::logic_error);
  EXPECT_THROW(r.add({.method = "GET", .pattern = "/api/v1/x"}, ok), std::logic_error);
}

TEST(Request, QueryParametersAndIds) {
  Request req;
  req.query = "name=%E5%BC%A0%E4%B8%89&page=2&empty=&q=a+b";
  EXPECT_EQ(req.query_param("name"), "张三");
  EXPECT_EQ(req.query_param("page"), "2");
  EXPECT_EQ(req.query_param("empty"), "");
  EXPECT_EQ(req.query_param("q"), "a b");
  EXPECT_FALSE(req.query_param("missing"));

  req.path_params = {{"id", "42"}, {"bad", "4x"}, {"zero", "0"}, {"neg", "-1"}};
  EXPECT_EQ(req.id_param("id"), 42);
  EXPECT_THROW(req.id_param("bad"), Error);
  EXPECT_THROW(req.id_param("zero"), Error);
  EXPECT_THROW(req.id_param("neg"), Error);
}

// Routes are looked up by the third segment; a pattern with a parameter there is still compared with every path of
// its length, its other methods are still offered in a 405, and the first registered wins a tie.
TEST(Router, AParameterWhereTheModuleNameStandsStillMatches) {
  Router r;
  auto named = [](const char* name) {
    return [name](Request&) { return Response::json_text(200, std::string("\"") + name + "\""); };
  };
  r.add({.method = "GET", .pattern = "/api/v1/{module}/health", .summary = "any module"}, named("any"));
  r.add({.method = "POST", .pattern = "/api/v1/study/health", .summary = "study"}, named("study"));
  r.add({.method = "GET", .pattern = "/api/v1/{a}/{b}", .summary = "first pair"}, named("first"));
  r.add({.method = "GET", .pattern = "/api/{v}/{a}/{b}", .summary = "fewer literals"}, named("fewer"));
  r.add({.method = "GET", .pattern = "/x", .summary = "short"}, named("short"));

  auto m = r.match("GET", "/api/v1/points/health");
  ASSERT_TRUE(m.spec);
  EXPECT_EQ(m.spec->summary, "any module");
  EXPECT_EQ(m.params["module"], "points");
  m = r.match("POST", "/api/v1/study/health");
  ASSERT_TRUE(m.spec);
  EXPECT_EQ(m.spec->summary, "study");
  m = r.match("GET", "/api/v1/study/health");  // the parameter pattern answers GET for study too
  ASSERT_TRUE(m.spec);
  EXPECT_EQ(m.spec->summary, "any module");
  m = r.match("PUT", "/api/v1/study/health");
  EXPECT_FALSE(m.spec);
  std::sort(m.allowed_methods.begin(), m.allowed_methods.end());
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "GET", "GET", "POST"}));
  m = r.match("GET", "/api/v1/a/b");
  ASSERT_TRUE(m.spec);
  EXPECT_EQ(m.spec->summary, "first pair");
  EXPECT_TRUE(r.match("GET", "/x").spec);
  EXPECT_FALSE(r.match("GET", "/y").spec);
}
