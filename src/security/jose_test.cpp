#include "security/jose.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace aantafel::security {
namespace {

nlohmann::json Fixture() {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/oidc/tokens.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

TEST(Jose, RsaAndP256SignaturesFromTheKeySetVerify) {
  const auto f = Fixture();
  const std::string jwks = f["jwks"].dump();
  for (const char* name : {"rs256", "es256"}) {
    const auto check = VerifyJws(f[name].get<std::string>(), jwks);
    ASSERT_TRUE(check.payload) << name << ": " << check.problem;
    EXPECT_EQ(nlohmann::json::parse(*check.payload)["sub"], "u1");
  }
}

TEST(Jose, EveryKnownAttackIsRefused) {
  const auto f = Fixture();
  const std::string jwks = f["jwks"].dump();
  const std::pair<const char*, const char*> cases[] = {
      {"none", "alg_not_allowed"},
      {"hs256_confusion", "alg_not_allowed"},
      {"es384", "alg_not_allowed"},
      {"rs256_tampered", "bad_signature"},
      {"es256_header_rsa_signature", "bad_signature"},
      {"es256_padded", "bad_signature"},
      {"rs256_unknown_kid", "unknown_key"},
  };
  for (const auto& [name, problem] : cases) {
    const auto check = VerifyJws(f[name].get<std::string>(), jwks);
    EXPECT_FALSE(check.payload) << name;
    EXPECT_EQ(check.problem, problem) << name;
  }
  EXPECT_TRUE(VerifyJws(f["rs256_unknown_kid"].get<std::string>(), jwks).unknown_key);
}

TEST(Jose, GarbageIsRefusedWithoutACrash) {
  const auto f = Fixture();
  const std::string jwks = f["jwks"].dump();
  const std::vector<std::string> tokens = {
      "", ".", "..", "a.b", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", std::string(20000, 'a') + ".b.c"};
  for (const std::string& token : tokens) {
    EXPECT_FALSE(VerifyJws(token, jwks).payload) << token.substr(0, 40);
  }
  for (const char* keys : {"", "{}", "[]", R"({"keys":{}})", R"({"keys":[1,"x",{}]})"}) {
    EXPECT_FALSE(VerifyJws(f["rs256"].get<std::string>(), keys).payload) << keys;
  }
}

}  // namespace
}  // namespace aantafel::security
