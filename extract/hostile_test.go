package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/extract/hostile"
)

// This file is the reliability suite of package extract: it builds
// hostile and damaged files (from small PDFs of its own and from the
// fixtures) and checks what each gives. Bombs run with tight Limits so
// that the suite takes seconds; the default limits are measured
// separately (README "Limits").

func openBytes(t *testing.T, ctx context.Context, b []byte, lim Limits) (*Document, error, time.Duration) {
	t.Helper()
	start := time.Now()
	doc, err := NewReaderContext(ctx, bytes.NewReader(b), int64(len(b)), "h.pdf", lim)
	return doc, err, time.Since(start)
}

// tight are limits a test bomb goes over within milliseconds.
var tight = Limits{StreamBytes: 1 << 20, PageBytes: 2 << 20, DocumentBytes: 8 << 20}

func TestBombs(t *testing.T) {
	tests := []struct {
		name    string
		pdf     []byte
		lim     Limits
		text    string // the text that must come out ("" for none)
		wantMsg string // in the error
	}{
		{"content bomb", hostile.ContentBomb(768<<10, 100, "0 0 m ", false), tight, "", "page decodes to more than 2 MB"},
		{"content bomb after text", hostile.ContentBomb(768<<10, 100, "0 0 m ", true), tight, "Total revenue 15 yuan", "page 1: too large"},
		{"one stream over its limit", hostile.ContentBomb(5<<20, 1, "q Q ", false), tight, "", "a stream decodes to more than 1 MB"},
		{"form bomb", hostile.FormBomb(1536<<10, 60, "0 0 m "), Limits{StreamBytes: 2 << 20, PageBytes: 4 << 20}, "", "page decodes to more than 4 MB"},
		{"small form painted often", hostile.FormBomb(512<<10, 60, "0 0 m "), Limits{PageOperators: 1 << 20}, "", "more than 1048576 operators"},
		{"document limit", hostile.ContentBomb(768<<10, 100, "0 0 m ", false), Limits{StreamBytes: 1 << 20, PageBytes: -1, DocumentBytes: 4 << 20}, "", "file decodes to more than 4 MB"},
		{"operators", hostile.ContentBomb(1<<20, 1, "0 0 m ", false), Limits{PageOperators: 1000}, "", "more than 1000 operators"},
		{"fan-out", hostile.NestedForms(12, 3), Limits{FormDepth: 20, FormCalls: 500}, "deep", "more than 500 forms"},
		{"depth", hostile.NestedForms(12, 1), Limits{FormDepth: 8}, "", "nested more than 8 deep"},
		{"nesting within limits", hostile.NestedForms(6, 2), Limits{}, "deep", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err, took := openBytes(t, context.Background(), tc.pdf, tc.lim)
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			if tc.wantMsg == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("err = %v, want ErrTooLarge saying %q", err, tc.wantMsg)
			}
			switch {
			case tc.text == "" && doc != nil:
				t.Errorf("a Document %q with the error", doc.Text)
			case tc.text != "" && (doc == nil || !strings.Contains(doc.Text, tc.text)):
				t.Errorf("Document %v, want the text %q", doc, tc.text)
			}
		})
	}
}

func TestManyPages(t *testing.T) {
	b := hostile.ManyPages(1234)
	doc, err, _ := openBytes(t, context.Background(), b, Limits{Pages: 1000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1234 declared") {
		t.Fatalf("err = %v, want ErrTooLarge naming the 1234 pages", err)
	}
	if doc == nil || len(doc.Pages) != 1000 || !strings.Contains(doc.Text, "Page 1000 of") || strings.Contains(doc.Text, "Page 1001 of") {
		t.Fatalf("want the first 1000 pages, got %v", doc)
	}
	doc, err, _ = openBytes(t, context.Background(), b, Limits{})
	if err != nil || len(doc.Pages) != 1234 {
		t.Fatalf("default limits: %v, %d pages", err, len(doc.Pages))
	}
}

// TestCancel checks that a done context stops the reading soon, in the
// interpreter and in the cross-reference reader, and says why.
func TestCancel(t *testing.T) {
	bomb := hostile.ContentBomb(16<<20, 100, "\x00", false)
	none := Limits{StreamBytes: -1, PageBytes: -1, DocumentBytes: -1, PageOperators: -1}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	doc, err, took := openBytes(t, ctx, bomb, none)
	if doc != nil || !errors.Is(err, context.DeadlineExceeded) || took > 5*time.Second {
		t.Errorf("bomb without limits: %v after %v, want the deadline within a second or so", err, took)
	}
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err, _ := openBytes(t, done, helloPDF(), Limits{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if _, err, _ := openBytes(t, context.Background(), helloPDF(), Limits{Time: time.Nanosecond}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Limits.Time: %v", err)
	}
}

// TestDamagedFixtures damages fixture PDFs as the reliability report
// found them in the wild and checks that each reads back to the clean
// file's text, with a remark.
func TestDamagedFixtures(t *testing.T) {
	names := []string{"lo-serif", "chrome", "rl-stsong", "wordlike"}
	if !testing.Short() && os.Getenv("ZB_ALL_FIXTURES") != "" {
		names = append(names, "cairo", "wk", "mupdf-html", "lo-2col", "lo-spaced")
	}
	damages := []struct {
		name   string
		damage func([]byte) []byte
		remark string
	}{
		{"prev-loop", hostile.PrevLoop, "loops back"},
		{"short-lengths", hostile.ShortLengths, "stream lengths wrong"},
		{"offsets+7", func(b []byte) []byte { return hostile.ShiftOffsets(b, 7) }, "cross-reference offsets wrong"},
		{"offsets-3", func(b []byte) []byte { return hostile.ShiftOffsets(b, -3) }, "cross-reference offsets wrong"},
		{"zeroed-offsets", hostile.ZeroOffsets, "cross-reference offsets wrong"},
		{"garbage-startxref", hostile.GarbageStartxref, "unreadable"},
	}
	for _, n := range names {
		clean, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao."+n+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := NewReader(bytes.NewReader(clean), int64(len(clean)), "h.pdf")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range damages {
			t.Run(n+"/"+d.name, func(t *testing.T) {
				b := d.damage(clean)
				if b == nil || bytes.Equal(b, clean) {
					t.Fatal("the damage changed nothing")
				}
				doc, err, took := openBytes(t, context.Background(), b, Limits{})
				if err != nil {
					t.Fatal(err)
				}
				if doc.Text != want.Text {
					t.Errorf("text differs from the clean file's (%d and %d runes)", len([]rune(doc.Text)), len([]rune(want.Text)))
				}
				if !strings.Contains(strings.Join(doc.Repairs, "; "), d.remark) {
					t.Errorf("repairs %q, want one saying %q", doc.Repairs, d.remark)
				}
				if took > 10*time.Second {
					t.Errorf("took %v", took)
				}
			})
		}
	}
}

// TestSoundFileUntouched checks that a sound file is given to the
// library as it is, without a copy or a remark.
func TestSoundFileUntouched(t *testing.T) {
	b := helloPDF()
	m, err := mend(b, newBudget(context.Background(), Limits{}))
	if err != nil || len(m.repairs) > 0 || &m.b[0] != &b[0] {
		t.Errorf("mend(sound file) = %d bytes (a copy: %v), %q, %v", len(m.b), &m.b[0] != &b[0], m.repairs, err)
	}
}

func TestNoTextCountsPages(t *testing.T) {
	_, err := Open(filepath.Join(unreadable, "seed-2020-jiedao.scanned.pdf"))
	var e *Error
	if !errors.Is(err, ErrNoText) || !errors.As(err, &e) || e.Pages != 3 {
		t.Errorf("scanned: %#v, want ErrNoText with Pages 3", err)
	}
}

func TestTextRepairs(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Open(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var u16 []byte
	for _, r := range string(seed) {
		if r >= 0x10000 {
			t.Fatal("the seed has characters beyond the BMP; encode surrogates")
		}
		u16 = append(u16, byte(r), byte(r>>8))
	}
	i := bytes.IndexRune(seed, '。') // a stray byte after a full stop
	stray := append(append(bytes.Clone(seed[:i+3]), 0xa1), seed[i+3:]...)
	for _, tc := range []struct {
		name, content string
		repair        string
	}{
		{"notepad-unicode.txt", "\xff\xfe" + string(u16), ""},
		{"stray.txt", string(stray), "1 invalid UTF-8 byte replaced"},
	} {
		p := filepath.Join(dir, tc.name)
		os.WriteFile(p, []byte(tc.content), 0o644)
		doc, err := Open(p)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := strings.Join(doc.Repairs, "; "); !strings.Contains(got, tc.repair) || tc.repair == "" && got != "" {
			t.Errorf("%s: repairs %q, want %q", tc.name, got, tc.repair)
		}
		if tc.repair == "" && doc.Text != want.Text {
			t.Errorf("%s: text differs from the UTF-8 file's", tc.name)
		}
		if tc.repair != "" && strings.Count(doc.Text, "\uFFFD") != 1 {
			t.Errorf("%s: %d U+FFFD, want 1", tc.name, strings.Count(doc.Text, "\uFFFD"))
		}
	}
}
