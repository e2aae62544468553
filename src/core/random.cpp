#include "core/random.hpp"

#include <vector>

namespace aantafel::core {

std::string Base64Url(std::span<const unsigned char> data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((data.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    const unsigned n = (data[i] << 16U) | (data[i + 1] << 8U) | data[i + 2];
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += kAlphabet[(n >> 6U) & 63U];
    out += kAlphabet[n & 63U];
  }
  const std::size_t rest = data.size() - i;
  if (rest == 1) {
    const unsigned n = data[i] << 16U;
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
  } else if (rest == 2) {
    const unsigned n = (data[i] << 16U) | (data[i + 1] << 8U);
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += kAlphabet[(n >> 6U) & 63U];
  }
  return out;
}

std::string RandomToken(Random& random, std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  random.Fill(buffer);
  return Base64Url(buffer);
}

}  // namespace aantafel::core
