#include "util/sha256.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace gongkai {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // Lengths around the 56-byte padding boundary.
  EXPECT_EQ(Sha256Hex(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(Sha256Hex(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, FileInChunksMatchesInMemory) {
  std::string path = ::testing::TempDir() + "/sha256_test.bin";
  std::string data(3 * (1 << 20) + 17, 'x');
  for (size_t i = 0; i < data.size(); i += 4099) data[i] = static_cast<char>(i);
  {
    std::ofstream out(path, std::ios::binary);
    out << data;
  }
  EXPECT_EQ(Sha256File(path), Sha256Hex(data));
  EXPECT_EQ(Sha256File(path + ".missing"), "");
}

}  // namespace
}  // namespace gongkai
