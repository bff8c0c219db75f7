#!/usr/bin/env bash
# Start-up cost of aimemo against a hello-world Rust binary built with rustc's own
# release defaults (cargo's default release profile: a PIE, dynamically linked), and against jq answering the same questions on the knowledge base
# exported as JSON. Prints each command's median wall time, peak memory, and ratios.
#
#   bench/startup.sh                 # hyperfine and jq are installed (apt-get) if missing
#   ROUNDS=240 RUNS=4 bench/startup.sh
#
# The commands are timed in ROUNDS rounds of RUNS runs each, one command after the
# other in every round. The runs of a command follow each other for a few
# milliseconds only: a slow spell of the machine (a shared host has spells of tens of
# milliseconds) then weighs on all of them alike, where long runs of one command let
# it fall on that one. The medians are over every run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-120}
RUNS=${RUNS:-4}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"

# shellcheck source=bench/need.sh
. bench/need.sh
need hyperfine
need jq
need time

cargo build --release --quiet
AIMEMO=$PWD/target/release/aimemo

# A hello-world baseline, built as any Rust user would: cargo's default release profile,
# no link flags.
HELLO_DIR=$WORK/hello
mkdir -p "$HELLO_DIR/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n' > "$HELLO_DIR/Cargo.toml"
echo 'fn main() { println!("hello"); }' > "$HELLO_DIR/src/main.rs"
RUSTFLAGS= cargo build --release --quiet --manifest-path "$HELLO_DIR/Cargo.toml" --target-dir "$WORK/hello-target"
HELLO=$PWD/$WORK/hello-target/release/hello

# The knowledge base as JSON, for jq.
"$AIMEMO" figures --json > "$WORK/figures.json"
"$AIMEMO" actors --json > "$WORK/actors.json"

rm -f "$WORK"/round-*.json
for round in $(seq "$ROUNDS"); do
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/round-$round.json" \
    -n hello "$HELLO" \
    -n investments "$AIMEMO investments" \
    -n "actor DNUM" "$AIMEMO actor DNUM" \
    -n "search energie --json" "$AIMEMO search energie --json" \
    -n brief "$AIMEMO brief" \
    -n "jq investments" "jq -c '.topics[] | select(.id == \"investments\") | .figures[]' $WORK/figures.json" \
    -n "jq actor DNUM" "jq -c '.. | objects | select(.code? == \"DNUM\")' $WORK/actors.json" \
    -n "jq search energie" "jq -c '[.topics[].figures[] | select((.text + .label) | ascii_downcase | test(\"energ\"))]' $WORK/figures.json" \
    >/dev/null 2>&1
done

python3 - "$WORK" "$AIMEMO" "$HELLO" <<'PY'
import glob, json, os, statistics, subprocess, sys
work, aimemo, hello = sys.argv[1:4]
times = {}
for f in sorted(glob.glob(f"{work}/round-*.json")):
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
med = {k: statistics.median(v) for k, v in times.items()}

def peak_kb(cmd):
    """Peak resident memory of a run, in KB, as GNU time reports it: median of 20 runs."""
    out = []
    for _ in range(20):
        r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        out.append(int(r.stderr.strip().splitlines()[-1]))
    return statistics.median(out)

cmds = {"hello": [hello], "investments": [aimemo, "investments"], "actor DNUM": [aimemo, "actor", "DNUM"],
        "search energie --json": [aimemo, "search", "energie", "--json"], "brief": [aimemo, "brief"]}
rss = {k: peak_kb(c) for k, c in cmds.items()}
base = med["hello"]
print(f"{'command':<24}{'median':>10}{'× hello':>9}{'peak RSS':>11}{'× hello':>9}")
for k, m in med.items():
    r = rss.get(k)
    mem = f"{r:>8.0f}KB{r / rss['hello']:>9.2f}" if r else ""
    print(f"{k:<24}{m * 1000:>8.3f}ms{m / base:>9.2f}{mem}")
print()
for a, j in [("investments", "jq investments"), ("actor DNUM", "jq actor DNUM"), ("search energie --json", "jq search energie")]:
    print(f"jq / aimemo, {a}: {med[j] / med[a]:.1f}×")
size = os.path.getsize(aimemo)
print(f"\nrelease binary: {size / 1e6:.2f} MB ({size} bytes); hello world: {os.path.getsize(hello)} bytes")

lookups = ["investments", "actor DNUM", "search energie --json", "brief"]
t = [med[k] / base for k in lookups]
m = [rss[k] / rss["hello"] for k in lookups]
jq = [med[j] / med[a] for a, j in [("investments", "jq investments"), ("actor DNUM", "jq actor DNUM"), ("search energie --json", "jq search energie")]]
print("\nbounds:")
for name, lo, hi, ok in [
    ("each lookup ≤ 1.6× hello-world's time", min(t), max(t), max(t) <= 1.6),
    ("each lookup ≤ 2.5× hello-world's peak memory", min(m), max(m), max(m) <= 2.5),
    ("≥ 10× faster than jq", min(jq), max(jq), min(jq) >= 10),
]:
    print(f"  {name}: {lo:.2f}–{hi:.2f}× {'met' if ok else 'NOT MET'}")
print(f"  release binary ≤ 2.5 MB: {size / 1e6:.3f} MB {'met' if size <= 2_500_000 else 'NOT MET'}")
pie = subprocess.run(["readelf", "-h", aimemo], capture_output=True, text=True).stdout
print(f"  a position-independent executable (ELF type DYN): {'met' if 'DYN' in pie else 'NOT MET'}")
PY
