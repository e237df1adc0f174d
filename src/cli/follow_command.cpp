#include "follow_command.hpp"

#include <poll.h>

#include <memory>
#include <string>
#include <vector>

#include "../io/followed_file.hpp"
#include "follow_session.hpp"
#include "hedgecalc/error.hpp"
#include "hedgecalc/output_check.hpp"
#include "interrupt.hpp"

namespace hedgecalc {
namespace {

// How long a follow sleeps when no input has anything new: a file's growth is seen
// within it, a pipe's rows at once (poll wakes on them), a signal at once (it ends poll).
constexpr int kIdleMilliseconds = 50;
// Bytes read from one input before the others get their turn, so that rows of two
// inputs meet in the join without one input's backlog piling up in memory.
constexpr size_t kReadBudget = size_t{1} << 20;

void wait_for_input(const std::vector<std::unique_ptr<FollowedFile>>& files) {
  std::vector<pollfd> streams;
  for (const auto& file : files) {
    if (file->is_stream() && !file->ended()) streams.push_back(pollfd{file->fd(), POLLIN, 0});
  }
  ::poll(streams.data(), streams.size(), kIdleMilliseconds);
}

}  // namespace

int run_follow(const SingleOptions& options, const FileSystem& files, std::ostream& out,
               std::ostream& err) {
  InterruptCatcher interrupts;
  FollowSession session(options, files, out, err);
  std::vector<std::unique_ptr<FollowedFile>> inputs;
  for (const std::string& path : session.inputs()) inputs.push_back(std::make_unique<FollowedFile>(path));
  bool has_stream = false;
  for (const auto& input : inputs) has_stream |= input->is_stream();
  std::string lines;
  for (bool last_pass = false;;) {
    bool read_any = false;
    for (size_t i = 0; i < inputs.size(); ++i) {
      lines.clear();
      inputs[i]->read_lines(lines, kReadBudget);
      if (lines.empty()) continue;
      session.feed(i, lines);
      read_any = true;
    }
    out.flush();
    check_written(out);
    if (last_pass || InterruptCatcher::caught()) break;
    bool streams_ended = has_stream;
    for (const auto& input : inputs) streams_ended &= !input->is_stream() || input->ended();
    // The streams are done: the files are read once more for rows written meanwhile.
    if (streams_ended) last_pass = !read_any;
    if (!read_any && !last_pass) wait_for_input(inputs);
  }
  session.finish();
  out.flush();
  check_written(out);
  return static_cast<int>(session.alarm() ? ExitCode::kThresholdNotMet : ExitCode::kSuccess);
}

}  // namespace hedgecalc
