package extract

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenInputs lists the fixtures that have a clean text: every PDF with
// a text layer and every .txt, .docx and .html in fixtures/.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.pdf", "*.txt", "*.docx", "*.html"} {
		m, err := filepath.Glob(filepath.Join(fixtures, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no fixtures in %s", fixtures)
	}
	return files
}

// TestGolden compares what `zhibiao text` prints for each fixture —
// Document.Text and a newline — with testdata/<fixture>.txt.golden.
// Run `go test ./extract -update` to rewrite the goldens after a
// deliberate change, and review the diff. A mismatch leaves the output in
// testdata/<fixture>.txt.got (ignored by git).
func TestGolden(t *testing.T) {
	for _, file := range goldenInputs(t) {
		base := filepath.Base(file)
		stem := strings.TrimSuffix(base, filepath.Ext(base))
		golden := filepath.Join("testdata", stem+".txt.golden")
		t.Run(base, func(t *testing.T) {
			doc, err := Open(file)
			if err != nil {
				var e *Error
				if errors.As(err, &e) && (errors.Is(err, ErrNoText) || errors.Is(err, ErrEncrypted)) {
					t.Skipf("no clean text: %v", err)
				}
				t.Fatal(err)
			}
			checkGolden(t, "clean text", golden, doc.Text+"\n")
		})
	}
}

// checkGolden compares got with the golden file, or rewrites the file
// with -update. A mismatch leaves got beside it as <name>.got (ignored by
// git) and reports the first differing line; what names the output.
func checkGolden(t *testing.T, what, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -update to create it)", err)
	}
	gotFile := strings.TrimSuffix(golden, ".golden") + ".got"
	if got != string(want) {
		os.WriteFile(gotFile, []byte(got), 0o644)
		t.Errorf("%s differs from %s (output in %s):\n%s", what, golden, gotFile, shortDiff(string(want), got))
		return
	}
	os.Remove(gotFile)
}
