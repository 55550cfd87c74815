#!/usr/bin/env python3
"""Where the widget's gzip bytes are: each area's marginal share of a names-kept wasm.

An area's marginal bytes are gzip(every function body and data segment) minus gzip(the same
without that area's). Unlike a raw-size listing this charges an area only for what it adds to
the download: code repeated across generic instances compresses away and counts little.

Usage: size_breakdown.py WASM  (a wasm whose name section survived: see size-breakdown.sh)
"""
import re
import sys
import zlib

# First match wins; names are rustc's v0 symbols with crate hashes, e.g. `widget_core[1a2b]::json`.
AREAS = [
    ("mount (options parsing and the first view inlined)", r"exports::mount$"),
    ("serde_json (only <SessionWidget/> may use it; mount() must not link it)", r"serde_json"),
    ("serde, serde-wasm-bindgen and serde_path_to_error", r"serde_wasm_bindgen|serde_path_to_error|serde_core|\bserde\["),
    ("shell dispatch (wizard update inlined)", r"Shell>::dispatch$"),
    ("shell", r"::shell::|Shell>"),
    ("http", r"::http::"),
    ("boundary", r"::boundary::"),
    ("views: our components and the Leptos code instantiated for them",
     r"endgrate_session_widget\[\w+\]::(components|steps|app)::"),
    ("leptos: tachys (the rest)", r"tachys"),
    ("leptos: reactive_graph (the rest)", r"reactive_graph"),
    ("leptos: other", r"leptos|either_of|any_spawner|slotmap|guardian|send_wrapper|throw_error|oco_ref"),
    ("core: wizard", r"widget_core\[\w+\]::wizard"),
    ("core: json value", r"widget_core\[\w+\]::json"),
    ("core: options", r"widget_core\[\w+\]::options"),
    ("core: other", r"widget_core"),
    ("formatting and panics", r"core\[\w+\]::fmt|Debug|Display|panic"),
    ("js interop", r"js_sys|wasm_bindgen|web_sys|gloo|wasm_streams|futures|externref"),
    ("allocator and hashing", r"dlmalloc|hashbrown|indexmap|rustc_hash"),
    ("std, core and alloc generics", r"^<?(core|alloc|std)\["),
]


def leb(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        yield sid, i, size
        i += size


def read(path):
    b = open(path, "rb").read()
    imports, bodies, names, data = 0, [], {}, []
    for sid, start, size in sections(b):
        if sid == 2:  # imports: count functions, which come first in the index space
            count, j = leb(b, start)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(b, j)
                    j += length
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            count, j = leb(b, start)
            for _ in range(count):
                length, j = leb(b, j)
                bodies.append(b[j : j + length])
                j += length
        elif sid == 11:
            count, j = leb(b, start)
            for _ in range(count):
                flags, j = leb(b, j)
                if flags == 0:
                    while b[j] != 0x0B:
                        j += 1
                    j += 1
                length, j = leb(b, j)
                data.append(b[j : j + length])
                j += length
        elif sid == 0:
            length, j = leb(b, start)
            if b[j : j + length] == b"name":
                j += length
                end = start + size
                while j < end:
                    sub = b[j]
                    sub_size, j = leb(b, j + 1)
                    if sub == 1:
                        count, k = leb(b, j)
                        for _ in range(count):
                            index, k = leb(b, k)
                            length, k = leb(b, k)
                            names[index] = b[k : k + length].decode("utf8", "replace")
                            k += length
                    j += sub_size
    return imports, bodies, names, data


def main():
    imports, bodies, names, data = read(sys.argv[1])
    if not names:
        sys.exit("no name section: build with size-breakdown.sh")
    areas = {label: [] for label, _ in AREAS}
    areas["everything else"] = []
    areas["data (strings, tables, vtables)"] = data
    for index, body in enumerate(bodies):
        name = names.get(imports + index, "")
        label = next((l for l, p in AREAS if re.search(p, name)), "everything else")
        areas[label].append(body)
    gz = lambda parts: len(zlib.compress(b"".join(parts), 9))
    everything = [part for parts in areas.values() for part in parts]
    total = gz(everything)
    rows = []
    for label, parts in areas.items():
        rest = [p for other, ps in areas.items() if other != label for p in ps]
        rows.append((total - gz(rest), sum(map(len, parts)), label))
    print(f"{'marginal gzip B':>15} {'raw B':>9}  area")
    for marginal, raw, label in sorted(rows, reverse=True):
        print(f"{marginal:>15} {raw:>9}  {label}")
    print(f"{total:>15} {sum(map(len, everything)):>9}  all code and data (gzip of the whole)")
    linked = sum("serde_json" in name for name in names.values())
    print(f"functions named after serde_json: {linked}")


if __name__ == "__main__":
    main()
