#pragma once
// Uploaded files: photos that members attach as evidence to what they report, and documents (decisions, policy
// texts, scanned forms) as PDF.
#include <string>

namespace xinhuo::files {

// Photos are shrunk in the browser before they are sent; a PDF is sent as it is, and a scanned decision runs to
// several pages.
inline constexpr std::size_t kMaxImageBytes = 5 * 1024 * 1024;
inline constexpr std::size_t kMaxDocumentBytes = 20 * 1024 * 1024;
inline constexpr const char* kPdfType = "application/pdf";

// Which uploads a field takes: a photo field (a visit's photos) only images, a document or evidence field also PDF.
enum class FileKind { image, image_or_pdf };

struct StoredFile {
  long long id = 0;
  std::string sha256, content_type;
  long long size_bytes = 0;
  long long owner_account_id = 0, owner_person_id = 0;
  std::string created_at;
};

// The image type the bytes really are ("image/jpeg", "image/png", "image/webp"), or "" for anything else.
std::string sniff_image_type(const std::string& bytes);
// Like sniff_image_type, and "application/pdf" for a PDF.
std::string sniff_file_type(const std::string& bytes);

}  // namespace xinhuo::files
