// DocumentService against an in-memory repository: which files are accepted (by name and by
// what their bytes are), the size limit with its figure, clean names, versions with notes,
// who may do what, and that another workspace's documents cannot be reached.

#include "core/documents/service.hpp"

#include <gtest/gtest.h>

#include "support/fakes.hpp"
#include "support/memory_documents.hpp"

namespace aantafel::core::documents {
namespace {

using testing::FakeClock;
using testing::MemoryDocuments;
using testing::StubSniffer;

constexpr std::int64_t kWs = 1;
constexpr std::int64_t kOtherWs = 2;
constexpr RecordRef kContact{.kind = RecordKind::kInteraction, .id = 5};

class DocumentServiceTest : public ::testing::Test {
 protected:
  DocumentServiceTest() {
    repository_.records = {{kWs, RecordKind::kInteraction, 5},
                           {kWs, RecordKind::kPlan, 6},
                           {kOtherWs, RecordKind::kInteraction, 9}};
  }

  static accounts::WorkspaceAccess Access(accounts::Role role = accounts::Role::kEditor,
                                          std::int64_t ws = kWs) {
    return {.workspace = {.id = ws, .slug = "ws"}, .role = role, .user_id = 10};
  }

  Result<Document> Attach(std::string_view name, std::string_view bytes = "%PDF-1.4 ...") {
    return service_.Attach(Access(), kContact, {.name = name, .bytes = bytes});
  }

  FakeClock clock_;
  MemoryDocuments repository_;
  StubSniffer sniffer_;
  DocumentService service_{repository_, sniffer_, clock_, {.max_file_bytes = 3 * 1024 * 1024}};
};

TEST_F(DocumentServiceTest, AFileWhoseBytesAreWhatItsNameSaysIsStoredWithTheCanonicalType) {
  auto stored = Attach("Verslag overleg.PDF");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->record, kContact);
  EXPECT_EQ(stored->current().name, "Verslag overleg.PDF");
  EXPECT_EQ(stored->current().content_type, "application/pdf");
  EXPECT_EQ(stored->current().version, 1);
  EXPECT_EQ(stored->current().uploaded_by, 10);
  EXPECT_EQ(stored->current().uploaded_at, clock_.Now());

  // An Outlook message is a Compound File; libmagic may not name the subtype.
  sniffer_.type = "application/CDFV2";
  auto mail = Attach("mail van wethouder.msg");
  ASSERT_TRUE(mail.ok());
  EXPECT_EQ(mail->current().content_type, "application/vnd.ms-outlook");
}

TEST_F(DocumentServiceTest, BytesThatAreNotWhatTheNameSaysAreRefused) {
  for (const auto& [sniffed, name] : std::vector<std::pair<std::string, std::string>>{
           {"application/zip", "rapport.pdf"},                           // a zip bomb named .pdf
           {"text/html", "rapport.pdf"},                                 // a page named .pdf
           {"application/vnd.microsoft.portable-executable", "a.docx"},  // a program
           {"application/pdf", "foto.jpg"},
           {"application/CDFV2", "notulen.docx"},  // an old .doc renamed to .docx
       }) {
    sniffer_.type = sniffed;
    auto refused = Attach(name);
    ASSERT_FALSE(refused.ok()) << name << " as " << sniffed;
    EXPECT_EQ(refused.error().fields.at("file").issue, FieldIssue::kFileContentMismatch) << name;
  }
  sniffer_.type = "text/plain";
  auto binary = Attach("notities.txt", std::string_view("tekst\0binair", 12));
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.error().fields.at("file").issue, FieldIssue::kFileContentMismatch);
}

TEST_F(DocumentServiceTest, NamesWithoutAnAcceptedExtensionAreRefusedBeforeTheBytesAreRead) {
  for (const char* name : {"tekening.svg", "pagina.html", "setup.exe", "script.js", "geen-punt",
                           "archief.zip", "rapport.pdf.exe", "punt."}) {
    auto refused = Attach(name);
    ASSERT_FALSE(refused.ok()) << name;
    EXPECT_EQ(refused.error().fields.at("name").issue, FieldIssue::kFileTypeNotAccepted) << name;
  }
}

TEST_F(DocumentServiceTest, ANameLosesItsFolderPathAndControlCharacters) {
  auto a = Attach("../../etc/passwd.pdf");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->current().name, "passwd.pdf");
  auto b = Attach("C:\\Users\\anna\\Documents\\notulen \"raad\";\r\n.pdf");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->current().name, "notulen raad.pdf");
  for (const char* nothing : {"", "   ", "../", "..", "a/b/"}) {
    auto refused = Attach(nothing);
    ASSERT_FALSE(refused.ok()) << nothing;
    EXPECT_EQ(refused.error().fields.at("name").issue, FieldIssue::kRequired) << nothing;
  }
  auto long_name = Attach(std::string(197, 'a') + ".pdf");  // 201 characters
  ASSERT_FALSE(long_name.ok());
  EXPECT_EQ(long_name.error().fields.at("name"),
            (FieldError{FieldIssue::kTooLong, static_cast<int>(kMaxFileNameChars)}));
  EXPECT_TRUE(Attach(std::string(196, 'a') + ".pdf").ok());
  auto bad_utf8 = Attach("caf\xc3.pdf");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.error().fields.at("name").issue, FieldIssue::kInvalidUtf8);
}

TEST_F(DocumentServiceTest, TheSizeLimitIsSaidInMegabytesAndAnEmptyFileIsNoFile) {
  const std::string at_limit(3 * 1024 * 1024, 'x');
  EXPECT_TRUE(Attach("groot.pdf", at_limit).ok());
  auto over = Attach("te-groot.pdf", at_limit + "x");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().fields.at("file"), (FieldError{FieldIssue::kFileTooLarge, 3}));
  auto empty = Attach("leeg.pdf", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields.at("file").issue, FieldIssue::kRequired);
}

TEST_F(DocumentServiceTest, AReplacementAddsAVersionWithItsNoteAndKeepsTheEarlierOne) {
  auto first = Attach("begroting.pdf", "%PDF eerste");
  ASSERT_TRUE(first.ok());
  clock_.Advance(std::chrono::hours(1));
  sniffer_.type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  auto second = service_.Replace(Access(), first->id,
                                 {.name = "begroting v2.xlsx",
                                  .bytes = "PK tweede",
                                  .note = "  Cijfers van de gemeente verwerkt  "});
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->versions.size(), 2U);
  EXPECT_EQ(second->current().version, 2);
  EXPECT_EQ(second->current().name, "begroting v2.xlsx");
  EXPECT_EQ(second->current().note, "Cijfers van de gemeente verwerkt");
  EXPECT_EQ(second->versions[1].note, "");
  EXPECT_EQ(service_.Download(Access(), first->id, std::nullopt)->bytes, "PK tweede");
  EXPECT_EQ(service_.Download(Access(), first->id, 1)->bytes, "%PDF eerste");
  EXPECT_EQ(service_.Download(Access(), first->id, 3).error().code, ErrorCode::kNotFound);

  auto long_note = service_.Replace(
      Access(), first->id, {.name = "b.xlsx", .bytes = "PK", .note = std::string(501, 'n')});
  ASSERT_FALSE(long_note.ok());
  EXPECT_EQ(long_note.error().fields.at("note"),
            (FieldError{FieldIssue::kTooLong, static_cast<int>(kMaxNoteChars)}));
}

TEST_F(DocumentServiceTest, ViewersReadButDoNotChange) {
  auto stored = Attach("verslag.pdf");
  ASSERT_TRUE(stored.ok());
  const auto viewer = Access(accounts::Role::kViewer);
  EXPECT_TRUE(service_.List(viewer, kContact).ok());
  EXPECT_TRUE(service_.Download(viewer, stored->id, std::nullopt).ok());
  EXPECT_EQ(service_.Attach(viewer, kContact, {.name = "a.pdf", .bytes = "x"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_.Replace(viewer, stored->id, {.name = "a.pdf", .bytes = "x"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(service_.Remove(viewer, stored->id).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(service_.Remove(Access(), stored->id).ok());
  EXPECT_EQ(service_.Get(viewer, stored->id).error().code, ErrorCode::kNotFound);
}

TEST_F(DocumentServiceTest, AnotherWorkspacesRecordsAndDocumentsAreNotFound) {
  auto stored = Attach("verslag.pdf");
  ASSERT_TRUE(stored.ok());
  const auto other = Access(accounts::Role::kOwner, kOtherWs);
  EXPECT_EQ(service_.List(other, kContact).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Attach(other, kContact, {.name = "a.pdf", .bytes = "x"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.Get(other, stored->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Download(other, stored->id, std::nullopt).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Replace(other, stored->id, {.name = "a.pdf", .bytes = "x"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.Remove(other, stored->id).error().code, ErrorCode::kNotFound);
  // A record kind that does not hold this id is not found either.
  EXPECT_EQ(service_.List(Access(), {.kind = RecordKind::kAgreement, .id = 5}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.List(Access(), kContact)->size(), 1U);
}

}  // namespace
}  // namespace aantafel::core::documents
