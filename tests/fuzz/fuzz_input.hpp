// Reads integers of chosen widths from the fuzz input, front to back; past the end every read
// gives 0, so any input decodes to something.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace anslag::fuzz {

class input {
 public:
  input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  std::size_t remaining() const { return empty() ? 0 : size_ - at_; }

  template <typename T>
  T take() {
    T value{};
    unsigned char bytes[sizeof(T)] = {};
    for (std::size_t i = 0; i < sizeof(T) && at_ < size_; ++i) bytes[i] = data_[at_++];
    std::memcpy(&value, bytes, sizeof(T));
    return value;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace anslag::fuzz
