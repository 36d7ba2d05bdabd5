#pragma once
// SOCI, without Boost. Debian's soci-config.h announces Boost, which only switches on optional header-only
// conversions (boost::optional, fusion); the project uses none of them and does not depend on Boost.
#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME
#include <soci/soci.h>

#include <string>

namespace xinhuo::db {
// An integer column of a dynamic row, whatever type the backend reports it as (SQLite gives int or long long
// depending on the value and expression, PostgreSQL long long for BIGINT and int for INTEGER).
inline long long column_ll(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<long long>(r.get<double>(i));
    default: return std::stoll(r.get<std::string>(i));
  }
}
}  // namespace xinhuo::db
