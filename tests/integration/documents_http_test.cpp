// Documenten over HTTP against the real server, on SQLite and PostgreSQL: attach real files to a
// contact, an agreement, a plan and an organisation; download them only as attachments; replace
// with a note; hostile files refused or stored inertly; sealed at rest; gone with their record.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/validation.hpp"
#include "support/test_server.hpp"

namespace aantafel::testing {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

json Body(const ClientResponse& r) { return json::parse(r.body, nullptr, false); }

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/documents/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class DocumentsHttp : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    AANTAFEL_SKIP_WITHOUT_BACKEND(GetParam());
    server =
        std::make_unique<TestServer>(GetParam(), TestServerOptions{.max_file_bytes = 1024 * 1024});
    server->Start();
    client = std::make_unique<HttpClient>(server->port());
    server->AddUser("anna@zorg.nl", "Anna");
    server->AddUser("bram@welzijn.nl", "Bram");
    server->AddUser("vera@zorg.nl", "Vera");
    server->AddWorkspace("zorg-west", "anna@zorg.nl");
    server->AddWorkspace("welzijn-oost", "bram@welzijn.nl");
    server->AddMember("zorg-west", "vera@zorg.nl", "viewer");
    ASSERT_TRUE(server->runtime()
                    .whoiswho()
                    .UpsertMunicipality({.code = "GM0999", .name = "Denkstad", .province = "x"})
                    .ok());
    anna = LogIn(*client, "anna@zorg.nl");
    bram = LogIn(*client, "bram@welzijn.nl");
    vera = LogIn(*client, "vera@zorg.nl");
    organisation =
        Create("/organisations", {{"kind", "municipality"}, {"municipality_code", "GM0999"}});
    contact = Create("/interactions",
                     {{"occurred_at", "2027-03-12T10:00"}, {"subject", "Overleg wethouder"}});
    agreement =
        Create("/agreements", {{"title", "Wijkteam"}, {"organisation_ids", {organisation}}});
    plan = Create("/plans", {{"title", "Beschermd wonen"},
                             {"budget_year", 2028},
                             {"organisation_ids", {organisation}}});
  }

  Headers Auth(const BrowserSession& s, const std::string& type = "application/json") {
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", type}};
  }
  std::int64_t Create(const std::string& path, const json& body) {
    auto r =
        client->Request("POST", "/api/v1/workspaces/zorg-west" + path, Auth(anna), body.dump());
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return Body(r)["id"].get<std::int64_t>();
  }
  ClientResponse Upload(const std::string& kind, std::int64_t id, const std::string& name,
                        const std::string& bytes, const BrowserSession* who = nullptr,
                        const std::string& slug = "zorg-west") {
    return client->Request("POST",
                           "/api/v1/workspaces/" + slug + "/documents?record_kind=" + kind +
                               "&record_id=" + std::to_string(id) +
                               "&name=" + core::UrlEscape(name),
                           Auth(who ? *who : anna, "application/octet-stream"), bytes);
  }
  ClientResponse Get(const std::string& path, const BrowserSession* who = nullptr,
                     const std::string& slug = "zorg-west") {
    return client->Request("GET", "/api/v1/workspaces/" + slug + path, Auth(who ? *who : anna));
  }

  std::unique_ptr<TestServer> server;
  std::unique_ptr<HttpClient> client;
  BrowserSession anna, bram, vera;
  std::int64_t organisation = 0, contact = 0, agreement = 0, plan = 0;
};

TEST_P(DocumentsHttp, AFileAttachedToAContactIsListedAndComesBackOnlyAsAnAttachment) {
  const std::string pdf = Fixture("verslag-overleg-wethouder.pdf");
  auto up = Upload("interaction", contact, "Verslag overleg wethouder 12 maart.pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  const json doc = Body(up);
  EXPECT_EQ(doc["record_kind"], "interaction");
  EXPECT_EQ(doc["record_id"], contact);
  EXPECT_EQ(doc["name"], "Verslag overleg wethouder 12 maart.pdf");
  EXPECT_EQ(doc["content_type"], "application/pdf");
  EXPECT_EQ(doc["size_bytes"], pdf.size());
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["versions"][0]["uploaded_by_name"], "Anna");

  auto list = Get("/documents?record_kind=interaction&record_id=" + std::to_string(contact));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(Body(list)["items"].size(), 1U);
  EXPECT_EQ(Body(list)["max_file_bytes"], 1024 * 1024);

  const std::string id = std::to_string(doc["id"].get<std::int64_t>());
  auto download = Get("/documents/" + id + "/content");
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(download.Header("Content-Disposition"),
            "attachment; filename=\"Verslag overleg wethouder 12 maart.pdf\"; "
            "filename*=UTF-8''Verslag%20overleg%20wethouder%2012%20maart.pdf");
  EXPECT_EQ(download.Header("Content-Security-Policy"), "default-src 'none'; sandbox");
  EXPECT_EQ(download.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(download.Header("Cache-Control"), "private, no-store");

  // The other kinds of record take documents too; a viewer reads them.
  EXPECT_EQ(
      Upload("agreement", agreement, "afspraken-wijkteam.docx", Fixture("afspraken-wijkteam.docx"))
          .status,
      201);
  EXPECT_EQ(Upload("plan", plan, "begroting-2028.xlsx", Fixture("begroting-2028.xlsx")).status,
            201);
  EXPECT_EQ(
      Upload("organisation", organisation, "foto werkbezoek.png", Fixture("foto-werkbezoek.png"))
          .status,
      201);
  EXPECT_EQ(
      Upload("interaction", contact, "bericht.eml", Fixture("bericht-beleidsadviseur.eml")).status,
      201);
  EXPECT_EQ(
      Upload("interaction", contact, "uitnodiging.ics", Fixture("uitnodiging-overleg.ics")).status,
      201);
  auto viewer_list = Get("/documents?record_kind=plan&record_id=" + std::to_string(plan), &vera);
  ASSERT_EQ(viewer_list.status, 200);
  EXPECT_EQ(Body(viewer_list)["items"][0]["content_type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(Get("/documents/" + id + "/content", &vera).status, 200);
  EXPECT_EQ(Upload("interaction", contact, "a.pdf", pdf, &vera).status, 403);
}

TEST_P(DocumentsHttp, HostileFilesAreRefusedWithTheReasonOrStoredInertly) {
  const auto field = [](const ClientResponse& r, const std::string& name) {
    const json body = Body(r);
    return body.is_object() && body["error"]["fields"].contains(name)
               ? body["error"]["fields"][name].get<std::string>()
               : std::string("(none) ") + r.body;
  };
  // A zip bomb named .pdf, a web page named .pdf, a program named .docx: the bytes say otherwise.
  for (const auto& [fixture, name] :
       std::vector<std::pair<std::string, std::string>>{{"zipbom.pdf", "rapport.pdf"},
                                                        {"pagina.pdf", "rapport.pdf"},
                                                        {"programma.docx", "notulen.docx"}}) {
    auto r = Upload("interaction", contact, name, Fixture(fixture));
    EXPECT_EQ(r.status, 422) << fixture;
    EXPECT_EQ(field(r, "file"),
              "De inhoud van dit bestand past niet bij de naam. Controleer of je het goede "
              "bestand kiest.")
        << fixture;
  }
  // A drawing that can run script is not a kind aantafel takes.
  auto svg = Upload("interaction", contact, "tekening.svg", Fixture("tekening.svg"));
  EXPECT_EQ(svg.status, 422);
  EXPECT_TRUE(field(svg, "name").starts_with("Dit soort bestand nemen wij niet aan.")) << svg.body;

  // Larger than the limit: refused before the body is read, naming the limit.
  auto huge = Upload("interaction", contact, "groot.pdf", std::string(1024 * 1024 + 1, '%'));
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(field(huge, "file"), "Kies een bestand van hoogstens 1 MB.");
  client->Close();
  // The same limit does not apply to other requests: their body stays small.
  auto big_json = client->Request("POST", "/api/v1/workspaces/zorg-west/interactions", Auth(anna),
                                  std::string(200 * 1024, ' '));
  EXPECT_EQ(big_json.status, 413);
  client->Close();

  // A path in the name is cut off.
  auto path = Upload("interaction", contact, "../../etc/passwd.pdf",
                     Fixture("verslag-overleg-wethouder.pdf"));
  ASSERT_EQ(path.status, 201) << path.body;
  EXPECT_EQ(Body(path)["name"], "passwd.pdf");

  // A PDF with a web page glued on is stored; it only ever leaves as a sandboxed attachment.
  auto polyglot = Upload("interaction", contact, "polyglot.pdf", Fixture("polyglot.pdf"));
  ASSERT_EQ(polyglot.status, 201);
  auto served =
      Get("/documents/" + std::to_string(Body(polyglot)["id"].get<std::int64_t>()) + "/content");
  EXPECT_TRUE(served.Header("Content-Disposition").starts_with("attachment;"));
  EXPECT_EQ(served.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(served.Header("Content-Security-Policy"), "default-src 'none'; sandbox");

  // Query mistakes name the field.
  auto no_kind =
      client->Request("GET", "/api/v1/workspaces/zorg-west/documents?record_id=1", Auth(anna));
  EXPECT_EQ(no_kind.status, 422);
  EXPECT_EQ(field(no_kind, "record_kind"), "Vul dit veld in.");
  auto bad_version = Get("/documents/1/content?version=0");
  EXPECT_EQ(bad_version.status, 422);
}

TEST_P(DocumentsHttp, AReplacementKeepsTheEarlierVersionWithItsNote) {
  auto first = Upload("plan", plan, "plan.pdf", Fixture("verslag-overleg-wethouder.pdf"));
  ASSERT_EQ(first.status, 201);
  const std::string id = std::to_string(Body(first)["id"].get<std::int64_t>());
  auto second = client->Request(
      "POST",
      "/api/v1/workspaces/zorg-west/documents/" + id +
          "/versions?name=plan%20v2.docx&note=" + core::UrlEscape("Na overleg met de gemeente"),
      Auth(anna, "application/octet-stream"), Fixture("afspraken-wijkteam.docx"));
  ASSERT_EQ(second.status, 201) << second.body;
  const json doc = Body(second);
  EXPECT_EQ(doc["version"], 2);
  EXPECT_EQ(doc["name"], "plan v2.docx");
  EXPECT_EQ(doc["versions"][0]["note"], "Na overleg met de gemeente");
  EXPECT_EQ(doc["versions"][1]["name"], "plan.pdf");
  EXPECT_EQ(Get("/documents/" + id + "/content").body, Fixture("afspraken-wijkteam.docx"));
  EXPECT_EQ(Get("/documents/" + id + "/content?version=1").body,
            Fixture("verslag-overleg-wethouder.pdf"));
  EXPECT_EQ(Get("/documents/" + id + "/content?version=3").status, 404);
}

TEST_P(DocumentsHttp, NameNoteAndBytesAreSealedAtRestAndGoWithTheirRecord) {
  const std::string secret = "GEHEIM verslag over Jan de Vries";
  auto up = Upload("interaction", contact, "Jan de Vries.txt", secret);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto id = Body(up)["id"].get<std::int64_t>();
  {
    auto lease = server->runtime().database().Acquire();
    const auto row = lease->QueryOne(
        "SELECT name_sealed, content_sealed FROM document_versions WHERE document_id = $1", {id});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->Text(0).find("Vries"), std::string::npos);
    EXPECT_EQ(row->Text(1).find("GEHEIM"), std::string::npos);
    EXPECT_TRUE(row->Text(1).starts_with("v1.")) << row->Text(1).substr(0, 20);
  }
  // Another workspace sees nothing of it.
  EXPECT_EQ(Get("/documents/" + std::to_string(id), &bram, "welzijn-oost").status, 404);
  EXPECT_EQ(Get("/documents/" + std::to_string(id) + "/content", &bram, "welzijn-oost").status,
            404);
  EXPECT_EQ(Get("/documents/" + std::to_string(id), &bram).status, 404);
  // Removing the contact removes its documents, every version.
  auto gone = client->Request(
      "DELETE", "/api/v1/workspaces/zorg-west/interactions/" + std::to_string(contact), Auth(anna));
  ASSERT_EQ(gone.status, 204) << gone.body;
  EXPECT_EQ(Get("/documents/" + std::to_string(id)).status, 404);
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM document_versions", {})->Int(0), 0);
}

TEST_P(DocumentsHttp, ADeletedDocumentLeavesNothingBehind) {
  auto up = Upload("organisation", organisation, "foto.png", Fixture("foto-werkbezoek.png"));
  ASSERT_EQ(up.status, 201);
  const std::string id = std::to_string(Body(up)["id"].get<std::int64_t>());
  EXPECT_EQ(
      client->Request("DELETE", "/api/v1/workspaces/zorg-west/documents/" + id, Auth(vera)).status,
      403);
  EXPECT_EQ(
      client->Request("DELETE", "/api/v1/workspaces/zorg-west/documents/" + id, Auth(anna)).status,
      204);
  EXPECT_EQ(Get("/documents/" + id + "/content").status, 404);
  auto lease = server->runtime().database().Acquire();
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM document_versions", {})->Int(0), 0);
  EXPECT_EQ(lease->QueryOne("SELECT COUNT(*) FROM documents", {})->Int(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentsHttp,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const ::testing::TestParamInfo<Backend>& backend) {
                           return Name(backend.param);
                         });

}  // namespace
}  // namespace aantafel::testing
