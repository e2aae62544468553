// api/openapi.yaml is the HTTP contract: every route the server registers must be in it, and
// every operation in it must be a route, with the same path parameter names.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using Operations = std::set<std::string>;  // "GET /api/v1/session"

/// The operations under `paths:`: path keys at two spaces, method keys at four.
Operations SpecOperations(const std::string& file) {
  std::ifstream in(file);
  EXPECT_TRUE(in) << "cannot read " << file;
  const std::regex path_line(R"(^  (/[^:\s]*):\s*$)");
  const std::regex method_line(R"(^    (get|put|post|patch|delete|head|options):\s*$)");
  Operations out;
  std::string line;
  std::string path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = line.rfind("paths:", 0) == 0;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (std::regex_match(line, m, method_line) && !path.empty()) {
      std::string method = m[1];
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.insert(method + " " + path);
    }
  }
  return out;
}

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
