#include "core/random.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace xinhuo {

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

static std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.resize(n * 2);
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

// OpenSSL's SHA-256 uses the CPU's SHA instructions where there are some (three times libsodium's portable code
// here); it hashes the session token of every signed-in request, idempotent bodies and uploaded files.
std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  struct Context {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() {
      EVP_MD_CTX_free(ctx);
      EVP_MD_free(md);
    }
  };
  thread_local Context c;
  if (!c.md || !c.ctx || EVP_DigestInit_ex2(c.ctx, c.md, nullptr) != 1 || EVP_DigestUpdate(c.ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(c.ctx, digest, &length) != 1 || length != 32)
    throw std::runtime_error("SHA-256 failed");
  return to_hex(digest, length);
}

}  // namespace xinhuo
