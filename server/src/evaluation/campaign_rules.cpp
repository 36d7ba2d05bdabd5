// The arithmetic of evaluation campaigns: normalisation and combination of 双对双排, the 优秀 quota, and the
// folding of small anonymous groups. docs/evaluation.md works one example through these steps.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "evaluation/model.hpp"

namespace xinhuo::evaluation {

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> v = {"dual_ranking", "multi_source", "annual"};
  return v;
}

const std::vector<std::string>& states() {
  static const std::vector<std::string> v = {"draft", "open", "closed", "published"};
  return v;
}

const std::vector<std::string>& pool_outcomes() {
  static const std::vector<std::string> list = {"excellent", "top", "no_low"};
  return list;
}

const std::vector<std::string>& grades() {
  static const std::vector<std::string> v = {"excellent", "competent", "basically_competent", "incompetent"};
  return v;
}

bool one_of(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

int first_rank_problem(const std::vector<int>& ranks) {
  std::set<int> seen;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    const int r = ranks[i];
    if (r < 1 || r > static_cast<int>(ranks.size()) || !seen.insert(r).second) return static_cast<int>(i);
  }
  return -1;
}

int excellent_quota(int ratees, int percent) {
  // Integer arithmetic: the cap is a ceiling, so the share rounds down (10 people at 15 % → 1, not 2).
  return ratees * percent / 100;
}

int default_assessment_year(const std::string& date) {
  const int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2));
  return month <= 3 ? year - 1 : year;
}

DualOutcome combine_dual(const std::vector<DualScore>& scores, const Settings& settings) {
  DualOutcome out;
  if (scores.empty()) return out;
  // Each rater's list (a rater who is both a line leader and a unit head has two lists).
  std::map<std::pair<long long, std::string>, std::vector<double>> lists;
  double sum = 0;
  for (const auto& s : scores) {
    lists[{s.rater, s.role}].push_back(s.score);
    sum += s.score;
  }
  out.overall_mean = sum / static_cast<double>(scores.size());
  struct Stat {
    double mean = 0, sd = 0, min = 0, max = 0;
  };
  std::map<std::pair<long long, std::string>, Stat> stats;
  for (const auto& [key, list] : lists) {
    Stat st;
    double total = 0;
    for (double v : list) total += v;
    st.mean = total / static_cast<double>(list.size());
    double var = 0;
    for (double v : list) var += (v - st.mean) * (v - st.mean);
    st.sd = std::sqrt(var / static_cast<double>(list.size()));
    st.min = *std::min_element(list.begin(), list.end());
    st.max = *std::max_element(list.begin(), list.end());
    stats[key] = st;
    out.raters.push_back({.rater = key.first, .role = key.second, .count = static_cast<int>(list.size()),
                          .mean = round2(st.mean), .spread = round2(st.sd), .leniency = round2(st.mean - out.overall_mean)});
  }
  auto normalised = [&](const DualScore& s) {
    const Stat& st = stats[{s.rater, s.role}];
    if (settings.normalisation == "none") return s.score;
    if (settings.normalisation == "minmax") return st.max == st.min ? 50.0 : 100.0 * (s.score - st.min) / (st.max - st.min);
    return st.sd == 0 ? 50.0 : 50.0 + 10.0 * (s.score - st.mean) / st.sd;
  };
  // Per ratee: the line and unit scores (averaged should a role have two raters).
  struct Acc {
    double raw[2] = {0, 0}, norm[2] = {0, 0};
    int n[2] = {0, 0}, rank[2] = {0, 0};
  };
  std::map<long long, Acc> acc;
  for (const auto& s : scores) {
    const int i = s.role == "line" ? 0 : 1;
    Acc& a = acc[s.ratee];
    a.raw[i] += s.score;
    a.norm[i] += normalised(s);
    a.rank[i] = s.rank;
    ++a.n[i];
  }
  for (const auto& [ratee, a] : acc) {
    DualResult r;
    r.ratee = ratee;
    r.has_line = a.n[0] > 0;
    r.has_unit = a.n[1] > 0;
    if (r.has_line) {
      r.line_score = round2(a.raw[0] / a.n[0]);
      r.line_normalised = a.norm[0] / a.n[0];
      r.line_rank = a.rank[0];
    }
    if (r.has_unit) {
      r.unit_score = round2(a.raw[1] / a.n[1]);
      r.unit_normalised = a.norm[1] / a.n[1];
      r.unit_rank = a.rank[1];
    }
    if (r.has_line && r.has_unit)
      r.combined = (settings.line_weight * r.line_normalised + settings.unit_weight * r.unit_normalised) /
                   static_cast<double>(settings.line_weight + settings.unit_weight);
    else
      r.combined = r.has_line ? r.line_normalised : r.unit_normalised;
    r.combined = round2(r.combined);
    r.line_normalised = round2(r.line_normalised);
    r.unit_normalised = round2(r.unit_normalised);
    out.results.push_back(r);
  }
  std::stable_sort(out.results.begin(), out.results.end(),
                   [](const DualResult& a, const DualResult& b) { return a.combined > b.combined; });
  const int n = static_cast<int>(out.results.size());
  for (int i = 0; i < n; ++i) {
    auto& r = out.results[i];
    // Equal combined scores share a rank (1, 2, 2, 4).
    r.combined_rank = (i > 0 && out.results[i - 1].combined == r.combined) ? out.results[i - 1].combined_rank : i + 1;
  }
  for (auto& r : out.results) {
    int lower = 0;
    for (const auto& o : out.results)
      if (o.combined < r.combined) ++lower;
    r.top = r.combined_rank <= settings.top_count;
    r.bottom = lower < settings.bottom_count && n > settings.top_count;
    if (r.top && r.bottom) r.bottom = false;  // a campaign of one or two is not flagged at both ends
  }
  return out;
}

MultiResult combine_multi(const std::vector<GroupScores>& scores, const Settings& settings) {
  MultiResult out;
  std::map<std::string, const std::vector<double>*> by_code;
  for (const auto& g : scores) by_code[g.code] = &g.scores;
  GroupLine other{.code = "other"};
  std::vector<double> pooled;
  auto mean_of = [](const std::vector<double>& v) {
    double t = 0;
    for (double x : v) t += x;
    return v.empty() ? 0.0 : t / static_cast<double>(v.size());
  };
  for (const auto& g : settings.groups) {
    static const std::vector<double> none;
    const auto it = by_code.find(g.code);
    const std::vector<double>& list = it == by_code.end() ? none : *it->second;
    if (g.anonymous && static_cast<int>(list.size()) < kMinAnonymousResponses) {
      pooled.insert(pooled.end(), list.begin(), list.end());
      other.weight += g.weight;
      continue;
    }
    out.lines.push_back({.code = g.code, .responses = static_cast<int>(list.size()), .mean = round2(mean_of(list)),
                         .weight = g.weight});
  }
  if (other.weight > 0 || !pooled.empty()) {
    other.responses = static_cast<int>(pooled.size());
    other.suppressed = other.responses < kMinAnonymousResponses;
    other.mean = other.suppressed ? 0 : round2(mean_of(pooled));
    if (other.suppressed) other.responses = 0;  // not even the count of a group too small to show
    out.lines.push_back(other);
  }
  double weighted = 0, weights = 0;
  for (const auto& l : out.lines) {
    if (l.suppressed || l.responses == 0) continue;
    weighted += l.weight * l.mean;
    weights += l.weight;
  }
  out.has_total = weights > 0;
  out.total = out.has_total ? round2(weighted / weights) : 0;
  return out;
}

}  // namespace xinhuo::evaluation
