#pragma once
// SOCI, without Boost. Debian's soci-config.h announces Boost, which only switches on optional header-only
// conversions (boost::optional, fusion); the project uses none of them and does not depend on Boost.
#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME
#include <soci/soci.h>
