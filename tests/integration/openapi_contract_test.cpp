// api/openapi.yaml is the HTTP contract: every route the server registers must be in it, and
// every operation in it must be a route, with the same path parameter names.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "support/openapi_spec.hpp"
#include "support/response_contract.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

TEST(OpenApiContract, RouterAndSpecDescribeTheSameOperations) {
  TestServer server(Backend::kSqlite);
  Operations routes;
  for (const auto& route : server.app().router().routes()) {
    routes.insert(route.method + " " + route.pattern);
  }
  const Operations spec = SpecOperations(std::string(AANTAFEL_SOURCE_DIR) + "/api/openapi.yaml");
  ASSERT_FALSE(spec.empty());
  for (const auto& op : routes)
    EXPECT_TRUE(spec.contains(op)) << op << " is missing from api/openapi.yaml";
  for (const auto& op : spec)
    EXPECT_TRUE(routes.contains(op)) << op << " is in the spec but not routed";
}

// Any workspace can be set to open only after single sign-on; then every one of its operations
// answers 403 sso_required to a session started otherwise, so each must say so.
TEST(OpenApiContract, EveryWorkspaceOperationDocumentsTheRefusalOfASessionWithoutSso) {
  for (const auto& op : OperationsNotDocumenting("/api/v1/workspaces/{slug}", 403)) {
    ADD_FAILURE() << op << " does not document 403 (sso_required)";
  }
}

TEST(OpenApiContract, ParserFindsOperationsOnlyUnderPaths) {
  const auto file = std::filesystem::temp_directory_path() / "aantafel_spec_parser.yaml";
  std::ofstream(file) << "openapi: 3.1.0\npaths:\n  /a/{x}:\n    get:\n      summary: s\n"
                         "    delete:\n      summary: d\n  /b:\n    post: {}\n"
                         "components:\n  schemas:\n  /not/a/path:\n    get:\n";
  const Operations ops = SpecOperations(file.string());
  EXPECT_EQ(ops, (Operations{"GET /a/{x}", "DELETE /a/{x}"}));
}

}  // namespace
}  // namespace aantafel::testing
