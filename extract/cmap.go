package extract

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf16"
)

// A cmap is a parsed CMap program: either a ToUnicode map (code → text)
// or an embedded encoding CMap (code → CID). Both kinds share the
// codespace ranges that say how a byte string splits into codes.
//
// The parser is deliberately tolerant: PDF producers write odd-length
// hex strings, missing "end" keywords and stray tokens, and one bad
// entry must not lose the rest of the map (see research notes §1.1).
type cmap struct {
	space []codespace

	// ToUnicode entries. chars is keyed by codeKey(code, length).
	chars  map[uint64]string
	ranges []uniRange

	// Encoding CMap entries (cidchar/cidrange).
	cids      map[uint64]uint32
	cidRanges []cidRange

	// usecmap names a predefined parent CMap (e.g. "UniGB-UCS2-H").
	usecmap string
}

// A codespace is one codespacerange entry: codes of n bytes whose every
// byte lies between the matching bytes of lo and hi.
type codespace struct {
	n      int
	lo, hi [4]byte
}

// A uniRange is one bfrange entry. Either dst is the text of the first
// code (later codes add their offset to its last UTF-16 unit, with carry)
// or list holds one text per code.
type uniRange struct {
	n      int
	lo, hi uint32
	dst    []uint16
	list   []string
}

// A cidRange is one cidrange entry.
type cidRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

// maxCMapRange caps how many codes one bfrange with an array target may
// list, so a hostile CMap cannot make us allocate without bound.
const maxCMapRange = 1 << 16

func codeKey(code uint32, n int) uint64 { return uint64(n)<<32 | uint64(code) }

// bytesCode turns up to 4 big-endian bytes into a code.
func bytesCode(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

// parseCMap parses a CMap program. It never fails: whatever it could read
// is returned, possibly empty.
func parseCMap(data []byte) *cmap {
	// A bfchar section holds at most 100 entries (the CMap limit), and an
	// entry takes at least 10 bytes: the map is made the size the
	// entries need, where growing it entry by entry (a Chinese font maps
	// thousands of codes) was 2 % of the time of reading a report.
	n := min(bytes.Count(data, []byte("beginbfchar"))*100, len(data)/10, 1<<16)
	m := &cmap{chars: make(map[uint64]string, n), cids: map[uint64]uint32{}}
	lx := lexer{b: data}
	var stk []token
	const maxStack = 64
	t := lx.next()
	for t.kind != tokEOF {
		if t.kind != tokOp {
			if len(stk) < maxStack {
				stk = append(stk, t)
			}
			t = lx.next()
			continue
		}
		next := token{}
		switch string(t.s) {
		case "begincodespacerange":
			next = m.readCodespace(&lx)
		case "beginbfchar":
			next = m.readBFChar(&lx)
		case "beginbfrange":
			next = m.readBFRange(&lx)
		case "begincidchar":
			next = m.readCIDChar(&lx)
		case "begincidrange":
			next = m.readCIDRange(&lx)
		case "usecmap":
			if len(stk) > 0 && stk[len(stk)-1].kind == tokName {
				m.usecmap = string(stk[len(stk)-1].s)
			}
		}
		stk = stk[:0]
		if next.kind == tokOp && bytes.HasPrefix(next.s, []byte("begin")) {
			t = next // a section without its end keyword
		} else {
			t = lx.next()
		}
	}
	sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	return m
}

// section reads the tokens of one begin…end section and returns the
// operator that ended it: normally the matching "end…" keyword, or the
// "begin…" of the next section when the end is missing, or EOF. Other
// operators are junk: the entry being read is dropped and reading goes
// on, so one damaged entry loses only itself.
func section(lx *lexer, fn func(toks []token) int) token {
	var buf []token
	for {
		t := lx.next()
		switch {
		case t.kind == tokEOF:
			return t
		case t.kind == tokOp && (bytes.HasPrefix(t.s, []byte("end")) || bytes.HasPrefix(t.s, []byte("begin"))):
			return t
		case t.kind == tokOp:
			buf = buf[:0]
			continue
		case t.kind == tokArrOpen:
			// Collect the array as one token whose list holds its elements.
			arr := token{kind: tokArray}
			for {
				u := lx.next()
				if u.kind == tokEOF {
					return u
				}
				if u.kind == tokArrClose || u.kind == tokOp {
					break
				}
				if len(arr.list) < maxCMapRange {
					arr.list = append(arr.list, u)
				}
			}
			t = arr
		}
		buf = append(buf, t)
		if used := fn(buf); used > 0 {
			buf = buf[:copy(buf, buf[used:])]
		}
	}
}

func (m *cmap) readCodespace(lx *lexer) token {
	return section(lx, func(t []token) int {
		if len(t) < 2 {
			return 0
		}
		if t[0].kind != tokStr || t[1].kind != tokStr {
			return 1
		}
		lo, hi := t[0].s, t[1].s
		if len(lo) == 0 || len(lo) > 4 {
			return 2
		}
		cs := codespace{n: len(lo)}
		copy(cs.lo[:], lo)
		copy(cs.hi[:], hi)
		if len(hi) < len(lo) {
			for i := len(hi); i < len(lo); i++ {
				cs.hi[i] = 0xff
			}
		}
		if len(m.space) < 256 {
			m.space = append(m.space, cs)
		}
		return 2
	})
}

// targetText converts a bfchar/bfrange destination to text: a string is
// UTF-16BE, a name is a glyph name.
func targetText(t token) (string, bool) {
	switch t.kind {
	case tokStr:
		// Padding of odd-length hex strings leaves a NUL unit behind.
		return strings.TrimRight(utf16BE(t.s), "\x00"), true
	case tokName:
		return glyphNameText(string(t.s)), true
	}
	return "", false
}

func (m *cmap) readBFChar(lx *lexer) token {
	return section(lx, func(t []token) int {
		if len(t) < 2 {
			return 0
		}
		if t[0].kind != tokStr || len(t[0].s) == 0 || len(t[0].s) > 4 {
			return 1
		}
		if s, ok := targetText(t[1]); ok {
			m.chars[codeKey(bytesCode(t[0].s), len(t[0].s))] = s
		}
		return 2
	})
}

func (m *cmap) readBFRange(lx *lexer) token {
	return section(lx, func(t []token) int {
		if len(t) < 3 {
			return 0
		}
		if t[0].kind != tokStr || t[1].kind != tokStr || len(t[0].s) == 0 || len(t[0].s) > 4 {
			return 1
		}
		r := uniRange{n: len(t[0].s), lo: bytesCode(t[0].s), hi: bytesCode(t[1].s)}
		if r.hi < r.lo {
			return 3
		}
		switch t[2].kind {
		case tokStr:
			r.dst = utf16Units(t[2].s)
			if len(r.dst) == 0 {
				return 3
			}
		case tokArray:
			for _, e := range t[2].list {
				s, _ := targetText(e)
				r.list = append(r.list, s)
			}
		case tokName:
			// A name target on a range only makes sense for one code.
			s, _ := targetText(t[2])
			r.list = []string{s}
		default:
			return 3
		}
		if len(m.ranges) < 1<<20 {
			m.ranges = append(m.ranges, r)
		}
		return 3
	})
}

func (m *cmap) readCIDChar(lx *lexer) token {
	return section(lx, func(t []token) int {
		if len(t) < 2 {
			return 0
		}
		if t[0].kind != tokStr || t[1].kind != tokNum || len(t[0].s) == 0 || len(t[0].s) > 4 {
			return 1
		}
		m.cids[codeKey(bytesCode(t[0].s), len(t[0].s))] = uint32(max(0, t[1].num))
		return 2
	})
}

func (m *cmap) readCIDRange(lx *lexer) token {
	return section(lx, func(t []token) int {
		if len(t) < 3 {
			return 0
		}
		if t[0].kind != tokStr || t[1].kind != tokStr || t[2].kind != tokNum || len(t[0].s) == 0 || len(t[0].s) > 4 {
			return 1
		}
		r := cidRange{n: len(t[0].s), lo: bytesCode(t[0].s), hi: bytesCode(t[1].s), cid: uint32(max(0, t[2].num))}
		if r.hi >= r.lo && len(m.cidRanges) < 1<<20 {
			m.cidRanges = append(m.cidRanges, r)
		}
		return 3
	})
}

// next splits the first code off s using the codespace ranges. It reports
// the code, its length in bytes and whether it matched a range; when none
// matched it takes the length of the shortest range whose first byte fits
// (the PDF 32000 §9.7.6.3 recovery rule), else one byte.
func (m *cmap) next(s []byte) (code uint32, n int, ok bool) {
	for _, cs := range m.space {
		if cs.n > len(s) {
			continue
		}
		match := true
		for i := 0; i < cs.n; i++ {
			if s[i] < cs.lo[i] || s[i] > cs.hi[i] {
				match = false
				break
			}
		}
		if match {
			return bytesCode(s[:cs.n]), cs.n, true
		}
	}
	n = 0
	for _, cs := range m.space {
		if cs.n <= len(s) && s[0] >= cs.lo[0] && s[0] <= cs.hi[0] && (n == 0 || cs.n < n) {
			n = cs.n
		}
	}
	if n == 0 {
		n = 1
	}
	return bytesCode(s[:n]), n, false
}

// lookup returns the text a ToUnicode map gives code (of n bytes).
func (m *cmap) lookup(code uint32, n int) (string, bool) {
	if s, ok := m.chars[codeKey(code, n)]; ok {
		return s, true
	}
	// Ranges are sorted by lo; scan those that can contain code. Misses
	// are cached by the font, so the worst case is paid once per code.
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > code })
	for j := i - 1; j >= 0; j-- {
		r := &m.ranges[j]
		if code > r.hi || r.n != n {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if int(off) < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		return addUnits(r.dst, off), true
	}
	return "", false
}

// addUnits adds off to the destination of a bfrange, carrying into the
// higher units as poppler and pdfium do, and converts the result.
func addUnits(dst []uint16, off uint32) string {
	u := make([]uint16, len(dst))
	copy(u, dst)
	carry := off
	for i := len(u) - 1; i >= 0 && carry != 0; i-- {
		v := uint32(u[i]) + carry
		u[i] = uint16(v)
		carry = v >> 16
	}
	return string(utf16.Decode(u))
}

// cid maps a code of an embedded encoding CMap to its CID.
func (m *cmap) cid(code uint32, n int) (uint32, bool) {
	if c, ok := m.cids[codeKey(code, n)]; ok {
		return c, true
	}
	for _, r := range m.cidRanges {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// utf16Units reads big-endian UTF-16 code units; an odd trailing byte is
// taken as the high byte of a last unit.
func utf16Units(b []byte) []uint16 {
	u := make([]uint16, 0, (len(b)+1)/2)
	for i := 0; i < len(b); i += 2 {
		v := uint16(b[i]) << 8
		if i+1 < len(b) {
			v |= uint16(b[i+1])
		}
		u = append(u, v)
	}
	return u
}

// utf16BE decodes big-endian UTF-16 text. A single byte is taken as a
// code point (some producers write <41> for "A").
func utf16BE(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	return string(utf16.Decode(utf16Units(b)))
}
