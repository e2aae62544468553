#include "support/openapi_spec.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace aantafel::testing {

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

}  // namespace aantafel::testing
