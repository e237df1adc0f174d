#include "hedgecalc/product_blocking.hpp"

#include <Eigen/Core>
#include <mutex>

namespace hedgecalc {

void pin_product_blocking() {
  static std::once_flag pinned;
  std::call_once(pinned, [] {
    constexpr std::ptrdiff_t kKiB = 1024;
    Eigen::setCpuCacheSizes(32 * kKiB, 1024 * kKiB, 32 * 1024 * kKiB);
  });
}

}  // namespace hedgecalc
