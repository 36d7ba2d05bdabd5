#pragma once
// Randomness from libsodium's CSPRNG, and SHA-256 for checksums.
#include <string>

namespace xinhuo {

// Must run once before any other call (idempotent, thread-safe).
void init_crypto();
// `bytes` random bytes as lowercase hex.
std::string random_hex(std::size_t bytes);
// SHA-256 of data as lowercase hex.
std::string sha256_hex(const std::string& data);

}  // namespace xinhuo
