#include "interchange/qr.hpp"

#include <gtest/gtest.h>
#include <png.h>  // libpng reaches this test through aantafel_interchange's link line

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace aantafel::interchange {
namespace {

constexpr const char* kUrl = "https://aantafel.example/s/7f3a9c2e-survey";

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8U) | static_cast<unsigned char>(bytes.at(at + i));
  }
  return value;
}

/// The 7x7 finder pattern with its top-left module at (row, column): a dark ring, a light ring,
/// a dark 3x3 centre.
bool IsFinderAt(const QrCode& code, int row, int column) {
  for (int r = 0; r < 7; ++r) {
    for (int c = 0; c < 7; ++c) {
      const int ring = std::min(std::min(r, c), std::min(6 - r, 6 - c));  // 0 outer .. 3 centre
      if (code.Dark(row + r, column + c) != (ring != 1)) return false;
    }
  }
  return true;
}

/// The 15 format bits beside the top-left finder (ISO/IEC 18004 7.9), most significant first.
int FormatBitsTopLeft(const QrCode& code) {
  int bits = 0;
  auto take = [&](int r, int c) { bits = (bits << 1) | (code.Dark(r, c) ? 1 : 0); };
  for (int c = 0; c <= 5; ++c) take(8, c);
  take(8, 7);
  take(8, 8);
  take(7, 8);
  for (int r = 5; r >= 0; --r) take(r, 8);
  return bits;
}

/// The second copy: up column 8 from the bottom (bits 14..8), then along row 8 on the right.
int FormatBitsSplit(const QrCode& code) {
  int bits = 0;
  auto take = [&](int r, int c) { bits = (bits << 1) | (code.Dark(r, c) ? 1 : 0); };
  for (int r = code.size - 1; r >= code.size - 7; --r) take(r, 8);
  for (int c = code.size - 8; c < code.size; ++c) take(8, c);
  return bits;
}

TEST(Qr, EncodesAUrlDeterministicallyAsAProperSymbol) {
  const QrCode code = EncodeQr(kUrl);
  EXPECT_GE(code.size, 25);
  EXPECT_EQ((code.size - 17) % 4, 0) << "size is 17 + 4 * version";
  ASSERT_EQ(code.modules.size(), static_cast<std::size_t>(code.size * code.size));
  const QrCode again = EncodeQr(kUrl);
  EXPECT_EQ(again.size, code.size);
  EXPECT_EQ(again.modules, code.modules);
  EXPECT_NE(EncodeQr("https://aantafel.example/s/other").modules, code.modules);
}

TEST(Qr, HasTheThreeFinderPatternsInTheCorners) {
  const QrCode code = EncodeQr(kUrl);
  EXPECT_TRUE(IsFinderAt(code, 0, 0));
  EXPECT_TRUE(IsFinderAt(code, 0, code.size - 7));
  EXPECT_TRUE(IsFinderAt(code, code.size - 7, 0));
  EXPECT_FALSE(IsFinderAt(code, code.size - 7, code.size - 7));
  for (int i = 0; i < 8; ++i) {  // light separators around the top-left finder
    EXPECT_FALSE(code.Dark(7, i));
    EXPECT_FALSE(code.Dark(i, 7));
  }
  for (int i = 8; i < code.size - 8; ++i) {  // timing patterns alternate, dark on even
    EXPECT_EQ(code.Dark(6, i), i % 2 == 0) << i;
    EXPECT_EQ(code.Dark(i, 6), i % 2 == 0) << i;
  }
  EXPECT_TRUE(code.Dark(code.size - 8, 8)) << "the dark module";
}

TEST(Qr, FormatInformationSaysErrorCorrectionM) {
  const QrCode code = EncodeQr(kUrl);
  const int format = FormatBitsTopLeft(code);
  EXPECT_EQ(FormatBitsSplit(code), format) << "both copies agree";
  const int unmasked = format ^ 0x5412;
  // A valid BCH(15,5) codeword: divisible by the generator x^10+x^8+x^5+x^4+x^2+x+1.
  int remainder = unmasked;
  for (int bit = 14; bit >= 10; --bit) {
    if ((remainder >> bit) & 1) remainder ^= 0x537 << (bit - 10);
  }
  EXPECT_EQ(remainder, 0);
  EXPECT_EQ(unmasked >> 13, 0b00) << "error correction level M";
}

TEST(Qr, RejectsEmptyAndTooLongText) {
  EXPECT_THROW(EncodeQr(""), std::invalid_argument);
  EXPECT_THROW(EncodeQr(std::string(5000, 'a')), std::invalid_argument);
  EXPECT_THROW(EncodeQr(std::string(2332, 'a')), std::invalid_argument);
  EXPECT_EQ(EncodeQr(std::string(2331, 'a')).size, 177) << "the largest byte-mode M symbol";
}

TEST(Qr, SvgHasQuietZoneViewBoxAndEscapedTitle) {
  const QrCode code = EncodeQr(kUrl);
  const std::string svg = QrSvg(code, "Enquête <Gemeente> & \"Zorg\"");
  const std::string extent = std::to_string(code.size + 8);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U);
  EXPECT_NE(svg.find("viewBox=\"0 0 " + extent + " " + extent + "\""), std::string::npos);
  EXPECT_NE(svg.find("<title>Enquête &lt;Gemeente&gt; &amp; &quot;Zorg&quot;</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  const std::string svg_tag = svg.substr(0, svg.find('>'));
  EXPECT_EQ(svg_tag.find("width"), std::string::npos) << "no fixed size, so it scales";
  std::size_t paths = 0;
  for (auto at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1)) {
    ++paths;
  }
  EXPECT_EQ(paths, 1U);
  // The top-left finder's first row is one run of 7 dark modules, just inside the quiet zone.
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);
}

TEST(Qr, PngHasSignatureHeaderAndTheModules) {
  const QrCode code = EncodeQr(kUrl);
  const int scale = 3;
  const std::string png = QrPng(code, scale);
  ASSERT_GE(png.size(), 33U);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  const auto pixels = static_cast<std::uint32_t>((code.size + 8) * scale);
  EXPECT_EQ(BigEndian32(png, 16), pixels) << "width";
  EXPECT_EQ(BigEndian32(png, 20), pixels) << "height";
  EXPECT_EQ(png[25], 0) << "greyscale";
  EXPECT_TRUE(png[24] == 1 || png[24] == 8) << "bit depth";

  // Decode it and compare every pixel with its module.
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  ASSERT_NE(png_image_begin_read_from_memory(&image, png.data(), png.size()), 0) << image.message;
  image.format = PNG_FORMAT_GRAY;
  std::vector<png_byte> grey(PNG_IMAGE_SIZE(image));
  ASSERT_NE(png_image_finish_read(&image, nullptr, grey.data(), 0, nullptr), 0) << image.message;
  int wrong = 0;
  for (std::uint32_t y = 0; y < pixels; ++y) {
    for (std::uint32_t x = 0; x < pixels; ++x) {
      const int r = static_cast<int>(y) / scale - 4;
      const int c = static_cast<int>(x) / scale - 4;
      const bool dark = r >= 0 && c >= 0 && r < code.size && c < code.size && code.Dark(r, c);
      if ((grey[y * pixels + x] == 0) != dark) ++wrong;
    }
  }
  EXPECT_EQ(wrong, 0);
}

TEST(Qr, PngScaleMustBeOneToForty) {
  const QrCode code = EncodeQr("x");
  EXPECT_THROW(QrPng(code, 0), std::invalid_argument);
  EXPECT_THROW(QrPng(code, 41), std::invalid_argument);
  EXPECT_EQ(BigEndian32(QrPng(code, 1), 16), static_cast<std::uint32_t>(code.size + 8));
  EXPECT_EQ(BigEndian32(QrPng(code, 40), 16), static_cast<std::uint32_t>((code.size + 8) * 40));
}

}  // namespace
}  // namespace aantafel::interchange
