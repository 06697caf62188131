package extract

import (
	"strings"
	"testing"
)

// spaced lays out text from x with the given gap, in ems, after each
// character but the last; '　' (an ideographic space) is drawn as a
// space glyph one em wide, as Word draws a typed one.
func spaced(text string, x, y, size, gap float64) []Glyph {
	var gs []Glyph
	rs := []rune(text)
	for i, r := range rs {
		gs = append(gs, Glyph{Text: string(r), X: x, Y: y, W: size, Size: size})
		x += size
		if i < len(rs)-1 {
			x += gap * size
		}
	}
	return gs
}

// TestLetterSpacedHeadings checks that headings whose characters stand
// apart — typed ideographic spaces, character spacing, a list number
// followed by a tab stop — are read as one word, and that a TAB stays
// only between the cells of a table row.
func TestLetterSpacedHeadings(t *testing.T) {
	const size = 16.0
	tests := []struct {
		name string
		gs   []Glyph
		want string
	}{
		{"ideographic spaces", spaced("一、综　　合", 80, 0, size, 0), "一、综合"},
		{"character spacing", append(glyphs("一、", 80, 0, size), spaced("综合", 112, 0, size, 2)...), "一、综合"},
		{"wide character spacing", spaced("目录", 250, 0, size, 3), "目录"},
		{"tab after the number", append(glyphs("(一)", 80, 0, size), glyphs("主营业务分析", 160, 0, size)...), "(一)主营业务分析"},
		{"tab after the part", append(glyphs("第一部分", 80, 0, size), glyphs("名词解释", 180, 0, size)...), "第一部分名词解释"},
		{"bullet", append(glyphs("⭐", 80, 0, size), glyphs("重点关注", 120, 0, size)...), "⭐重点关注"},
		{"table row", append(glyphs("合计", 80, 0, size), glyphs("12.5", 300, 0, size)...), "合计\t12.5"},
		{"table header", append(glyphs("项目", 80, 0, size), glyphs("金额", 300, 0, size)...), "项目\t金额"},
		{"numbered row", append(append(glyphs("一、", 80, 0, size), glyphs("收入", 160, 0, size)...), glyphs("156", 300, 0, size)...), "一、\t收入\t156"},
	}
	for _, tc := range tests {
		var gs, spaces []Glyph
		for _, g := range tc.gs {
			if isSpaceGlyph(g) {
				spaces = append(spaces, g)
			} else {
				gs = append(gs, g)
			}
		}
		l := makeLine(gs, spaces, 0, 0)
		if l.text != tc.want || l.tab != strings.Contains(tc.want, "\t") {
			t.Errorf("%s: %q (tab %v), want %q", tc.name, l.text, l.tab, tc.want)
		}
	}
}
