#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace aantafel::http {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsAddress(std::string_view text) {
  if (text.empty() || text.size() > 45) return false;
  const std::string s(text);
  unsigned char buffer[16];
  return inet_pton(AF_INET, s.c_str(), buffer) == 1 || inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

bool Trusted(std::string_view address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::optional<std::vector<std::string>> ParseAddressList(std::string_view text) {
  std::vector<std::string> out;
  while (!Trim(text).empty()) {
    const auto comma = text.find(',');
    const std::string_view item = Trim(text.substr(0, comma));
    if (!IsAddress(item)) return std::nullopt;
    out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string ClientAddress(std::string_view peer, std::optional<std::string_view> forwarded_for,
                          const std::vector<std::string>& trusted) {
  if (!forwarded_for || !Trusted(peer, trusted)) return std::string(peer);
  auto hops = ParseAddressList(*forwarded_for);
  if (!hops) return std::string(peer);
  for (auto it = hops->rbegin(); it != hops->rend(); ++it) {
    if (!Trusted(*it, trusted)) return *it;
  }
  return std::string(peer);
}

}  // namespace aantafel::http
