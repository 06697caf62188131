#!/bin/sh
# big-inputs.sh: make large inputs for measuring memory, from inputs you have.
#
#   scripts/big-inputs.sh pdf IN.pdf PAGES OUT.pdf     IN's pages repeated until OUT has PAGES pages (qpdf)
#   scripts/big-inputs.sh text MB OUT.txt IN.txt...    the texts repeated while OUT stays within MB megabytes
#
# Measure with /usr/bin/time -v (Maximum resident set size), e.g.
#   scripts/big-inputs.sh pdf fixtures/seed-2020-jiedao.lo-spaced.pdf 2000 /tmp/big/p2000.pdf
#   /usr/bin/time -v zhibiao convert -o /tmp/big/out.xlsx /tmp/big/p2000.pdf
# Inputs made from corpus texts or renders stay in a temporary folder: never commit them.
set -eu

usage() {
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

[ $# -ge 1 ] || usage
case $1 in
pdf)
	[ $# -eq 4 ] || usage
	in=$2 want=$3 out=$4
	n=$(qpdf --show-npages "$in")
	set --
	have=0
	while [ $((have + n)) -le "$want" ]; do
		set -- "$@" "$in"
		have=$((have + n))
	done
	if [ "$have" -lt "$want" ]; then
		set -- "$@" "$in" "1-$((want - have))"
	fi
	qpdf --empty --pages "$@" -- "$out"
	echo "$out: $(qpdf --show-npages "$out") pages, $(wc -c <"$out") bytes"
	;;
text)
	[ $# -ge 4 ] || usage
	mb=$2 out=$3
	shift 3
	: >"$out"
	size=0 max=$((mb * 1048576))
	while :; do
		for f in "$@"; do
			n=$(($(wc -c <"$f") + 1))
			[ $((size + n)) -le $max ] || break 2
			cat "$f" >>"$out"
			echo >>"$out"
			size=$((size + n))
		done
	done
	echo "$out: $(wc -c <"$out") bytes"
	;;
*)
	usage
	;;
esac
