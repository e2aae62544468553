#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/field_cipher.hpp"
#include "core/random.hpp"

namespace aantafel::security {

/// A 256-bit key for personal data at rest.
using DataKey = std::array<unsigned char, 32>;

/// Where the data key comes from: `AANTAFEL_SECURITY_DATA_KEY` (base64url, 43 chars) wins over a
/// key file. A missing key file is created (mode 0600) when `create_if_missing` is set, so a
/// single SQLite installation works out of the box; several instances must share one key.
struct DataKeySource {
  std::string key_file = "var/aantafel.key";
  std::optional<std::string> key_text;  ///< from the environment
  bool create_if_missing = true;
};

/// Loads (or creates) the data key; throws std::runtime_error with a clear message otherwise.
DataKey LoadDataKey(const DataKeySource& source, core::Random& random);

/// Decodes base64url without padding; nullopt when malformed.
std::optional<std::vector<unsigned char>> DecodeBase64Url(std::string_view text);

/// FieldCipher with XChaCha20-Poly1305 (libsodium): a random 192-bit nonce per value, the
/// context as associated data, and a key id so that keys can be rotated later.
/// Sealed format: "v1." key_id "." base64url(nonce || ciphertext || tag).
class SodiumFieldCipher final : public core::FieldCipher {
 public:
  SodiumFieldCipher(const DataKey& key, core::Random& random);
  ~SodiumFieldCipher() override;
  std::string Seal(std::string_view plaintext, std::string_view context) override;
  std::optional<std::string> Open(std::string_view sealed, std::string_view context) override;
  std::string Pseudonym(std::string_view value, std::string_view context) override;

 private:
  DataKey key_;
  std::string key_id_;  // 8 hex digits of a hash of the key: says which key sealed a value
  core::Random& random_;
};

}  // namespace aantafel::security
