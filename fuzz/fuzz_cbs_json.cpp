// CBS "Gebieden in Nederland" JSON import (`aantafel import`): ParseCbsJson never
// throws.
#include <cstddef>
#include <cstdint>

#include "interchange/imports.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)aantafel::interchange::ParseCbsJson(aantafel::fuzz::AsText(data, size));
  return 0;
}
