#!/usr/bin/env bash
# Alternates real corpus builds (bench/analyzer-corpus-share.sh) between analyzer images, so that two versions of
# the analyzer are compared in the same minutes: this machine's speed moves by up to 2x within minutes, and only
# alternation evens that out. Each image is a precompiled Composer.Analyzers.dll (for example one saved from
# src/Analyzers/bin/Release/netstandard2.0/precompiled/linux-x64/ at an earlier commit); it stands in for the one
# the package gives this platform during its builds, and the built one is put back at the end.
#
#   bash bench/analyzer-corpus-ab.sh ROUNDS IMAGE_A IMAGE_B ...   # one `csc` process per build
#   SERVER=1 bash bench/analyzer-corpus-ab.sh 1 IMAGE_A IMAGE_B   # 8 builds through one compiler server per image
#
# Prints one summary row (bench/analyzer-share-summary.sh) per build, prefixed with the image's path.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="$1"; shift
[ "$#" -ge 1 ] || { echo "usage: $0 ROUNDS IMAGE..." >&2; exit 2; }
for image in "$@"; do [ -f "$image" ] || { echo "no such image: $image" >&2; exit 2; }; done
target=$(bash bench/analyzer-path.sh)
case "$target" in */precompiled/*) ;; *) echo "this platform has no precompiled analyzer to stand in for: $target" >&2; exit 2;; esac
saved=$(mktemp)
cp "$target" "$saved"
trap 'cp "$saved" "$target"; rm -f "$saved"' EXIT
builds=1; [ "${SERVER:-0}" = 1 ] && builds=8
for round in $(seq 1 "$rounds"); do
  for image in "$@"; do
    cp "$image" "$target"
    bash bench/analyzer-corpus-share.sh "$builds" | grep '^|' | sed "s#^#$image #"
  done
done
