package transform

import (
	"sort"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// A textSpan is a half-open range [start, end) of rune offsets in a text.
type textSpan struct{ start, end int }

// isSentenceEnd reports whether r ends a sentence. The semicolon ends one
// too: reports chain independent statements with it ("…同比下降15%；预计…"),
// and each deserves its own status and subject.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '\n':
		return true
	}
	return false
}

// isClauseEnd reports whether r ends a clause inside a sentence: the unit
// within which a name is looked for before its figure.
func isClauseEnd(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return isSentenceEnd(r)
}

// isBlankRune reports whether r is white space as it occurs in clean text.
func isBlankRune(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u00a0', '\r':
		return true
	}
	return false
}

// sentences splits text into sentences, each ending after its final
// punctuation mark (a line end is not part of it). Leading and trailing
// space is left out; empty sentences are dropped.
func sentences(text []rune) []textSpan {
	var out []textSpan
	start := 0
	flush := func(end int) {
		s, e := start, end
		for s < e && isBlankRune(text[s]) {
			s++
		}
		for e > s && (isBlankRune(text[e-1]) || text[e-1] == '\n') {
			e--
		}
		if e > s {
			out = append(out, textSpan{s, e})
		}
	}
	for i, r := range text {
		if isSentenceEnd(r) {
			flush(i + 1)
			start = i + 1
		}
	}
	flush(len(text))
	return out
}

// minWrapped is the fewest runes of a line that may have been wrapped:
// shorter lines are dates, signatures and headings.
const minWrapped = 12

// softBreaks returns the rune offsets in text (doc.Text) of the line ends
// that wrap a sentence rather than end a paragraph: the line does not end
// a sentence ("…生产总值13507.69亿元，按" / "不变价格计算…"), and neither it
// nor the next line is a heading. Text copied from a PDF keeps such
// breaks; a figure or a word may even be cut by one ("增" / "长8.4%").
func softBreaks(doc *extract.Document) []int {
	var out []int
	ps := doc.Paragraphs
	var p, n []rune // the runes of ps[i] and ps[i+1]
	for i := 0; i+1 < len(ps); i++ {
		if i == 0 {
			p = appendRunes(p[:0], ps[0].Text)
		} else {
			p, n = n, p // this paragraph was the one after
		}
		n = appendRunes(n[:0], ps[i+1].Text)
		if len(p) < minWrapped || len(n) == 0 || ps[i].Heading || ps[i+1].Heading {
			continue
		}
		if strings.ContainsRune(ps[i].Text, '\t') || strings.ContainsRune(ps[i+1].Text, '\t') {
			continue // table rows: cells apart, rows apart
		}
		if ps[i].Table != 0 || ps[i+1].Table != 0 || chartCaption(ps[i].Text) || chartCaption(ps[i+1].Text) {
			continue // a caption is a line of its own
		}
		if strings.ContainsRune("。！？；!?;：:", p[len(p)-1]) {
			continue
		}
		if l, _ := headingLevel(n); l >= 0 || n[0] == '—' || n[0] == '#' {
			continue
		}
		if l, _ := headingLevel(p); l >= 0 && len(p) < 30 {
			continue
		}
		end := ps[i].Offset + len(p)
		if ps[i+1].Offset != end+1 {
			continue // not joined by a single "\n": leave the text alone
		}
		out = append(out, end)
	}
	return out
}

// compact returns text without the runes at the offsets drop (sorted,
// each once), and the map of the offsets of the result back to text. It
// reuses text's memory: text is the result's after.
func compact(text []rune, drop []int) ([]rune, offsetMap) {
	out := text[:0] // writes never pass reads
	m := offsetMap{at: make([]int, 0, len(drop))}
	d := 0
	for i, r := range text {
		if d < len(drop) && drop[d] == i {
			m.at = append(m.at, len(out))
			d++
			continue
		}
		out = append(out, r)
	}
	return out, m
}

// An offsetMap maps the rune offsets of a text that compact took runes
// out of back to the offsets of the text it took them from. It keeps
// where each rune was taken out, not an offset per rune, which took eight
// bytes a rune: more memory than the text itself.
type offsetMap struct {
	at []int // offsets in the compacted text of the runes taken out, ascending; nil: nothing was
}

// orig returns the offset in the original text of the rune at offset i
// of the compacted one (the end maps to the end).
func (m offsetMap) orig(i int) int {
	// Every rune taken out at or before i shifts i by one.
	return i + sort.Search(len(m.at), func(k int) bool { return m.at[k] > i })
}

// leaderAt returns the length of the dot leaders of a table of contents
// at text[i] ("......", "……", "····"), 0 if none.
func leaderAt(text []rune, i int) int {
	j := i
	for j < len(text) && (text[j] == '.' || text[j] == '…' || text[j] == '·') {
		j++
	}
	n := j - i
	if n >= 4 || n >= 2 && text[i] == '…' {
		return n
	}
	return 0
}

// contentsEntry reports whether figure q of sentence s stands in an entry
// of a table of contents: dot leaders follow it in its clause ("1.7.1
// 25℃的容量Capacity at 25℃.......11") or end right before it (the page
// number). Such numbers name sections and pages, not figures.
func contentsEntry(text []rune, q quantity, s textSpan) bool {
	for i := q.Start - 1; i >= s.start && i >= q.Start-3; i-- {
		if text[i] == '.' || text[i] == '…' || text[i] == '·' {
			return leaderAt(text, max(s.start, i-3)) > 0 || i >= 1 && leaderAt(text, i-1) > 0
		}
		if !isBlankRune(text[i]) {
			break
		}
	}
	for i := q.End; i < s.end && i < q.End+48; i++ {
		if leaderAt(text, i) > 0 {
			return true
		}
		if isClauseEnd(text[i]) {
			break
		}
	}
	return false
}
