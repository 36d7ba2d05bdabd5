#pragma once
// Uploaded files: photos that members attach as evidence to what they report.
#include <string>

namespace xinhuo::files {

inline constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;

struct StoredFile {
  long long id = 0;
  std::string sha256, content_type;
  long long size_bytes = 0;
  long long owner_account_id = 0, owner_person_id = 0;
  std::string created_at;
};

// The image type the bytes really are ("image/jpeg", "image/png", "image/webp"), or "" for anything else.
std::string sniff_image_type(const std::string& bytes);

}  // namespace xinhuo::files
