#include <gtest/gtest.h>

#include "core/log.hpp"
#include "core/random.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  xinhuo::init_crypto();
  xinhuo::log::set_level(xinhuo::log::Level::warn);
  return RUN_ALL_TESTS();
}
