#pragma once

#include <string>
#include <string_view>

#include "core/social_map/service.hpp"

namespace aantafel::http {

/// A domain's name for people ("Huishoudelijke hulp" / "Household help").
std::string_view DomainLabel(core::social_map::Domain domain, bool english);

/// The read-only page of a consortium's joint offer behind a shared link (/c/{token}): point of
/// contact, members with their niche, the matrix of areas × domains, and the published services.
/// Server-rendered, no script, the survey pages' style sheet; `english` picks the language.
std::string SharedOfferPage(const core::social_map::OfferView& view, const std::string& token,
                            bool english);
/// Unknown or withdrawn link.
std::string SharedOfferMissingPage(bool english);

}  // namespace aantafel::http
