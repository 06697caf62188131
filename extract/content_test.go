package extract

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexer(t *testing.T) {
	type tk struct {
		kind tokKind
		val  string // string/name/op bytes, or number formatted by the test
		num  float64
	}
	tests := []struct {
		in   string
		want []tk
	}{
		{"12 -3.5 .5 +7 4.", []tk{{tokNum, "", 12}, {tokNum, "", -3.5}, {tokNum, "", .5}, {tokNum, "", 7}, {tokNum, "", 4}}},
		{"/F1 /A#20B /", []tk{{tokName, "F1", 0}, {tokName, "A B", 0}, {tokName, "", 0}}},
		{`(a\(b\)c) (x(y)z) (\101\n\\) (l1\
l2)`, []tk{{tokStr, "a(b)c", 0}, {tokStr, "x(y)z", 0}, {tokStr, "A\n\\", 0}, {tokStr, "l1l2", 0}}},
		{"<4E2D 6587> <1d360> <>", []tk{{tokStr, "\x4e\x2d\x65\x87", 0}, {tokStr, "\x1d\x36\x00", 0}, {tokStr, "", 0}}},
		{"[1 (a)] << /K 1 >> Tj", []tk{{tokArrOpen, "", 0}, {tokNum, "", 1}, {tokStr, "a", 0}, {tokArrClose, "", 0},
			{tokOp, "<<", 0}, {tokName, "K", 0}, {tokNum, "", 1}, {tokOp, ">>", 0}, {tokOp, "Tj", 0}}},
		{"% comment\nq) } > Q", []tk{{tokOp, "q", 0}, {tokOp, "Q", 0}}},
		{"BI /W 4 /H 1 ID \x00(<[/%EIx EI Q", []tk{{tokOp, "BI", 0}, {tokOp, "Q", 0}}},
		{"BI /W 1 ID abc", []tk{{tokOp, "BI", 0}}},
		{"(unterminated", []tk{{tokStr, "unterminated", 0}}},
		{"<4E2", []tk{{tokStr, "\x4e\x20", 0}}},
	}
	for _, tc := range tests {
		lx := lexer{b: []byte(tc.in)}
		var got []tk
		for {
			t := lx.next()
			if t.kind == tokEOF {
				break
			}
			got = append(got, tk{t.kind, string(t.s), t.num})
		}
		if len(got) != len(tc.want) {
			t.Errorf("lex %q = %v, want %v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("lex %q token %d = %v, want %v", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

// fakeRes is a resourceSet for hand-written content streams: every font
// is a 1-byte ASCII font whose glyphs are 500/1000 em wide.
type fakeRes struct {
	forms map[string]*formXObject
}

func (r fakeRes) font(name string) *font {
	if name == "None" {
		return nil
	}
	f := unknownFont()
	f.name = name
	return f
}

func (r fakeRes) xobject(name string) (*formXObject, bool) {
	if name == "Im" {
		return nil, true
	}
	return r.forms[name], false
}

func runContent(content string, res resourceSet) *interp {
	in := &interp{}
	in.run([]byte(content), res, gstate{ctm: identity, th: 1})
	return in
}

func TestStateMachine(t *testing.T) {
	type g struct {
		text       string
		x, y, w, s float64
	}
	res := fakeRes{forms: map[string]*formXObject{
		"Fm":   {id: 1, content: []byte("BT /F1 10 Tf (f) Tj ET"), matrix: matrix{1, 0, 0, 1, 100, 200}},
		"Loop": {id: 2, content: []byte("BT /F1 10 Tf (l) Tj ET /Loop Do"), matrix: matrix{1, 0, 0, 1, 1, 0}},
	}}
	tests := []struct {
		name   string
		in     string
		want   []g
		images int
	}{
		{"Td and advance", "BT /F1 10 Tf 72 700 Td (ab) Tj ET",
			[]g{{"a", 72, 700, 5, 10}, {"b", 77, 700, 5, 10}}, 0},
		{"TJ kerning", "BT /F1 10 Tf 0 0 Td [(a) -1000 (b) 500 (c)] TJ ET",
			[]g{{"a", 0, 0, 5, 10}, {"b", 15, 0, 5, 10}, {"c", 15, 0, 5, 10}}, 0},
		{"Tc Tw Tz", "BT /F1 10 Tf 1 Tc 2 Tw 50 Tz (a b) Tj ET",
			[]g{{"a", 0, 0, 3, 10}, {" ", 3, 0, 4, 10}, {"b", 7, 0, 3, 10}}, 0},
		{"TL T* ' \"", "BT /F1 10 Tf 12 TL 0 100 Td (a) Tj T* (b) Tj (c) ' 3 0 (d) \" ET",
			[]g{{"a", 0, 100, 5, 10}, {"b", 0, 88, 5, 10}, {"c", 0, 76, 5, 10}, {"d", 0, 64, 5, 10}}, 0},
		{"TD sets leading", "BT /F1 10 Tf 0 100 Td 5 -20 TD (a) Tj T* (b) Tj ET",
			[]g{{"a", 5, 80, 5, 10}, {"b", 5, 60, 5, 10}}, 0},
		{"Tm and cm scale", "2 0 0 2 10 10 cm BT /F1 10 Tf 1 0 0 1 5 5 Tm (a) Tj ET",
			[]g{{"a", 20, 20, 10, 20}}, 0},
		{"q Q restores CTM", "q 1 0 0 1 50 0 cm Q BT /F1 10 Tf (a) Tj ET",
			[]g{{"a", 0, 0, 5, 10}}, 0},
		{"unbalanced Q is ignored", "Q Q BT /F1 10 Tf (a) Tj ET", []g{{"a", 0, 0, 5, 10}}, 0},
		{"Ts rise", "BT /F1 10 Tf 3 Ts (a) Tj ET", []g{{"a", 0, 3, 5, 10}}, 0},
		{"form XObject with matrix", "q 1 0 0 1 0 10 cm /Fm Do Q /Im Do", []g{{"f", 100, 210, 5, 10}}, 1},
		{"self-referencing form", "/Loop Do", []g{{"l", 1, 0, 5, 10}}, 0},
		{"inline image counted and skipped", "BI /W 1 /H 1 ID \xff(<EI EI BT /F1 10 Tf (a) Tj ET",
			[]g{{"a", 0, 0, 5, 10}}, 1},
		{"missing font uses stand-in", "BT /None 10 Tf (a) Tj ET", []g{{"a", 0, 0, 5, 10}}, 0},
		{"dict operand skipped", "/P << /MCID 0 >> BDC BT /F1 10 Tf (a) Tj ET EMC", []g{{"a", 0, 0, 5, 10}}, 0},
		{"operator inside unclosed array", "BT /F1 10 Tf [(a) Tj (b) Tj ET", []g{{"b", 0, 0, 5, 10}}, 0},
		{"too few operands", "BT Td Tm cm Tf Tj TJ (x) ' ET", []g{{"x", 0, 0, 0, 0}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := runContent(tc.in, res)
			if in.images != tc.images {
				t.Errorf("images = %d, want %d", in.images, tc.images)
			}
			var got []g
			for _, x := range in.glyphs {
				got = append(got, g{x.Text, round(x.X), round(x.Y), round(x.W), round(x.Size)})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("glyphs = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("glyph %d = %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// TestRotatedPage checks that /Rotate 90 turns text upright.
func TestRotatedPage(t *testing.T) {
	b := buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] /Rotate 90 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		// Text running up the page: rotated 90° counter-clockwise.
		pdfStream("", "BT /F1 10 Tf 0 1 -1 0 100 50 Tm (ab) Tj ET"),
	)
	pages, err := readBytes(t, b)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.Width != 800 || p.Height != 600 {
		t.Errorf("size = %vx%v, want 800x600", p.Width, p.Height)
	}
	g := p.Glyphs
	if len(g) != 2 || g[1].X <= g[0].X || g[0].Y != g[1].Y {
		t.Errorf("glyphs not upright and left to right: %+v", g)
	}
}

// TestContentCorpus runs every testdata/content stream, which are also
// the fuzz seeds, and checks that none panics.
func TestContentCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/content/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := runContent(string(b), fakeRes{})
		if strings.Contains(f, "hello") && len(in.glyphs) == 0 {
			t.Errorf("%s: no glyphs", f)
		}
	}
}

func FuzzContentStream(f *testing.F) {
	files, _ := filepath.Glob("testdata/content/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("BT /F1 12 Tf 72 700 Td [(a) -250 (b)] TJ ET"))
	contents, _ := fixtureSeeds()
	for _, b := range contents {
		f.Add(b)
	}
	res := fakeRes{forms: map[string]*formXObject{
		"Fm": {id: 1, content: []byte("BT /F1 10 Tf (f) Tj ET /Fm Do"), matrix: identity},
	}}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := &interp{}
		in.run(b, res, gstate{ctm: identity, th: 1})
		for _, g := range in.glyphs {
			if g.W < 0 || math.IsNaN(g.W) {
				t.Fatalf("bad width %v", g.W)
			}
		}
	})
}
