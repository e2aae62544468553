#include "core/random.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/fakes.hpp"

namespace aantafel::core {
namespace {

std::string Encode(const std::string& s) {
  std::vector<unsigned char> bytes(s.begin(), s.end());
  return Base64Url(bytes);
}

TEST(Base64Url, MatchesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(Encode(""), "");
  EXPECT_EQ(Encode("f"), "Zg");
  EXPECT_EQ(Encode("fo"), "Zm8");
  EXPECT_EQ(Encode("foo"), "Zm9v");
  EXPECT_EQ(Encode("foob"), "Zm9vYg");
  EXPECT_EQ(Encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Encode("\xfb\xff"), "-_8");  // URL-safe alphabet
}

TEST(RandomToken, Has43CharactersFor32BytesAndDiffersEachTime) {
  testing::SeededRandom random(7);
  const std::string a = RandomToken(random);
  const std::string b = RandomToken(random);
  EXPECT_EQ(a.size(), 43U);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace aantafel::core
