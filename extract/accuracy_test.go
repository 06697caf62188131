package extract

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract/internal/textcmp"
)

const (
	fixtures   = "../fixtures"
	unreadable = "../testdata/unreadable" // the scanned and the encrypted seed
)

// seedPDFs returns the fixture PDFs made from the seed report.
func seedPDFs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fixtures, "seed-2020-jiedao.*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed fixture PDFs in %s (%v)", fixtures, err)
	}
	return files
}

// wantErr returns the error a fixture is made to produce, or nil.
func wantErr(file string) error {
	switch {
	case strings.Contains(file, ".scanned."):
		return ErrNoText
	case strings.Contains(file, ".encrypted."):
		return ErrEncrypted
	}
	return nil
}

// TestAccuracy reads every fixture PDF that has a text layer and compares
// it with the text it was rendered from (fixtures/<stem>.txt for
// fixtures/<stem>.<style>.pdf): character accuracy (whitespace ignored),
// spaces between Han characters, paragraphs that come out whole and page
// numbers or running headers left in the text.
func TestAccuracy(t *testing.T) {
	sources, _ := filepath.Glob(filepath.Join(fixtures, "*.txt"))
	if len(sources) == 0 {
		t.Fatalf("no fixture texts in %s", fixtures)
	}
	for _, source := range sources {
		src, err := Open(source)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]string, len(src.Paragraphs))
		for i, p := range src.Paragraphs {
			want[i] = p.Text
		}
		pdfs, _ := filepath.Glob(strings.TrimSuffix(source, ".txt") + ".*.pdf")
		for _, file := range pdfs {
			t.Run(filepath.Base(file), func(t *testing.T) {
				checkAccuracy(t, file, src, want)
			})
		}
	}
}

func checkAccuracy(t *testing.T, file string, src *Document, want []string) {
	doc, err := Open(file)
	if we := wantErr(file); we != nil {
		if !errors.Is(err, we) {
			t.Fatalf("Open: got error %v, want %v", err, we)
		}
		return
	}
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	acc := textcmp.Accuracy(doc.Text, src.Text)
	han := textcmp.HanSpaces(doc.Text)
	whole, missing := textcmp.Whole(doc.Text, want)
	pn := textcmp.PageNumbers(doc.Text)
	titles := textcmp.Headers(doc.Text, src.Title)
	dropped := 0
	for _, p := range doc.Pages {
		dropped += len(p.Dropped)
	}
	t.Logf("pages %d  accuracy %.4f  han-spaces %d  whole %.3f (%d/%d)  page-numbers %d  title-lines %d  dropped %d  title %q",
		len(doc.Pages), acc, han, whole, len(want)-len(missing), len(want), pn, titles, dropped, doc.Title)
	if acc < 0.995 {
		t.Errorf("accuracy %.4f < 0.995", acc)
	}
	if han != 0 {
		t.Errorf("%d spaces between Han characters", han)
	}
	if whole < 0.95 {
		t.Errorf("paragraphs whole %.3f < 0.95; first missing: %.80q", whole, missing[0])
	}
	if pn != 0 {
		t.Errorf("%d page-number lines left in the text", pn)
	}
	if titles != 1 || doc.Title != src.Title {
		t.Errorf("title %q appears %d times (running header left in the text?); Document.Title %q", src.Title, titles, doc.Title)
	}
	if dropped == 0 && !noFurniture(file) {
		t.Errorf("no header, footer or page number dropped on a %d-page document", len(doc.Pages))
	}
}

// noFurniture reports whether a fixture was made without running header,
// footer or page numbers: the HTML renderers (MuPDF, unpatched wkhtmltopdf).
func noFurniture(file string) bool {
	return strings.Contains(file, ".mupdf-html.") || strings.Contains(file, ".wk.")
}

// TestCorpus reads every report of the shared corpus through Open and
// checks that its clean text is a fixed point of the text reader.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(files) == 0 {
		t.Skip("corpus not present")
	}
	for _, f := range files {
		doc, err := Open(f)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if len(doc.Paragraphs) < 2 || doc.Title == "" {
			t.Errorf("%s: %d paragraphs, title %q", filepath.Base(f), len(doc.Paragraphs), doc.Title)
		}
		if n := textcmp.HanSpaces(doc.Text); n != 0 {
			t.Errorf("%s: %d spaces between Han characters", filepath.Base(f), n)
		}
		again, err := NewReader(strings.NewReader(doc.Text), int64(len(doc.Text)), "again.txt")
		if err != nil {
			t.Errorf("%s: clean text read back as .txt: %v", filepath.Base(f), err)
		} else if again.Text != doc.Text {
			t.Errorf("%s: clean text read back as .txt differs:\n%s", filepath.Base(f), shortDiff(doc.Text, again.Text))
		}
	}
}

// TestFixedPoint checks that the clean text of each fixture, read back as
// a .txt, gives the same text.
func TestFixedPoint(t *testing.T) {
	files := append(seedPDFs(t), filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	for _, file := range files {
		if wantErr(file) != nil {
			continue
		}
		doc, err := Open(file)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(file), err)
			continue
		}
		again, err := NewReader(strings.NewReader(doc.Text), int64(len(doc.Text)), "again.txt")
		if err != nil {
			t.Errorf("%s read back: %v", filepath.Base(file), err)
			continue
		}
		if again.Text != doc.Text {
			t.Errorf("%s: text read back as .txt differs:\n%s", filepath.Base(file), shortDiff(doc.Text, again.Text))
		}
	}
}

// shortDiff shows the first differing line of two texts.
func shortDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + clip(a) + "\n+ " + clip(b)
		}
	}
	return "(no line differs)"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}
