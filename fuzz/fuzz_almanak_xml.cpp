// Overheidsalmanak XML import (exportOO.xml; `aantafel import`, POST …/imports/almanak):
// ParseAlmanakXml never throws.
#include <cstddef>
#include <cstdint>

#include "interchange/imports.hpp"
#include "support/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)aantafel::interchange::ParseAlmanakXml(aantafel::fuzz::AsText(data, size));
  return 0;
}
