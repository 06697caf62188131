package transform

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"unsafe"

	"github.com/go-ego/gse"
)

// TestCompactDictionary checks that the compacted dictionary has the same
// words as gse's own loading of the same text, each with its frequency,
// tag and distance, that it segments texts the same way, and that the
// words' characters are in one array (what takes the objects away from
// the collector). It fails when a new gse no longer lets the dictionary be
// compacted: see dictmemory.go.
func TestCompactDictionary(t *testing.T) {
	f, ok := compactableToken()
	if !ok {
		t.Fatal("gse.Token no longer has text []Text and segments []*Segment: compactDictionary does nothing (see dictmemory.go)")
	}
	text, err := dictionaryText()
	if err != nil {
		t.Fatal(err)
	}
	plain := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := plain.LoadDictStr(text); err != nil {
		t.Fatal(err)
	}
	compact := segMust(t).seg

	pd, cd := plain.Dict, compact.Dict
	if pd.NumTokens() != cd.NumTokens() || pd.TotalFreq() != cd.TotalFreq() || pd.MaxTokenLen() != cd.MaxTokenLen() {
		t.Fatalf("compacted: %d words, total %v, longest %d; as loaded: %d, %v, %d",
			cd.NumTokens(), cd.TotalFreq(), cd.MaxTokenLen(), pd.NumTokens(), pd.TotalFreq(), pd.MaxTokenLen())
	}
	distance := func(tok *gse.Token) float64 { return reflect.ValueOf(tok).Elem().FieldByName("distance").Float() }
	chars := func(tok *gse.Token) []gse.Text {
		return *(*[]gse.Text)(unsafe.Add(unsafe.Pointer(tok), f.text))
	}
	var next uintptr // where the next word's characters must start (0: anywhere)
	for i := range pd.Tokens {
		p, c := &pd.Tokens[i], &cd.Tokens[i]
		if p.Text() != c.Text() || p.Freq() != c.Freq() || p.Pos() != c.Pos() || distance(p) != distance(c) || len(chars(p)) != len(chars(c)) {
			t.Fatalf("word %d: compacted %q %v %q %v, as loaded %q %v %q %v", i,
				c.Text(), c.Freq(), c.Pos(), distance(c), p.Text(), p.Freq(), p.Pos(), distance(p))
		}
		if c.Segments() != nil {
			t.Fatalf("word %d (%s) keeps its sub-words", i, c.Text())
		}
		for _, ch := range chars(c) {
			at := uintptr(unsafe.Pointer(unsafe.SliceData(ch)))
			if next != 0 && at != next {
				t.Fatalf("word %d (%s): its characters are not next to the word before's", i, c.Text())
			}
			next = at + uintptr(len(ch))
		}
	}

	texts := []string{"2020年全年实现地区生产总值1,234.5亿元，同比增长6.5%；PM2.5平均浓度下降到３２微克/立方米。"}
	paths, _ := filepath.Glob("../fixtures/*.txt")
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(corpus) > 20 {
		corpus = corpus[:20]
	}
	for _, path := range append(paths, corpus...) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	words := 0
	for k, s := range texts {
		want, got := plain.Segment([]byte(s)), compact.Segment([]byte(s))
		if len(want) != len(got) {
			t.Fatalf("text %d: %d words compacted, %d as loaded", k, len(got), len(want))
		}
		for i := range want {
			w, g := &want[i], &got[i]
			if w.Start() != g.Start() || w.End() != g.End() || w.Token().Pos() != g.Token().Pos() || w.Token().Text() != g.Token().Text() {
				t.Fatalf("text %d, word %d: compacted %q/%s at %d, as loaded %q/%s at %d", k, i,
					g.Token().Text(), g.Token().Pos(), g.Start(), w.Token().Text(), w.Token().Pos(), w.Start())
			}
		}
		words += len(want)
	}
	t.Logf("%d texts, %d words segmented alike", len(texts), words)
	runtime.KeepAlive(plain)
}
