package extract

import (
	"bytes"
	"errors"
	"fmt"
)

// An xrefEntry says where an object is defined.
type xrefEntry struct {
	kind uint8  // 0 free, 1 at byte offset off, 2 in object stream stm
	gen  uint16 // kind 1
	off  int64  // kind 1: byte offset; kind 2: index in the stream
	stm  uint32 // kind 2
}

// xrefInfo is the cross-reference data of a file as its sections state
// it, newest first.
type xrefInfo struct {
	entries  map[uint32]xrefEntry // the newest section's entry wins
	trailer  pdfDict              // merged trailers; the newest key wins
	sections int
	streams  []uint32 // cross-reference stream objects, not to be copied
	hybrid   bool     // a classic section named an /XRefStm
	loop     bool     // the /Prev chain came back to a section already read
	loopAt   int64
}

// maxSections bounds a /Prev chain (incremental updates) that does not loop.
const maxSections = 1024

// readXref reads the cross-reference sections from the last startxref
// along the /Prev chain, without trusting any offset: a chain that comes
// back to a xrefSection already read is cut there (x.loop), as poppler does.
// It fails when the first xrefSection cannot be read; an older xrefSection that
// cannot be read fails it too, since its objects would be missing.
func readXref(b []byte, bud *budget) (*xrefInfo, error) {
	off, err := startxref(b)
	if err != nil {
		return nil, err
	}
	x := &xrefInfo{entries: map[uint32]xrefEntry{}, trailer: pdfDict{}}
	seen := map[int64]bool{}
	for {
		if err := bud.cancelled(); err != nil {
			return nil, err
		}
		if seen[off] {
			x.loop, x.loopAt = true, off
			break
		}
		if len(seen) >= maxSections {
			return nil, fmt.Errorf("more than %d cross-reference sections", maxSections)
		}
		seen[off] = true
		trailer, sec, err := x.readSection(b, off, bud)
		if err != nil {
			return nil, err
		}
		if len(x.entries) == 0 {
			x.entries = sec
		} else {
			for num, e := range sec {
				if _, ok := x.entries[num]; !ok { // the newer xrefSection wins
					x.entries[num] = e
				}
			}
		}
		x.sections++
		for k, v := range trailer {
			if _, ok := x.trailer[k]; !ok && k != "Prev" && k != "XRefStm" {
				x.trailer[k] = v
			}
		}
		prev, ok := integer(trailer["Prev"], int64(len(b)))
		if !ok {
			break
		}
		off = prev
	}
	return x, nil
}

// startxref returns the offset after the last "startxref" keyword.
func startxref(b []byte) (int64, error) {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("no startxref")
	}
	p := newObjParser(b, i+len("startxref"))
	off, ok := integer(p.value(0), int64(len(b)-1))
	if !ok {
		return 0, errors.New("startxref does not give an offset in the file")
	}
	return off, nil
}

// An xrefSection maps object numbers to entries.
type xrefSection map[uint32]xrefEntry

// readSection reads the classic table or cross-reference stream at off
// and returns its trailer dictionary and entries.
func (x *xrefInfo) readSection(b []byte, off int64, bud *budget) (pdfDict, xrefSection, error) {
	p := newObjParser(b, int(off))
	t := p.next()
	switch {
	case t.kind == tokOp && string(t.s) == "xref":
		return x.readTable(b, p, bud)
	case t.kind == tokNum:
		return x.readStream(b, off, bud)
	}
	return nil, nil, fmt.Errorf("no cross-reference section at offset %d", off)
}

// readTable reads a classic table after its "xref" keyword.
func (x *xrefInfo) readTable(b []byte, p *objParser, bud *budget) (pdfDict, xrefSection, error) {
	sec := xrefSection{}
	for {
		t := p.next()
		if t.kind == tokOp && string(t.s) == "trailer" {
			break
		}
		start, ok1 := integer(tokValue(t), 1<<31)
		count, ok2 := integer(tokValue(p.next()), 1<<31)
		if !ok1 || !ok2 {
			return nil, nil, errors.New("malformed cross-reference table")
		}
		// An entry takes 20 bytes; a count the rest of the file cannot
		// hold is a lie that would only cost time.
		if count*18 > int64(len(b)-p.pos())+18 {
			return nil, nil, errors.New("cross-reference table longer than the file")
		}
		if len(sec) == 0 {
			sec = make(xrefSection, count) // (a map grown entry by entry costs 15 times as much)
		}
		for i := int64(0); i < count; i++ {
			off, ok1 := integer(tokValue(p.next()), 1<<40)
			// A free entry's generation is never used: some writers
			// give the head of the free list 65536 rather than 65535.
			gen, ok2 := integer(tokValue(p.next()), 1<<31)
			k := p.next()
			if !ok1 || !ok2 || k.kind != tokOp || (string(k.s) != "n" && string(k.s) != "f") || string(k.s) == "n" && gen > 65535 {
				return nil, nil, errors.New("malformed cross-reference entry")
			}
			num := uint32(start + i)
			if string(k.s) == "f" || num == 0 {
				if _, ok := sec[num]; !ok {
					sec[num] = xrefEntry{}
				}
				continue
			}
			sec[num] = xrefEntry{kind: 1, gen: uint16(gen), off: off}
		}
		if err := bud.cancelled(); err != nil {
			return nil, nil, err
		}
	}
	d, ok := p.value(0).(pdfDict)
	if !ok {
		return nil, nil, errors.New("cross-reference table not followed by a trailer dictionary")
	}
	// A hybrid-reference file (Word writes them) keeps objects in a
	// cross-reference stream that only /XRefStm names; the table marks
	// them free or leaves them out.
	if xs, ok := integer(d["XRefStm"], int64(len(b)-1)); ok {
		x.hybrid = true
		_, stm, err := x.readStream(b, xs, bud)
		if err != nil {
			return nil, nil, fmt.Errorf("/XRefStm: %w", err)
		}
		if len(sec) == 0 {
			return d, stm, nil // (Word's last section: an empty table)
		}
		for num, e := range stm {
			if old, ok := sec[num]; !ok || old.kind == 0 {
				sec[num] = e
			}
		}
	}
	return d, sec, nil
}

// tokValue turns a number token into a value for integer.
func tokValue(t token) any {
	if t.kind == tokNum {
		return t.num
	}
	return nil
}

// readStream reads the cross-reference stream object at off into sec.
func (x *xrefInfo) readStream(b []byte, off int64, bud *budget) (pdfDict, xrefSection, error) {
	o, ok := parseObjectAt(b, off, func(v any) (int64, bool) { return integer(v, int64(len(b))) })
	d, _ := o.val.(pdfDict)
	if !ok || !o.stream || d["Type"] != pdfName("XRef") {
		return nil, nil, fmt.Errorf("no cross-reference stream at offset %d", off)
	}
	x.streams = append(x.streams, o.num)
	data, err := decodeStructStream(d, o.data, bud, 64<<20)
	if err != nil {
		return nil, nil, fmt.Errorf("cross-reference stream: %w", err)
	}
	var w [3]int64
	wa, _ := d["W"].(pdfArray)
	if len(wa) < 3 {
		return nil, nil, errors.New("cross-reference stream without /W")
	}
	for i := range 3 {
		v, ok := integer(wa[i], 8)
		if !ok {
			return nil, nil, errors.New("bad /W in a cross-reference stream")
		}
		w[i] = v
	}
	size, _ := integer(d["Size"], 1<<31)
	index, _ := d["Index"].(pdfArray)
	if index == nil {
		index = pdfArray{0.0, float64(size)}
	}
	row := w[0] + w[1] + w[2]
	if row == 0 {
		return nil, nil, errors.New("bad /W in a cross-reference stream")
	}
	sec := make(xrefSection, min(size, int64(len(data))/row))
	field := func(b []byte, n int64, def int64) int64 {
		if n == 0 {
			return def
		}
		v := int64(0)
		for _, c := range b[:n] {
			v = v<<8 | int64(c)
		}
		return v
	}
	for i := 0; i+1 < len(index); i += 2 {
		start, ok1 := integer(index[i], 1<<31)
		count, ok2 := integer(index[i+1], 1<<31)
		if !ok1 || !ok2 {
			return nil, nil, errors.New("bad /Index in a cross-reference stream")
		}
		for j := int64(0); j < count && len(data) >= int(row); j++ {
			e := data[:row]
			data = data[row:]
			typ := field(e, w[0], 1)
			f2 := field(e[w[0]:], w[1], 0)
			f3 := field(e[w[0]+w[1]:], w[2], 0)
			num := uint32(start + j)
			if _, ok := sec[num]; ok {
				continue
			}
			switch typ {
			case 0:
				sec[num] = xrefEntry{}
			case 1:
				if num != 0 {
					sec[num] = xrefEntry{kind: 1, gen: uint16(f3), off: f2}
				}
			case 2:
				if f2 <= 1<<31 {
					sec[num] = xrefEntry{kind: 2, stm: uint32(f2), off: f3}
				}
			}
		}
	}
	return d, sec, nil
}
