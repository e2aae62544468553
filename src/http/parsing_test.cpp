// Request-level parsing: targets, query strings, languages, cookies, bearer tokens and the
// client address behind a trusted proxy.
#include <gtest/gtest.h>

#include "http/client_address.hpp"
#include "http/cookies.hpp"
#include "http/language.hpp"
#include "http/types.hpp"

namespace aantafel::http {
namespace {

TEST(ParseTarget, DecodesPathAndQuery) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  ASSERT_TRUE(ParseTarget("/api/v1/zoek%20term?q=zorg+en%20welzijn&leeg&x=1", path, query));
  EXPECT_EQ(path, "/api/v1/zoek term");
  ASSERT_EQ(query.size(), 3U);
  EXPECT_EQ(query[0], (std::pair<std::string, std::string>{"q", "zorg en welzijn"}));
  EXPECT_EQ(query[1], (std::pair<std::string, std::string>{"leeg", ""}));
}

TEST(ParseTarget, RefusesMalformedTargets) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  for (const char* bad : {"", "api", "http://x/", "/a%2", "/a%zz", "/a%00b", "/?q=%G1"}) {
    EXPECT_FALSE(ParseTarget(bad, path, query)) << bad;
  }
}

TEST(Language, DutchByDefaultEnglishWhenPreferred) {
  EXPECT_EQ(NegotiateLanguage(""), Language::kDutch);
  EXPECT_EQ(NegotiateLanguage("fr-FR"), Language::kDutch);
  EXPECT_EQ(NegotiateLanguage("en-GB,en;q=0.9"), Language::kEnglish);
  EXPECT_EQ(NegotiateLanguage("en;q=0.5, nl;q=0.8"), Language::kDutch);
  EXPECT_EQ(NegotiateLanguage("de, EN;q=0.7"), Language::kEnglish);
  EXPECT_EQ(NegotiateLanguage("en;q=garbage"), Language::kDutch);
}

TEST(Cookies, FindsNamedCookie) {
  EXPECT_EQ(FindCookie("a=1; aantafel_session=abc; b=2", "aantafel_session"), "abc");
  EXPECT_EQ(FindCookie("aantafel_session=\"q\"", "aantafel_session"), "q");
  EXPECT_FALSE(FindCookie("x_aantafel_session=abc", "aantafel_session"));
  EXPECT_FALSE(FindCookie("garbage;;=;", "aantafel_session"));
}

TEST(Cookies, SetCookieHasSafeAttributes) {
  const std::string v = SetCookieValue(
      {.name = "s", .value = "v", .max_age = std::chrono::seconds(60), .secure = true});
  EXPECT_NE(v.find("HttpOnly"), std::string::npos);
  EXPECT_NE(v.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(v.find("Secure"), std::string::npos);
  EXPECT_NE(v.find("Max-Age=60"), std::string::npos);
  EXPECT_EQ(SetCookieValue({.name = "s", .value = "v"}).find("Secure"), std::string::npos);
}

TEST(Bearer, ParsesSchemeCaseInsensitively) {
  EXPECT_EQ(BearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerToken("bearer   abc "), "abc");
  EXPECT_FALSE(BearerToken("Basic abc"));
  EXPECT_FALSE(BearerToken("Bearer "));
}

TEST(ClientAddress, BelievesForwardedForOnlyFromATrustedProxy) {
  const std::vector<std::string> proxy{"10.0.0.1"};
  // No proxies configured, or a peer that is not one: the peer is the client, whatever it says.
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.7", {}), "10.0.0.1");
  EXPECT_EQ(ClientAddress("198.51.100.2", "203.0.113.7", proxy), "198.51.100.2");
  // Through the proxy: the right-most address the proxy added, not what the client wrote.
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.7", proxy), "203.0.113.7");
  EXPECT_EQ(ClientAddress("10.0.0.1", "1.2.3.4, 203.0.113.7", proxy), "203.0.113.7");
  EXPECT_EQ(ClientAddress("10.0.0.1", " 2001:db8::5 ,10.0.0.1", proxy), "2001:db8::5");
  // Missing or malformed: the proxy's own address (a shared limit, never a forged one).
  EXPECT_EQ(ClientAddress("10.0.0.1", std::nullopt, proxy), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "evil, 203.0.113.7", proxy), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "", proxy), "10.0.0.1");
}

TEST(ClientAddress, ReadsAListOfAddresses) {
  EXPECT_EQ(ParseAddressList(""), std::vector<std::string>{});
  EXPECT_EQ(ParseAddressList("127.0.0.1, ::1"), (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_FALSE(ParseAddressList("127.0.0.1, proxy.local"));
  EXPECT_FALSE(ParseAddressList("10.0.0.0/8"));
}

}  // namespace
}  // namespace aantafel::http
