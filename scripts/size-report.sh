#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli 11 bytes of each file given, and their total (what a page
# downloads from a server that sends the build's .gz or .br files); writes the same as JSON to
# dist/size-report.json so documentation quotes measured numbers.
#
# The ratchet: scripts/size-ratchet.json holds the committed gzip and brotli totals. A total more
# than 2 % over either fails the build, so growth is a decision: after one, run the build with
# ESW_SIZE_RATCHET=update to write the new figures, and commit them with the reason.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ESW_RATCHET_FILE="$ROOT/scripts/size-ratchet.json"
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
  const ratchetFile = process.env.ESW_RATCHET_FILE;
  if (process.env.ESW_SIZE_RATCHET === "update") {
    fs.writeFileSync(ratchetFile, JSON.stringify({ gzip: total.gzip, brotli: total.brotli }, null, 2) + "\n");
    console.log(`    size ratchet updated: ${total.gzip} B gzip, ${total.brotli} B brotli (${path.basename(ratchetFile)})`);
    process.exit(0);
  }
  const ratchet = JSON.parse(fs.readFileSync(ratchetFile, "utf8"));
  let over = false;
  for (const k of ["gzip", "brotli"]) {
    const change = ((total[k] - ratchet[k]) / ratchet[k]) * 100;
    console.log(`    ${k}: ${total[k]} B against the committed ${ratchet[k]} B (${change >= 0 ? "+" : ""}${change.toFixed(1)} %)`);
    over ||= total[k] > ratchet[k] * 1.02;
  }
  if (over) {
    console.error("error: the script-tag download grew more than 2 % over scripts/size-ratchet.json;" +
      " if the growth is deliberate, rebuild with ESW_SIZE_RATCHET=update and commit the new figures");
    process.exit(1);
  }
' "${ESW_DIST:-$ROOT/dist}/size-report.json" "$@"
