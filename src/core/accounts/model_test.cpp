#include "core/accounts/model.hpp"

#include <gtest/gtest.h>

namespace aantafel::core::accounts {
namespace {

TEST(Role, RoundTripsAndRefusesUnknownNames) {
  for (Role r : {Role::kOwner, Role::kEditor, Role::kViewer}) EXPECT_EQ(ParseRole(ToString(r)), r);
  EXPECT_FALSE(ParseRole("admin"));
  EXPECT_FALSE(ParseRole("Owner"));
}

TEST(Role, OnlyOwnersManageAndViewersNeverWrite) {
  EXPECT_TRUE(CanManage(Role::kOwner));
  EXPECT_FALSE(CanManage(Role::kEditor));
  EXPECT_TRUE(CanWrite(Role::kEditor));
  EXPECT_FALSE(CanWrite(Role::kViewer));
}

TEST(WorkspaceKind, RoundTrips) {
  for (auto k : {WorkspaceKind::kCareProvider, WorkspaceKind::kWelfareOrganisation,
                 WorkspaceKind::kCareCooperative, WorkspaceKind::kHousingCorporation,
                 WorkspaceKind::kMunicipality, WorkspaceKind::kConsortium, WorkspaceKind::kOther}) {
    EXPECT_EQ(ParseWorkspaceKind(ToString(k)), k);
  }
  EXPECT_FALSE(ParseWorkspaceKind("bank"));
}

}  // namespace
}  // namespace aantafel::core::accounts
