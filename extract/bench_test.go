package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract reads each fixture PDF that has a text layer from
// memory and reports pages per second.
func BenchmarkExtract(b *testing.B) {
	for _, file := range seedPDFs(b) {
		if wantErr(file) != nil {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(file), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				doc, err := NewReader(bytes.NewReader(data), int64(len(data)), filepath.Base(file))
				if err != nil {
					b.Fatal(err)
				}
				pages += len(doc.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkLayout measures the layout stage alone (rows, headers,
// columns, paragraphs) on the glyphs of the lo-serif fixture.
func BenchmarkLayout(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.lo-serif.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	raw, err := readPDF("lo-serif.pdf", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := layoutDocument("lo-serif.pdf", raw); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
