#!/usr/bin/env bash
# Builds the same generated site with seutu and with Hugo (Debian's hugo),
# several times each, and prints the medians of wall time and peak memory
# and their ratio, the floor's figures for reference, and seutu's
# edit-to-reload latency in the dev server.
#
#   internal/benchcmp/compare.sh [PAGES] [RUNS]      (default 10000 pages, 5 runs)
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
go run ./cmd/gencorpus -n "$pages" -out "$work/site" >/dev/null
# Hugo gets the same content, its own configuration and layouts.
mkdir -p "$work/hugo"
cp -r "$work/site/content" "$work/hugo/content"
rm -f "$work/hugo/content/site.toml"
cp -r internal/benchcmp/hugo/. "$work/hugo/"

# measure NAME COMMAND...: runs the command $runs times, prints the median
# wall seconds and peak kB.
measure() {
  local name=$1; shift
  local walls=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1
    read -r w m <"$work/t"
    walls+=("$w"); rss+=("$m")
  done
  local w m
  w=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  m=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-8s %8.2f s %8d MB\n' "$name" "$w" "$((m / 1024))"
  echo "$w $m" >"$work/result-$name"
}

echo "$pages pages, median of $runs runs, $(nproc) cores"
measure seutu "$work/seutu" build -source "$work/site" -dest "$work/out-seutu" -now 2026-05-01T12:00
measure hugo hugo --quiet --minify --source "$work/hugo" --destination "$work/out-hugo" --cleanDestinationDir
read -r sw sm <"$work/result-seutu"; read -r hw hm <"$work/result-hugo"
awk -v sw="$sw" -v hw="$hw" -v sm="$sm" -v hm="$hm" 'BEGIN {
  printf "seutu/hugo: wall %.2f×, peak memory %.2f×\n", sw / hw, sm / hm }'

echo "dev server, one-file edit to the reload event:"
SEUTU_BENCH_PAGES=$pages go test ./internal/live -run XXX -bench EditToReload -benchtime 5x | grep Benchmark
