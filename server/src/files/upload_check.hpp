#pragma once
// What an upload must be before it is stored: not empty, at most 5 MiB, and really the image type it claims.
// Plain code with no database or disk, so the checks can be tested (and fuzzed) on their own.
#include <string>

#include "files/model.hpp"

namespace xinhuo::files {

// The content type to store for a valid upload (the sniffed one, which equals the declared media type);
// otherwise throws what the route answers: 400 empty or not the type it claims, 413 too large, 415 not an image.
std::string check_upload(const std::string& declared_type, const std::string& bytes);

}  // namespace xinhuo::files
