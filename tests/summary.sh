#!/usr/bin/env bash
# Prints how many tests ran in each suite of `make test`, from the logs it wrote, and fails
# if any suite ran none (a skipped suite is not a passed one): every browser engine counts
# as a suite of its own, so an engine that silently ran nothing fails the run.
set -euo pipefail
logs=${1:-target/test-logs}
fail=0
count_cargo() { grep -Eo '^test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'; }
count_node() { grep -Eo '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}'; }
printf '\n%-18s %-24s %s\n' suite where "tests passed"
row() { # suite log where counter
  local n
  if [ ! -f "$logs/$2.log" ]; then n=0; else n=$("$4" "$logs/$2.log"); fi
  printf '%-18s %-24s %s\n' "$1" "$3" "$n"
  [ "$n" -gt 0 ] || { echo "suite $1 ($3) ran no test" >&2; fail=1; }
}
row native native "host" count_cargo
row wasm node "Node" count_cargo
row wasm browser-chrome "Chromium" count_cargo
row wasm browser-firefox "Firefox" count_cargo
row package package "Node, Chromium" count_node
row cli cli "Node (npx)" count_node
row page page "Chromium (playwright)" count_node
row engines engines-chromium "Chromium (WebDriver)" count_node
row engines engines-firefox "Firefox (WebDriver)" count_node
row engines engines-webkit "WebKitGTK (WebDriver)" count_node
exit $fail
