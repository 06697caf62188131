package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// TestPackedRows reads every fixture PDF with a text layer twice: with
// its rows packed from the first page on, and never packed. The
// documents must be the same: packing changes where rows wait, not what
// they say (running headers dropped, tables, paragraphs, titles).
func TestPackedRows(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	for _, file := range files {
		if wantErr(file) != nil {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		read := func(pack int) *Document {
			bud := newBudget(context.Background(), Limits{})
			doc, err := readPDFPacked(bud, filepath.Base(file), bytes.NewReader(data), int64(len(data)), pack)
			if doc == nil {
				t.Fatalf("%s: %v", file, err)
			}
			return doc
		}
		loose, packed := read(-1), read(1)
		if !reflect.DeepEqual(loose, packed) {
			t.Errorf("%s: the document read with packed rows differs", filepath.Base(file))
			if loose.Text != packed.Text {
				t.Logf("text:\n%s\n---- packed:\n%s", loose.Text, packed.Text)
			}
		}
	}
}

// TestGlyphLimit checks the document glyph limit: the pages read before
// the limit are kept, and the error says what stopped the reading.
func TestGlyphLimit(t *testing.T) {
	b := hostile.ManyPages(300) // "Page N of M" on every page
	doc, err, _ := openBytes(t, context.Background(), b, Limits{Glyphs: 1000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than 1000 characters") || !strings.Contains(err.Error(), "reading stopped at page") {
		t.Fatalf("err = %v, want ErrTooLarge naming the limit and the page", err)
	}
	if doc == nil || len(doc.Pages) == 0 || len(doc.Pages) >= 300 || !strings.Contains(doc.Text, "Page 1 of") {
		t.Fatalf("want the first pages, got %v", doc)
	}
	if doc, err, _ := openBytes(t, context.Background(), b, Limits{}); err != nil || len(doc.Pages) != 300 {
		t.Fatalf("default limits: %v", err)
	}
}

// TestHeavy checks Limits.Heavy: asked once when a document's rows are
// packed, released once it is laid out, never for a short document; its
// error stops the reading.
func TestHeavy(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.lo-serif.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		pack       int
		fail       error
		asked, err bool
	}{
		{"short", -1, nil, false, false},
		{"long", 1, nil, true, false},
		{"refused", 1, context.Canceled, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked, released := 0, 0
			lim := Limits{Heavy: func(ctx context.Context) (func(), error) {
				asked++
				if tc.fail != nil {
					return nil, tc.fail
				}
				return func() { released++ }, nil
			}}
			doc, err := readPDFPacked(newBudget(context.Background(), lim), "a.pdf", bytes.NewReader(data), int64(len(data)), tc.pack)
			if (err != nil) != tc.err || (doc == nil) != tc.err {
				t.Errorf("doc %v, err %v", doc != nil, err)
			}
			if tc.err && !errors.Is(err, tc.fail) {
				t.Errorf("err %v, want %v", err, tc.fail)
			}
			if want := map[bool]int{true: 1, false: 0}[tc.asked]; asked != want || tc.fail == nil && released != want {
				t.Errorf("asked %d times, released %d, want %d", asked, released, want)
			}
		})
	}
}
