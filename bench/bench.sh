#!/usr/bin/env bash
# Whole-process time of mm2lint against the speed peers in ../shared/tools
# (Spectral, yamllint), with hyperfine: medians over repeated runs.
#   bench/bench.sh [RUNS]        (build first: cmake --build build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shared=${MM2LINT_SHARED:-../shared}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
bin=./build/mm2lint
small=examples/mm2-sound.properties
hyperfine -N --warmup 3 --runs "$runs" --export-json /tmp/mm2lint-bench.json \
  "$bin -q $small" \
  "$bin -q --format sarif $small" \
  "$bin -q examples/" \
  "$bin --list-rules"
python3 - <<'PY'
import json
for r in json.load(open('/tmp/mm2lint-bench.json'))['results']:
    print(f"{r['median']*1000:8.2f} ms median  {r['command']}")
PY
if [ -x "$shared/tools/spectral/bench-peers.sh" ]; then
  "$shared/tools/spectral/bench-peers.sh" --runs 5
fi
