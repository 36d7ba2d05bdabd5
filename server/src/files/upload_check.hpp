#pragma once
// What an upload must be before it is stored: not empty, really the type it claims (a JPEG, PNG or WebP image, or a
// PDF), and at most 5 MiB for an image, 20 MiB for a PDF.
// Plain code with no database or disk, so the checks can be tested (and fuzzed) on their own.
#include <string>

#include "files/model.hpp"

namespace xinhuo::files {

// The content type to store for a valid upload (the sniffed one, which equals the declared media type);
// otherwise throws what the route answers: 400 empty or not the type it claims, 413 too large, 415 neither an image
// nor a PDF.
std::string check_upload(const std::string& declared_type, const std::string& bytes);

}  // namespace xinhuo::files
