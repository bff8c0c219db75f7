#!/usr/bin/env bash
# Start-up cost of aimemo against a hello-world Rust binary built with the same
# release profile, and against jq answering the same questions on the knowledge base
# exported as JSON. Prints each command's median wall time and its ratio.
#
#   bench/startup.sh            # hyperfine is installed from Debian's packages if missing
#   RUNS=1000 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-500}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $1 (apt-get)..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$1" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$1" >/dev/null; fi
}
need hyperfine
need jq

cargo build --release --quiet
AIMEMO=$PWD/target/release/aimemo

# A hello-world baseline with the same release profile.
HELLO_DIR=$WORK/hello
mkdir -p "$HELLO_DIR/src"
sed -n '/^\[profile.release\]/,/^\[/p' Cargo.toml | sed '$!b;/^\[/d' > "$HELLO_DIR/profile.toml"
{ printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n\n'; cat "$HELLO_DIR/profile.toml"; } > "$HELLO_DIR/Cargo.toml"
echo 'fn main() { println!("hello"); }' > "$HELLO_DIR/src/main.rs"
cargo build --release --quiet --manifest-path "$HELLO_DIR/Cargo.toml" --target-dir "$WORK/hello-target"
HELLO=$PWD/$WORK/hello-target/release/hello

# The knowledge base as JSON, for jq.
"$AIMEMO" figures --json > "$WORK/figures.json"
"$AIMEMO" actors --json > "$WORK/actors.json"

hyperfine -N --warmup 50 --runs "$RUNS" --export-json "$WORK/startup.json" \
  -n hello "$HELLO" \
  -n investments "$AIMEMO investments" \
  -n "actor DNUM" "$AIMEMO actor DNUM" \
  -n "search energie --json" "$AIMEMO search energie --json" \
  -n brief "$AIMEMO brief" \
  -n "jq investments" "jq -c '.topics[] | select(.id == \"investments\") | .figures[]' $WORK/figures.json" \
  -n "jq actor DNUM" "jq -c '.. | objects | select(.code? == \"DNUM\")' $WORK/actors.json" \
  -n "jq search energie" "jq -c '[.topics[].figures[] | select((.text + .label) | ascii_downcase | test(\"energ\"))]' $WORK/figures.json" \
  >/dev/null

python3 - "$WORK/startup.json" "$AIMEMO" "$HELLO" <<'PY'
import json, os, statistics, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {k: statistics.median(v["times"]) for k, v in runs.items()}
peak = {k: max(v.get("memory_usage_byte") or [0]) for k, v in runs.items()}
hello = med["hello"]
print(f"{'command':<24}{'median':>10}{'× hello':>10}{'peak RSS':>12}{'× hello':>9}")
for k, m in med.items():
    rss = peak[k] / 1024 if peak[k] else float("nan")
    rss_ratio = peak[k] / peak["hello"] if peak["hello"] else float("nan")
    print(f"{k:<24}{m*1000:>8.3f}ms{m/hello:>10.2f}{rss:>10.0f}KB{rss_ratio:>9.2f}")
print()
for a, j in [("investments", "jq investments"), ("actor DNUM", "jq actor DNUM"), ("search energie --json", "jq search energie")]:
    print(f"{j} / {a}: {med[j]/med[a]:.1f}× (aimemo faster)")
size = os.path.getsize(sys.argv[2])
print(f"\nrelease binary: {size/1e6:.2f} MB ({size} bytes); hello world: {os.path.getsize(sys.argv[3])} bytes")
PY
