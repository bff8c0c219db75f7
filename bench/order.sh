#!/usr/bin/env bash
# Rewrites build/hot-symbols.txt, the order in which the release build lays out the
# functions and data that the usual commands touch (see link_order in build.rs).
#
#   bench/order.sh            # valgrind is installed (apt-get) if missing
#
# It builds the release binary with the linker's map, runs each command below (piped,
# then at a terminal's width) under valgrind's lackey tool (every instruction fetched
# and every load, by address), maps the addresses to the input sections of the map,
# and lists the symbols of the sections touched: those used by the most runs first,
# then in order of first use. Run it again after changes that rename or add many functions; a stale list is
# harmless (missing symbols are skipped) but gives back part of the gain.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/bench}
mkdir -p "$WORK/trace"

# shellcheck source=bench/need.sh
. bench/need.sh
need valgrind

MAP=$PWD/$WORK/aimemo.map
AIMEMO_LINK_MAP=$MAP cargo build --release --quiet
AIMEMO=$PWD/target/release/aimemo

# The commands of a briefing, most common first (the bench's four among them).
COMMANDS=(
  "investments"
  "actor DNUM"
  "search energie --json"
  "brief"
  "summit"
  "figures"
  "actors"
  "lists"
  "list france-position"
  "show dgm-staff"
  "sources"
  ""
  "investments --json"
  "actor dgm --json"
  "search énergie"
  "figures environment --format csv"
  "actor nobody"
)
# Each one piped (no width: tables are not fitted) and at a terminal's width.
rm -f "$WORK"/trace/*.txt
i=0
for columns in "" 100; do
  for args in "${COMMANDS[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # the arguments are split on purpose
    { env ${columns:+COLUMNS=$columns} NO_COLOR=1 \
      valgrind --tool=lackey --trace-mem=yes --log-fd=3 "$AIMEMO" $args \
      3>&1 >/dev/null 2>/dev/null || true; } \
      | awk '$1 == "I" || $1 == "L" || $1 == "M" { split($2, a, ","); k = $1 " " a[1]; if (!(k in s)) { s[k] = 1; print k } }' \
      > "$(printf '%s/trace/%02d.txt' "$WORK" "$i")"
  done
done

python3 - "$MAP" "$WORK/trace" > "$WORK/hot-symbols.txt" <<'PY'
import bisect, collections, glob, sys

sys.path.insert(0, "bench")
from linkmap import sections as read_sections, symbol

mapfile, tracedir = sys.argv[1:3]
sections = read_sections(mapfile)
starts = [s[0] for s in sections]

# valgrind loads a position-independent executable at this base.
BASE = 0x108000
uses = collections.Counter()
first = {}
traces = sorted(glob.glob(f"{tracedir}/*.txt"))
for trace in traces:
    seen = set()
    for line in open(trace):
        kind, addr = line.split()
        a = int(addr, 16) - BASE
        i = bisect.bisect_right(starts, a) - 1
        if i < 0 or a >= sections[i][0] + sections[i][1]:
            continue
        name = symbol(sections[i][2])
        # Code is counted when run, data when read.
        if name and (kind == "I") == sections[i][2].startswith(".text"):
            seen.add(name)
            first.setdefault(name, len(first))
    uses.update(seen)
if not uses:
    sys.exit("order.sh: no traced address falls in the binary: is valgrind's load base still 0x108000?")
order = sorted(uses, key=lambda n: (-uses[n], first[n]))
print("# Written by bench/order.sh: the symbols that the usual commands run or read, most")
print("# used first. The release build places them side by side (link_order in build.rs).")
print("\n".join(order))
print(f"order.sh: {len(order)} symbols from {len(traces)} runs", file=sys.stderr)
PY
mv "$WORK/hot-symbols.txt" build/hot-symbols.txt

cargo build --release --quiet
echo "order.sh: build/hot-symbols.txt rewritten; the release binary is relinked with it" >&2
