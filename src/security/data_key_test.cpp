#include "security/data_key.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "support/fakes.hpp"

namespace aantafel::security {
namespace {

namespace fs = std::filesystem;

DataKey TestKey(unsigned char fill = 7) {
  DataKey key;
  key.fill(fill);
  return key;
}

TEST(FieldCipher, RoundTripsWithinTheSameContext) {
  testing::SeededRandom random;
  SodiumFieldCipher cipher(TestKey(), random);
  for (const std::string text : {"", "06-12345678", "Aantekening over wethouder: ö 😀"}) {
    const std::string sealed = cipher.Seal(text, "person.notes/ws:1");
    EXPECT_TRUE(sealed.starts_with("v1."));
    EXPECT_EQ(sealed.find(text.empty() ? "\x01" : text), std::string::npos) << "plaintext visible";
    EXPECT_EQ(cipher.Open(sealed, "person.notes/ws:1"), text);
  }
}

TEST(FieldCipher, SameTextSealsDifferentlyEachTime) {
  testing::SeededRandom random;
  SodiumFieldCipher cipher(TestKey(), random);
  EXPECT_NE(cipher.Seal("06-12345678", "c"), cipher.Seal("06-12345678", "c"));
}

TEST(FieldCipher, RefusesOtherContextsTamperingAndOtherKeys) {
  testing::SeededRandom random;
  SodiumFieldCipher cipher(TestKey(1), random);
  SodiumFieldCipher other(TestKey(2), random);
  const std::string sealed = cipher.Seal("geheim", "person.notes/ws:1");
  EXPECT_FALSE(cipher.Open(sealed, "person.notes/ws:2")) << "moved to another workspace";
  EXPECT_FALSE(other.Open(sealed, "person.notes/ws:1")) << "another key";
  for (std::size_t at : {sealed.size() - 1, sealed.size() - 10, sealed.size() / 2 + 6}) {
    std::string tampered = sealed;
    tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(cipher.Open(tampered, "person.notes/ws:1")) << "changed at " << at;
  }
  EXPECT_FALSE(cipher.Open("v1.garbage", "person.notes/ws:1"));
  EXPECT_FALSE(cipher.Open("", "person.notes/ws:1"));
}

TEST(FieldCipher, PseudonymIsStablePerKeyAndContext) {
  testing::SeededRandom random;
  SodiumFieldCipher cipher(TestKey(1), random);
  SodiumFieldCipher other(TestKey(2), random);
  const std::string p = cipher.Pseudonym("phone:+31612345678", "feedback.client/ws:1");
  EXPECT_EQ(p.size(), 64u);
  EXPECT_EQ(p, cipher.Pseudonym("phone:+31612345678", "feedback.client/ws:1"));
  EXPECT_NE(p, cipher.Pseudonym("phone:+31612345679", "feedback.client/ws:1"));
  EXPECT_NE(p, cipher.Pseudonym("phone:+31612345678", "feedback.client/ws:2"));
  EXPECT_NE(p, other.Pseudonym("phone:+31612345678", "feedback.client/ws:1")) << "keyed";
  EXPECT_NE(cipher.Pseudonym("b", "a"), cipher.Pseudonym("", "ab")) << "context length counts";
}

TEST(DataKey, IsCreatedOnceWithPrivatePermissionsAndThenReused) {
  const fs::path dir = fs::temp_directory_path() / "aantafel_key_test";
  fs::remove_all(dir);
  testing::SeededRandom random;
  const DataKeySource source{.key_file = (dir / "sub" / "aantafel.key").string()};
  const DataKey first = LoadDataKey(source, random);
  struct stat info {};
  ASSERT_EQ(::stat(source.key_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(LoadDataKey(source, random), first);
  fs::remove_all(dir);
}

TEST(DataKey, EnvironmentWinsAndBadKeysAreRefused) {
  testing::SeededRandom random;
  const DataKey key = TestKey(9);
  const DataKeySource from_env{
      .key_file = "/nonexistent/x", .key_text = core::Base64Url(key), .create_if_missing = false};
  EXPECT_EQ(LoadDataKey(from_env, random), key);
  EXPECT_THROW(
      LoadDataKey({.key_file = "/nonexistent/x", .key_text = "short", .create_if_missing = false},
                  random),
      std::runtime_error);
  EXPECT_THROW(LoadDataKey({.key_file = "/nonexistent/x", .create_if_missing = false}, random),
               std::runtime_error);
}

TEST(FieldCipher, AfterARotationOldValuesStillOpenAndNewOnesUseTheNewKey) {
  testing::SeededRandom random;
  SodiumFieldCipher old_cipher(TestKey(1), random);
  const std::string sealed_before = old_cipher.Seal("06-12345678", "person.phone/ws:1");
  SodiumFieldCipher rotated(TestKey(2), random, {TestKey(1)});
  EXPECT_EQ(rotated.Open(sealed_before, "person.phone/ws:1"), "06-12345678");
  const std::string sealed_after = rotated.Seal("06-87654321", "person.phone/ws:1");
  EXPECT_NE(sealed_after.substr(0, 12), sealed_before.substr(0, 12)) << "sealed under the new id";
  EXPECT_EQ(rotated.key_id(), KeyId(TestKey(2)));
  EXPECT_FALSE(old_cipher.Open(sealed_after, "person.phone/ws:1").has_value());
  SodiumFieldCipher without_previous(TestKey(2), random);
  EXPECT_FALSE(without_previous.Open(sealed_before, "person.phone/ws:1").has_value());
  // A wrong key under a known id still fails authentication.
  std::string forged = sealed_before;
  forged.replace(3, 8, KeyId(TestKey(2)));
  EXPECT_FALSE(rotated.Open(forged, "person.phone/ws:1").has_value());
}

TEST(DataKey, PreviousKeysAreReadFromTheirPrivateFile) {
  const fs::path dir = fs::temp_directory_path() / "aantafel_previous_key_test";
  fs::remove_all(dir);
  const std::string key_file = (dir / "aantafel.key").string();
  EXPECT_TRUE(LoadPreviousKeys(key_file).empty());
  WriteKeyFile(key_file + ".previous", {TestKey(4), TestKey(5)});
  struct stat info {};
  ASSERT_EQ(::stat((key_file + ".previous").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(LoadPreviousKeys(key_file), (std::vector<DataKey>{TestKey(4), TestKey(5)}));
  std::ofstream(key_file + ".previous", std::ios::app) << "not-a-key\n";
  EXPECT_THROW(LoadPreviousKeys(key_file), std::runtime_error);
  fs::remove_all(dir);
}

TEST(Base64Url, DecodesWhatItEncodes) {
  const std::vector<unsigned char> data = {0, 1, 2, 250, 251, 255, 17};
  for (std::size_t n = 0; n <= data.size(); ++n) {
    std::vector<unsigned char> part(data.begin(), data.begin() + static_cast<long>(n));
    EXPECT_EQ(DecodeBase64Url(core::Base64Url(part)), part) << n;
  }
  EXPECT_FALSE(DecodeBase64Url("a"));
  EXPECT_FALSE(DecodeBase64Url("ab+c"));
  EXPECT_FALSE(DecodeBase64Url("Zh")) << "non-canonical: unused bits set (canonical is Zg)";
}

}  // namespace
}  // namespace aantafel::security
