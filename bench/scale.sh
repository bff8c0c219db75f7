#!/usr/bin/env bash
# Loading and searching external knowledge bases of 1k, 10k and 100k figures
# (written by `examples/gen-kb.rs`), loaded and searched, against the toml crate alone parsing the same
# file into its generic document: a program of its own, built here with cargo's
# default release profile (opt-level 3), as any user of the toml crate would build it.
#
#   bench/scale.sh                  # hyperfine is installed (apt-get) if missing
#   SIZES="1000 10000" bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-1000 10000 100000}
ROUNDS=${ROUNDS:-5}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"

# shellcheck source=bench/need.sh
. bench/need.sh
need hyperfine

cargo build --release --quiet --bins --examples
AIMEMO=$PWD/target/release/aimemo
GEN=$PWD/target/release/examples/gen-kb

# The baseline: the toml crate alone, at the version aimemo locks, default release profile.
TOML_DIR=$WORK/toml-parse
mkdir -p "$TOML_DIR/src"
TOML_VERSION=$(cargo metadata --format-version 1 --locked 2>/dev/null \
  | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "toml"))')
cat > "$TOML_DIR/Cargo.toml" <<TOML
[package]
name = "toml-parse"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
toml = { version = "=$TOML_VERSION", default-features = false, features = ["std", "parse", "serde"] }
TOML
cat > "$TOML_DIR/src/main.rs" <<'RS'
fn main() {
    let path = std::env::args().nth(1).expect("usage: toml-parse FILE");
    let text = std::fs::read_to_string(&path).expect("readable");
    let table: toml::Table = text.parse().expect("valid TOML");
    println!("{} top-level keys", table.len());
}
RS
cargo build --release --quiet --manifest-path "$TOML_DIR/Cargo.toml" --target-dir "$WORK/toml-target"
PARSE=$PWD/$WORK/toml-target/release/toml-parse

# ROUNDS rounds, the four commands one after the other in each, so that a slow spell
# of the machine weighs on all of them alike; the medians are over every run. The two
# searches: a word every entry holds (a table of the first ten), and a word none holds
# (JSON; the path of a typo: close spellings looked for, suggestions made).
for n in $SIZES; do
  file=$WORK/kb-$n.toml
  [ -s "$file" ] || "$GEN" "$n" > "$file"
  runs=$(( n >= 100000 ? 2 : 5 ))
  rm -f "$WORK"/scale-"$n"-*.json
  for round in $(seq "$ROUNDS"); do
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$WORK/scale-$n-$round.json" \
      -n "toml parse" "$PARSE $file" \
      -n "load" "$AIMEMO --no-builtin --facts $file show syn-figure-42 --json" \
      -n "search hit" "$AIMEMO --no-builtin --facts $file search energy" \
      -n "search miss" "$AIMEMO --no-builtin --facts $file search zqxjvk --json" \
      >/dev/null 2>&1
  done
done

python3 - "$WORK" $SIZES <<'PY'
import glob, json, os, statistics, sys
work, sizes = sys.argv[1], sys.argv[2:]
print(f"{'figures':>8}{'file':>10}{'toml parse':>12}{'load':>10}{'× toml':>8}{'hit':>10}{'× toml':>8}{'miss':>10}{'× toml':>8}")
rows = {}
for n in sizes:
    times = {}
    for f in glob.glob(f"{work}/scale-{n}-*.json"):
        for x in json.load(open(f))["results"]:
            times.setdefault(x["command"], []).extend(x["times"])
    r = {k: statistics.median(v) for k, v in times.items()}
    toml = r["toml parse"]
    size = os.path.getsize(f"{work}/kb-{n}.toml") / 1e6
    cells = "".join(f"{r[k]*1000:>8.1f}ms{r[k]/toml:>8.2f}" for k in ["load", "search hit", "search miss"])
    print(f"{n:>8}{size:>8.1f}MB{toml*1000:>10.1f}ms{cells}")
    rows[int(n)] = r
if 10000 in rows:
    r = rows[10000]
    print("\nbounds (at 10,000 figures), loaded and searched ≤ 1.3× the toml crate alone (opt-level 3):")
    for k, what in [("search hit", "a word every entry holds (energy, table)"), ("search miss", "a word none holds (zqxjvk --json)")]:
        ratio = r[k] / r["toml parse"]
        print(f"  {what}: {ratio:.2f}× {'met' if ratio <= 1.3 else 'NOT MET'}")
PY
