#!/usr/bin/env bash
# Builds the widget for the browser, once, with wasm-pack (--target web: release size profile,
# wasm-bindgen, npm's wasm-opt -Oz), then lays out every channel in dist/:
#   dist/widget/vX.Y.Z/  the script-tag build: one ES module, its .wasm, its CSS, sri.json
#   dist/npm/            the npm package (wasm-pack output + JS entry + TypeScript types)
#   dist/index.html      the demo page served by the reference server
# with a .br and a .gz beside every file the server sends (it chooses by Accept-Encoding),
# and prints the size report and the SRI hashes. Installs nothing: scripts/lib.sh's tools must exist.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME="endgrate-session-widget"
VERSION="$(awk -F'"' '/^version = / { print $2; exit }' "$ROOT/Cargo.toml")"
PKG="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-pack"
# ESW_DIST lets a second checkout of the build (another engineer, a parallel test run) use its own output.
OUT="${ESW_DIST:-$ROOT/dist}"
CDN="$OUT/widget/v$VERSION"
NPM="$OUT/npm"

# Everything the build reads; an unchanged fingerprint means dist/ is already this build's output.
fingerprint() {
  (cd "$ROOT" && find src core/src core/Cargo.toml style js Cargo.toml Cargo.lock scripts/build-widget.sh \
    -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
STAMP="$(fingerprint)"
if [ -f "$OUT/.build-stamp" ] && [ "$(cat "$OUT/.build-stamp")" = "$STAMP" ] && [ -z "${ESW_REBUILD:-}" ]; then
  step "Widget $VERSION is up to date in ${OUT#"$ROOT"/} (ESW_REBUILD=1 forces a rebuild)"
  "$ROOT/scripts/size-report.sh" "$CDN/${NAME}_bg.wasm" "$CDN/$NAME.js" "$CDN/$NAME.css"
  exit 0
fi

step "Building the widget $VERSION (wasm-pack, release, --target web)"
# wasm-pack finds wasm-bindgen and wasm-opt on PATH and downloads nothing in no-install mode.
wasm-pack --quiet build "$ROOT" --release --target web --mode no-install \
  --out-dir "$PKG" --out-name "$NAME" --no-pack
rm -rf "$OUT" && mkdir -p "$CDN" "$NPM/pkg"
cat "$ROOT"/style/*.css >"$CDN/$NAME.css"

step "Script-tag build: dist/widget/v$VERSION/"
cp "$PKG/${NAME}_bg.wasm" "$CDN/"
sri() { node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha384-"+c.createHash("sha384").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"; }
esbuild "$ROOT/js/cdn/entry.js" --bundle --format=esm --minify --log-level=warning \
  --alias:esw-glue="$PKG/$NAME.js" \
  --define:__WASM_INTEGRITY__="\"$(sri "$CDN/${NAME}_bg.wasm")\"" --outfile="$CDN/$NAME.js"
{
  printf '{\n'
  printf '  "%s": "%s",\n' "$NAME.js" "$(sri "$CDN/$NAME.js")" "$NAME.css" "$(sri "$CDN/$NAME.css")"
  printf '  "%s": "%s"\n}\n' "${NAME}_bg.wasm" "$(sri "$CDN/${NAME}_bg.wasm")"
} >"$CDN/sri.json"
sed 's/^/    /' "$CDN/sri.json"

step "npm package: dist/npm/"
cp "$PKG/$NAME.js" "$PKG/${NAME}_bg.wasm" "$NPM/pkg/"
cp "$ROOT"/js/npm/{package.json,index.js,index.d.ts} "$ROOT/js/shared/guarded-mount.js" "$NPM/"
cp "$CDN/$NAME.css" "$NPM/"
info "$(cd "$NPM" && find . -type f | sort | tr '\n' ' ')"

step "Demo page: dist/index.html"
for file in index.html demo.js demo.css panel.js; do
  sed "s|__WIDGET_DIR__|widget/v$VERSION|g" "$ROOT/js/demo/$file" >"$OUT/$file"
done

step "Precompressed copies (.br, brotli 11; .gz, gzip 9) of everything the server sends"
# The reference server picks one by Accept-Encoding; a CDN in front can serve the same files.
find "$CDN" "$OUT" -maxdepth 1 -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.html' \) -print0 |
  xargs -0 node -e '
    const fs = require("fs"), zlib = require("zlib");
    for (const file of process.argv.slice(1)) {
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file + ".gz", zlib.gzipSync(bytes, { level: 9 }));
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(bytes, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    }'

echo "$STAMP" >"$OUT/.build-stamp"

step "Size report (what a page downloads: the script-tag build)"
"$ROOT/scripts/size-report.sh" "$CDN/${NAME}_bg.wasm" "$CDN/$NAME.js" "$CDN/$NAME.css"
