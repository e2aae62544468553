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

/// The keys that sealed older values after a rotation: `<key file>.previous`, one base64url key
/// per line (missing file: none). Throws std::runtime_error on a malformed line.
std::vector<DataKey> LoadPreviousKeys(const std::string& key_file);

/// Writes `keys` to `file`, one per line (mode 0600, replaced atomically by a rename).
void WriteKeyFile(const std::string& file, const std::vector<DataKey>& keys);

/// The 8-hex-digit id of a key (a hash: it never reveals the key).
std::string KeyId(const DataKey& key);

/// Decodes base64url without padding; nullopt when malformed.
std::optional<std::vector<unsigned char>> DecodeBase64Url(std::string_view text);

/// FieldCipher with XChaCha20-Poly1305 (libsodium): a random 192-bit nonce per value, the
/// context as associated data, and a key id so that keys can be rotated later.
/// Sealed format: "v1." key_id "." base64url(nonce || ciphertext || tag).
class SodiumFieldCipher final : public core::FieldCipher {
 public:
  /// Seals with `key`; opens values sealed with `key` or with one of `previous` (after a
  /// rotation, until every value has been written again).
  SodiumFieldCipher(const DataKey& key, core::Random& random,
                    const std::vector<DataKey>& previous = {});
  ~SodiumFieldCipher() override;
  std::string Seal(std::string_view plaintext, std::string_view context) override;
  std::optional<std::string> Open(std::string_view sealed, std::string_view context) override;
  std::string Pseudonym(std::string_view value, std::string_view context) override;
  [[nodiscard]] const std::string& key_id() const { return key_id_; }

 private:
  DataKey key_;
  std::string key_id_;  // 8 hex digits of a hash of the key: says which key sealed a value
  std::vector<std::pair<std::string, DataKey>> previous_;  // key id → key
  core::Random& random_;
};

}  // namespace aantafel::security
