#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace aantafel::core {

/// The code names of an enum's values (as in the API, the database and the glossary), one table
/// per enum, written in the area's model.cpp. The last entry is the fallback of `NameOf`, so each
/// table ends with its most harmless value ("other", "viewer", …).
template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

/// The code name of `value`; the table's last name for a value it does not hold.
template <typename E, std::size_t N>
constexpr std::string_view NameOf(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return names.back().second;
}

/// The value called `text`, or nullopt when no value has that code name.
template <typename E, std::size_t N>
constexpr std::optional<E> ValueOf(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace aantafel::core
