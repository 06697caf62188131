package transform

import (
	"strings"
	"unicode/utf8"
)

// boundBefore are the words right before a figure that bound it, longest
// first so that 不超过 is never read as 超过.
var boundBefore = []struct {
	word  string
	bound Bound
}{
	{"不超过", AtMost}, {"不高于", AtMost}, {"不多于", AtMost}, {"不大于", AtMost}, {"控制在", AtMost},
	{"不少于", AtLeast}, {"不低于", AtLeast}, {"不小于", AtLeast}, {"至少", AtLeast},
	{"不到", Under}, {"不足", Under}, {"少于", Under},
	{"超过", Over}, {"突破", Over}, {"多于", Over}, {"超", Over}, {"逾", Over},
	{"大约", About}, {"接近", About}, {"将近", About}, {"约", About}, {"近", About},
}

// compoundBound reports whether the bound word w ending text[:end] is
// part of another word: 约 of 签约 or 节约, 近 of 最近, 超 of 赶超.
func compoundBound(text []rune, lo, end int, w string) bool {
	n := len([]rune(w))
	if n != 1 || end-n-1 < lo {
		return false
	}
	prev := text[end-n-1]
	switch w {
	case "约":
		return strings.ContainsRune("签节制预公合条契相简", prev)
	case "近":
		return strings.ContainsRune("最附临靠贴亲接将", prev) && prev != '接' && prev != '将'
	case "超":
		return strings.ContainsRune("赶", prev)
	}
	return false
}

// boundAfter are the words right after a figure that bound it.
var boundAfter = []struct {
	word  string
	bound Bound
}{
	{"以上", AtLeast}, {"及以上", AtLeast},
	{"以下", AtMost}, {"以内", AtMost},
	{"左右", About}, {"上下", About},
	{"余", Over}, {"多", Over},
}

// hasSuffixRunes reports whether text[lo:end] ends with w. It does not
// allocate: it is called for every word list entry at every figure.
func hasSuffixRunes(text []rune, lo, end int, w string) bool {
	i := end
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		i--
		if i < lo || i >= len(text) || text[i] != r {
			return false
		}
		w = w[:len(w)-n]
	}
	return true
}

// hasPrefixRunes reports whether text[start:] begins with w.
func hasPrefixRunes(text []rune, start int, w string) bool {
	i := start
	for _, r := range w {
		if i < 0 || i >= len(text) || text[i] != r {
			return false
		}
		i++
	}
	return true
}

// boundOf returns how the figure q bounds the true value, from the words
// right before it (after lo), the words right after it, and the bound the
// scanner saw inside the textSpan (余, 多).
func boundOf(text []rune, lo int, q quantity) Bound {
	if q.Max != nil {
		return Range
	}
	end := q.Start
	for end > lo && isBlankRune(text[end-1]) {
		end--
	}
	// "约为", "达到…以上": look past a copula.
	for _, cop := range []string{"为", "达到", "达", "在"} {
		if hasSuffixRunes(text, lo, end, cop) && !hasSuffixRunes(text, lo, end, "控制在") {
			e := end - len([]rune(cop))
			for _, b := range boundBefore {
				if hasSuffixRunes(text, lo, e, b.word) {
					return b.bound
				}
			}
		}
	}
	for _, b := range boundBefore {
		if hasSuffixRunes(text, lo, end, b.word) && !compoundBound(text, lo, end, b.word) {
			if b.bound == AtMost && b.word == "控制在" {
				break // 控制在…以内 is told by the word after
			}
			return b.bound
		}
	}
	start := q.End
	for start < len(text) && isBlankRune(text[start]) {
		start++
	}
	for _, b := range boundAfter {
		if hasPrefixRunes(text, start, b.word) {
			if b.word == "多" && hasPrefixRunes(text, start, "多元") {
				continue
			}
			return b.bound
		}
	}
	if q.Approx != "" {
		return q.Approx
	}
	if q.Kind == kindPercent && !isArabicDigit(at(text, q.Start)) {
		// "超过全球一半", "近全省的三分之一": a share of a whole named
		// between the bound word and the fraction.
		for e := end - 1; e > lo && e >= end-5 && isHan(text[e]); e-- {
			for _, b := range boundBefore {
				if hasSuffixRunes(text, lo, e, b.word) && !compoundBound(text, lo, e, b.word) && b.word != "控制在" {
					return b.bound
				}
			}
		}
	}
	if hasSuffixRunes(text, lo, end, "控制在") {
		return AtMost
	}
	return Exact
}
