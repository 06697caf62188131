package extract

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"io"
	"slices"
	"sync"

	"github.com/ledongthuc/pdf"
)

// Streams are most of the bytes a PDF is read for: every page's content,
// every font's CMap and program. ledongthuc/pdf decodes a stream through
// a new zlib reader each time, 40 KB of tables and window to allocate and
// clear (on 256 reports, an eighth of all the memory the batch
// allocated), and io.ReadAll then grows the result from 512 bytes. A
// stream with FlateDecode alone (or after ASCII85Decode), by far the most
// common, is decoded here instead: from the file's bytes, by one zlib
// reader per document (pooled between documents), reset for each stream,
// into a buffer sized from the stream's length. Every other stream goes
// through ledongthuc/pdf.

// flateData returns the encoded bytes of stream v when its filters are
// FlateDecode without parameters, after ASCII85Decode or not (ReportLab
// writes both), and its data lies in the file; ok is false otherwise
// (another filter, a predictor, an empty stream, or a ledongthuc/pdf
// whose fields are not where this package looks), and the stream is then
// read by ledongthuc/pdf.
func (d *pdfDoc) flateData(v pdf.Value) (data []byte, a85, ok bool) {
	if d.b == nil || v.Kind() != pdf.Stream || !v.Key("DecodeParms").IsNull() {
		return nil, false, false
	}
	switch f := v.Key("Filter"); {
	case f.Kind() == pdf.Name && f.Name() == "FlateDecode":
	case f.Kind() == pdf.Array && f.Len() == 1 && f.Index(0).Name() == "FlateDecode":
	case f.Kind() == pdf.Array && f.Len() == 2 && f.Index(0).Name() == "ASCII85Decode" && f.Index(1).Name() == "FlateDecode":
		a85 = true
	default:
		return nil, false, false
	}
	off, ok := streamOffset(v)
	n := v.Key("Length").Int64()
	if !ok || n <= 0 || off < 0 || off >= int64(len(d.b)) {
		return nil, false, false
	}
	// As ledongthuc/pdf reads it: a Length past the end of the file
	// gives the bytes up to the end.
	return d.b[off:min(off+n, int64(len(d.b)))], a85, true
}

// An inflater decodes FlateDecode streams, one after another. It goes
// from document to document (inflaters), whole: the zlib reader keeps a
// pointer to its source, which must not be a part of a document gone.
type inflater struct {
	raw bytes.Reader  // the data of the stream zr is reading
	a85 bufio.Reader  // its ASCII85 decoding, when it has that filter too
	zr  io.ReadCloser // a zlib.Resetter
}

// inflaters holds the inflaters of documents read (*inflater).
var inflaters sync.Pool

// inflate returns a reader of the decoded data of a FlateDecode stream
// (ASCII85 text when a85), by the document's inflater.
func (d *pdfDoc) inflate(data []byte, a85 bool) (io.Reader, error) {
	if d.inf == nil {
		d.inf, _ = inflaters.Get().(*inflater)
		if d.inf == nil {
			d.inf = new(inflater)
		}
	}
	in := d.inf
	in.raw.Reset(data)
	var src io.Reader = &in.raw
	if a85 {
		// zlib reads a byte at a time from an io.ByteReader: the
		// inflater's bufio.Reader serves, not a new one per stream.
		in.a85.Reset(ascii85.NewDecoder(&ascii85Text{r: &in.raw}))
		src = &in.a85
	}
	if in.zr == nil {
		zr, err := zlib.NewReader(src)
		if err != nil {
			return nil, err
		}
		in.zr = zr
		return zr, nil
	}
	if err := in.zr.(zlib.Resetter).Reset(src, nil); err != nil {
		return nil, err
	}
	return in.zr, nil
}

// release gives the document's inflater and content buffer back for
// other documents to use; the document reads no more page contents.
func (d *pdfDoc) release() {
	if b := d.content; b != nil {
		d.content = nil
		contentPool.Put(&b)
	}
	if in := d.inf; in != nil {
		d.inf = nil
		in.raw.Reset(nil) // (the file's bytes)
		in.a85.Reset(nil)
		inflaters.Put(in)
	}
}

// An ascii85Text reads the ASCII85 characters of its reader, skipping
// white space and anything else, up to the end marker "~" (as
// ledongthuc/pdf's alphaReader, so that both read a stream alike).
type ascii85Text struct {
	r   io.Reader
	eod bool
}

func (a *ascii85Text) Read(p []byte) (int, error) {
	if a.eod {
		return 0, io.EOF
	}
	n, err := a.r.Read(p)
	out := 0
	for _, c := range p[:n] {
		if c == '~' {
			a.eod = true
			return out, io.EOF
		}
		if c >= '!' && c <= 'u' || c == 'z' {
			p[out] = c
			out++
		}
	}
	return out, err
}

// readAllTo is io.ReadAll appending to dst, with room for size bytes
// made at once.
func readAllTo(dst []byte, r io.Reader, size int) ([]byte, error) {
	b := slices.Grow(dst, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append pick the growth
		}
	}
}
