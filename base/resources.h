#pragma once
// Where kg finds its committed models (models/) and lexicons (data/) at run time.
// Search order: an explicit directory, the KG_MODELS / KG_DATA environment variable,
// <prefix>/share/kg/<kind> next to an installed binary, then the source tree it was
// built from. Thread-safe (reads the environment only).

#include <string>

#include "base/status.h"

namespace kg::base {

enum class ResourceKind { kModels, kData };

// The directory holding resources of `kind`. `explicit_dir` wins when non-empty and
// must exist. Fails with NotFound naming every place it looked.
Result<std::string> FindResourceDir(ResourceKind kind, const std::string& explicit_dir = "");

}  // namespace kg::base
