#!/usr/bin/env bash
# Makes cmd/seutu/default.pgo, the CPU profile go build uses to optimise
# seutu where a build spends its time (profile-guided optimisation,
# https://go.dev/doc/pgo): three builds each of generated sites of 10 000
# and 50 000 pages and one of the repository's own site, merged.
#
#   internal/benchcmp/pgo.sh
#
# Run it again after changes that move where a build's time goes; an older
# profile still helps, only less.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/seutu" ./cmd/seutu
for n in 10000 50000; do
  go run ./cmd/gencorpus -n "$n" -out "$work/site-$n" >/dev/null
  for i in 1 2 3; do
    "$work/seutu" build -source "$work/site-$n" -dest "$work/out-$n" -now 2026-05-01T12:00 \
      -cpuprofile "$work/$n-$i.prof" >/dev/null
  done
done
"$work/seutu" build -source . -dest "$work/out-real" -now 2026-05-01T12:00 -cpuprofile "$work/real.prof" >/dev/null
go tool pprof -proto "$work"/*.prof >cmd/seutu/default.pgo
echo "wrote cmd/seutu/default.pgo: $(wc -c <cmd/seutu/default.pgo) bytes"
