#include "app/cli.hpp"

extern char** environ;

int main(int argc, char** argv) { return aantafel::app::RunCli(argc, argv, environ); }
