#!/usr/bin/env bash
# Prints raw and gzip -9 bytes of each file given, and their total; writes the same as JSON to
# dist/size-report.json so documentation quotes measured numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
total_raw=0 total_gz=0 json=""
printf '    %-40s %10s %10s\n' "file" "raw B" "gzip B"
for file in "$@"; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  printf '    %-40s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
  json+="{\"file\":\"$(basename "$file")\",\"raw\":$raw,\"gzip\":$gz},"
done
printf '    %-40s %10d %10d  (%.1f KB gzip)\n' "total" "$total_raw" "$total_gz" "$(awk "BEGIN { print $total_gz / 1024 }")"
printf '{"files":[%s],"total":{"raw":%d,"gzip":%d}}\n' "${json%,}" "$total_raw" "$total_gz" >"${ESW_DIST:-$ROOT/dist}/size-report.json"
