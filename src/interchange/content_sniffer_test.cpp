// MagicSniffer on the committed fixtures (tests/fixtures/documents, made by make.py): what
// Debian's libmagic reads from real file formats, including the hostile ones the documents area
// must refuse. The table of accepted kinds (core/documents/model.cpp) relies on these answers.
#include "interchange/content_sniffer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/documents/model.hpp"

namespace aantafel::interchange {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(AANTAFEL_SOURCE_DIR) + "/tests/fixtures/documents/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(MagicSniffer, RealFormatsAreRecognisedFromTheirBytes) {
  MagicSniffer sniffer;
  EXPECT_EQ(sniffer.Sniff(Fixture("verslag-overleg-wethouder.pdf")), "application/pdf");
  EXPECT_EQ(sniffer.Sniff(Fixture("afspraken-wijkteam.docx")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(sniffer.Sniff(Fixture("begroting-2028.xlsx")),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(sniffer.Sniff(Fixture("foto-werkbezoek.png")), "image/png");
  EXPECT_EQ(sniffer.Sniff(Fixture("bericht-beleidsadviseur.eml")), "message/rfc822");
  EXPECT_EQ(sniffer.Sniff(Fixture("uitnodiging-overleg.ics")), "text/calendar");
}

TEST(MagicSniffer, HostileFilesShowWhatTheyAreAndTheTableRefusesThem) {
  MagicSniffer sniffer;
  const auto* pdf = core::documents::TypeForName("x.pdf");
  const auto* docx = core::documents::TypeForName("x.docx");
  ASSERT_NE(pdf, nullptr);
  ASSERT_NE(docx, nullptr);
  const auto accepted = [](const core::documents::AcceptedType* type, const std::string& sniffed) {
    return std::ranges::find(type->sniffed, sniffed) != type->sniffed.end();
  };
  // A zip of 100 MB of zeros named .pdf: read as a zip, never unpacked.
  EXPECT_FALSE(accepted(pdf, sniffer.Sniff(Fixture("zipbom.pdf"))));
  // A web page named .pdf.
  EXPECT_FALSE(accepted(pdf, sniffer.Sniff(Fixture("pagina.pdf"))));
  // A Windows program named .docx.
  EXPECT_FALSE(accepted(docx, sniffer.Sniff(Fixture("programma.docx"))));
  // A PDF with a web page glued on is a PDF: stored, and only ever served as an attachment.
  EXPECT_TRUE(accepted(pdf, sniffer.Sniff(Fixture("polyglot.pdf"))));
  // Unknown bytes.
  std::string noise;
  for (int i = 0; i < 256; ++i) noise.push_back(static_cast<char>((i * 37) % 256));
  EXPECT_EQ(sniffer.Sniff(noise), "application/octet-stream");
}

TEST(MagicSniffer, OnlyTheFirstMegabyteIsRead) {
  MagicSniffer sniffer;
  std::string large = Fixture("verslag-overleg-wethouder.pdf");
  large.append(8 * 1024 * 1024, ' ');
  EXPECT_EQ(sniffer.Sniff(large), "application/pdf");
}

}  // namespace
}  // namespace aantafel::interchange
