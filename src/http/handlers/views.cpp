#include "http/handlers/views.hpp"

namespace aantafel::http {

using namespace core::accounts;

nlohmann::json UserView(const User& user) {
  return {{"id", user.id}, {"email", user.email}, {"name", user.name}};
}

nlohmann::json WorkspaceView(const Workspace& workspace, Role role) {
  return {{"slug", workspace.slug},
          {"name", workspace.name},
          {"kind", ToString(workspace.kind)},
          {"role", ToString(role)}};
}

nlohmann::json MemberView(const Member& member) {
  return {{"user", UserView(member.user)}, {"role", ToString(member.role)}};
}

}  // namespace aantafel::http
