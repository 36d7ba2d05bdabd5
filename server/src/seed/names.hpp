#pragma once
// Word lists for synthetic people and organisations that look like a real Chinese city's organs.
#include <string>
#include <vector>

namespace xinhuo::seed {

struct Weighted {
  const char* text;
  int weight;
};

const std::vector<Weighted>& surnames();       // by frequency
const std::vector<const char*>& given_chars(bool male);
const std::vector<const char*>& city_units();  // 74 city-level organs
const std::vector<const char*>& district_names();
const std::vector<const char*>& district_units();
const std::vector<const char*>& city_names();
const std::vector<const char*>& native_places();
const std::vector<Weighted>& ethnicities();

}  // namespace xinhuo::seed
