#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aantafel::core {

/// Port: encrypts personal data (phone numbers, notes about people) before it is stored.
/// `context` names where the value lives (e.g. "person.notes/ws:12"): a sealed value only opens
/// in the same context, so it cannot be copied to another workspace or column unnoticed.
class FieldCipher {
 public:
  virtual ~FieldCipher() = default;
  /// The sealed form of `plaintext` (printable ASCII, safe to store as text).
  virtual std::string Seal(std::string_view plaintext, std::string_view context) = 0;
  /// The plaintext, or nullopt when the value was tampered with, belongs to another context or
  /// was sealed with a key this process does not have.
  virtual std::optional<std::string> Open(std::string_view sealed, std::string_view context) = 0;
  /// A keyed hash of `value` (hex): the same value and context always give the same pseudonym,
  /// but without the data key it cannot be recomputed from a guessed phone number.
  virtual std::string Pseudonym(std::string_view value, std::string_view context) = 0;
};

}  // namespace aantafel::core
