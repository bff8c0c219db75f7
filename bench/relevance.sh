#!/usr/bin/env bash
# Relevance of `aimemo search`, measured on the judged keyword queries
# (crates/kb/tests/judged.tsv) and the judged questions typed as people ask them
# (crates/kb/tests/questions.tsv): what a reader of the memo expects among the first
# three hits of each; success@1, success@3 and mean reciprocal rank of each set, and
# the queries whose expected entries are not in the first three.
#
#   bench/relevance.sh               # the figures
#   VERBOSE=1 bench/relevance.sh     # and the first hits of every query
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${VERBOSE:-}" ]; then export RELEVANCE_VERBOSE=1; fi
cargo test --quiet -p aimemo-kb --test relevance -- --nocapture 2>&1 \
  | sed 's/^\.//' | grep -v -E '^(running|test result|test [a-z_]+ \.\.\.|$)'
