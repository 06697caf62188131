package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// oleFile is the start of an OLE compound file holding a Word document:
// enough for the reader to send it to LibreOffice.
var oleFile = append(append([]byte(nil), magicOLE...), append(bytes.Repeat([]byte{0}, 100), oleWord...)...)

func TestConvertedWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, name := range []string{"old.doc", "old.wps", "misnamed.txt"} {
		doc, err := NewReader(bytes.NewReader(oleFile), int64(len(oleFile)), name)
		if doc != nil || !errors.Is(err, ErrNeedsConverter) {
			t.Errorf("%s: %v, want ErrNeedsConverter", name, err)
		}
	}
	for _, tt := range []struct {
		stream []byte
		want   error
	}{{oleEncrypted, ErrEncrypted}, {oleWorkbook, ErrNotPDF}, {[]byte("nothing"), ErrNotPDF}} {
		data := append(append([]byte(nil), magicOLE...), tt.stream...)
		if _, err := NewReader(bytes.NewReader(data), int64(len(data)), "x.doc"); !errors.Is(err, tt.want) {
			t.Errorf("OLE file holding %q: %v, want %v", tt.stream, err, tt.want)
		}
	}
}

// TestConverted reads testdata/table-2021-county.doc (the WPS-like
// fixture saved as .doc by LibreOffice) through LibreOffice. It runs only
// where soffice is installed, and takes seconds.
func TestConverted(t *testing.T) {
	if soffice() == "" {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("converting takes seconds")
	}
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "zhibiao-convert-*"))
	doc, err := Open(filepath.Join("testdata", "table-2021-county.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Open(filepath.Join(fixtures, "table-2021-county.wps.docx"))
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc)
	if doc.Format != "doc" || doc.Text != want.Text || len(doc.Tables) != len(want.Tables) {
		t.Errorf("format %q, %d tables, text:\n%s", doc.Format, len(doc.Tables), shortDiff(want.Text, doc.Text))
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "zhibiao-convert-*")); len(after) > len(before) {
		t.Errorf("temporary folders left: %q", after)
	}
}
