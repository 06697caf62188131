package extract

import (
	"bytes"
	"slices"
	"strconv"
)

// An objLoc says where an object is defined: at a byte offset of the
// file, or at an index of an object stream.
type objLoc struct {
	off   int64 // byte offset of "num gen obj", or index in the stream
	gen   uint16
	stm   uint32 // the object stream, when inStm
	inStm bool
}

// An objectSet is the objects of one file, found through its
// cross-reference data or by scanning, read on demand and kept.
type objectSet struct {
	b       []byte
	loc     map[uint32]objLoc
	trailer pdfDict
	bud     *budget
	dec     *decryptor // nil for a file that is not encrypted
	encNum  uint32     // the encryption dictionary's object, never copied
	objStms []uint32   // object streams found by scanObjects, in file order

	parsed map[uint32]*rawObject
	stms   map[uint32]*objStream
	busy   map[uint32]bool // objects being read: a /Length that refers to its own stream
}

// An objStream is a decoded object stream.
type objStream struct {
	data []byte
	nums []uint32
	offs []int // where each object starts in data
}

func newObjectSet(b []byte, bud *budget) *objectSet {
	return &objectSet{
		b: b, loc: map[uint32]objLoc{}, trailer: pdfDict{}, bud: bud,
		parsed: map[uint32]*rawObject{}, stms: map[uint32]*objStream{}, busy: map[uint32]bool{},
	}
}

// locate takes the trailer and the objects' locations from the
// cross-reference data x.
func (s *objectSet) locate(x *xrefInfo) {
	s.trailer = x.trailer
	for num, e := range x.entries {
		switch e.kind {
		case 1:
			s.loc[num] = objLoc{off: e.off, gen: e.gen}
		case 2:
			s.loc[num] = objLoc{off: e.off, stm: e.stm, inStm: true}
		}
	}
}

// get reads object num, or returns nil when it is missing or cannot be
// read where its location says.
func (s *objectSet) get(num uint32) *rawObject {
	if o, ok := s.parsed[num]; ok {
		return o
	}
	l, ok := s.loc[num]
	if !ok || s.busy[num] {
		return nil
	}
	s.busy[num] = true
	defer delete(s.busy, num)
	var o *rawObject
	if l.inStm {
		if st := s.objStream(l.stm); st != nil {
			i := int(l.off)
			if i >= len(st.nums) || st.nums[i] != num {
				i = slices.Index(st.nums, num)
			}
			if i >= 0 {
				o = &rawObject{num: num, val: parseValueAt(st.data, st.offs[i])}
			}
		}
	} else if ro, ok := parseObjectAt(s.b, l.off, s.length); ok && ro.num == num {
		o = &ro
	}
	s.parsed[num] = o
	return o
}

// length resolves a stream's /Length.
func (s *objectSet) length(v any) (int64, bool) {
	if r, ok := v.(pdfRef); ok {
		o := s.get(r.num)
		if o == nil {
			return 0, false
		}
		v = o.val
	}
	return integer(v, int64(len(s.b)))
}

// resolve follows references to the value they name (nil when missing).
func (s *objectSet) resolve(v any) any {
	for range 32 {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		o := s.get(r.num)
		if o == nil {
			return nil
		}
		v = o.val
	}
	return nil
}

// dict resolves v to a dictionary (a stream's dictionary included).
func (s *objectSet) dict(v any) pdfDict {
	d, _ := s.resolve(v).(pdfDict)
	return d
}

// objStream decodes (and decrypts) object stream num once.
func (s *objectSet) objStream(num uint32) *objStream {
	if st, ok := s.stms[num]; ok {
		return st
	}
	s.stms[num] = nil
	o := s.get(num)
	if o == nil || !o.stream {
		return nil
	}
	d, _ := o.val.(pdfDict)
	if d["Type"] != pdfName("ObjStm") {
		return nil
	}
	data := o.data
	if s.dec != nil {
		data = s.dec.decrypt(data, num, o.gen, s.dec.stm)
	}
	data, _ = decodeStructStream(d, data, s.bud, s.bud.lim.StreamBytes) // keep what decoded
	n, _ := integer(d["N"], int64(len(data)/2))
	first, ok := integer(d["First"], int64(len(data)))
	if !ok {
		return nil
	}
	st := &objStream{data: data}
	p := newObjParser(data[:first], 0)
	for range n {
		num, ok1 := integer(tokValue(p.next()), 1<<31)
		off, ok2 := integer(tokValue(p.next()), int64(len(data))-first)
		if !ok1 || !ok2 {
			break
		}
		st.nums = append(st.nums, uint32(num))
		st.offs = append(st.offs, int(first+off))
	}
	s.stms[num] = st
	return st
}

// typeOf returns the /Type of object num, for skipping structure.
func (s *objectSet) typeOf(o *rawObject) pdfName {
	d, _ := o.val.(pdfDict)
	t, _ := d["Type"].(pdfName)
	return t
}

// catalog reports whether the trailer's /Root names a dictionary that can
// be a catalog; if not, it looks for the newest /Type /Catalog object
// and points the trailer at it.
func (s *objectSet) catalog() bool {
	if r, ok := s.trailer["Root"].(pdfRef); ok {
		if d := s.dict(r); d != nil && (d["Type"] == pdfName("Catalog") || d["Pages"] != nil) {
			return true
		}
	}
	best, bestOff := uint32(0), int64(-1)
	for num, l := range s.loc {
		if s.bud.checkCtx() != nil {
			return false
		}
		o := s.get(num)
		if o == nil || s.typeOf(o) != "Catalog" {
			continue
		}
		off := l.off
		if l.inStm {
			off = s.loc[l.stm].off
		}
		if off > bestOff || off == bestOff && num > best {
			best, bestOff = num, off
		}
	}
	if bestOff < 0 {
		return false
	}
	s.trailer["Root"] = pdfRef{num: best, gen: s.loc[best].gen}
	return true
}

// write renders the objects as a sound file: a classic cross-reference
// table, every stream's /Length right, objects out of their object
// streams, image data left out and, for an encrypted file, everything
// decrypted. It returns nil when the context ended or the catalog could
// not be written.
func (s *objectSet) write() []byte {
	nums := make([]uint32, 0, len(s.loc))
	for num := range s.loc {
		if num != 0 && objNumOK(num, len(s.b)) {
			nums = append(nums, num)
		}
	}
	slices.Sort(nums)
	var w bytes.Buffer
	w.Grow(len(s.b) + len(s.b)/8 + 4096)
	w.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	type entry struct {
		num uint32
		gen uint16
		off int
	}
	var entries []entry
	for i, num := range nums {
		if i&255 == 0 && s.bud.cancelled() != nil {
			return nil
		}
		o := s.get(num)
		if o == nil || (s.dec != nil && num == s.encNum) {
			continue
		}
		if t := s.typeOf(o); o.stream && (t == "XRef" || t == "ObjStm") {
			continue // their objects are written one by one
		}
		var strDec func([]byte) []byte
		if s.dec != nil && !s.loc[num].inStm {
			strDec = func(b []byte) []byte { return s.dec.decrypt(b, num, o.gen, s.dec.str) }
		}
		entries = append(entries, entry{num, o.gen, w.Len()})
		w.WriteString(itoa(int64(num)) + " " + itoa(int64(o.gen)) + " obj\n")
		if !o.stream {
			writeValue(&w, o.val, strDec)
			w.WriteString("\nendobj\n")
			continue
		}
		d := pdfDict{}
		for k, v := range o.val.(pdfDict) {
			d[k] = v
		}
		data := o.data
		switch {
		case d["Subtype"] == pdfName("Image"):
			// Images are counted, never decoded: their data, most of a
			// scanned file, is left out of the copy.
			data = nil
			delete(d, "Filter")
			delete(d, "DecodeParms")
		case s.dec != nil && !(d["Type"] == pdfName("Metadata") && !s.dec.encryptMeta) && !hasCryptFilter(d):
			data = s.dec.decrypt(data, num, o.gen, s.dec.stm)
		}
		d["Length"] = float64(len(data))
		writeValue(&w, d, strDec)
		w.WriteString("\nstream\n")
		w.Write(data)
		w.WriteString("\nendstream\nendobj\n")
	}
	root, _ := s.trailer["Root"].(pdfRef)
	if !slices.ContainsFunc(entries, func(e entry) bool { return e.num == root.num }) {
		return nil // the catalog could not be written: nothing to read
	}
	xref := w.Len()
	w.WriteString("xref\n0 1\n0000000000 65535 f \n")
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].num == entries[j-1].num+1 {
			j++
		}
		w.WriteString(itoa(int64(entries[i].num)) + " " + itoa(int64(j-i)) + "\n")
		for _, e := range entries[i:j] {
			w.WriteString(pad10(e.off) + " " + pad5(int(e.gen)) + " n \n")
		}
		i = j
	}
	size := uint32(1)
	if len(entries) > 0 {
		size = entries[len(entries)-1].num + 1
	}
	t := pdfDict{"Size": float64(size), "Root": s.trailer["Root"]}
	if info, ok := s.trailer["Info"].(pdfRef); ok {
		t["Info"] = info
	}
	w.WriteString("trailer\n")
	writeValue(&w, t, nil)
	w.WriteString("\nstartxref\n" + itoa(int64(xref)) + "\n%%EOF\n")
	return w.Bytes()
}

// objNumOK reports whether an object number is one a file of n bytes
// may use: ledongthuc sizes its table by the largest number (40 bytes an
// entry), so a number far beyond what the file can hold is a lie that
// would cost memory.
func objNumOK(num uint32, n int) bool {
	return int64(num) <= int64(max(n, 1<<20))
}

// hasCryptFilter reports a stream with its own /Crypt filter, which
// says how (or whether) it is encrypted; such streams are left alone.
func hasCryptFilter(d pdfDict) bool {
	switch f := d["Filter"].(type) {
	case pdfName:
		return f == "Crypt"
	case pdfArray:
		return slices.Contains(f, any(pdfName("Crypt")))
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func pad10(n int) string { s := itoa(int64(n)); return "0000000000"[min(len(s), 10):] + s }
func pad5(n int) string  { s := itoa(int64(n)); return "00000"[min(len(s), 5):] + s }
