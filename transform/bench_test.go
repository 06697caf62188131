package transform

import "testing"

// BenchmarkIndicators measures the whole transform of the seed report and
// reports figures per second.
//
//	go test ./transform -run '^$' -bench Indicators -benchmem
func BenchmarkIndicators(b *testing.B) {
	tr := newTestTransformer(b)
	doc := seedDoc(b)
	n := len(tr.Indicators(doc))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tr.Indicators(doc)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "figures/s")
}
