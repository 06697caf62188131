package extract

import (
	"bytes"
	"math"
	"slices"
	"strconv"
)

// This file parses and writes PDF objects for the file structure:
// cross-reference sections, trailers, object streams, encryption
// dictionaries. ledongthuc/pdf reads the objects of a sound file; this
// layer checks a file first and, when the library could not read it
// (a broken cross-reference table, wrong stream lengths, encryption it
// cannot decrypt), writes a sound copy for it (see rebuild.go).
//
// Values are nil (null), bool, float64 (every number), pdfName,
// pdfString, pdfArray, pdfDict and pdfRef; a pdfKeyword stands for a
// keyword met where a value was expected (the end of an unterminated
// array, "endobj" …).

type (
	pdfName    string
	pdfString  []byte
	pdfArray   []any
	pdfDict    map[pdfName]any
	pdfKeyword string
	pdfRef     struct {
		num uint32
		gen uint16
	}
)

// maxNesting bounds the nesting of arrays and dictionaries.
const maxNesting = 64

// An objParser reads values from PDF syntax, with a few tokens of
// look-ahead for references ("12 0 R").
type objParser struct {
	lx   lexer
	back []token
}

func newObjParser(b []byte, pos int) *objParser {
	return &objParser{lx: lexer{b: b, pos: pos}}
}

func (p *objParser) next() token {
	if n := len(p.back); n > 0 {
		t := p.back[n-1]
		p.back = p.back[:n-1]
		return t
	}
	return p.lx.next()
}

func (p *objParser) unread(t token) { p.back = append(p.back, t) }

// pos is the offset after the last token read, when none is pushed back.
func (p *objParser) pos() int { return p.lx.pos }

func isIndex(x float64, max float64) bool { return x >= 0 && x <= max && x == math.Trunc(x) }

// value reads one value. The lexer always advances, so a caller looping
// over value ends.
func (p *objParser) value(depth int) any {
	t := p.next()
	switch t.kind {
	case tokEOF:
		return pdfKeyword("")
	case tokNum:
		if isIndex(t.num, math.MaxUint32) {
			t2 := p.next()
			if t2.kind == tokNum && isIndex(t2.num, math.MaxUint16) {
				t3 := p.next()
				if t3.kind == tokOp && string(t3.s) == "R" {
					return pdfRef{uint32(t.num), uint16(t2.num)}
				}
				p.unread(t3)
			}
			p.unread(t2)
		}
		return t.num
	case tokName:
		return pdfName(t.s)
	case tokStr:
		return pdfString(bytes.Clone(t.s))
	case tokArrOpen:
		if depth >= maxNesting {
			return nil
		}
		a := pdfArray{}
		for {
			t := p.next()
			if t.kind == tokEOF || t.kind == tokArrClose {
				return a
			}
			p.unread(t)
			v := p.value(depth + 1)
			if kw, ok := v.(pdfKeyword); ok {
				// An array that was never closed ends at a keyword.
				if kw != "" {
					p.unread(token{kind: tokOp, s: []byte(kw)})
				}
				return a
			}
			a = append(a, v)
		}
	case tokArrClose:
		return pdfKeyword("]")
	case tokOp:
		switch string(t.s) {
		case "<<":
			if depth >= maxNesting {
				return nil
			}
			return p.dict(depth + 1)
		case "true":
			return true
		case "false":
			return false
		case "null":
			return nil
		}
		return pdfKeyword(t.s)
	}
	return nil
}

// dict reads a dictionary after its "<<".
func (p *objParser) dict(depth int) pdfDict {
	d := pdfDict{}
	for {
		t := p.next()
		switch {
		case t.kind == tokEOF:
			return d
		case t.kind == tokOp && string(t.s) == ">>":
			return d
		case t.kind == tokOp && isStructural(string(t.s)):
			p.unread(t) // a dictionary that was never closed
			return d
		case t.kind != tokName:
			continue // junk where a key should be
		}
		key := pdfName(t.s)
		v := p.value(depth)
		if kw, ok := v.(pdfKeyword); ok {
			if kw == ">>" {
				return d
			}
			if kw != "" {
				p.unread(token{kind: tokOp, s: []byte(kw)})
			}
			continue
		}
		d[key] = v
	}
}

// isStructural reports whether a keyword belongs to the file structure,
// which no dictionary or array can hold.
func isStructural(kw string) bool {
	switch kw {
	case "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref":
		return true
	}
	return false
}

// A rawObject is an indirect object as it stands in the file.
type rawObject struct {
	num uint32
	gen uint16
	val any
	// Streams: the data as stored (encoded, maybe encrypted), and whether
	// the dictionary's /Length agreed with the endstream that closes it.
	stream   bool
	data     []byte
	dataAt   int // offset of data in the buffer read
	lengthOK bool
}

// parseObjectAt reads the indirect object "num gen obj … endobj" at off.
// length resolves a stream's /Length (which may be a reference); a stream
// whose /Length does not lead to its endstream is read up to endstream.
// ok is false when no object header stands at off.
func parseObjectAt(b []byte, off int64, length func(any) (int64, bool)) (o rawObject, ok bool) {
	if off < 0 || off >= int64(len(b)) {
		return o, false
	}
	p := newObjParser(b, int(off))
	t1, t2, t3 := p.next(), p.next(), p.next()
	if t1.kind != tokNum || t2.kind != tokNum || t3.kind != tokOp || string(t3.s) != "obj" ||
		!isIndex(t1.num, math.MaxUint32) || !isIndex(t2.num, math.MaxUint16) {
		return o, false
	}
	o.num, o.gen = uint32(t1.num), uint16(t2.num)
	o.val = p.value(0)
	if _, isKw := o.val.(pdfKeyword); isKw {
		o.val = nil
	}
	d, isDict := o.val.(pdfDict)
	if !isDict {
		return o, true
	}
	t := p.next()
	if t.kind != tokOp || string(t.s) != "stream" || len(p.back) > 0 {
		return o, true
	}
	start := p.pos()
	// The keyword is followed by CRLF or LF (a lone CR is tolerated).
	eol := true
	switch {
	case start+1 < len(b) && b[start] == '\r' && b[start+1] == '\n':
		start += 2
	case start < len(b) && (b[start] == '\n' || b[start] == '\r'):
		start++
	default:
		eol = false
	}
	n, known := int64(-1), false
	if length != nil {
		n, known = length(d["Length"])
	}
	end, exact := streamEnd(b, start, n, known)
	o.stream, o.data, o.dataAt, o.lengthOK = true, b[start:end], start, exact && eol
	return o, true
}

// streamEnd finds the end of stream data that starts at start: start+n
// when the declared length n is followed by endstream, else the first
// endstream after start (one end-of-line before it is not data), else
// the end of the file.
//
// A length followed by blanks and then endstream is taken as right, but
// the data runs on to the end-of-line before endstream: a length one
// short whose data ends with a blank byte (an uncompressed
// cross-reference stream's last entry) would otherwise lose that byte.
func streamEnd(b []byte, start int, n int64, known bool) (end int, exact bool) {
	i := bytes.Index(b[start:], []byte("endstream"))
	alt := len(b)
	if i >= 0 {
		alt = start + i
		switch {
		case alt-2 >= start && b[alt-2] == '\r' && b[alt-1] == '\n':
			alt -= 2
		case alt-1 >= start && (b[alt-1] == '\n' || b[alt-1] == '\r'):
			alt--
		}
	}
	if known && n >= 0 && n <= int64(len(b)-start) {
		e := start + int(n)
		j := e
		for j < len(b) && j < e+4 && isSpace(b[j]) {
			j++
		}
		if bytes.HasPrefix(b[j:], []byte("endstream")) {
			return max(e, min(alt, j)), true
		}
	}
	return alt, false
}

// parseValueAt reads the value at pos of b (an object inside an object
// stream).
func parseValueAt(b []byte, pos int) any {
	if pos < 0 || pos >= len(b) {
		return nil
	}
	v := newObjParser(b, pos).value(0)
	if _, ok := v.(pdfKeyword); ok {
		return nil
	}
	return v
}

// number returns v as a number, and whether it is one.
func number(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}

// integer returns v as a non-negative integer no larger than max.
func integer(v any, max int64) (int64, bool) {
	f, ok := v.(float64)
	if !ok || !isIndex(f, float64(max)) {
		return 0, false
	}
	return int64(f), true
}

// writeValue writes v in PDF syntax. dec, when not nil, is applied to
// every string (decryption).
func writeValue(w *bytes.Buffer, v any, dec func([]byte) []byte) {
	switch v := v.(type) {
	case nil, pdfKeyword:
		w.WriteString("null")
	case bool:
		w.WriteString(strconv.FormatBool(v))
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			w.WriteString(strconv.FormatInt(int64(v), 10))
		} else {
			w.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
		}
	case pdfName:
		writeName(w, string(v))
	case pdfString:
		s := []byte(v)
		if dec != nil {
			s = dec(s)
		}
		w.WriteByte('<')
		const hexDigits = "0123456789ABCDEF"
		for _, c := range s {
			w.WriteByte(hexDigits[c>>4])
			w.WriteByte(hexDigits[c&15])
		}
		w.WriteByte('>')
	case pdfRef:
		w.WriteString(strconv.FormatUint(uint64(v.num), 10))
		w.WriteByte(' ')
		w.WriteString(strconv.FormatUint(uint64(v.gen), 10))
		w.WriteString(" R")
	case pdfArray:
		w.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				w.WriteByte(' ')
			}
			writeValue(w, e, dec)
		}
		w.WriteByte(']')
	case pdfDict:
		keys := make([]pdfName, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys) // the same file gives the same bytes
		w.WriteString("<<")
		for _, k := range keys {
			writeName(w, string(k))
			w.WriteByte(' ')
			writeValue(w, v[k], dec)
		}
		w.WriteString(">>")
	}
}

// writeName writes /name, escaping what is not a regular character.
func writeName(w *bytes.Buffer, s string) {
	w.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '#' || isDelim(c) {
			w.WriteByte('#')
			w.WriteString(strconv.FormatUint(uint64(c>>4), 16))
			w.WriteString(strconv.FormatUint(uint64(c&15), 16))
			continue
		}
		w.WriteByte(c)
	}
}
