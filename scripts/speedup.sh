#!/bin/bash
# speedup.sh RUNS FOLDER [BINARY...]: runs each binary (default: zhibiao
# built from this tree) over FOLDER with -j 1 and -j 2, alternating, RUNS
# times, and prints the median wall times and the speed-up of -j 2.
# Alternating runs keep a machine's drift (other work, frequency) out of
# the ratio. Example: scripts/speedup.sh 7 /tmp/batch
set -eu
runs=$1 dir=$2
shift 2
if [ $# -eq 0 ]; then
	go build -o /tmp/zhibiao-speedup ./cmd/zhibiao
	set -- /tmp/zhibiao-speedup
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times
for _ in $(seq "$runs"); do
	for bin in "$@"; do
		for j in 1 2; do
			start=$(date +%s.%N)
			"$bin" convert -j "$j" -o "$out/o.xlsx" "$dir" 2>/dev/null || [ $? -eq 3 ]
			times[$bin,$j]+="$(echo "$(date +%s.%N) - $start" | bc) "
		done
	done
done
for bin in "$@"; do
	m1=$(echo "${times[$bin,1]}" | median)
	m2=$(echo "${times[$bin,2]}" | median)
	printf '%s: -j 1 %.2f s, -j 2 %.2f s, speed-up %.2f\n' "$bin" "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)"
done
