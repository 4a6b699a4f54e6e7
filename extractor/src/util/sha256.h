#ifndef GONGKAI_UTIL_SHA256_H_
#define GONGKAI_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace gongkai {

// Lower-case hex SHA-256 of data (FIPS 180-4).
std::string Sha256Hex(std::string_view data);

// The same of a file's contents, read in chunks (for files too large to hold); empty on error.
std::string Sha256File(const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_SHA256_H_
