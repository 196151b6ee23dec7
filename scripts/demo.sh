#!/usr/bin/env bash
# The main job on our bundled example article: installs the Debian packages, builds kg,
# extracts the article's graph into a fresh database, asks who did what, and draws the
# relationship diagram (out/geneva-talks.svg and .png).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p out
rm -rf out/demo.kg
./build/kg ingest --db out/demo.kg examples/geneva-talks.txt
./build/kg query --db out/demo.kg --subject Russia
./build/kg render --db out/demo.kg -o out/geneva-talks.svg
./build/kg render --db out/demo.kg -o out/geneva-talks.png
echo "demo: diagram written to out/geneva-talks.svg and out/geneva-talks.png"
