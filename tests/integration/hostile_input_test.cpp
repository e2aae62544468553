// The hostile-input corpus: more than two hundred requests an attacker or a broken client could
// send — injection strings in every kind of field, malformed and oversized JSON, broken
// protocol, path traversal on static files, malformed CSV and XML including entity expansion,
// a slow (slowloris-style) request. Each must get a 4xx (or, for protocol abuse, a closed
// connection), never a 5xx or a crash; afterwards the server still serves and every list of the
// workspace reads exactly as before. Security headers and cookie flags are asserted as well.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/validation.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using namespace std::string_literals;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

/// Strings that have broken other systems: SQL, script and template injection, traversal,
/// header splitting, NUL bytes, format strings, odd Unicode.
const std::vector<std::string>& Payloads() {
  static const std::vector<std::string> payloads = {
      "' OR '1'='1",
      "'; DROP TABLE people; --",
      "1 UNION SELECT password_hash FROM users --",
      "admin'--",
      "\" OR \"\"=\"",
      "1; SELECT pg_sleep(5)",
      "1' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
      "%' AND 1=1 --",
      "1)) OR 1=1 /*",
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "javascript:alert(document.cookie)",
      "{{7*7}}${7*7}<%= 7*7 %>",
      "../../../../etc/passwd",
      "..\\..\\..\\windows\\win.ini",
      "a\r\nSet-Cookie: aantafel_session=stolen",
      "nul\0byte"s,
      "%s%s%s%n%x",
      "\xE2\x80\xAE"
      "gnp.exe",  // right-to-left override
      "\xF0\x9F\x92\xA3\xF0\x9F\x92\xA3",
      std::string(5000, 'A'),
      "-1",
      "99999999999999999999999999",
      "0x7fffffff",
      "NaN",
  };
  return payloads;
}

class HostileInput : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    static_dir =
        std::filesystem::temp_directory_path() / ("aantafel-hostile-" + std::to_string(::getpid()));
    std::filesystem::create_directories(static_dir / "assets");
    std::ofstream(static_dir / "index.html") << "<!doctype html><title>aantafel</title>";
    std::ofstream(static_dir / "assets" / "app.js") << "console.log('ok');";
    server = std::make_unique<TestServer>(GetParam(),
                                          TestServerOptions{.static_dir = static_dir.string()});
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    ASSERT_TRUE(server->runtime()
                    .whoiswho()
                    .UpsertMunicipality({.code = "GM0999", .name = "Denkstad"})
                    .ok());
    anna = LogIn(*client, "anna@zorg.nl");
    auto org =
        Call("POST", "/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    ASSERT_EQ(org.status, 201) << org.body;
    auto person = Call("POST", "/people", {{"name", "Els Wethouder"}, {"notes", "geheim"}});
    ASSERT_EQ(person.status, 201) << person.body;
    auto survey = Call("POST", "/feedback/surveys", {{"name", "Wijkteam"}, {"team", "Noord"}});
    ASSERT_EQ(survey.status, 201) << survey.body;
    survey_token = Body(survey)["token"].get<std::string>();
  }
  void TearDown() override {
    server.reset();
    std::error_code ignored;
    std::filesystem::remove_all(static_dir, ignored);
  }

  std::map<std::string, std::string> Auth(const std::string& type = "application/json") {
    return {{"Cookie", anna.cookie}, {"X-CSRF-Token", anna.csrf}, {"Content-Type", type}};
  }
  ClientResponse Call(const std::string& method, const std::string& path, const json& body = {}) {
    return client->Request(method, "/api/v1/workspaces/zorg-west" + path, Auth(),
                           body.is_null() ? "" : body.dump());
  }

  /// What the workspace holds, read through the API: must not change under attack.
  std::string Fingerprint() {
    std::string out;
    for (const char* path : {"/organisations", "/people", "/interactions", "/agreements",
                             "/feedback/surveys", "/feedback/responses", "/plans", "/services",
                             "/scans", "/areas", "/members", "/tokens"}) {
      auto r = Call("GET", path);
      out += std::string(path) + " " + std::to_string(r.status) + " " + r.body + "\n";
    }
    return out;
  }

  enum class Expect { kClientError, kClientErrorOrClosed, kNotServerError };
  /// Sends raw bytes on a fresh connection and checks the answer; failures are collected so one
  /// run reports every case that misbehaves.
  void Raw(const std::string& name, const std::string& bytes, Expect expect,
           const std::function<void(const ClientResponse&)>& also = {}) {
    ++cases;
    HttpClient c(server->port());
    const bool sent = c.SendRaw(bytes);
    auto r = c.ReadResponse();
    if (!r) {
      if (expect != Expect::kClientErrorOrClosed || !sent) {
        failures.push_back(name + ": connection closed without an answer");
      }
      return;
    }
    const bool client_error = r->status >= 400 && r->status < 500;
    if (expect == Expect::kNotServerError ? r->status >= 500 : !client_error) {
      failures.push_back(name + ": status " + std::to_string(r->status) + " " +
                         r->body.substr(0, 200));
    }
    if (also) also(*r);
  }
  void Send(const std::string& name, const std::string& method, const std::string& target,
            const std::map<std::string, std::string>& headers, const std::string& body,
            Expect expect = Expect::kClientError,
            const std::function<void(const ClientResponse&)>& also = {}) {
    Raw(name, BuildRequest(method, target, headers, body), expect, also);
  }

  std::filesystem::path static_dir;
  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna;
  std::string survey_token;
  int cases = 0;
  std::vector<std::string> failures;
};

TEST_P(HostileInput, EveryCaseGetsAClientErrorAndChangesNothing) {
  const std::string before = Fingerprint();
  const std::string ws = "/api/v1/workspaces/zorg-west";
  const auto& payloads = Payloads();

  // 1. Injection strings in every kind of field (25 payloads × 7 places).
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    const std::string& p = payloads[i];
    const std::string tag = "payload " + std::to_string(i);
    const std::string encoded = UrlEncode(p);
    // As a login: unknown user or invalid e-mail (or rate limited), never a session.
    Send(tag + " login", "POST", "/api/v1/session", {{"Content-Type", "application/json"}},
         json{{"email", core::IsValidUtf8(p) ? p : "x"}, {"password", p}}.dump(
             -1, ' ', false, json::error_handler_t::replace),
         Expect::kClientError, [&](const ClientResponse& r) {
           if (r.HasHeader("Set-Cookie")) failures.push_back(tag + " login: got a cookie");
         });
    // As a resource id in the path, as a workspace slug and as a paging parameter.
    Send(tag + " path id", "GET", ws + "/people/" + encoded, Auth(), "");
    Send(tag + " slug", "GET", "/api/v1/workspaces/" + encoded + "/people", Auth(), "");
    Send(tag + " limit", "GET", ws + "/people?limit=" + encoded, Auth(), "");
    // As a choice field in a JSON body: a named 422.
    Send(tag + " kind", "POST", ws + "/organisations", Auth(),
         json{{"kind", p}, {"municipality_code", p}}.dump(-1, ' ', false,
                                                          json::error_handler_t::replace));
    // In the public survey form with an invalid score: the page comes back with the text
    // escaped, never as markup.
    Send(tag + " survey form", "POST", "/f/" + survey_token,
         {{"Content-Type", "application/x-www-form-urlencoded"}},
         "score=" + encoded + "&why=" + encoded, Expect::kClientError,
         [&](const ClientResponse& r) {
           if (r.body.find("<script>alert(1)</script>") != std::string::npos ||
               r.body.find("<img src=x") != std::string::npos) {
             failures.push_back(tag + " survey form: markup echoed unescaped");
           }
         });
    // As a search: a plain text search that finds nothing and leaks nothing.
    Send(tag + " search", "GET", ws + "/search?q=" + encoded, Auth(), "", Expect::kNotServerError,
         [&](const ClientResponse& r) {
           if (r.status != 200) return;
           const json found = Body(r);
           for (const auto& group : found["groups"]) {
             // Knowledge and municipalities are shared reference data; the workspace's own
             // kinds must find nothing for these strings.
             if (group["kind"] == "knowledge" || group["kind"] == "municipalities") continue;
             if (!group["items"].empty()) failures.push_back(tag + " search: found " + r.body);
           }
         });
  }

  // 2. Malformed, hostile and oversized JSON.
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"truncated", "{\"name\":"},
      {"trailing garbage", "{\"name\":\"x\"}garbage"},
      {"array", "[]"},
      {"null", "null"},
      {"number", "42"},
      {"empty", ""},
      {"nested arrays 100k", std::string(100000, '[') + std::string(100000, ']')},
      {"nested objects 20k",
       [] {
         std::string s;
         for (int i = 0; i < 20000; ++i) s += "{\"a\":";
         s += "1";
         s += std::string(20000, '}');
         return s;
       }()},
      {"huge number", "{\"name\":1e400}"},
      {"huge integer", "{\"name\":\"x\",\"limit\":123456789012345678901234567890}"},
      {"negative huge", "{\"name\":-1e400}"},
      {"invalid utf-8", "{\"name\":\"\xC3\x28\"}"},
      {"invalid utf-8 ff", "{\"name\":\"\xFF\xFE\"}"},
      {"overlong utf-8", "{\"name\":\"\xC0\xAF\"}"},
      {"utf-16 surrogate bytes", "{\"name\":\"\xED\xA0\x80\"}"},
      {"lone surrogate escape", "{\"name\":\"\\ud800\"}"},
      {"nul escape", "{\"name\":\"a\\u0000b\"}"},
      {"raw nul", "{\"name\":\"a\0b\"}"s},
      {"control characters", "{\"name\":\"a\x01\x02\"}"},
      {"byte order mark before garbage", "\xEF\xBB\xBF\xEF\xBB\xBF{\"name\":1}"},
      {"unknown field", "{\"name\":\"x\",\"__proto__\":{\"admin\":true}}"},
      {"wrong type", "{\"name\":[\"x\"]}"},
      {"very long key", "{\"" + std::string(10000, 'k') + "\":1}"},
      {"many keys",
       [] {
         std::string s = "{";
         for (int i = 0; i < 5000; ++i) s += "\"k" + std::to_string(i) + "\":1,";
         s += "\"name\":\"x\"}";
         return s;
       }()},
      {"deep in a field", "{\"name\":" + std::string(5000, '[') + std::string(5000, ']') + "}"},
      {"single quotes", "{'name':'x'}"},
      {"comments", "{/* c */\"name\":\"x\"}"},
      {"NaN literal", "{\"name\":NaN}"},
      {"infinity literal", "{\"name\":Infinity}"},
      {"hex literal", "{\"name\":0x10}"},
  };
  for (const auto& [name, body] : bodies) {
    Send("json " + name + " PATCH workspace", "PATCH", ws, Auth(), body);
    Send("json " + name + " POST person", "POST", ws + "/people", Auth(), body);
  }
  Send("json over the body limit", "POST", ws + "/people", Auth(),
       std::string(2 * 1024 * 1024, ' '), Expect::kClientErrorOrClosed);
  Send("json wrong content type", "POST", ws + "/people", Auth("text/plain"),
       R"({"name":"Sneaky"})");
  Send("json multipart", "POST", ws + "/people", Auth("multipart/form-data; boundary=x"),
       "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nSneaky\r\n--x--\r\n");
  Send("json without csrf token", "POST", ws + "/people",
       {{"Cookie", anna.cookie}, {"Content-Type", "application/json"}}, R"({"name":"Sneaky"})");

  // 3. Protocol abuse: a 4xx or a closed connection.
  const std::string host = "Host: 127.0.0.1\r\n";
  const std::vector<std::pair<std::string, std::string>> protocol = {
      {"not http", "THIS IS NOT HTTP\r\n\r\n"},
      {"binary", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"s + "\r\n\r\n"},
      {"http 9.9", "GET /healthz HTTP/9.9\r\n" + host + "\r\n"},
      {"http 0.9", "GET /healthz\r\n\r\n"},
      {"control character in method", "G\x01T /healthz HTTP/1.1\r\n" + host + "\r\n"},
      {"space in header name", "GET /healthz HTTP/1.1\r\n" + host + "X Bad: 1\r\n\r\n"},
      {"crlf injection in value",
       "GET /healthz HTTP/1.1\r\n" + host + "X-A: a\rSet-Cookie: x=1\r\n\r\n"},
      {"nul in header", "GET /healthz HTTP/1.1\r\nX-A: a\0b\r\n"s + host + "\r\n"},
      {"header without colon", "GET /healthz HTTP/1.1\r\n" + host + "X-A\r\n\r\n"},
      {"negative content length",
       "POST /api/v1/session HTTP/1.1\r\n" + host + "Content-Length: -5\r\n\r\nxxxxx"},
      {"text content length",
       "POST /api/v1/session HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n"},
      {"two content lengths", "POST /api/v1/session HTTP/1.1\r\n" + host +
                                  "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}"},
      {"huge content length",
       "POST /api/v1/session HTTP/1.1\r\n" + host +
           "Content-Type: application/json\r\nContent-Length: 99999999999999\r\n\r\n{}"},
      {"content length and chunked (smuggling)",
       "POST /api/v1/session HTTP/1.1\r\n" + host +
           "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin "
           "HTTP/1.1\r\n\r\n"},
      {"bad chunk size", "POST /api/v1/session HTTP/1.1\r\n" + host +
                             "Transfer-Encoding: chunked\r\nContent-Type: "
                             "application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
      {"unknown transfer encoding",
       "POST /api/v1/session HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked2\r\n\r\n"},
      {"huge header",
       "GET /healthz HTTP/1.1\r\n" + host + "X-Big: " + std::string(20000, 'a') + "\r\n\r\n"},
      {"many headers",
       [&] {
         std::string s = "GET /healthz HTTP/1.1\r\n" + host;
         for (int i = 0; i < 2000; ++i) s += "X-H" + std::to_string(i) + ": v\r\n";
         return s + "\r\n";
       }()},
      {"huge target", "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n" + host + "\r\n"},
      {"bad percent encoding", "GET /api/v1/%zz HTTP/1.1\r\n" + host + "\r\n"},
      {"encoded nul in path", "GET /api/v1/workspaces/zorg%00west HTTP/1.1\r\n" + host + "\r\n"},
      {"absolute form to another host",
       "GET http://evil.example/healthz/x HTTP/1.1\r\n" + host + "\r\n"},
      {"asterisk form", "GET * HTTP/1.1\r\n" + host + "\r\n"},
      {"unknown method", "BREW /api/v1/session HTTP/1.1\r\n" + host + "\r\n"},
      {"trace method", "TRACE /api/v1/session HTTP/1.1\r\n" + host + "\r\n"},
  };
  for (const auto& [name, bytes] : protocol) {
    Raw("protocol " + name, bytes, Expect::kClientErrorOrClosed);
  }
  // Hostile header values the application reads itself.
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> headers = {
      {"garbage cookie", {{"Cookie", std::string(8000, ';')}}},
      {"forged session", {{"Cookie", "aantafel_session=' OR '1'='1"}}},
      {"session of many", {{"Cookie", "aantafel_session=a; aantafel_session=b"}}},
      {"long bearer", {{"Authorization", "Bearer " + std::string(10000, 'x')}}},
      {"bearer injection", {{"Authorization", "Bearer ' OR 1=1 --"}}},
      {"basic auth", {{"Authorization", "Basic YWRtaW46YWRtaW4="}}},
      {"empty bearer", {{"Authorization", "Bearer "}}},
      {"garbage language", {{"Accept-Language", std::string(4000, ',') + "en;q=abc"}}},
  };
  for (const auto& [name, h] : headers) {
    Send("header " + name, "GET", ws + "/people", h, "");
  }

  // 4. Path traversal on the static files: never a file from outside the web root.
  const std::vector<std::string> traversal = {
      "/../../../../etc/passwd",
      "/assets/../../../../etc/passwd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/%252e%252e/%252e%252e/etc/passwd",
      "/assets/..%5c..%5c..%5cetc%5cpasswd",
      "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "/assets/....//....//etc/passwd",
      "/assets/app.js%00.png",
      "//etc/passwd",
      "/assets//..//..//etc/passwd",
      "/.git/config",
      "/assets/.%2e/.%2e/etc/passwd",
  };
  for (const auto& path : traversal) {
    Raw("traversal " + path, "GET " + path + " HTTP/1.1\r\n" + host + "\r\n",
        Expect::kNotServerError, [&](const ClientResponse& r) {
          if (r.body.find("root:") != std::string::npos ||
              r.body.find("[core]") != std::string::npos) {
            failures.push_back("traversal " + path + ": served a file outside the web root");
          }
        });
  }

  // 5. Malformed CSV and XML imports: a named 4xx and nothing imported.
  const std::vector<std::pair<std::string, std::string>> csv = {
      {"binary", "\x00\x01\x02\x03\xff\xfe"s},
      {"unclosed quote", "naam;functie\n\"Els;wethouder\n"},
      {"only a header", "naam;functie\n"},
      {"empty", ""},
      {"wrong columns", "a;b;c\n1;2;3\n"},
      {"ten thousand columns", std::string(20000, ';') + "\n"},
      {"latin-1", "naam\nJos\xe9\n"},
      {"formula injection", "naam;organisatie;functie\n=cmd|' /C calc'!A0;Denkstad;wethouder\n"},
      {"nul in cell", "naam\nEls\0Wethouder\n"s},
      {"huge cell", "naam\n" + std::string(200000, 'x') + "\n"},
  };
  for (const auto& [name, body] : csv) {
    Send("people csv " + name, "POST", ws + "/imports/people_csv", Auth("text/csv"), body);
    Send("services csv " + name, "POST", ws + "/services/import", Auth("text/csv"), body);
  }
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
      "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">]>"
      "<almanak><organisatie><naam>&lol5;</naam></organisatie></almanak>";
  const std::vector<std::pair<std::string, std::string>> xml = {
      {"billion laughs", laughs},
      {"external entity",
       "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
       "<almanak><organisatie><naam>&xxe;</naam></organisatie></almanak>"},
      {"parameter entity",
       "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY % p SYSTEM "
       "\"http://127.0.0.1:1/x\">%p;]><a/>"},
      {"unclosed", "<almanak><organisatie><naam>Denkstad"},
      {"deep nesting", std::string(50000, '<').replace(0, 0, "") + ">"},
      {"nested elements",
       [] {
         std::string s;
         for (int i = 0; i < 20000; ++i) s += "<a>";
         for (int i = 0; i < 20000; ++i) s += "</a>";
         return s;
       }()},
      {"not xml", "{\"almanak\":true}"},
      {"invalid utf-8", "<almanak><naam>\xC3\x28</naam></almanak>"},
      {"undefined entity", "<almanak><naam>&nope;</naam></almanak>"},
      {"processing instruction only", "<?xml version=\"1.0\"?>"},
  };
  for (const auto& [name, body] : xml) {
    Send("almanak xml " + name, "POST", ws + "/imports/almanak", Auth("application/xml"), body,
         Expect::kClientError, [&](const ClientResponse& r) {
           if (r.body.find("root:") != std::string::npos) {
             failures.push_back("almanak xml " + name + ": expanded an external entity");
           }
         });
  }

  // 6. A slow request (slowloris): the server cuts it off, and serves others meanwhile.
  {
    ++cases;
    HttpClient slow(server->port());
    ASSERT_TRUE(slow.SendRaw("GET /healthz HTTP/1.1\r\n"));
    bool served_meanwhile = true;
    bool cut_off = false;
    for (int i = 0; i < 40 && !cut_off; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      cut_off = !slow.SendRaw("X-Slow-" + std::to_string(i) + ": 1\r\n");
      HttpClient other(server->port());
      served_meanwhile = served_meanwhile && other.Request("GET", "/healthz").status == 200;
    }
    if (!cut_off) {
      auto r = slow.ReadResponse();
      cut_off = !r || (r->status >= 400 && r->status < 500);
    }
    if (!cut_off) failures.push_back("slowloris: a 20-second header was still being read");
    if (!served_meanwhile) failures.push_back("slowloris: others were not served meanwhile");
  }

  for (const auto& f : failures) ADD_FAILURE() << f;
  std::cout << "[hostile] " << Name(GetParam()) << ": " << cases << " cases, " << failures.size()
            << " failed\n";
  EXPECT_GE(cases, 200);

  // The server still serves, and nothing in the workspace changed.
  HttpClient fresh(server->port());
  EXPECT_EQ(fresh.Request("GET", "/healthz").status, 200);
  EXPECT_EQ(Fingerprint(), before);
}

TEST_P(HostileInput, SecurityHeadersAndCookieFlagsAreStrict) {
  for (const char* path : {"/", "/healthz", "/api/v1/session", "/f/unknown-token"}) {
    auto r = client->Request("GET", path);
    SCOPED_TRACE(path);
    EXPECT_NE(r.Header("Content-Security-Policy").find("default-src 'self'"), std::string::npos)
        << r.Header("Content-Security-Policy");
    EXPECT_NE(r.Header("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
    EXPECT_FALSE(r.Header("Referrer-Policy").empty());
    EXPECT_FALSE(r.HasHeader("Server")) << "no product banner";
  }
  auto login =
      client->Request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                      json{{"email", "anna@zorg.nl"}, {"password", TestServer::kPassword}}.dump());
  ASSERT_EQ(login.status, 201) << login.body;
  const std::string cookie = login.Header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileInput,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& param_info) { return Name(param_info.param); });

}  // namespace
}  // namespace aantafel::testing
