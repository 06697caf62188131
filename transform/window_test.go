package transform

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

// TestWindowedSameRecords reads documents window by window, the windows
// made small so that each document has dozens, and checks that the
// records are exactly those of the whole document: the fixtures (text
// and PDFs, with tables, sections and plans), and the corpus of reports
// when it is there.
func TestWindowedSameRecords(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/*.txt")
	for _, ext := range []string{"html", "docx"} {
		more, _ := filepath.Glob("../fixtures/*." + ext)
		files = append(files, more...)
	}
	pdfs, _ := filepath.Glob("../fixtures/*.pdf")
	files = append(files, pdfs...)
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt") // absent on a fresh clone
	if testing.Short() && len(corpus) > 8 {
		corpus = corpus[:8]
	}
	files = append(files, corpus...)
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	whole := newTestTransformer(t)
	small := *whole
	small.window = 500
	windowsSeen := 0
	for _, f := range files {
		doc, err := extract.OpenContext(context.Background(), f, extract.DefaultLimits())
		if doc == nil {
			t.Fatalf("%s: %v", f, err)
		}
		windowsSeen += len(windows(doc.Paragraphs, small.window))
		a, b := whole.Indicators(doc), small.windowed(doc)
		if len(a) != len(b) {
			t.Errorf("%s: %d records whole, %d in windows", filepath.Base(f), len(a), len(b))
			continue
		}
		for i := range a {
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Errorf("%s: record %d\nwhole:   %+v\nwindows: %+v", filepath.Base(f), i, a[i], b[i])
				break
			}
		}
	}
	if windowsSeen < 2*len(files) {
		t.Errorf("%d windows in %d files: the windows are not small", windowsSeen, len(files))
	}
}
