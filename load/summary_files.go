package load

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// The temporary files of 汇总: the mentions of a part of the batch
// (mentionCodec), and the cells of the rows shown (cellWriter).

// mentionCodec writes a mention as its texts (label, dimension, unit,
// period), each a uvarint length then its bytes; its file, column and
// place in the batch as uvarints; its value as 8 bytes, little-endian;
// and a byte of flags.
type mentionCodec struct{ buf []byte }

func newMentionCodec() codec[sumMention] { return &mentionCodec{} }

const (
	mentionCanonical = 1 << iota
	mentionOverview
	mentionDoubtful
)

func (c *mentionCodec) put(w *bufio.Writer, sm *sumMention) error {
	b := c.buf[:0]
	for _, s := range [...]string{sm.label, sm.dim, sm.m.unit, sm.m.period} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(sm.file))
	b = binary.AppendUvarint(b, uint64(sm.col))
	b = binary.AppendUvarint(b, uint64(sm.seq))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(sm.m.value))
	var flags byte
	if sm.canonical {
		flags |= mentionCanonical
	}
	if sm.m.overview {
		flags |= mentionOverview
	}
	if sm.m.doubtful {
		flags |= mentionDoubtful
	}
	b = append(b, flags)
	c.buf = b
	_, err := w.Write(b)
	return err
}

func (c *mentionCodec) get(r *bufio.Reader, sm *sumMention) error {
	for _, s := range [...]*string{&sm.label, &sm.dim, &sm.m.unit, &sm.m.period} {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		if n > 1<<28 { // (the file is ours: only damage makes this)
			return errors.New("mention: text too long")
		}
		if *s, err = readText(r, int(n), &c.buf); err != nil {
			return err
		}
	}
	for _, n := range [...]*int{&sm.file, &sm.col, &sm.seq} {
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		*n = int(v)
	}
	var b [9]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return err
	}
	sm.m.value = math.Float64frombits(binary.LittleEndian.Uint64(b[:8]))
	sm.canonical = b[8]&mentionCanonical != 0
	sm.m.overview = b[8]&mentionOverview != 0
	sm.m.doubtful = b[8]&mentionDoubtful != 0
	return nil
}

// cellSize is the size of a cell in the file of cells: column and
// mentions as 4 bytes, the value as 8, little-endian, and the flag.
const cellSize = 17

// memCells is the most cells of the rows shown kept in memory; past it
// they go to a temporary file (a batch of a few hundred reports has a
// few thousand; a province's, millions).
const memCells = 256 << 10

// A cellWriter keeps the cells of the rows shown, one after the other:
// in memory, then in a temporary file once there are more than memCells.
type cellWriter struct {
	dir  string
	mem  []shownCell // the cells, until they go to the file
	f    *os.File
	w    *bufio.Writer
	n    int64 // cells added
	full int   // memCells (tests lower it)
	buf  [cellSize]byte
}

func newCellWriter(dir string) *cellWriter { return &cellWriter{dir: dir, full: memCells} }

func (cw *cellWriter) add(c shownCell) error {
	cw.n++
	if cw.f == nil {
		if len(cw.mem) < cw.full {
			cw.mem = append(cw.mem, c)
			return nil
		}
		f, err := os.CreateTemp(cw.dir, "zhibiao-cells-*")
		if err != nil {
			return fmt.Errorf("temporary file: %w", err)
		}
		cw.f, cw.w = f, bufio.NewWriterSize(f, 1<<16)
		for _, m := range cw.mem {
			if err := cw.write(m); err != nil {
				return err
			}
		}
		cw.mem = nil
	}
	return cw.write(c)
}

func (cw *cellWriter) write(c shownCell) error {
	b := cw.buf[:0]
	b = binary.LittleEndian.AppendUint32(b, uint32(c.col))
	b = binary.LittleEndian.AppendUint32(b, uint32(c.n))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c.value))
	if c.flag {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	if _, err := cw.w.Write(b); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	return nil
}

func (cw *cellWriter) flush() error {
	if cw.w == nil {
		return nil
	}
	if err := cw.w.Flush(); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	return nil
}

// cells appends the cells of row to buf, in column order.
func (cw *cellWriter) cells(row *shownRow, buf []shownCell) ([]shownCell, error) {
	if cw.f == nil {
		return append(buf, cw.mem[row.at:row.at+row.n]...), nil
	}
	if row.n == 0 {
		return buf, nil
	}
	b := make([]byte, row.n*cellSize)
	if _, err := cw.f.ReadAt(b, row.at*cellSize); err != nil {
		return buf, fmt.Errorf("temporary file: %w", err)
	}
	for len(b) > 0 {
		buf = append(buf, shownCell{
			col:   int32(binary.LittleEndian.Uint32(b)),
			n:     int32(binary.LittleEndian.Uint32(b[4:])),
			value: math.Float64frombits(binary.LittleEndian.Uint64(b[8:])),
			flag:  b[16] != 0,
		})
		b = b[cellSize:]
	}
	return buf, nil
}

// remove deletes the temporary file, if any.
func (cw *cellWriter) remove() {
	if cw.f != nil {
		cw.f.Close()
		os.Remove(cw.f.Name())
		cw.f = nil
	}
	cw.mem = nil
}
