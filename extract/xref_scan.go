package extract

import "bytes"

// scanObjects rebuilds the cross-reference data of a file whose table
// is wrong (offsets shifted, zeroed, a startxref pointing nowhere) the
// way PDF readers do: it finds every "num gen obj" in the file, a later
// definition replacing an earlier one (incremental updates append), skips
// the data of streams, and merges every trailer dictionary it meets
// (cross-reference stream dictionaries included). Objects inside object
// streams are added from the streams themselves, when the set can decode
// them (see addObjectStreams).
func scanObjects(s *objectSet) error {
	b := s.b
	var objStms []uint32
	for pos := 0; pos < len(b); {
		if err := s.bud.checkCtx(); err != nil {
			return err
		}
		i := bytes.Index(b[pos:], []byte("obj"))
		j := bytes.Index(b[pos:], []byte("trailer"))
		if i < 0 && j < 0 {
			break
		}
		if j >= 0 && (i < 0 || j < i) {
			at := pos + j + len("trailer")
			if d, ok := parseValueAt(b, at).(pdfDict); ok {
				mergeTrailer(s.trailer, d)
			}
			pos = at
			continue
		}
		at := pos + i
		pos = at + 3
		h := objHeader(b, at)
		if h < 0 {
			continue
		}
		o, ok := parseObjectAt(b, int64(h), func(v any) (int64, bool) { return integer(v, int64(len(b))) })
		if !ok || o.num == 0 { // object 0 is the head of the free list, never an object
			continue
		}
		s.loc[o.num] = objLoc{off: int64(h), gen: o.gen}
		delete(s.parsed, o.num)
		if !o.stream {
			continue
		}
		pos = o.dataAt + len(o.data)
		switch d := o.val.(pdfDict); d["Type"] {
		case pdfName("XRef"):
			mergeTrailer(s.trailer, d)
		case pdfName("ObjStm"):
			objStms = append(objStms, o.num)
		}
	}
	s.objStms = objStms
	return nil
}

// addObjectStreams adds the objects of the object streams found by
// scanObjects, in file order, unless a later top-level definition
// replaces them. It runs once the set can decrypt.
func (s *objectSet) addObjectStreams() {
	for _, num := range s.objStms {
		l := s.loc[num]
		st := s.objStream(num)
		if st == nil {
			continue
		}
		for i, n := range st.nums {
			if old, ok := s.loc[n]; ok && !old.inStm && old.off > l.off {
				continue
			}
			s.loc[n] = objLoc{off: int64(i), stm: num, inStm: true}
		}
	}
}

// mergeTrailer copies the keys of d into t; later trailers win.
func mergeTrailer(t, d pdfDict) {
	for k, v := range d {
		switch k {
		case "Root", "Info", "Encrypt", "ID", "Size":
			t[k] = v
		}
	}
}

// objHeader returns the offset of "num gen" before the "obj" at i, or -1
// when i does not end an object header.
func objHeader(b []byte, i int) int {
	if i+3 < len(b) && isRegular(b[i+3]) {
		return -1 // "objstm", …
	}
	j := i
	digits := func(max int) bool {
		end := j
		for j > 0 && b[j-1] >= '0' && b[j-1] <= '9' && end-j < max {
			j--
		}
		return j < end
	}
	spaces := func() bool {
		end := j
		for j > 0 && isSpace(b[j-1]) {
			j--
		}
		return j < end
	}
	if !spaces() || !digits(5) || !spaces() || !digits(10) {
		return -1
	}
	if j > 0 && isRegular(b[j-1]) {
		return -1
	}
	return j
}
