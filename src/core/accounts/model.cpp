#include "core/accounts/model.hpp"

#include <array>
#include <utility>

#include "core/enum_names.hpp"

namespace aantafel::core::accounts {

namespace {

constexpr std::array<std::pair<Role, std::string_view>, 3> kRoles{{
    {Role::kOwner, "owner"},
    {Role::kEditor, "editor"},
    {Role::kViewer, "viewer"},
}};

constexpr std::array<std::pair<WorkspaceKind, std::string_view>, 7> kKinds{{
    {WorkspaceKind::kCareProvider, "care_provider"},
    {WorkspaceKind::kWelfareOrganisation, "welfare_organisation"},
    {WorkspaceKind::kCareCooperative, "care_cooperative"},
    {WorkspaceKind::kHousingCorporation, "housing_corporation"},
    {WorkspaceKind::kMunicipality, "municipality"},
    {WorkspaceKind::kConsortium, "consortium"},
    {WorkspaceKind::kOther, "other"},
}};

}  // namespace

std::string_view ToString(SignInEvent::Outcome outcome) {
  switch (outcome) {
    case SignInEvent::Outcome::kSingleSignOn: return "single_sign_on";
    case SignInEvent::Outcome::kWrongPassword: return "wrong_password";
    case SignInEvent::Outcome::kRateLimited: return "rate_limited";
    case SignInEvent::Outcome::kSignedIn: break;
  }
  return "signed_in";
}

std::optional<SignInEvent::Outcome> ParseSignInOutcome(std::string_view text) {
  using O = SignInEvent::Outcome;
  for (const O o : {O::kSignedIn, O::kSingleSignOn, O::kWrongPassword, O::kRateLimited}) {
    if (ToString(o) == text) return o;
  }
  return std::nullopt;
}

std::string_view ToString(Role role) { return NameOf(kRoles, role); }
std::optional<Role> ParseRole(std::string_view text) { return ValueOf(kRoles, text); }
std::string_view ToString(WorkspaceKind kind) { return NameOf(kKinds, kind); }
std::optional<WorkspaceKind> ParseWorkspaceKind(std::string_view text) {
  return ValueOf(kKinds, text);
}

}  // namespace aantafel::core::accounts
