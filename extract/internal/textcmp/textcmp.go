// Package textcmp measures how close an extracted text is to its source:
// character accuracy, spaces left between Han characters, paragraphs that
// came out whole and page numbers left in the text. The extract tests and
// the measurement command share it.
package textcmp

import (
	"regexp"
	"strings"
	"unicode"
)

// Accuracy returns 1 − Levenshtein(got, want)/len(want), counted in runes
// with all whitespace removed from both texts; it is 1 for identical
// texts and may go below 0 for a very long wrong text.
func Accuracy(got, want string) float64 {
	g, w := squeeze(got), squeeze(want)
	if len(w) == 0 {
		if len(g) == 0 {
			return 1
		}
		return 0
	}
	return 1 - float64(Levenshtein(g, w))/float64(len(w))
}

// squeeze returns the runes of s without whitespace.
func squeeze(s string) []rune {
	out := make([]rune, 0, len(s)/2)
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// Levenshtein returns the edit distance between a and b. Common prefix and
// suffix are skipped first, so nearly equal texts cost little; the rest is
// the classic O(len(a)·len(b)) dynamic programme over two rows.
func Levenshtein(a, b []rune) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 {
		return len(b)
	}
	if len(b) == 0 {
		return len(a)
	}
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for j := range prev {
		prev[j] = int32(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = int32(i)
		ai := a[i-1]
		for j := 1; j <= len(b); j++ {
			d := prev[j-1]
			if ai != b[j-1] {
				d++
			}
			if x := prev[j] + 1; x < d {
				d = x
			}
			if x := cur[j-1] + 1; x < d {
				d = x
			}
			cur[j] = d
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

var hanSpaceRE = regexp.MustCompile(`\p{Han}[ \x{3000}\x{a0}]+\p{Han}`)

// HanSpaces counts the places where whitespace other than a line break or a tab (a cell boundary)
// stands between two Han characters.
func HanSpaces(s string) int { return len(hanSpaceRE.FindAllStringIndex(s, -1)) }

// Whole returns the fraction of the want paragraphs that appear as an
// exact line of got, and the paragraphs that do not.
func Whole(got string, want []string) (float64, []string) {
	lines := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		lines[l] = true
	}
	var missing []string
	for _, w := range want {
		if !lines[w] {
			missing = append(missing, w)
		}
	}
	if len(want) == 0 {
		return 1, nil
	}
	return 1 - float64(len(missing))/float64(len(want)), missing
}

var pageNumRE = regexp.MustCompile(`^[\s\-—–－_·•]*(第\s*)?([0-9０-９]{1,4}|[ivxlcIVXLC]{1,6})(\s*页)?(\s*[/／]\s*(共\s*)?[0-9]{1,4}\s*页?)?[\s\-—–－_·•]*$|^第\s*\d+\s*页\s*共\s*\d+\s*页$`)

// PageNumbers counts the lines of s that are only a page number.
func PageNumbers(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if pageNumRE.MatchString(l) {
			n++
		}
	}
	return n
}

// Lines counts the lines of s equal to line.
func Lines(s, line string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if l == line {
			n++
		}
	}
	return n
}

// Headers counts the running headers in s of a document titled title:
// lines that are the title, lines whose first cell is the title ("title\t
// 2025年1月\t第 3 页"), and, inside other lines, the title followed by a
// date or a page number ("…改革开放某市政府工作报告2025年1月第2页有新突破…"),
// which is a header that split a paragraph across a page break.
func Headers(s, title string) int {
	if title == "" {
		return 0
	}
	re := regexp.MustCompile(regexp.QuoteMeta(title) + `\s*(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?\s*)?第\s*[0-9]{1,4}\s*页|` +
		regexp.QuoteMeta(title) + `\s*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月`)
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if l == title || strings.HasPrefix(l, title+"\t") {
			n++
			continue
		}
		n += len(re.FindAllStringIndex(l, -1))
	}
	return n
}
