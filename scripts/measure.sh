#!/bin/sh
# measure.sh: accuracy of the whole pipeline on PDF renders of the labelled reports, in every
# render style, and speed of `zhibiao convert` against poppler's pdftotext. A development tool:
# CI does not run it (it needs LibreOffice, ReportLab, MuPDF and poppler, and takes minutes).
#
#   scripts/measure.sh [eval] [extract] [speed]      (all three when none is named)
#
#   eval     render the labelled texts (the corpus reports of transform/testdata/labels and
#            the ../shared/labels/dev-*.txt excerpts) into $EVAL in the styles lo-serif
#            lo-spaced rl-stsong (render-pdf), mupdf-html lo-2col (fixtures/make-extra.py),
#            rl-ttf rl-glyph cairo (scripts/render-extra.py), then score them:
#              ZHIBIAO_EVAL_PDFS=$EVAL go test ./transform -run EvalPDF -v
#   extract  extraction quality of the same PDFs against pdftotext (character accuracy,
#            paragraphs whole, Han–space–Han, page numbers and headers left):
#              go run ./extract/internal/measure
#   speed    render 32 corpus reports (8 each in lo-serif, lo-spaced, rl-stsong, mupdf-html)
#            into $SPEED, then time `zhibiao convert` on the folder (peak RSS from
#            /usr/bin/time -v) against pdftotext on every file, and the extract benchmark.
#
# Renders are kept and reused: delete $EVAL or $SPEED to render again. Never commit them.
# Environment: CORPUS (../shared/corpus), LABELS (../shared/labels), RENDER_PDF
# (../shared/tools/render-pdf), EVAL (/tmp/evalpdf), SPEED (/tmp/speed), OUT (/tmp/zhibiao-measure).
set -eu

cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
LABELS=${LABELS:-../shared/labels}
RENDER_PDF=${RENDER_PDF:-../shared/tools/render-pdf}
EVAL=${EVAL:-/tmp/evalpdf}
SPEED=${SPEED:-/tmp/speed}
OUT=${OUT:-/tmp/zhibiao-measure}

# need reports what is missing and exits 0: the measurement is optional, not a failure.
missing=""
for tool in soffice pdftotext mutool pdftocairo python3; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
/usr/bin/python3 -c 'import reportlab' 2>/dev/null || missing="$missing python3-reportlab"
fc-list 2>/dev/null | grep -q 'Noto Serif CJK' || missing="$missing fonts-noto-cjk"
fc-list 2>/dev/null | grep -q 'WenQuanYi Zen Hei' || missing="$missing fonts-wqy-zenhei"
[ -x "$RENDER_PDF" ] || missing="$missing $RENDER_PDF"
[ -d "$CORPUS" ] || missing="$missing $CORPUS"
if [ -n "$missing" ]; then
	echo "measure.sh: skipped, missing:$missing" >&2
	echo "  (Debian: libreoffice-writer-nogui poppler-utils mupdf-tools python3-reportlab fonts-noto-cjk fonts-wqy-zenhei)" >&2
	exit 0
fi

what=${*:-eval extract speed}
mkdir -p "$OUT"

# labelled lists the texts that have labels: corpus reports, then the dev excerpts.
labelled() {
	for f in transform/testdata/labels/*.tsv; do
		echo "$CORPUS/$(sed -n 's/^# source: *//p' "$f")"
	done
	ls "$LABELS"/dev-*.txt
}

# render TEXT DIR STYLE... makes DIR/<stem>.<style>.pdf for the styles not rendered yet.
render() {
	src=$1 dir=$2
	shift 2
	stem=$(basename "$src" .txt)
	for style in "$@"; do
		[ -s "$dir/$stem.$style.pdf" ] && continue
		case $style in
		lo-serif | lo-spaced | rl-stsong) "$RENDER_PDF" "$src" "$dir" "$style" >/dev/null ;;
		mupdf-html | lo-2col) fixtures/make-extra.py "$src" "$dir" "$style" >/dev/null ;;
		rl-ttf | rl-glyph | cairo) scripts/render-extra.py "$src" "$dir" "$style" >/dev/null ;;
		esac
	done
}

for step in $what; do
	case $step in
	eval)
		mkdir -p "$EVAL"
		for src in $(labelled); do
			render "$src" "$EVAL" lo-serif lo-spaced rl-stsong mupdf-html lo-2col rl-ttf rl-glyph cairo
		done
		ZHIBIAO_EVAL_PDFS=$EVAL go test ./transform -run 'TestEvalPDF$' -count=1 -v >"$OUT/eval.log" 2>&1 || true
		grep -A12 'summary (' "$OUT/eval.log" || { tail -20 "$OUT/eval.log"; exit 1; }
		echo "per-style tables, misses and extras: $OUT/eval.log"
		;;
	extract)
		# The measure tool renders from each report's clean text (-render makes the
		# render-pdf styles); the other producers are made here from the same text.
		# shellcheck disable=SC2046
		go run ./extract/internal/measure -render -out "$OUT/extract" $(labelled) >/dev/null 2>&1 || true
		for src in "$OUT"/extract/src/*.txt; do
			render "$src" "$OUT/extract/pdf" mupdf-html rl-ttf rl-glyph cairo
		done
		# shellcheck disable=SC2046
		go run ./extract/internal/measure -out "$OUT/extract" \
			-styles lo-serif,lo-spaced,rl-stsong,mupdf-html,rl-ttf,rl-glyph,cairo $(labelled) | tee "$OUT/extract.txt"
		;;
	speed)
		mkdir -p "$SPEED"
		i=0
		for src in $(ls "$CORPUS"/[0-9]*.txt | head -32); do
			set -- lo-serif lo-spaced rl-stsong mupdf-html
			shift $((i % 4))
			render "$src" "$SPEED" "$1"
			i=$((i + 1))
		done
		go build -o "$OUT/zhibiao" ./cmd/zhibiao
		n=$(ls "$SPEED"/*.pdf | wc -l)
		pages=$(for f in "$SPEED"/*.pdf; do pdfinfo "$f" | sed -n 's/^Pages: *//p'; done | awk '{s+=$1} END {print s}')
		echo "speed: $n PDFs, $pages pages in $SPEED ($(nproc) cores)"
		/usr/bin/time -v "$OUT/zhibiao" convert -o "$OUT/o.xlsx" "$SPEED" >"$OUT/convert.out" 2>"$OUT/convert.time" || true
		grep -E 'Elapsed|Maximum resident|User time|System time' "$OUT/convert.time" | sed 's/^\t*/  zhibiao convert: /'
		start=$(date +%s.%N)
		for f in "$SPEED"/*.pdf; do pdftotext "$f" /dev/null; done
		end=$(date +%s.%N)
		echo "  pdftotext, one file after another: $(echo "$end - $start" | bc) s"
		go test ./extract -run '^$' -bench Extract 2>&1 | grep -E 'Benchmark|ok'
		;;
	*)
		echo "measure.sh: unknown step $step (eval, extract, speed)" >&2
		exit 2
		;;
	esac
done
