#!/usr/bin/env bash
# Builds kg and runs every test with CTest. Tests that need ../shared (corpora, the
# reference article) report themselves "Skipped" where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" "$@"
