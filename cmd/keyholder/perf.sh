#!/usr/bin/env bash
# Measures Keyholder against a bare Ebitengine app (cmd/keyholder/internal/bareapp,
# one static image drawn every frame; also shown: the same app drawing it only once),
# in the same Xvfb server:
#   1. CPU used in 10 s of idle play on the policy room (targets: <= 1.2x the bare app);
#   2. start to first frame, median of 5 launches (target: <= 1.5x the bare app).
# Usage: bash cmd/keyholder/perf.sh   (needs xvfb-run; builds both programs first)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/keyholder" ./cmd/keyholder
go build -o "$out/bareapp" ./cmd/keyholder/internal/bareapp
hz=$(getconf CLK_TCK)
idle=${IDLE_SECONDS:-10}

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# idle_cpu NAME CMD...: start CMD, let it settle for 4 s, measure CPU over $idle s.
idle_cpu() {
  local name=$1; shift
  "$@" 2>/dev/null &
  local pid=$!
  sleep 4
  local t0; t0=$(cpu_ticks "$pid")
  sleep "$idle"
  local t1; t1=$(cpu_ticks "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$idle" -v n="$name" \
    'BEGIN { printf "%s idle CPU: %.1f%% of one core over %d s\n", n, (b-a)/hz/s*100, s; print (b-a)/hz/s*100 > "/dev/stderr" }' 2>"$out/$name.cpu"
}

# first_frame CMD...: ms from launch to the first drawn frame (median of 5).
first_frame() {
  local runs=()
  for _ in 1 2 3 4 5; do
    local t0; t0=$(date +%s%N)
    local line
    line=$("$@" -report-first-frame -quit-after 1500ms 2>&1 | grep first-frame-unixns | awk '{print $2}')
    runs+=( $(( (line - t0) / 1000000 )) )
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p
}

idle_cpu bare "$out/bareapp"
idle_cpu bare-once "$out/bareapp" -once
idle_cpu keyholder "$out/keyholder" -save off -seed 1 -script cmd/keyholder/scripts/room.txt
bare_cpu=$(cat "$out/bare.cpu"); kh_cpu=$(cat "$out/keyholder.cpu"); once_cpu=$(cat "$out/bare-once.cpu")
bare_ff=$(first_frame "$out/bareapp")
kh_ff=$(first_frame "$out/keyholder" -save off -seed 1)
echo "bare start to first frame: ${bare_ff} ms (median of 5)"
echo "keyholder start to first frame: ${kh_ff} ms (median of 5)"
awk -v a="$kh_cpu" -v b="$bare_cpu" -v c="$kh_ff" -v d="$bare_ff" -v e="$once_cpu" 'BEGIN {
  r1 = (b > 0) ? a / b : 0; r2 = (d > 0) ? c / d : 0; r3 = (e > 0) ? a / e : 0
  printf "idle CPU ratio keyholder/bare: %.2fx (target <= 1.2x): %s\n", r1, (r1 <= 1.2) ? "ok" : "OVER"
  printf "idle CPU ratio keyholder/bare -once (draws once, screen kept): %.2fx\n", r3
  printf "first-frame ratio keyholder/bare: %.2fx (target <= 1.5x): %s\n", r2, (r2 <= 1.5) ? "ok" : "OVER"
}'
