package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPDF measures the glyph layer alone (open, page tree,
// content streams, fonts) on every fixture PDF with a text layer, and
// reports milliseconds per page. The target is under 5 ms/page;
// pdftotext takes 7–13 ms/page including its process start.
func BenchmarkReadPDF(b *testing.B) {
	files, _ := filepath.Glob("../fixtures/*.pdf")
	if len(files) == 0 {
		b.Skip("no fixtures")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := readPDF("x.pdf", bytes.NewReader(data), int64(len(data))); err != nil {
			continue // encrypted, scanned
		}
		b.Run(filepath.Base(file), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				raw, err := readPDF("x.pdf", bytes.NewReader(data), int64(len(data)))
				if err != nil {
					b.Fatal(err)
				}
				pages += len(raw)
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(pages), "ms/page")
		})
	}
}
