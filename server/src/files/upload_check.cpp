#include "files/upload_check.hpp"

#include <string_view>

#include "core/error.hpp"

namespace xinhuo::files {

std::string sniff_image_type(const std::string& b) {
  auto starts = [&](std::size_t at, std::string_view magic) { return b.size() >= at + magic.size() && b.compare(at, magic.size(), magic) == 0; };
  if (starts(0, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts(0, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (starts(0, "RIFF") && starts(8, "WEBP")) return "image/webp";
  return "";
}

std::string sniff_file_type(const std::string& b) {
  if (b.compare(0, 5, "%PDF-") == 0) return kPdfType;
  return sniff_image_type(b);
}

std::string check_upload(const std::string& declared_type, const std::string& bytes) {
  const std::string type = declared_type.substr(0, declared_type.find(';'));
  if (bytes.empty()) throw Error::validation("file", {"文件是空的", "The file is empty"});
  const std::string actual = sniff_file_type(bytes);
  if (actual.empty())
    throw Error(415, "unsupported_media_type", {"只接受 JPEG、PNG、WebP 图片和 PDF 文件",
                                                "Only JPEG, PNG and WebP images and PDF files are accepted"});
  if (actual != type)
    throw Error::validation("file", {"文件内容与类型不符（只接受 JPEG、PNG、WebP 图片和 PDF 文件）",
                                     "The file is not the type it claims (JPEG, PNG or WebP images and PDF files only)"});
  const std::size_t limit = actual == kPdfType ? kMaxDocumentBytes : kMaxImageBytes;
  if (bytes.size() > limit) throw Error::payload_too_large(limit);
  return actual;
}

}  // namespace xinhuo::files
