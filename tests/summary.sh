#!/usr/bin/env bash
# Prints how many tests ran in each suite of `make test`, from the logs it wrote, and fails
# if any suite ran none (a skipped suite is not a passed one).
set -euo pipefail
logs=${1:-target/test-logs}
fail=0
count_cargo() { grep -Eo '^test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'; }
count_node() { grep -Eo '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}'; }
printf '\n%-10s %s\n' suite "tests passed"
for suite in native node browser package page; do
  f="$logs/$suite.log"
  if [ ! -f "$f" ]; then n=0; elif [ "$suite" = package ] || [ "$suite" = page ]; then n=$(count_node "$f"); else n=$(count_cargo "$f"); fi
  printf '%-10s %s\n' "$suite" "$n"
  [ "$n" -gt 0 ] || { echo "suite $suite ran no test" >&2; fail=1; }
done
exit $fail
