#include "mapping_guard.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>

namespace hedgecalc {
namespace {

// Fixed slots, read by the signal handler without locks or allocation. A batch maps
// at most one file per worker thread at a time.
struct Slot {
  std::atomic<std::uintptr_t> begin{0};
  std::atomic<std::uintptr_t> end{0};
  std::atomic<bool> lost{false};
};
constexpr size_t kSlots = 256;
std::array<Slot, kSlots> g_slots;
std::uintptr_t g_page_size = 4096;
struct sigaction g_previous;

extern "C" void on_bus_error(int signal, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (Slot& slot : g_slots) {
    const std::uintptr_t begin = slot.begin.load(), end = slot.end.load();
    if (begin == 0 || address < begin || address >= end) continue;
    // Zero pages from the lost one to the end of the mapping: the rest of the file is
    // gone too, and the read that faulted is retried on them.
    const std::uintptr_t page = address & ~(g_page_size - 1);
    ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    slot.lost.store(true);
    return;
  }
  // Not a guarded mapping: behave as if there were no handler.
  if (g_previous.sa_flags & SA_SIGINFO) {
    if (g_previous.sa_sigaction != nullptr) return g_previous.sa_sigaction(signal, info, context);
  } else if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
    return g_previous.sa_handler(signal);
  }
  ::signal(SIGBUS, SIG_DFL);
  ::raise(SIGBUS);
}

void install_handler() {
  g_page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  struct sigaction action {};
  action.sa_sigaction = on_bus_error;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_SIGINFO;
  ::sigaction(SIGBUS, &action, &g_previous);
}

}  // namespace

int guard_mapping(const void* begin, size_t size) {
  static std::once_flag installed;
  std::call_once(installed, install_handler);
  const auto first = reinterpret_cast<std::uintptr_t>(begin);
  for (size_t i = 0; i < kSlots; ++i) {
    std::uintptr_t expected = 0;
    // end before begin: the handler matches a slot only once both are set.
    if (g_slots[i].end.load() != 0) continue;
    if (!g_slots[i].end.compare_exchange_strong(expected, first + size)) continue;
    g_slots[i].lost.store(false);
    g_slots[i].begin.store(first);
    return static_cast<int>(i);
  }
  return -1;
}

void unguard_mapping(int slot) {
  if (slot < 0) return;
  g_slots[static_cast<size_t>(slot)].begin.store(0);
  g_slots[static_cast<size_t>(slot)].end.store(0);
}

bool mapping_lost_pages(int slot) {
  return slot >= 0 && g_slots[static_cast<size_t>(slot)].lost.load();
}

}  // namespace hedgecalc
