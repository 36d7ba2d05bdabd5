#pragma once
namespace xinhuo::app {
// xinhuo serve | migrate | seed --demo | gen --scale N | backup PATH | version
int run_cli(int argc, char** argv);
}  // namespace xinhuo::app
