#!/bin/bash
# speedup.sh RUNS FOLDER [BINARY...]: runs each binary (default: zhibiao
# built from this tree) over FOLDER with -j 1 and -j 2, alternating, RUNS
# times, and prints the median wall times and the speed-up of -j 2.
# Alternating runs keep a machine's drift (other work, frequency) out of
# the ratio. Each round also runs scripts/cores, the speed-up two cores
# give a loop of arithmetic at that moment: the most -j 2 could show (on
# a shared virtual machine it falls well below 2 while the host is busy).
# Example: scripts/speedup.sh 7 /tmp/batch
set -eu
runs=$1 dir=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
root=$(dirname "$0")/..
if [ $# -eq 0 ]; then
	go -C "$root" build -o "$out/zhibiao" ./cmd/zhibiao
	set -- "$out/zhibiao"
fi
go -C "$root" build -o "$out/cores" ./scripts/cores
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times
for _ in $(seq "$runs"); do
	times[cores]+="$("$out/cores") "
	for bin in "$@"; do
		for j in 1 2; do
			start=$(date +%s.%N)
			"$bin" convert -j "$j" -o "$out/o.xlsx" "$dir" 2>/dev/null || [ $? -eq 3 ]
			times[$bin,$j]+="$(echo "$(date +%s.%N) - $start" | bc) "
		done
	done
done
printf 'two cores, arithmetic alone (scripts/cores): %.2f times as fast as one\n' "$(echo "${times[cores]}" | median)"
for bin in "$@"; do
	m1=$(echo "${times[$bin,1]}" | median)
	m2=$(echo "${times[$bin,2]}" | median)
	printf '%s: -j 1 %.2f s, -j 2 %.2f s, speed-up %.2f\n' "$bin" "$m1" "$m2" "$(echo "$m1 / $m2" | bc -l)"
done
