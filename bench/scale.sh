#!/usr/bin/env bash
# Loading and searching external knowledge bases of 1k, 10k and 100k figures
# (written by `examples/gen-kb.rs`), against the toml crate alone parsing the same
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

# ROUNDS rounds, the three commands one after the other in each, so that a slow spell
# of the machine weighs on all three alike; the medians are over every run.
for n in $SIZES; do
  file=$WORK/kb-$n.toml
  [ -s "$file" ] || "$GEN" "$n" > "$file"
  runs=$(( n >= 100000 ? 2 : 5 ))
  rm -f "$WORK"/scale-"$n"-*.json
  for round in $(seq "$ROUNDS"); do
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$WORK/scale-$n-$round.json" \
      -n "toml parse" "$PARSE $file" \
      -n "load (show one entry)" "$AIMEMO --no-builtin --facts $file show syn-figure-42 --json" \
      -n "load + search" "$AIMEMO --no-builtin --facts $file search syn-figure-42 --json" \
      >/dev/null 2>&1
  done
done

python3 - "$WORK" $SIZES <<'PY'
import glob, json, os, statistics, sys
work, sizes = sys.argv[1], sys.argv[2:]
print(f"{'figures':>8}{'file':>10}{'toml parse':>12}{'load':>10}{'load+search':>13}{'× toml':>8}{'search share':>14}")
rows = {}
for n in sizes:
    times = {}
    for f in glob.glob(f"{work}/scale-{n}-*.json"):
        for x in json.load(open(f))["results"]:
            times.setdefault(x["command"], []).extend(x["times"])
    r = {k: statistics.median(v) for k, v in times.items()}
    toml, load, both = r["toml parse"], r["load (show one entry)"], r["load + search"]
    # The share in each round, from that round's runs alone (a slow spell of the
    # machine weighs on both), then the median over the rounds.
    shares = []
    for f in glob.glob(f"{work}/scale-{n}-*.json"):
        m = {x["command"]: statistics.median(x["times"]) for x in json.load(open(f))["results"]}
        shares.append((m["load + search"] - m["load (show one entry)"]) / m["load (show one entry)"])
    share = statistics.median(shares)
    size = os.path.getsize(f"{work}/kb-{n}.toml") / 1e6
    print(f"{n:>8}{size:>8.1f}MB{toml*1000:>10.1f}ms{load*1000:>8.1f}ms{both*1000:>11.1f}ms{both/toml:>8.2f}{share:>13.0%}"
          f"   (rounds: {min(shares):.0%} to {max(shares):.0%})")
    rows[int(n)] = (toml, load, both, share)
print("\nsearch share: (load + search − load) / load in each round, median over the rounds;\n"
      "it includes folding every entry for search")
ns = sorted(rows)
for a, b in zip(ns, ns[1:]):
    sa, sb = rows[a][2] - rows[a][1], rows[b][2] - rows[b][1]
    growth = f"×{sb / sa:.1f}" if sa > 0 else "(too small to tell at the smaller size)"
    print(f"search time from {a} to {b} figures (×{b / a:g} entries): {growth}")
if 10000 in rows:
    toml, load, both, share = rows[10000]
    print("\nbounds (at 10,000 figures):")
    print(f"  load + search ≤ 1.3× the toml crate alone (opt-level 3): {both / toml:.2f}× {'met' if both / toml <= 1.3 else 'NOT MET'}")
    print(f"  search < 10% of load: {share:.0%} {'met' if share < 0.1 else 'NOT MET'}")
PY

# The same share in instructions (callgrind counts them exactly, whatever else the
# machine is doing; searching runs faster per instruction than reading TOML does).
if command -v valgrind >/dev/null && [[ " $SIZES " == *" 10000 "* ]]; then
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$AIMEMO" --no-builtin \
      --facts "$WORK/kb-10000.toml" "$@" syn-figure-42 --json 2>&1 >/dev/null |
      awk '/refs:/ { gsub(",", "", $4); print $4 }'
  }
  load=$(count show)
  both=$(count search)
  python3 -c "l, b = $load, $both; print(f'  in instructions (callgrind): load {l:,}, load + search {b:,}: search {(b - l) / l:.0%} of load')"
fi
