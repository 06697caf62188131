package extract

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ledongthuc/pdf"
)

// TestStreamsAsLedongthuc reads every content, font and XObject stream of
// the fixture PDFs both ways: by readStream, which decodes FlateDecode
// streams itself with one reused zlib reader, and by ledongthuc/pdf. The
// bytes must be the same, and both of readStream's paths must have been
// taken (Flate alone, and ASCII85 then Flate from ReportLab).
func TestStreamsAsLedongthuc(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.pdf"))
	if len(paths) == 0 {
		t.Fatal("no fixture PDF")
	}
	var flate, a85, other int
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if b, err = sanitize(b); err != nil {
			t.Fatal(err)
		}
		bud := newBudget(context.Background(), Limits{})
		m, err := mend(b, bud)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d, err := openPDF(m.b)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		d.bud = bud
		nodes, _ := d.walkPages()
		for _, n := range nodes {
			// The page's content, in the buffer the pages share.
			var want []byte
			switch c := n.v.Key("Contents"); c.Kind() {
			case pdf.Stream:
				want, _ = io.ReadAll(c.Reader())
			case pdf.Array:
				for i := 0; i < c.Len(); i++ {
					b, _ := io.ReadAll(c.Index(i).Reader())
					want = append(append(want, b...), '\n')
				}
			}
			if got, err := d.contents(n.v.Key("Contents")); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: a page's contents: %d bytes (%v), ledongthuc/pdf %d bytes", filepath.Base(path), len(got), err, len(want))
			}
			for _, v := range pageStreams(n) {
				want, werr := io.ReadAll(v.Reader())
				got, gerr := d.readStream(v)
				if werr != nil || gerr != nil || !bytes.Equal(got, want) {
					t.Errorf("%s: object %x: readStream %d bytes (%v), ledongthuc/pdf %d bytes (%v)", filepath.Base(path), objID(v), len(got), gerr, len(want), werr)
				}
				switch _, isA85, ok := d.flateData(v); {
				case ok && isA85:
					a85++
				case ok:
					flate++
				default:
					other++
				}
			}
		}
		d.release() // the content buffer and the inflater serve the next file
	}
	t.Logf("%d FlateDecode streams, %d ASCII85 and FlateDecode, %d read by ledongthuc/pdf", flate, a85, other)
	if flate == 0 || a85 == 0 {
		t.Errorf("a path of readStream was not taken: %d Flate, %d ASCII85+Flate", flate, a85)
	}
}

// pageStreams lists the streams of a page: its contents, its fonts'
// ToUnicode maps and programs, its XObjects.
func pageStreams(n pageNode) []pdf.Value {
	var out []pdf.Value
	add := func(v pdf.Value) {
		if v.Kind() == pdf.Stream {
			out = append(out, v)
		}
	}
	switch c := n.v.Key("Contents"); c.Kind() {
	case pdf.Stream:
		add(c)
	case pdf.Array:
		for i := 0; i < c.Len(); i++ {
			add(c.Index(i))
		}
	}
	fonts := n.res.Key("Font")
	for _, k := range fonts.Keys() {
		f := fonts.Key(k)
		add(f.Key("ToUnicode"))
		desc := f.Key("FontDescriptor")
		if d := f.Key("DescendantFonts"); d.Kind() == pdf.Array && d.Len() > 0 {
			desc = d.Index(0).Key("FontDescriptor")
		}
		for _, ff := range []string{"FontFile", "FontFile2", "FontFile3"} {
			add(desc.Key(ff))
		}
	}
	xobjs := n.res.Key("XObject")
	for _, k := range xobjs.Keys() {
		add(xobjs.Key(k))
	}
	return out
}

// TestFlateStreamErrors: a damaged FlateDecode stream gives what
// ledongthuc/pdf's reader gave: the bytes decoded before the damage and
// an error, or an error alone when the zlib header is bad.
func TestFlateStreamErrors(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(bytes.Repeat([]byte("BT /F1 12 Tf (地区生产总值) Tj ET\n"), 200))
	zw.Close()
	good := z.Bytes()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"whole", good},
		{"cut", good[:len(good)/2]},
		{"bad header", append([]byte{0x00, 0x00}, good[2:]...)},
		{"bad checksum", append(append([]byte(nil), good[:len(good)-1]...), good[len(good)-1]^0xff)},
	} {
		file := streamPDF(tc.data)
		d, err := openPDF(file)
		if err != nil {
			t.Fatal(err)
		}
		d.bud = newBudget(context.Background(), Limits{})
		v := d.r.Trailer().Key("Root").Key("S")
		if _, _, ok := d.flateData(v); !ok {
			t.Fatalf("%s: the stream is not read by flateData", tc.name)
		}
		got, gerr := d.readStream(v)
		d.b = nil // ledongthuc/pdf's reader now
		want, werr := d.readStream(v)
		if !bytes.Equal(got, want) || (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("%s: got %d bytes, %v; ledongthuc/pdf: %d bytes, %v", tc.name, len(got), gerr, len(want), werr)
		}
	}
}

// streamPDF is a minimal PDF whose catalog holds, under /S, a
// FlateDecode stream of the given data.
func streamPDF(data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	off1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /S 2 0 R >>\nendobj\n")
	off2 := b.Len()
	b.WriteString("2 0 obj\n<< /Length " + strconv.Itoa(len(data)) + " /Filter /FlateDecode >>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	b.WriteString("xref\n0 3\n0000000000 65535 f \n")
	for _, off := range []int{off1, off2} {
		s := strconv.Itoa(off)
		b.WriteString("0000000000"[len(s):] + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	return b.Bytes()
}

// TestIndirect: indirect names the object an entry refers to, as objID
// names it once read, and nothing for a direct entry; shared reads such
// an object once per document.
func TestIndirect(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.rl-stsong.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := openPDF(b)
	if err != nil {
		t.Fatal(err)
	}
	nodes, _ := d.walkPages()
	res := nodes[0].res
	id, ok := indirect(res, "Font") // ReportLab: /Resources << /Font 1 0 R … >>
	if !ok || id == 0 || id != objID(res.Key("Font")) {
		t.Fatalf("indirect(resources, Font) = %x, %v; the object read is %x", id, ok, objID(res.Key("Font")))
	}
	if _, ok := indirect(res, "ProcSet"); ok {
		t.Error("a direct array taken for a reference")
	}
	if _, ok := indirect(res, "NoSuchKey"); ok {
		t.Error("a missing key taken for a reference")
	}
	fonts := d.shared(res, "Font")
	for _, k := range fonts.Keys() {
		if fid, ok := indirect(fonts, k); !ok || fid != objID(fonts.Key(k)) {
			t.Errorf("font %s: indirect %x, %v; objID %x", k, fid, ok, objID(fonts.Key(k)))
		}
	}
	if again := d.shared(nodes[len(nodes)-1].res, "Font"); len(d.dicts) != 1 || objID(again) != id {
		t.Errorf("the font dictionary of the last page: %x, %d read", objID(again), len(d.dicts))
	}
}
