package extract

import (
	"strings"
	"testing"
)

// ocrColumn lays out text as an OCR layer of a scanned column does: lines
// of perLine characters from x down from y, every glyph's size and
// baseline a little off, a space glyph after every fifth character (word
// boxes), the first line indented two characters when indent is set.
// It returns the glyphs and the y below the last line.
func ocrColumn(text string, x, y, size float64, perLine int, indent bool) ([]Glyph, float64) {
	var gs []Glyph
	rs := []rune(text)
	first := true
	for len(rs) > 0 {
		x0, n := x, perLine
		if first && indent {
			x0, n = x+2*size, perLine-2
		}
		n = min(n, len(rs))
		for i, r := range rs[:n] {
			jit := float64(i%3-1) * 0.3
			gs = append(gs, Glyph{Text: string(r), X: x0 + float64(i)*size + jit, Y: y + jit, W: size * 0.97, Size: size + jit})
			if i%5 == 4 && i < n-1 {
				gs = append(gs, Glyph{Text: " ", X: x0 + float64(i+1)*size - 0.2, Y: y, W: 0.2, Size: size})
			}
		}
		rs = rs[n:]
		y -= 1.5 * size
		first = false
	}
	return gs, y
}

// TestMagazineColumns checks a scanned magazine page read through its
// OCR layer: two columns over a rule, then a title beside two columns of
// other widths, the right one set around the title (narrower beside it
// than under it). Each column is read top to bottom, left before right,
// block by block, and its lines are joined into paragraphs.
func TestMagazineColumns(t *testing.T) {
	const size = 8.0
	topL := strings.Repeat("结果出来要七天，我领着他在这个城市的游乐园游玩。", 10)
	topR := strings.Repeat("阳阳病愈后，我问他我到底是不是好爸爸，他没有回答。", 10)
	botL := strings.Repeat("有个年轻人去庙里问高僧，求大师指点迷津，为什么我老是觉得自己很痛苦。", 3)
	// One paragraph: five lines beside the title (16 characters after
	// the indent, then 18), the rest under it (20).
	botR := []rune(strings.Repeat("有的人偶有小获便得意忘形，遇到一点小挫折就寻死觅活。", 3) +
		strings.Repeat("曾国藩是晚清中兴名臣，为师为相，立德立功立言。", 4))
	botR1, botR2 := string(botR[:16+4*18]), string(botR[16+4*18:])
	var gs []Glyph
	g, _ := ocrColumn(topL, 46, 650, size, 26, true)
	// The OCR took one line for a smaller size.
	for i := range g {
		if g[i].Y < 650-4*1.5*size+1 && g[i].Y > 650-5*1.5*size+1 {
			g[i].Size *= 0.83
		}
	}
	gs = append(gs, g...)
	g, _ = ocrColumn(topR, 272, 650, size, 26, true)
	gs = append(gs, g...)
	gs = append(gs, ocrRule(46, 482, 402)...)
	gs = append(gs, glyphs("内心强大世界辽阔", 60, 300, 24)...)
	// Specks of the picture above the title, read as tiny punctuation.
	for i, s := range []string{"…、", "、、", "～}", "、", "，"} {
		gs = append(gs, glyphs(s, 55+float64(i*3), 364-float64(i*6), 1+float64(i))...)
	}
	g, _ = ocrColumn(botL, 145, 240, size, 20, true)
	gs = append(gs, g...)
	// The right column: 18 characters beside the title, 20 under it.
	g, y := ocrColumn(botR1, 338, 370, size, 18, true)
	gs = append(gs, g...)
	g, _ = ocrColumn(botR2, 321, y, size, 20, false)
	gs = append(gs, g...)
	p := rawPage{Number: 1, Width: 507, Height: 711, Glyphs: gs}
	got := paraTexts(t, p)
	want := []string{topL, topR, "内心强大世界辽阔", botL, botR1 + botR2}
	var kept []string
	for _, s := range got {
		if !hasHan(s) {
			continue // the rule and the specks the OCR read as text
		}
		kept = append(kept, s)
	}
	wantParas(t, kept, want)
}

// ocrRule is a horizontal rule an OCR layer read as a row of dashes.
func ocrRule(x0, x1, y float64) []Glyph {
	var gs []Glyph
	for x := x0; x < x1; x += 6 {
		gs = append(gs, Glyph{Text: "—", X: x, Y: y, W: 6, Size: 3})
	}
	return gs
}
