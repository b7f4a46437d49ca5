#!/usr/bin/env bash
# Builds the same generated site with seutu, with Hugo (Debian's hugo) and
# with the floor (internal/benchcmp/floor: front matter, goldmark and a
# write per page, nothing else), several times each, and prints the medians
# of wall time and peak memory, seutu's ratios to both against the targets,
# and seutu's edit-to-reload latency in the dev server.
#
#   internal/benchcmp/compare.sh [PAGES] [RUNS]      (default 10000 pages, 5 runs)
#
# It works in a folder from mktemp -d: TMPDIR=/dev/shm puts everything on
# tmpfs, which takes the disk's noise out of the figures.
#
# Needs hugo (apt-get install hugo) and GNU time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-10000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hugo >/dev/null || { echo "compare.sh: no hugo: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare.sh: no GNU time: apt-get install time" >&2; exit 2; }

go build -o "$work/seutu" ./cmd/seutu
go build -o "$work/floor" ./internal/benchcmp/floor
go run ./cmd/gencorpus -n "$pages" -out "$work/site" >/dev/null
# Hugo gets the same content, its own configuration and layouts.
mkdir -p "$work/hugo"
cp -r "$work/site/content" "$work/hugo/content"
rm -f "$work/hugo/content/site.toml"
cp -r internal/benchcmp/hugo/. "$work/hugo/"

# run COMMAND...: runs it quietly; when it fails, shows what it said and
# stops.
run() {
  if ! "$@" >"$work/out" 2>&1; then
    echo "compare.sh: failed: $*" >&2
    tail -20 "$work/out" >&2
    exit 1
  fi
}

# measure NAME COMMAND...: runs the command once unmeasured, as a project
# would have built before, then $runs times, and prints the median wall
# seconds and peak kB.
measure() {
  local name=$1; shift
  local walls=() rss=()
  run "$@"
  for _ in $(seq "$runs"); do
    run /usr/bin/time -f "%e %M" -o "$work/t" "$@"
    read -r w m <"$work/t"
    walls+=("$w"); rss+=("$m")
  done
  local w m
  w=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  m=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-8s %8.2f s %8d MB\n' "$name" "$w" "$((m / 1024))"
  echo "$w $m" >"$work/result-$name"
}

echo "$pages pages, median of $runs runs, $(nproc) cores, $(hugo version | cut -d' ' -f1-2)"
# Each tool writes over its own earlier output, as it would in a project.
measure seutu "$work/seutu" build -source "$work/site" -dest "$work/out-seutu" -now 2026-05-01T12:00
measure hugo hugo --quiet --minify --source "$work/hugo" --destination "$work/out-hugo" --cleanDestinationDir
measure floor "$work/floor" -source "$work/site" -dest "$work/out-floor"
read -r sw sm <"$work/result-seutu"; read -r hw hm <"$work/result-hugo"; read -r fw fm <"$work/result-floor"
awk -v sw="$sw" -v hw="$hw" -v sm="$sm" -v hm="$hm" -v fw="$fw" 'BEGIN {
  printf "seutu/hugo:  wall %.2f× (target ≤ 0.50), peak memory %.2f× (target ≤ 0.25)\n", sw / hw, sm / hm
  printf "seutu/floor: wall %.2f× (target ≤ 1.50)\n", sw / fw }'

echo "dev server, one-file edit (body) to the reload event, median of 5 (target ≤ 100 ms):"
# The dev server runs inside the test binary: built with the same profile
# as seutu itself (see pgo.sh), it measures what seutu serve does.
SEUTU_BENCH_PAGES=$pages go test -pgo="$PWD/cmd/seutu/default.pgo" ./internal/live -run XXX -bench EditToReload -benchtime 5x | grep Benchmark
