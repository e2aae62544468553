#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aantafel::http {

/// The client's address for rate limits, logs and audit: the TCP peer, unless the peer is one of
/// the operator's `trusted` reverse proxies ([server] trusted_proxies); then the right-most
/// address in X-Forwarded-For that is not itself a trusted proxy (the left-hand entries are
/// whatever the client wrote and prove nothing). A malformed header counts as absent.
std::string ClientAddress(std::string_view peer, std::optional<std::string_view> forwarded_for,
                          const std::vector<std::string>& trusted);

/// The addresses of a comma-separated list ("127.0.0.1, ::1"); nullopt when one is not an IPv4
/// or IPv6 address.
std::optional<std::vector<std::string>> ParseAddressList(std::string_view text);

}  // namespace aantafel::http
