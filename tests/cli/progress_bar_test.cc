#include "cli/progress_bar.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace kg::cli {
namespace {

TEST_CASE("ProgressBar: renders the share done, the rate and the time left", "[cli]") {
  CHECK(ProgressBar::Render(0, 10, 0.0, 10) == "[>         ]  0/10   0%");
  CHECK(ProgressBar::Render(5, 10, 2.0, 10) == "[=====>    ]  5/10  50%  2.5 articles/s  ETA 0:02");
  CHECK(ProgressBar::Render(10, 10, 4.0, 10) == "[==========] 10/10 100%  2.5 articles/s");
  CHECK(ProgressBar::Render(0, 0, 0.0, 4) == "[====] 0/0 100%");
}

TEST_CASE("ProgressBar: draws only when enabled, and ends its line", "[cli]") {
  std::ostringstream off, on;
  ProgressBar quiet(off, false);
  quiet.Update(1, 2);
  quiet.Finish();
  CHECK(off.str().empty());
  ProgressBar bar(on, true);
  bar.Update(1, 2);
  bar.Update(2, 2);  // the last update is always drawn
  bar.Finish();
  CHECK(on.str().rfind('\r', 0) == 0);
  CHECK_THAT(on.str(), Catch::Contains("2/2 100%") && Catch::EndsWith("\n"));
}

}  // namespace
}  // namespace kg::cli
