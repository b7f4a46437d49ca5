#!/usr/bin/env bash
# seutu's search side by side with Pagefind (npm pagefind, pinned in
# package-lock.json) over the same built sites: the repository's own site
# with the query set internal/search/testdata/queries.tsv (recall of the
# expected pages in the top 5), and generated sites (internal/corpus) of
# each size given. For each: the index's bytes, per page too, the bytes a
# first query fetches, and the time each takes to build its index.
#
#   internal/benchcmp/pagefind/compare.sh [PAGES...]   (default 1000 10000)
#
# Needs Node.js and npm (npm ci installs Pagefind here on the first run).
# TMPDIR=/dev/shm keeps the disk's noise out of the times.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
sizes=("${@:-1000 10000}")
read -r -a sizes <<<"${sizes[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-05-01T12:00

[ -x "$here/node_modules/.bin/pagefind" ] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null
go build -o "$work/seutu" ./cmd/seutu
echo "Pagefind $("$here/node_modules/.bin/pagefind" --version 2>/dev/null | awk '{print $NF}'), $(nproc) cores"

secs() { date +%s.%N; }

# compare NAME SOURCE [QUERIES_TSV]: builds SOURCE with seutu, runs
# Pagefind over the result, and prints the figures.
compare() {
  local name=$1 src=$2 tsv=${3:-}
  local dest="$work/out-$name"
  local t0 t1 t2
  t0=$(secs)
  "$work/seutu" build -source "$src" -dest "$dest" -now "$now" -cache off >"$work/build.txt"
  t1=$(secs)
  "$here/node_modules/.bin/pagefind" --site "$dest" --root-selector main >"$work/pagefind.txt"
  t2=$(secs)
  local pages ours theirs js
  # Every language's search page and index (/haku/, /sv/sok/, /en/search/),
  # as Pagefind indexes every language's pages; the web editor is no page.
  local search=(-path "$dest/haku/*" -o -path "$dest/sv/sok/*" -o -path "$dest/en/search/*")
  pages=$(find "$dest" -name index.html -not \( "${search[@]}" -o -path "$dest/admin/*" \) | wc -l)
  ours=$(find "$dest" -type f -not -name index.html \( "${search[@]}" \) -printf '%s\n' | awk '{s += $1} END {print s}')
  # Pagefind's index: its files but the UIs' scripts and styles.
  theirs=$(find "$dest/pagefind" -type f -not -name '*-ui.*' -printf '%s\n' | awk '{s += $1} END {print s}')
  js=$(ls "$dest"/assets/js/search.*.js | head -1)
  echo
  echo "== $name: $pages pages"
  awk -v b="$(awk '/seutu build/ {print}' "$work/build.txt" | sed 's/.*; \([0-9.]*[mµ]*s\) (.*/\1/')" \
      -v o="$ours" -v t="$theirs" -v p="$pages" -v pf="$(echo "$t2 - $t1" | bc)" 'BEGIN {
    printf "index bytes:  seutu %.1f MB (%.0f B a page)   Pagefind %.1f MB (%.0f B a page)\n", o / 1e6, o / p, t / 1e6, t / p
    printf "build:        seutu, index included, %s   Pagefind over the built site %.2f s\n", b, pf }'
  local queries=()
  if [ -n "$tsv" ]; then
    mapfile -t queries < <(grep -v '^#' "$tsv" | grep -v '^$' | cut -f2)
  else
    queries=(kunnat verkostojen hyvinvoinnin ilmastotyö työpajat johtajat "pienet kylät" seminaarit)
  fi
  node "$here/queries.mjs" "$dest" "$js" "${queries[@]}" >"$work/answers.json"
  node "$here/report.mjs" "$work/answers.json" $tsv
}

compare "real site" . internal/search/testdata/queries.tsv
for n in "${sizes[@]}"; do
  go run ./cmd/gencorpus -n "$n" -out "$work/site-$n" >/dev/null
  compare "$n generated" "$work/site-$n"
  rm -rf "$work/site-$n" "$work/out-$n generated"
done

echo
echo "What the index adds to a full build of 10 000 pages (medians; target ≤ 15 %):"
go test ./internal/build -run '^$' -bench BuildSearchIndex -benchtime 5x | grep Benchmark
