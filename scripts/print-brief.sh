#!/usr/bin/env bash
# The printed brief, checked in a real browser. Installs what is missing (Debian's
# chromium, poppler-utils, fonts-liberation: Arial's metric twin, which the page's
# charts are measured for), writes `aimemo brief --format html` in French and in
# English, prints each to PDF with headless Chromium, asserts exactly one A4 page
# each, and writes PNGs to look at:
#
#   target/print/brief-LANG.html     the page
#   target/print/brief-LANG.pdf      the page printed
#   target/print/brief-LANG.png      the printed page, as an image
#   target/print/brief-LANG-screen.png  the page in a browser window (794×1123)
#
# `--docs` also rewrites docs/brief-en.png and docs/brief-fr.png, the README's
# screenshots. Idempotent; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=false
for arg in "$@"; do
  case "$arg" in
    --docs) docs=true ;;
    *) echo "usage: $0 [--docs]" >&2; exit 2 ;;
  esac
done

# ── what the check needs ──
missing=()
command -v chromium >/dev/null || missing+=(chromium)
{ command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null; } || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "print-brief: installing ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; then
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

cargo build --quiet --bin aimemo
target="${CARGO_TARGET_DIR:-target}"
bin="$target/debug/aimemo"
out="$(realpath -m "$target/print")"
mkdir -p "$out"
log="$out/chromium.log"
: > "$log"

# One fresh browser profile a run, removed at the end.
profiles=()
cleanup() { [ "${#profiles[@]}" -eq 0 ] || rm -rf "${profiles[@]}"; }
trap cleanup EXIT

browser() {
  local profile
  profile="$(mktemp -d)"
  profiles+=("$profile")
  if ! timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
    "$@" >>"$log" 2>&1; then
    echo "print-brief: chromium failed ($*); its log:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
}

status=0
for lang in fr en; do
  html="$out/brief-$lang.html"
  pdf="$out/brief-$lang.pdf"
  env -i PATH="$PATH" "$bin" brief --lang "$lang" --format html >"$html"
  rm -f "$pdf"
  browser --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html"
  [ -s "$pdf" ] || { echo "print-brief: $lang: no PDF written" >&2; exit 1; }
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  size="$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
  # A4 is 595.28 × 841.89 points.
  a4="$(pdfinfo "$pdf" | awk '/^Page size:/ {w=$3; h=$5; print (w>594 && w<597 && h>840 && h<843) ? "yes" : "no"}')"
  echo "brief --lang $lang: $pages page(s), $size"
  if [ "$pages" != 1 ]; then
    echo "print-brief: $lang: the brief prints on $pages pages, not one" >&2
    status=1
  fi
  if [ "$a4" != yes ]; then
    echo "print-brief: $lang: the page is $size, not A4" >&2
    status=1
  fi
  # The page's text, top to bottom: the heading, both charts' amounts, the footer.
  case "$lang" in
    fr) expect=("Les mémos de la DGM" "plus de 109 milliards d’euros" "200 milliards d’euros" "511,3 milliards de dollars" "D’après") ;;
    en) expect=("The DGM memos" "more than €109 billion" "€200 billion" "\$511.3 billion" "From:") ;;
  esac
  text="$(pdftotext -enc UTF-8 "$pdf" -)"
  for e in "${expect[@]}"; do
    if ! grep -qF -- "$e" <<<"$text"; then
      echo "print-brief: $lang: \"$e\" is not on the printed page" >&2
      status=1
    fi
  done
  pdftoppm -png -r 100 -singlefile "$pdf" "$out/brief-$lang"
  browser --screenshot="$out/brief-$lang-screen.png" --window-size=794,1123 "file://$html"
  echo "  $out/brief-$lang.png  $out/brief-$lang-screen.png"
  if $docs; then
    pdftoppm -png -gray -r 90 -singlefile "$pdf" "docs/brief-$lang"
    echo "  docs/brief-$lang.png"
  fi
done
exit "$status"
