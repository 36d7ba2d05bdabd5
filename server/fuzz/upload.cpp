// An upload as the route receives it: a Content-Type header and the raw body (there is no multipart form; the
// body is the file itself). check_upload must accept exactly a non-empty body whose first bytes are the JPEG, PNG,
// WebP or PDF signature of the declared type, of at most 5 MiB for an image and 20 MiB for a PDF, and refuse
// anything else with a 4xx.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "files/upload_check.hpp"

using namespace xinhuo;

namespace {
const char* const kTypes[] = {"image/jpeg", "image/png", "image/webp", "image/gif", "application/json", "application/pdf",
                              "image/png; charset=binary", "image/jpeg;", "IMAGE/PNG", ""};

void check(bool ok) {
  if (!ok) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string declared = in.ConsumeBool() ? std::string(in.PickValueInArray(kTypes)) : in.ConsumeRandomLengthString(40);
  const std::string body = in.ConsumeRemainingBytesAsString();
  try {
    const std::string type = files::check_upload(declared, body);
    check(type == declared.substr(0, declared.find(';')));
    const std::size_t limit = type == files::kPdfType ? files::kMaxDocumentBytes : files::kMaxImageBytes;
    check(type == files::sniff_file_type(body) && !body.empty() && body.size() <= limit);
  } catch (const Error& e) {
    check(e.status() == 400 || e.status() == 413 || e.status() == 415);
    check(e.status() != 415 || files::sniff_file_type(body).empty());
  }
  return 0;
}
