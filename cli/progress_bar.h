#pragma once
// A one-line progress bar for long commands, drawn on a terminal's stderr and redrawn at
// most ten times a second; silent when disabled (not a terminal, or --quiet).
// Not thread-safe: call from one thread.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

namespace kg::cli {

class ProgressBar {
 public:
  // Draws on `out` (not owned) only when `enabled`.
  ProgressBar(std::ostream& out, bool enabled);
  // Redraws when due, and always when done == total.
  void Update(size_t done, size_t total);
  // Ends the line, if anything was drawn.
  void Finish();

  // "[=======>            ]  512/1000  51%  123.4 articles/s  ETA 0:04".
  static std::string Render(size_t done, size_t total, double seconds, size_t width = 30);

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace kg::cli
