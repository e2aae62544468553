// Services CSV for the social map (POST …/services/import, CSV).
#include <cstddef>
#include <cstdint>

#include "interchange/services_csv.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A small row limit as well, so that the "too many rows" path is reached by small inputs.
  (void)aantafel::interchange::ParseServicesCsv(aantafel::fuzz::AsText(data, size));
  (void)aantafel::interchange::ParseServicesCsv(aantafel::fuzz::AsText(data, size), 3);
  return 0;
}
