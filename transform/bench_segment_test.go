package transform

import (
	"runtime"
	"testing"
)

// BenchmarkLoadDictionary measures newSegmenter: time per load, and the
// live heap the loaded segmenter keeps (MB-live) after a garbage
// collection.
func BenchmarkLoadDictionary(b *testing.B) {
	var live float64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		b.StartTimer()
		s, err := newSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&m1)
		live = float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / (1 << 20)
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(live, "MB-live")
}

// BenchmarkCut measures cutting the seed report (~7k runes).
func BenchmarkCut(b *testing.B) {
	s := segMust(b)
	text := []rune(segSeed(b))
	b.SetBytes(int64(len(string(text))))
	for b.Loop() {
		s.cut(text)
	}
}

// BenchmarkCollectWithDictionary measures a garbage collection with the
// dictionary loaded, which a run pays a dozen times per 256 PDFs: 6 ms
// with the words as gse loads them, 3 ms compacted (dictmemory.go); about
// 0.5 ms without the dictionary.
func BenchmarkCollectWithDictionary(b *testing.B) {
	s := segMust(b)
	for b.Loop() {
		runtime.GC()
	}
	runtime.KeepAlive(s)
}
