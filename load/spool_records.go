package load

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/zhibiao/zhibiao/transform"
)

// recordCodec writes the records of the workbook's spool in a compact
// binary form, for the spool is written while the batch runs, beside the
// workers, and read back at Close, when nothing else runs: JSON took half
// of the time of writing sheet 指标.
//
// A record is its text fields in recordTexts order, each a uvarint n: 0
// for the text of the record before, else n-1 bytes of text (a file's
// records share their doc, section, units …); then page and offset as
// varints; then a byte whose bit i says that the i-th number of
// recordNumbers is set, and those numbers as 8 bytes, little-endian.
type recordCodec struct {
	prev [len(recordTexts)]string // the texts of the record before
	buf  []byte
}

// recordTexts and recordNumbers list the fields of a record the codec
// writes, besides page and offset.
var (
	recordTexts = [...]func(*transform.Indicator) *string{
		func(r *transform.Indicator) *string { return &r.Doc },
		func(r *transform.Indicator) *string { return &r.Section },
		func(r *transform.Indicator) *string { return &r.Period },
		func(r *transform.Indicator) *string { return &r.Name },
		func(r *transform.Indicator) *string { return &r.Canonical },
		func(r *transform.Indicator) *string { return &r.Unit },
		func(r *transform.Indicator) *string { return &r.StdUnit },
		func(r *transform.Indicator) *string { return &r.Basis },
		func(r *transform.Indicator) *string { return (*string)(&r.Status) },
		func(r *transform.Indicator) *string { return (*string)(&r.Bound) },
		func(r *transform.Indicator) *string { return &r.Table },
		func(r *transform.Indicator) *string { return &r.Sentence },
		func(r *transform.Indicator) *string { return &r.Review },
	}
	recordNumbers = [...]func(*transform.Indicator) **float64{
		func(r *transform.Indicator) **float64 { return &r.Value },
		func(r *transform.Indicator) **float64 { return &r.StdValue },
		func(r *transform.Indicator) **float64 { return &r.YoY },
		func(r *transform.Indicator) **float64 { return &r.PP },
		func(r *transform.Indicator) **float64 { return &r.Completion },
		func(r *transform.Indicator) **float64 { return &r.Delta },
		func(r *transform.Indicator) **float64 { return &r.Max },
	}
)

func newRecordCodec() codec[transform.Indicator] { return &recordCodec{} }

func (c *recordCodec) put(w *bufio.Writer, r *transform.Indicator) error {
	b := c.buf[:0]
	for i, field := range recordTexts {
		s := *field(r)
		if s == c.prev[i] {
			b = binary.AppendUvarint(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(s))+1)
		b = append(b, s...)
		c.prev[i] = s
	}
	b = binary.AppendVarint(b, int64(r.Page))
	b = binary.AppendVarint(b, int64(r.Offset))
	var set byte
	for i, field := range recordNumbers {
		if *field(r) != nil {
			set |= 1 << i
		}
	}
	b = append(b, set)
	for _, field := range recordNumbers {
		if p := *field(r); p != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*p))
		}
	}
	c.buf = b
	_, err := w.Write(b)
	return err
}

func (c *recordCodec) get(rd *bufio.Reader, r *transform.Indicator) error {
	for i, field := range recordTexts {
		n, err := binary.ReadUvarint(rd)
		if err != nil {
			return noEOF(err)
		}
		if n > 0 {
			if n-1 > math.MaxInt32 {
				return errors.New("spooled record: text too long")
			}
			if c.prev[i], err = readText(rd, int(n-1), &c.buf); err != nil {
				return err
			}
		}
		*field(r) = c.prev[i]
	}
	page, err := binary.ReadVarint(rd)
	if err != nil {
		return noEOF(err)
	}
	off, err := binary.ReadVarint(rd)
	if err != nil {
		return noEOF(err)
	}
	r.Page, r.Offset = int(page), int(off)
	set, err := rd.ReadByte()
	if err != nil {
		return noEOF(err)
	}
	var b [8]byte
	for i, field := range recordNumbers {
		*field(r) = nil
		if set&(1<<i) == 0 {
			continue
		}
		if _, err := io.ReadFull(rd, b[:]); err != nil {
			return noEOF(err)
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
		*field(r) = &v
	}
	return nil
}

// readText reads a text of n bytes, through buf, which it grows as needed.
func readText(rd *bufio.Reader, n int, buf *[]byte) (string, error) {
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	if _, err := io.ReadFull(rd, b); err != nil {
		return "", noEOF(err)
	}
	return string(b), nil
}

// noEOF turns the end of the file inside a record into an error: the
// spool holds as many records as were added.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// A RecordSpool keeps records in a temporary file, in the compact form of
// the workbook's spool, until they are all read back: the records of a
// long input (a 50 MB text makes 240,000, about 100 MB) wait there while
// the rest of it is read, and its document is gone before they are back.
type RecordSpool struct {
	s spool[transform.Indicator]
}

// NewRecordSpool returns an empty spool, whose file goes in dir ("" for
// the system's temporary folder) once a record is added.
func NewRecordSpool(dir string) *RecordSpool {
	return &RecordSpool{s: spool[transform.Indicator]{dir: dir, codec: newRecordCodec}}
}

// Add appends recs.
func (r *RecordSpool) Add(recs []transform.Indicator) error {
	for i := range recs {
		if err := r.s.add(&recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// Len returns the number of records added.
func (r *RecordSpool) Len() int { return r.s.n }

// All returns the records added, in order, in one slice of their size.
func (r *RecordSpool) All() ([]transform.Indicator, error) {
	out := make([]transform.Indicator, 0, r.s.n)
	err := r.s.each(func(v *transform.Indicator) error {
		out = append(out, *v)
		return nil
	})
	return out, err
}

// Remove deletes the spool's file.
func (r *RecordSpool) Remove() { r.s.remove() }
