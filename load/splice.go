package load

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	flate "github.com/klauspost/compress/flate"
	"hash/crc32"
	"io"
	"math"
	"strings"
)

// excelize writes every part of the workbook, sheet 指标 too, but the
// records' rows are rendered by rowXML (rowxml.go): excelize streams the
// sheet with one placeholder row holding a marker, and the zip writer,
// as it stores the sheet's part, writes the rows in the placeholder's
// place. Everything else about the sheet (columns, panes, table, filters,
// conditional format, print setup) stays excelize's.

// spliceLookahead is how far into a sheet's part the zip writer looks for
// a placeholder before it passes the part through unchanged. A placeholder
// is the second row of its sheet, after the columns, panes and header row.
const spliceLookahead = 256 << 10

// A splice is the rows that take the place of one placeholder row.
type splice struct {
	sheet  string
	marker []byte                      // the placeholder cell's text
	rows   func(io.Writer) error       // writes the rows
	packed func() (*packedRows, error) // or: the rows rendered and deflated ahead
	done   bool
}

// newMarker returns a placeholder text no input can hold: a random one.
func newMarker() ([]byte, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	return []byte("zhibiao-rows-" + hex.EncodeToString(b[:])), nil
}

// A splicingZip is the zip writer of a workbook: archive/zip, its deflate
// done by parallelDeflate, with the rows of its splices put in place as
// sheets are stored.
type splicingZip struct {
	*zip.Writer
	splices []*splice
	part    *spliceWriter // the sheet part being written, if any
}

func newSplicingZip(w io.Writer, splices []*splice, workers int) *splicingZip {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return newParallelDeflate(w, deflateLevel, workers), nil
	})
	return &splicingZip{Writer: zw, splices: splices}
}

// deflateLevel is the compression level of the workbook's parts, with
// github.com/klauspost/compress/flate. On the 15.7 MB of sheet 指标 of
// 256 reports, its level 6 takes 54 ms and makes 1.81 MB, where
// compress/flate's level 5 took 115 ms for 1.75 MB (and its level 6, 168
// ms for 1.73 MB): the workbook is written at the end of a batch, when
// every second counts, 3 % larger.
const deflateLevel = 6

func (z *splicingZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(name, "xl/worksheets/") || !z.pending() {
		return z.Writer.Create(name)
	}
	// The entry is created once the part's start is known: stored as it
	// comes, or assembled from deflated pieces (see spliceWriter.place).
	z.part = &spliceWriter{z: z, name: name}
	return z.part, nil
}

func (z *splicingZip) Close() error {
	if err := z.endPart(); err != nil {
		return err
	}
	for _, sp := range z.splices {
		if !sp.done {
			return fmt.Errorf("sheet %s: its rows were not written: placeholder not found", sp.sheet)
		}
	}
	return z.Writer.Close()
}

// pending reports whether a splice is still to be placed.
func (z *splicingZip) pending() bool {
	for _, sp := range z.splices {
		if !sp.done {
			return true
		}
	}
	return false
}

// endPart finishes the sheet part being written.
func (z *splicingZip) endPart() error {
	if z.part == nil {
		return nil
	}
	p := z.part
	z.part = nil
	if p.err != nil {
		return p.err
	}
	switch {
	case p.raw != nil:
		return p.raw.close()
	case p.w == nil: // no placeholder: the part as it is
		return p.passThrough()
	}
	return nil
}

// A spliceWriter holds back the start of a sheet part until it has found
// a placeholder (and then writes the splice's rows instead of it) or
// knows there is none; then it passes the rest through.
type spliceWriter struct {
	z    *splicingZip
	name string
	buf  []byte
	w    io.Writer // the entry, once created
	raw  *rawPart  // the entry, when assembled from deflated pieces
	err  error
}

func (s *spliceWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.w != nil {
		return s.w.Write(p)
	}
	s.buf = append(s.buf, p...)
	if s.err = s.place(); s.err != nil {
		return 0, s.err
	}
	return len(p), nil
}

// passThrough creates the entry and writes what was held back.
func (s *spliceWriter) passThrough() error {
	w, err := s.z.Writer.Create(s.name)
	if err != nil {
		return err
	}
	s.w = w
	_, err = w.Write(s.buf)
	s.buf = nil
	return err
}

// place writes the held-back bytes with a splice in place of its
// placeholder row, once the whole row is in; or as they are, once past
// spliceLookahead.
func (s *spliceWriter) place() error {
	for _, sp := range s.z.splices {
		if sp.done {
			continue
		}
		m := bytes.Index(s.buf, sp.marker)
		if m < 0 {
			continue
		}
		start := bytes.LastIndex(s.buf[:m], []byte("<row "))
		end := bytes.Index(s.buf[m:], []byte("</row>"))
		if start < 0 {
			return fmt.Errorf("sheet %s: placeholder outside a row", sp.sheet)
		}
		if end < 0 {
			return nil // the rest of the row is still to come
		}
		end += m + len("</row>")
		sp.done = true
		head, tail := s.buf[:start], s.buf[end:]
		s.buf = nil
		if sp.packed != nil {
			return s.placePacked(sp, head, tail)
		}
		w, err := s.z.Writer.Create(s.name)
		if err != nil {
			return err
		}
		s.w = w
		if _, err := w.Write(head); err != nil {
			return err
		}
		if err := sp.rows(w); err != nil {
			return fmt.Errorf("sheet %s: %w", sp.sheet, err)
		}
		_, err = w.Write(tail)
		return err
	}
	if len(s.buf) > spliceLookahead {
		return s.passThrough()
	}
	return nil
}

// placePacked writes the part as a raw entry: head deflated, the rows
// deflated already, then the rest deflated as it comes.
func (s *spliceWriter) placePacked(sp *splice, head, tail []byte) error {
	rows, err := sp.packed()
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sp.sheet, err)
	}
	fh := &zip.FileHeader{Name: s.name, Method: zip.Deflate, Flags: 0x8} // sizes and CRC after the data
	w, err := s.z.Writer.CreateRaw(fh)
	if err != nil {
		return err
	}
	raw := &rawPart{fh: fh, out: &countingWriter{w: w}}
	s.raw = raw
	if err := raw.piece(head, false); err != nil {
		return err
	}
	if _, err := io.Copy(raw.out, rows.data); err != nil {
		return fmt.Errorf("sheet %s: %w", sp.sheet, err)
	}
	raw.crc = crc32Combine(raw.crc, rows.crc, rows.size)
	raw.size += rows.size
	if raw.tail, err = flate.NewWriter(raw.out, deflateLevel); err != nil {
		return err
	}
	s.w = raw
	_, err = raw.Write(tail)
	return err
}

// packedRows are rows of a sheet rendered and deflated ahead: sync-flushed
// deflate blocks, none final.
type packedRows struct {
	data io.Reader
	crc  uint32 // CRC-32 of the rows as rendered
	size int64  // their length as rendered
}

// A rawPart is a zip entry assembled from deflated pieces: what is
// written to it is deflated and counted, and close ends the stream and
// sets the entry's sizes and CRC, which the data descriptor and the
// central directory carry.
type rawPart struct {
	fh   *zip.FileHeader
	out  *countingWriter
	tail *flate.Writer
	crc  uint32
	size int64
}

// piece deflates p on its own, ending with a sync flush (or the final
// block).
func (r *rawPart) piece(p []byte, final bool) error {
	fw, release, err := compressor(r.out, deflateLevel, nil)
	if err != nil {
		return err
	}
	defer release()
	if _, err := fw.Write(p); err != nil {
		return err
	}
	r.crc = crc32.Update(r.crc, crc32.IEEETable, p)
	r.size += int64(len(p))
	if final {
		return fw.Close()
	}
	return fw.Flush()
}

func (r *rawPart) Write(p []byte) (int, error) {
	r.crc = crc32.Update(r.crc, crc32.IEEETable, p)
	r.size += int64(len(p))
	return r.tail.Write(p)
}

func (r *rawPart) close() error {
	if err := r.tail.Close(); err != nil {
		return err
	}
	fh := r.fh
	fh.CRC32 = r.crc
	fh.CompressedSize64, fh.UncompressedSize64 = uint64(r.out.n), uint64(r.size)
	fh.CompressedSize = uint32(min(fh.CompressedSize64, math.MaxUint32))
	fh.UncompressedSize = uint32(min(fh.UncompressedSize64, math.MaxUint32))
	if fh.CompressedSize == math.MaxUint32 || fh.UncompressedSize == math.MaxUint32 {
		fh.ReaderVersion = 45 // zip64 (archive/zip's zipVersion45)
	}
	return nil
}

// A countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
