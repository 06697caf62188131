package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZGlyphs(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	fh, _ := os.Open(f)
	st, _ := fh.Stat()
	raw, _ := readPDF(f, fh, st.Size())
	for _, p := range raw {
		for i, g := range p.Glyphs {
			if g.Text == "素" && i+2 < len(p.Glyphs) && p.Glyphs[i-1].Text == "因" {
				for _, h := range p.Glyphs[i-3 : i+4] {
					fmt.Printf("page %d %q x=%.2f y=%.2f w=%.2f s=%.2f %s\n", p.Number, h.Text, h.X, h.Y, h.W, h.Size, h.Font)
				}
			}
		}
	}
}
