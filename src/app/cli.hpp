#pragma once

namespace aantafel::app {

/// Runs the aantafel command line (serve, migrate, user, workspace, token, demo).
/// Returns the process exit code: 0 ok, 1 failure, 2 invalid configuration; CLI11's own codes
/// (above 100) for wrong usage.
int RunCli(int argc, char** argv, char** environment);

}  // namespace aantafel::app
