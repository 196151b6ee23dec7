#!/usr/bin/env bash
# Installs the Debian 12 packages kg builds and runs with (uses sudo when not root).
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config python3
  libprotobuf-dev protobuf-compiler
  librocksdb-dev
  libboost-graph-dev
  libgraphviz-dev graphviz
  libcli11-dev nlohmann-json3-dev libfmt-dev
  catch2 libbenchmark-dev
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
