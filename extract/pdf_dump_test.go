package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestDumpPDF prints the glyph text of the PDF named by $ZB_PDF, for
// checking real files by hand:
//
//	ZB_PDF=/tmp/r/x.pdf go test ./extract -run DumpPDF -v
func TestDumpPDF(t *testing.T) {
	path := os.Getenv("ZB_PDF")
	if path == "" {
		t.Skip("ZB_PDF not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	start := time.Now()
	pages, err := readPDF(st.Name(), f, st.Size())
	el := time.Since(start)
	if err != nil {
		t.Logf("error: %v", err)
	}
	var all strings.Builder
	n := 0
	for _, p := range pages {
		if p.Err != nil {
			t.Logf("page %d: %v", p.Number, p.Err)
		}
		for _, g := range p.Glyphs {
			all.WriteString(g.Text)
			n++
		}
		all.WriteString("\n")
	}
	t.Logf("%d pages, %d glyphs, %v (%.2f ms/page)", len(pages), n, el, float64(el.Microseconds())/1000/float64(max(1, len(pages))))
	if out := os.Getenv("ZB_OUT"); out != "" {
		os.WriteFile(out, []byte(all.String()), 0o644)
	} else {
		fmt.Println(all.String())
	}
	if os.Getenv("ZB_GLYPHS") != "" && len(pages) > 0 {
		for _, g := range pages[0].Glyphs[:min(40, len(pages[0].Glyphs))] {
			fmt.Printf("%q x=%.2f y=%.2f w=%.2f size=%.2f %s\n", g.Text, g.X, g.Y, g.W, g.Size, g.Font)
		}
	}
}
