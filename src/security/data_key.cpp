#include "security/data_key.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "security/sodium.hpp"

namespace aantafel::security {

namespace {

constexpr std::string_view kVersion = "v1";

int Base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

DataKey FromText(std::string_view text, const std::string& origin) {
  auto bytes = DecodeBase64Url(text);
  if (!bytes || bytes->size() != DataKey{}.size()) {
    throw std::runtime_error(origin + " must hold 32 bytes as base64url (43 characters)");
  }
  DataKey key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

}  // namespace

std::optional<std::vector<unsigned char>> DecodeBase64Url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<unsigned char> out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = Base64UrlValue(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6U) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
    }
  }
  // Canonical only: the unused low bits of the last character must be zero, so one byte string
  // has exactly one encoding (otherwise a changed character could decode to the same bytes).
  if ((buffer & ((1U << static_cast<unsigned>(bits)) - 1U)) != 0) return std::nullopt;
  return out;
}

DataKey LoadDataKey(const DataKeySource& source, core::Random& random) {
  if (source.key_text && !source.key_text->empty()) {
    return FromText(*source.key_text, "AANTAFEL_SECURITY_DATA_KEY");
  }
  const std::filesystem::path file(source.key_file);
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    return FromText(text, "data key file " + file.string());
  }
  if (!source.create_if_missing) {
    throw std::runtime_error("data key file " + file.string() + " does not exist");
  }
  DataKey key;
  random.Fill(key);
  WriteKeyFile(source.key_file, std::vector<DataKey>{key});
  return key;
}

void WriteKeyFile(const std::string& file_name, const std::vector<DataKey>& keys) {
  const std::filesystem::path file(file_name);
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  const std::filesystem::path temporary = file.string() + ".new";
  // Create with 0600 from the start, so the key is never readable by others, not even briefly.
  const mode_t old_mask = ::umask(077);
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const DataKey& key : keys) out << core::Base64Url(key) << '\n';
    out.flush();
    ::umask(old_mask);
    if (!out) throw std::runtime_error("cannot write data key file " + temporary.string());
  }
  std::filesystem::rename(temporary, file);
}

std::vector<DataKey> LoadPreviousKeys(const std::string& key_file) {
  const std::filesystem::path file(key_file + ".previous");
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<DataKey> keys;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    keys.push_back(FromText(line, file.string() + " line " + std::to_string(number)));
  }
  return keys;
}

std::string KeyId(const DataKey& key) {
  InitSodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>("aantafel-key-id"), 15);
  char hex[9];
  sodium_bin2hex(hex, sizeof hex, digest, 4);
  return std::string(hex, 8);
}

SodiumFieldCipher::SodiumFieldCipher(const DataKey& key, core::Random& random,
                                     const std::vector<DataKey>& previous)
    : key_(key), key_id_(KeyId(key)), random_(random) {
  for (const DataKey& old : previous) previous_.emplace_back(KeyId(old), old);
}

SodiumFieldCipher::~SodiumFieldCipher() {
  sodium_memzero(key_.data(), key_.size());
  for (auto& [id, old] : previous_) sodium_memzero(old.data(), old.size());
}

std::string SodiumFieldCipher::Seal(std::string_view plaintext, std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  std::vector<unsigned char> box(kNonce + plaintext.size() + kTag);
  random_.Fill(std::span<unsigned char>(box.data(), kNonce));
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      box.data() + kNonce, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(),
      nullptr, box.data(), key_.data());
  box.resize(kNonce + static_cast<std::size_t>(written));
  return std::string(kVersion) + "." + key_id_ + "." + core::Base64Url(box);
}

std::optional<std::string> SodiumFieldCipher::Open(std::string_view sealed,
                                                   std::string_view context) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  // "v1." + 8 hex digits of the key id + "." + box; the id picks the key.
  const std::size_t head = kVersion.size() + 1 + 8 + 1;
  if (sealed.size() < head || !sealed.starts_with(std::string(kVersion) + ".") ||
      sealed[head - 1] != '.') {
    return std::nullopt;
  }
  const std::string_view id = sealed.substr(kVersion.size() + 1, 8);
  const DataKey* key = id == key_id_ ? &key_ : nullptr;
  for (const auto& [old_id, old] : previous_) {
    if (key == nullptr && id == old_id) key = &old;
  }
  if (key == nullptr) return std::nullopt;
  auto box = DecodeBase64Url(sealed.substr(head));
  if (!box || box->size() < kNonce + kTag) return std::nullopt;
  std::string plain(box->size() - kNonce - kTag, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr, box->data() + kNonce,
          box->size() - kNonce, reinterpret_cast<const unsigned char*>(context.data()),
          context.size(), box->data(), key->data()) != 0) {
    return std::nullopt;
  }
  plain.resize(static_cast<std::size_t>(written));
  return plain;
}

std::string SodiumFieldCipher::Pseudonym(std::string_view value, std::string_view context) {
  // BLAKE2b keyed with a subkey of the data key, over context and value (length-prefixed).
  unsigned char subkey[crypto_generichash_KEYBYTES];
  crypto_generichash(subkey, sizeof subkey, key_.data(), key_.size(),
                     reinterpret_cast<const unsigned char*>("aantafel-pseudonym"), 18);
  crypto_generichash_state state;
  crypto_generichash_init(&state, subkey, sizeof subkey, 32);
  const std::string length = std::to_string(context.size()) + ":";
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()),
                            length.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()),
                            context.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()),
                            value.size());
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  sodium_memzero(subkey, sizeof subkey);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 64);
}

}  // namespace aantafel::security
