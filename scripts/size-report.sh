#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli 11 bytes of each file given, and their total (what a page
# downloads from a server that sends the build's .gz or .br files); writes the same as JSON to
# dist/size-report.json so documentation quotes measured numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node -e '
  const fs = require("fs"), path = require("path"), zlib = require("zlib");
  const [out, ...files] = process.argv.slice(1);
  const rows = files.map((file) => {
    const bytes = fs.readFileSync(file);
    return {
      file: path.basename(file),
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    };
  });
  const total = ["raw", "gzip", "brotli"].reduce((t, k) => ({ ...t, [k]: rows.reduce((s, r) => s + r[k], 0) }), {});
  const line = (name, r) => "    " + name.padEnd(40) + [r.raw, r.gzip, r.brotli].map((n) => String(n).padStart(10)).join(" ");
  console.log("    " + "file".padEnd(40) + ["raw B", "gzip B", "brotli B"].map((h) => h.padStart(10)).join(" "));
  for (const r of rows) console.log(line(r.file, r));
  console.log(line("total", total) + `  (${(total.gzip / 1024).toFixed(1)} KB gzip, ${(total.brotli / 1024).toFixed(1)} KB brotli)`);
  fs.writeFileSync(out, JSON.stringify({ files: rows, total }) + "\n");
' "${ESW_DIST:-$ROOT/dist}/size-report.json" "$@"
