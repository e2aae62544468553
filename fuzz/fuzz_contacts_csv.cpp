// Contacts CSV for survey invitations (POST …/feedback/surveys/{id}/invitations, CSV).
#include <cstddef>
#include <cstdint>

#include "interchange/contacts_csv.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A small row limit as well, so that the "too many rows" path is reached by small inputs.
  (void)aantafel::interchange::ParseContactsCsv(aantafel::fuzz::AsText(data, size));
  (void)aantafel::interchange::ParseContactsCsv(aantafel::fuzz::AsText(data, size), 3);
  return 0;
}
