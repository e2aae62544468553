#include "http/router.hpp"

#include <gtest/gtest.h>

namespace aantafel::http {
namespace {

Handler Named(int id) {
  return [id](RequestContext&) {
    HttpResponse r;
    r.status = id;
    return r;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.Add("GET", "/api/v1/workspaces", Named(1));
    router.Add("GET", "/api/v1/workspaces/{slug}", Named(2));
    router.Add("PATCH", "/api/v1/workspaces/{slug}", Named(3));
    router.Add("DELETE", "/api/v1/workspaces/{slug}/members/{user_id}", Named(4));
  }
  int Run(std::string_view method, std::string_view path) {
    auto m = router.Match(method, path);
    if (auto* e = std::get_if<core::Error>(&m)) return -static_cast<int>(e->code);
    HttpRequest req;
    RequestContext ctx{.request = req, .params = std::get<RouteMatch>(m).params};
    return std::get<RouteMatch>(m).route->handler(ctx).status;
  }
  Router router;
};

TEST_F(RouterTest, MatchesLiteralAndParameterSegments) {
  EXPECT_EQ(Run("GET", "/api/v1/workspaces"), 1);
  EXPECT_EQ(Run("GET", "/api/v1/workspaces/zorg-west"), 2);
  EXPECT_EQ(Run("PATCH", "/api/v1/workspaces/zorg-west"), 3);
  EXPECT_EQ(Run("DELETE", "/api/v1/workspaces/zorg-west/members/7"), 4);
}

TEST_F(RouterTest, ExtractsParameters) {
  auto m = router.Match("DELETE", "/api/v1/workspaces/zorg/members/42");
  ASSERT_TRUE(std::holds_alternative<RouteMatch>(m));
  const auto& params = std::get<RouteMatch>(m).params;
  EXPECT_EQ(params.Get("slug"), "zorg");
  EXPECT_EQ(params.Get("user_id"), "42");
  EXPECT_EQ(params.Get("missing"), "");
}

TEST_F(RouterTest, HeadMatchesGet) { EXPECT_EQ(Run("HEAD", "/api/v1/workspaces/x"), 2); }

TEST_F(RouterTest, UnknownPathIsNotFound) {
  auto m = router.Match("GET", "/api/v1/nope");
  ASSERT_TRUE(std::holds_alternative<core::Error>(m));
  EXPECT_EQ(std::get<core::Error>(m).code, core::ErrorCode::kNotFound);
  EXPECT_TRUE(std::holds_alternative<core::Error>(router.Match("GET", "/api/v1/workspaces/a/b")));
}

TEST_F(RouterTest, KnownPathWithOtherMethodListsAllowedMethods) {
  auto m = router.Match("PUT", "/api/v1/workspaces/x");
  ASSERT_TRUE(std::holds_alternative<core::Error>(m));
  const auto& e = std::get<core::Error>(m);
  EXPECT_EQ(e.code, core::ErrorCode::kMethodNotAllowed);
  EXPECT_EQ(e.allow, "GET, HEAD, PATCH");
}

TEST_F(RouterTest, RefusesDuplicateRoutes) {
  EXPECT_THROW(router.Add("GET", "/api/v1/workspaces/{other}", Named(9)), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "no-slash", Named(9)), std::invalid_argument);
}

}  // namespace
}  // namespace aantafel::http
