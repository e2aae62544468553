#include "core/accounts/sso.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace aantafel::core::accounts {
namespace {

const Instant kNow = FromMillis(1'795'000'100'000);  // 100 s after the tokens' iat

SsoSettings Settings() {
  return {.issuer = "https://login.microsoftonline.com/tid/v2.0", .client_id = "app"};
}

nlohmann::json Claims() {
  return {{"iss", "https://login.microsoftonline.com/tid/v2.0"},
          {"aud", "app"},
          {"sub", "s1"},
          {"nonce", "n1"},
          {"iat", 1795000000},
          {"exp", 1795003600},
          {"email", "Kees@Zorg.nl"},
          {"name", "Kees"},
          {"groups", {"g-beleid", "g-alle"}}};
}

Result<SsoIdentity> Check(const nlohmann::json& claims, SsoSettings settings = Settings(),
                          Instant now = kNow) {
  return ValidateIdToken(claims.dump(), settings, "n1", now);
}

std::string Reason(const Result<SsoIdentity>& r) { return r.ok() ? "ok" : r.error().detail; }

TEST(SsoIdToken, AValidTokenGivesTheIdentity) {
  auto identity = Check(Claims());
  ASSERT_TRUE(identity.ok()) << Reason(identity);
  EXPECT_EQ(identity->email, "kees@zorg.nl");
  EXPECT_EQ(identity->subject, "s1");
  EXPECT_EQ(identity->groups, (std::vector<std::string>{"g-beleid", "g-alle"}));
}

TEST(SsoIdToken, EveryClaimThatDoesNotHoldIsRefusedByName) {
  const std::vector<std::pair<std::function<void(nlohmann::json&)>, std::string>> cases = {
      {[](auto& c) { c["iss"] = "https://login.microsoftonline.com/other/v2.0"; }, "wrong_issuer"},
      {[](auto& c) { c["aud"] = "other"; }, "wrong_audience"},
      {[](auto& c) {
         c["aud"] = {"app", "other"};
       },
       "wrong_audience"},  // no azp
      {[](auto& c) { c["exp"] = 1794999900; }, "token_expired"},
      {[](auto& c) { c.erase("exp"); }, "token_expired"},
      {[](auto& c) { c["iat"] = 1795000500; }, "token_not_yet_valid"},
      {[](auto& c) { c["nbf"] = 1795000500; }, "token_not_yet_valid"},
      {[](auto& c) { c["nonce"] = "n2"; }, "wrong_nonce"},
      {[](auto& c) { c.erase("sub"); }, "no_subject"},
      {[](auto& c) { c["email_verified"] = false; }, "email_not_verified"},
      {[](auto& c) { c.erase("email"); }, "no_email"},
      {[](auto& c) {
         c.erase("groups");
         c["_claim_names"] = {{"groups", "src1"}};
       },
       "groups_overage"},
  };
  for (const auto& [change, reason] : cases) {
    auto claims = Claims();
    change(claims);
    auto result = Check(claims);
    ASSERT_FALSE(result.ok()) << reason;
    EXPECT_EQ(result.error().code, ErrorCode::kSsoRefused);
    EXPECT_EQ(result.error().detail, reason);
  }
  EXPECT_FALSE(ValidateIdToken("not json", Settings(), "n1", kNow).ok());
  EXPECT_FALSE(ValidateIdToken(Claims().dump(), Settings(), "", kNow).ok()) << "empty nonce";
}

TEST(SsoIdToken, SmallClockDifferencesAreForgiven) {
  auto claims = Claims();
  claims["iat"] = 1795000200;  // 100 s in the future
  claims["exp"] = 1795000050;  // 50 s ago
  EXPECT_TRUE(Check(claims).ok());
  claims["exp"] = 1794999950;  // 150 s ago: beyond the 120 s skew
  EXPECT_FALSE(Check(claims).ok());
}

TEST(SsoIdToken, EntraIdsUsernameServesAsTheAddressAndAzpSettlesSeveralAudiences) {
  auto claims = Claims();
  claims.erase("email");
  claims["preferred_username"] = "kees@zorg.nl";
  claims["aud"] = {"app", "api"};
  claims["azp"] = "app";
  auto identity = Check(claims);
  ASSERT_TRUE(identity.ok()) << Reason(identity);
  EXPECT_EQ(identity->email, "kees@zorg.nl");
}

TEST(SsoIdToken, MfaIsRequiredOnlyWhenConfigured) {
  auto settings = Settings();
  settings.required_amr = "mfa";
  auto claims = Claims();
  EXPECT_EQ(Reason(Check(claims, settings)), "mfa_required");
  claims["amr"] = {"pwd", "mfa"};
  EXPECT_TRUE(Check(claims, settings).ok());
  settings.roles_claim = "roles";
  claims["roles"] = {"aantafel.bewerker"};
  EXPECT_EQ(Check(claims, settings)->groups, std::vector<std::string>{"aantafel.bewerker"});
}

}  // namespace
}  // namespace aantafel::core::accounts
