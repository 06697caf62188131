package extract

import (
	"strings"
	"testing"
)

// TestClipping checks that glyphs outside the clipping path are not read:
// W and W* clip once the path is painted (n or a painting operator), clips
// nest by intersection, Q restores the clip of its q, a form inherits its
// caller's clip, and a path painted wholly outside the clip leaves no rule.
func TestClipping(t *testing.T) {
	res := fakeRes{forms: map[string]*formXObject{
		"Fm": {id: 1, content: []byte("BT /F1 10 Tf 0 0 Td (f) Tj 0 -200 Td (g) Tj ET"), matrix: matrix{1, 0, 0, 1, 100, 500}},
	}}
	tests := []struct {
		name, in, want string
	}{
		{"no clip", "BT /F1 10 Tf 100 100 Td (a) Tj ET", "a"},
		{"inside and below a page area", "q 50 150 500 600 re W n BT /F1 10 Tf 100 700 Td (a) Tj 0 -600 Td (b) Tj ET Q", "a"},
		{"even-odd, clip set by fill", "q 50 150 500 600 re W* f BT /F1 10 Tf 100 700 Td (a) Tj 0 -600 Td (b) Tj ET Q", "a"},
		{"W pending until the path ends", "q 50 150 500 600 re W BT /F1 10 Tf 100 100 Td (a) Tj ET n BT /F1 10 Tf 100 100 Td (b) Tj ET Q", "a"},
		{"nested clips intersect", "q 0 0 600 400 re W n q 0 200 600 600 re W n BT /F1 10 Tf 10 300 Td (a) Tj 0 -200 Td (b) Tj 0 400 Td (c) Tj ET Q Q", "a"},
		{"Q restores", "q 0 0 100 100 re W n Q BT /F1 10 Tf 300 300 Td (a) Tj ET", "a"},
		{"a cell clips its overflow", "q 100 100 20 12 re W n BT /F1 10 Tf 102 102 Td (abcdefgh) Tj ET Q", "abcd"},
		{"form inherits the clip", "q 0 400 600 400 re W n /Fm Do Q", "f"},
		{"clip in a scaled space", "q 0.5 0 0 0.5 0 0 cm 0 0 400 400 re W n Q q 0.5 0 0 0.5 0 0 cm 0 0 400 400 re W n 2 0 0 2 0 0 cm BT /F1 10 Tf 150 150 Td (a) Tj 100 0 Td (b) Tj ET Q", "a"},
	}
	for _, tc := range tests {
		in := runContent(tc.in, res)
		var b strings.Builder
		for _, g := range in.glyphs {
			b.WriteString(g.Text)
		}
		if got := b.String(); got != tc.want {
			t.Errorf("%s: read %q, want %q", tc.name, got, tc.want)
		}
	}
	in := runContent("q 0 0 100 100 re W n 0 300 200 1 re f 0 50 100 1 re f Q", res)
	if len(in.rules) != 1 || in.rules[0].y0 != 50 {
		t.Errorf("rules %v, want only the one inside the clip", in.rules)
	}
}

// TestCropBox checks that glyphs whose middle lies outside the crop box
// are not read, and those on its edge are.
func TestCropBox(t *testing.T) {
	p := rawPage{Number: 1, Width: 400, Height: 400, OffsetX: 100, OffsetY: 100}
	p.Glyphs = append(p.Glyphs, glyphs("内容", 150, 300, 12)...)
	p.Glyphs = append(p.Glyphs, glyphs("边", 95, 250, 12)...)  // half outside on the left: middle at 101
	p.Glyphs = append(p.Glyphs, glyphs("外", 150, 92, 12)...)  // below: middle at 96.2
	p.Glyphs = append(p.Glyphs, glyphs("右", 495, 200, 12)...) // right: middle at 501
	rows, _ := buildRows(p, nil)
	var got []string
	for _, r := range rows {
		got = append(got, rowLine(r).text)
	}
	if strings.Join(got, "|") != "内容|边" {
		t.Errorf("rows %q, want 内容|边", got)
	}
}
