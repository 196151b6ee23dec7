#include "cli/progress_bar.h"

#include <fmt/format.h>

#include <ostream>

namespace kg::cli {

ProgressBar::ProgressBar(std::ostream& out, bool enabled)
    : out_(out), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_() {}

void ProgressBar::Update(size_t done, size_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  out_ << "\r" << Render(done, total, seconds) << "\033[K" << std::flush;  // erase the rest
}

void ProgressBar::Finish() {
  if (drawn_) out_ << "\n" << std::flush;
  drawn_ = false;
}

std::string ProgressBar::Render(size_t done, size_t total, double seconds, size_t width) {
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const size_t filled = static_cast<size_t>(fraction * static_cast<double>(width));
  std::string bar(width, ' ');
  for (size_t i = 0; i < filled && i < width; ++i) bar[i] = '=';
  if (filled < width) bar[filled] = '>';
  std::string line = fmt::format("[{}] {:>{}}/{} {:>3}%", bar, done, std::to_string(total).size(), total,
                                 static_cast<int>(fraction * 100));
  if (seconds > 0.5 && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    line += fmt::format("  {:.1f} articles/s", rate);
    if (done < total) {
      const auto eta = static_cast<long>(static_cast<double>(total - done) / rate + 0.5);
      line += fmt::format("  ETA {}:{:02}", eta / 60, eta % 60);
    }
  }
  return line;
}

}  // namespace kg::cli
