// The outgoing HTTP client's guard for webhooks: which addresses count as public, and that a
// request to an internal address is refused when connecting (after DNS resolution), while the
// same request goes through when internal addresses are allowed.
#include "app/http_fetch.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include "support/file_server.hpp"

namespace aantafel::app {
namespace {

bool Public(const char* text) {
  sockaddr_in v4{};
  if (inet_pton(AF_INET, text, &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v4));
  }
  sockaddr_in6 v6{};
  EXPECT_EQ(inet_pton(AF_INET6, text, &v6.sin6_addr), 1) << text;
  v6.sin6_family = AF_INET6;
  return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v6));
}

TEST(HttpFetch, OnlyPublicAddressesArePublic) {
  for (const char* internal : {"127.0.0.1",
                               "127.255.255.254",
                               "10.0.0.1",
                               "10.255.255.255",
                               "172.16.0.1",
                               "172.31.255.255",
                               "192.168.1.1",
                               "169.254.169.254",
                               "0.0.0.0",
                               "100.64.0.1",
                               "224.0.0.1",
                               "255.255.255.255",
                               "::",
                               "::1",
                               "fc00::1",
                               "fd12:3456::1",
                               "fe80::1",
                               "ff02::1",
                               "::ffff:127.0.0.1",
                               "::ffff:10.1.2.3",
                               "::ffff:169.254.169.254",
                               "64:ff9b::a00:1",
                               "2002:c0a8:101::1"}) {
    EXPECT_FALSE(Public(internal)) << internal;
  }
  for (const char* outside :
       {"8.8.8.8", "145.100.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "192.169.0.1",
        "2001:4860:4860::8888", "2a00:1450::1", "::ffff:8.8.8.8", "64:ff9b::808:808"}) {
    EXPECT_TRUE(Public(outside)) << outside;
  }
  EXPECT_FALSE(IsPublicAddress(nullptr));
}

TEST(HttpFetch, AnInternalAddressIsRefusedWhenConnectingAndReachedWhenAllowed) {
  testing::FileServer server;
  server.Serve("/hook", {.body = std::string(100 * 1024, 'x'), .content_type = "text/plain"});
  FetchRequest request{.url = server.Url("/hook"),
                       .json = R"({"event":"ping"})",
                       .max_bytes = 64 * 1024,
                       .timeout_seconds = 10,
                       .public_addresses_only = true,
                       .truncate_body = true};
  const auto refused = Fetch(request);
  EXPECT_EQ(refused.status, 0);
  EXPECT_NE(refused.error.find("not public"), std::string::npos) << refused.error;
  // A name that resolves to loopback is judged by the address it resolves to.
  request.url = "http://localhost:" + server.Url("/hook").substr(server.Url("").rfind(':') + 1);
  EXPECT_NE(Fetch(request).error.find("not public"), std::string::npos);
  EXPECT_TRUE(server.requests().empty()) << "no connection was made";

  request.url = server.Url("/hook");
  request.public_addresses_only = false;
  const auto reached = Fetch(request);
  EXPECT_EQ(reached.status, 200) << reached.error;
  EXPECT_EQ(reached.body.size(), 64U * 1024) << "a long answer is cut, not a failure";
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& sent = requests[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.body, R"({"event":"ping"})");
  EXPECT_EQ(sent.headers.at("content-type"), "application/json");
}

}  // namespace
}  // namespace aantafel::app
