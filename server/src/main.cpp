#include "app/cli.hpp"

int main(int argc, char** argv) { return xinhuo::app::run_cli(argc, argv); }
