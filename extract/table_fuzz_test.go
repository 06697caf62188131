package extract

import (
	"testing"
)

// fuzzAlphabet is what fuzzed glyphs spell: digits, number punctuation,
// Han labels, a caption's 表 and spaces.
var fuzzAlphabet = []string{"0", "1", "2", "5", "9", ".", ",", "%", "-", "—", "表", "年", "合", "计", "指", "标", "单", "位", "：", "元", " ", "一", "、"}

// fuzzPage builds one page from bytes: each record of five bytes is a
// glyph (first byte even: its character, x, y, size) or a rule (odd:
// x, y, width, height, thin ones horizontal or vertical), on a 600×800
// page, so that the fuzzer plays with grids, gaps and captions.
func fuzzPage(b []byte) rawPage {
	p := rawPage{Number: 1, Width: 600, Height: 800}
	for len(b) >= 5 {
		k, v := b[0], b[1:5]
		b = b[5:]
		x, y := float64(v[0])*2.4, float64(v[1])*3.2
		if k%2 == 0 {
			size := 6 + float64(v[3]%12)
			p.Glyphs = append(p.Glyphs, Glyph{Text: fuzzAlphabet[int(v[2])%len(fuzzAlphabet)], X: x, Y: y, W: size * 0.6, Size: size})
			continue
		}
		w, h := float64(v[2])*2.4, float64(v[3])*3.2
		if k%4 == 1 {
			h = 0.5
		} else {
			w = 0.5
		}
		p.Rules = append(p.Rules, rule{rect{x, y, x + w, y + h}})
	}
	return p
}

// gridPage is a seed: a ruled 3×3 table with a caption above it.
func gridPage() []byte {
	var b []byte
	glyph := func(ch byte, x, y, size byte) { b = append(b, 0, x, y, ch, size) }
	hrule := func(x, y, w byte) { b = append(b, 1, x, y, w, 0) }
	vrule := func(x, y, h byte) { b = append(b, 3, x, y, 0, h) }
	glyph(10, 100, 200, 6) // 表
	glyph(1, 104, 200, 6)  // 1
	for r := range 4 {
		hrule(40, byte(190-10*r), 120)
	}
	for c := range 4 {
		vrule(byte(40+40*c), 160, 30)
	}
	for r := range 3 {
		for c := range 3 {
			glyph(byte(r*3+c)%5, byte(50+40*c), byte(182-10*r), 6)
		}
	}
	return b
}

// FuzzTables runs the layout, table finding included, over pages of
// fuzzed glyphs and rules and checks that it never panics and that every
// table keeps its invariants (see checkTable).
func FuzzTables(f *testing.F) {
	f.Add(gridPage())
	f.Add([]byte{0, 10, 10, 1, 6, 0, 40, 10, 2, 6, 0, 80, 10, 3, 6, 0, 10, 14, 1, 6, 0, 40, 14, 2, 6, 0, 80, 14, 3, 6})
	f.Add([]byte{1, 0, 0, 255, 0, 3, 0, 0, 0, 255, 1, 0, 255, 255, 0, 3, 255, 0, 0, 255})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 5*400 {
			return
		}
		doc, err := layoutDocument("fuzz.pdf", []rawPage{fuzzPage(b)})
		if err != nil {
			return
		}
		for i := range doc.Tables {
			checkTable(t, "fuzz", doc, i, false)
		}
	})
}
