package load

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/zhibiao/zhibiao/transform"
)

// batchOf returns n records spread over reports of 500 records each.
func batchOf(n int) [][]transform.Indicator {
	var out [][]transform.Indicator
	for len(out)*500 < n {
		recs := make([]transform.Indicator, 0, 500)
		for i := 0; i < 500 && len(out)*500+i < n; i++ {
			r := sample()[i%3]
			r.Name += string(rune('A' + i%50))
			r.Offset = i * 40
			recs = append(recs, r)
		}
		out = append(out, recs)
	}
	return out
}

func benchSink(b *testing.B, n int, open func(b *testing.B) Sink) {
	batch := batchOf(n)
	b.ReportAllocs()
	for range b.N {
		s := open(b)
		for i, recs := range batch {
			if err := s.Add(File{Name: "r" + string(rune('0'+i%10)) + ".txt"}, recs); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkWorkbook10k(b *testing.B) {
	dir := b.TempDir()
	benchSink(b, 10000, func(b *testing.B) Sink {
		w, err := NewWorkbook(filepath.Join(dir, "b.xlsx"))
		if err != nil {
			b.Fatal(err)
		}
		return w
	})
}

func BenchmarkJSONL10k(b *testing.B) {
	benchSink(b, 10000, func(*testing.B) Sink { return NewJSONL(io.Discard) })
}

func BenchmarkCSV10k(b *testing.B) {
	benchSink(b, 10000, func(*testing.B) Sink { return NewCSV(io.Discard) })
}
