#!/usr/bin/env bash
# Builds kg and its tests with AddressSanitizer in ./build-asan and runs every test
# there: out-of-bounds reads, use-after-free and the like fail the run. (Leak checks are
# off: Graphviz and protobuf keep process-wide allocations on purpose.)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fsanitize=address -fno-omit-frame-pointer -O1 -g" >/dev/null
cmake --build build-asan -j"$(nproc)"
cd build-asan
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 ctest --output-on-failure -j"$(nproc)" --timeout 1800 "$@"
