package extract

import (
	"context"
	"math"
	"strings"
	"unicode/utf16"
)

// This file holds our own content-stream tokenizer and text state
// machine. ledongthuc/pdf's interpreter loses whole documents on one bad
// token and mis-positions 2-byte fonts (research notes §1.2), so only its
// object layer is used and content streams are read here.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNum
	tokName
	tokStr
	tokOp
	tokArrOpen
	tokArrClose
	tokArray // an array collected by a consumer; elements in list
	tokNull  // a skipped dictionary
	tokProps // an inline marked-content property dictionary, in props
)

// A token is one lexical item of a content stream or CMap. For names,
// operators and strings s holds the bytes (names without the slash,
// strings decoded); it may alias the input.
type token struct {
	kind  tokKind
	num   float64
	s     []byte
	list  []token
	props *mcProps // tokProps only
}

// A lexer splits PDF content-stream syntax into tokens. It always
// advances, so a loop over next ends at EOF whatever the input.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// next returns the next token, or a tokEOF token at the end.
func (l *lexer) next() token {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		case c == '/':
			l.pos++
			return token{kind: tokName, s: l.name()}
		case c == '(':
			l.pos++
			return token{kind: tokStr, s: l.literal()}
		case c == '<':
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
				l.pos += 2
				return token{kind: tokOp, s: []byte("<<")}
			}
			l.pos++
			return token{kind: tokStr, s: l.hex()}
		case c == '>':
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
				l.pos += 2
				return token{kind: tokOp, s: []byte(">>")}
			}
			l.pos++ // stray
		case c == '[':
			l.pos++
			return token{kind: tokArrOpen}
		case c == ']':
			l.pos++
			return token{kind: tokArrClose}
		case c == ')' || c == '{' || c == '}':
			l.pos++ // stray delimiter or PostScript procedure brace
		case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			return token{kind: tokNum, num: l.number()}
		default:
			start := l.pos
			for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
				l.pos++
			}
			op := l.b[start:l.pos]
			if string(op) == "BI" {
				l.skipInlineImage()
			}
			return token{kind: tokOp, s: op}
		}
	}
	return token{kind: tokEOF}
}

func (l *lexer) name() []byte {
	start := l.pos
	esc := false
	for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
		if l.b[l.pos] == '#' {
			esc = true
		}
		l.pos++
	}
	s := l.b[start:l.pos]
	if !esc {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s)+0 && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func (l *lexer) number() float64 {
	neg := false
	for l.pos < len(l.b) && (l.b[l.pos] == '+' || l.b[l.pos] == '-') {
		neg = neg != (l.b[l.pos] == '-')
		l.pos++
	}
	var v float64
	for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
		v = v*10 + float64(l.b[l.pos]-'0')
		l.pos++
	}
	if l.pos < len(l.b) && l.b[l.pos] == '.' {
		l.pos++
		f := 0.1
		for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
			v += f * float64(l.b[l.pos]-'0')
			f /= 10
			l.pos++
		}
	}
	// Swallow junk such as "1.2.3" or "4-5" so the next token starts
	// cleanly; the value read so far stands.
	for l.pos < len(l.b) && isRegular(l.b[l.pos]) && (l.b[l.pos] == '.' || l.b[l.pos] == '-' || l.b[l.pos] == '+' || (l.b[l.pos] >= '0' && l.b[l.pos] <= '9')) {
		l.pos++
	}
	if neg {
		v = -v
	}
	return v
}

// literal reads a (…) string after the opening parenthesis.
func (l *lexer) literal() []byte {
	start := l.pos
	depth := 1
	plain := true
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if c == '\\' {
			plain = false
			l.pos += 2
			continue
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			depth--
			if depth == 0 {
				s := l.b[start:l.pos]
				l.pos++
				if plain {
					return s
				}
				return unescape(s)
			}
		}
		l.pos++
	}
	if l.pos > len(l.b) {
		l.pos = len(l.b)
	}
	return unescape(l.b[start:l.pos])
}

func unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(s) {
			break
		}
		switch c = s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
			// line continuation
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(s[i]-'0')
			}
			out = append(out, byte(v))
		default:
			out = append(out, c) // \( \) \\ and unknown escapes
		}
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// hex reads a <…> string after the opening bracket. Non-hex bytes are
// ignored and an odd final digit is padded with 0 (PDF 32000 §7.3.4.3).
func (l *lexer) hex() []byte {
	var out []byte
	half := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		if !isHex(c) {
			continue
		}
		if half < 0 {
			half = int(unhex(c))
		} else {
			out = append(out, byte(half<<4)|unhex(c))
			half = -1
		}
	}
	if half >= 0 {
		out = append(out, byte(half<<4))
	}
	return out
}

// skipInlineImage skips the dictionary and binary data of an inline
// image (BI … ID data EI). The data may hold any bytes, so it is searched
// for a whitespace-delimited EI rather than tokenized.
func (l *lexer) skipInlineImage() {
	for {
		t := l.next()
		if t.kind == tokEOF {
			return
		}
		if t.kind == tokOp && string(t.s) == "ID" {
			break
		}
	}
	if l.pos < len(l.b) && isSpace(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == l.pos || isSpace(l.b[i-1])) &&
			(i+2 == len(l.b) || isSpace(l.b[i+2]) || isDelim(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}

// A matrix is a PDF transformation [a b c d e f]; points are row
// vectors, so p' = p × m.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// resourceSet resolves the named resources a content stream uses.
type resourceSet interface {
	// font returns the font resource name, or nil when it is missing.
	font(name string) *font
	// xobject returns the XObject resource name: an image (form == nil,
	// image == true), a form, or nothing.
	xobject(name string) (form *formXObject, image bool)
}

// A formXObject is a Form XObject ready to be interpreted.
type formXObject struct {
	id      uint64 // identifies the object, for cycle detection
	content []byte
	matrix  matrix
	res     resourceSet // nil: use the caller's resources
}

type gstate struct {
	ctm                matrix
	tc, tw, th, tl, ts float64
	font               *font
	fs                 float64
	tr                 int
	lw                 float64 // line width, in user space units
	fillWhite          bool    // the non-stroking colour is white (see setColor)
	strokeWhite        bool    // the stroking colour is white
	clip               rect    // bounding box of the clipping path, in page space (see paths.go)
	clipped            bool    // a clipping path is set: what falls outside clip is not painted
}

const (
	maxOperands = 64      // operand stack cap
	maxArray    = 1 << 16 // TJ array cap
	maxGstack   = 256     // q nesting cap
)

// An interp runs content streams and collects glyphs.
type interp struct {
	glyphs []Glyph
	images int
	// bud counts tokens, forms and glyphs against the page's Limits, so
	// that a hostile file cannot loop us or exhaust memory; nil: defaults.
	bud   *budget
	forms []uint64 // forms being interpreted, for cycle detection
	unk   *font    // stand-in for a missing font resource
	// running: glyphs now being painted are a pagination artifact
	running  bool
	path     path    // the path being built (paths.go)
	clipNext bool    // W or W* was seen: the path clips once painted (paths.go)
	rules    []rule  // horizontal and vertical lines painted
	shapes   []shape // other areas and curves painted
}

// budget returns the interpreter's budget, made with the default limits
// when none was given.
func (in *interp) budget() *budget {
	if in.bud == nil {
		in.bud = newBudget(context.Background(), Limits{})
	}
	return in.bud
}

// run interprets one content stream with the given resources and
// initial graphics state.
func (in *interp) run(content []byte, res resourceSet, gs gstate) {
	defer func(running bool) { in.running = running }(in.running) // marked content ends with its stream
	lx := lexer{b: content}
	var (
		stack   []gstate
		over    int // q operators beyond maxGstack
		tm, tlm = identity, identity
		ops     = make([]token, 0, 16)
		marks   []markedContent // open BMC/BDC sequences
		arena   []token         // the elements of the arrays among ops
	)
	num := func(i int) float64 {
		if i >= 0 && i < len(ops) && ops[i].kind == tokNum {
			return ops[i].num
		}
		return 0
	}
	nums := func(n int) ([]float64, bool) {
		if len(ops) < n {
			return nil, false
		}
		v := make([]float64, n)
		for i, t := range ops[len(ops)-n:] {
			v[i] = t.num
		}
		return v, true
	}
	last := func(k tokKind) (token, bool) {
		if len(ops) == 0 || ops[len(ops)-1].kind != k {
			return token{}, false
		}
		return ops[len(ops)-1], true
	}
	td := func(x, y float64) {
		tlm = translate(x, y).mul(tlm)
		tm = tlm
	}
	for {
		if in.budget().operator() != nil {
			return
		}
		t := lx.next()
		switch t.kind {
		case tokEOF:
			return
		case tokArrOpen:
			t, arena = readArray(&lx, arena)
		case tokOp:
			if string(t.s) == "<<" {
				// Inline dictionaries in a content stream are
				// marked-content properties (or junk).
				t = token{kind: tokProps, props: readProps(&lx)}
			}
		}
		if t.kind != tokOp {
			if len(ops) < maxOperands {
				ops = append(ops, t)
			}
			continue
		}
		switch string(t.s) {
		case "q":
			if len(stack) < maxGstack {
				stack = append(stack, gs)
			} else {
				over++
			}
		case "Q":
			if over > 0 {
				over--
			} else if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if v, ok := nums(6); ok {
				gs.ctm = matrix(v).mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			gs.tc = num(len(ops) - 1)
		case "Tw":
			gs.tw = num(len(ops) - 1)
		case "Tz":
			gs.th = num(len(ops)-1) / 100
		case "TL":
			gs.tl = num(len(ops) - 1)
		case "Ts":
			gs.ts = num(len(ops) - 1)
		case "Tr":
			gs.tr = int(num(len(ops) - 1))
		case "Tf":
			if len(ops) >= 2 {
				gs.fs = num(len(ops) - 1)
				gs.font = nil
				if n := ops[len(ops)-2]; n.kind == tokName && res != nil {
					gs.font = res.font(string(n.s))
				}
			}
		case "Td":
			if v, ok := nums(2); ok {
				td(v[0], v[1])
			}
		case "TD":
			if v, ok := nums(2); ok {
				gs.tl = -v[1]
				td(v[0], v[1])
			}
		case "Tm":
			if v, ok := nums(6); ok {
				tlm = matrix(v)
				tm = tlm
			}
		case "T*":
			td(0, -gs.tl)
		case "Tj":
			if s, ok := last(tokStr); ok {
				in.show(s.s, &gs, &tm)
			}
		case "'":
			td(0, -gs.tl)
			if s, ok := last(tokStr); ok {
				in.show(s.s, &gs, &tm)
			}
		case "\"":
			if len(ops) >= 3 {
				gs.tw = num(len(ops) - 3)
				gs.tc = num(len(ops) - 2)
			}
			td(0, -gs.tl)
			if s, ok := last(tokStr); ok {
				in.show(s.s, &gs, &tm)
			}
		case "TJ":
			if a, ok := last(tokArray); ok {
				for _, e := range a.list {
					switch e.kind {
					case tokStr:
						in.show(e.s, &gs, &tm)
					case tokNum:
						adj := -e.num / 1000 * gs.fs
						if gs.font != nil && gs.font.vertical {
							tm = translate(0, adj).mul(tm)
						} else {
							tm = translate(adj*gs.th, 0).mul(tm)
						}
					}
				}
			}
		case "BMC", "BDC":
			mc := markedContent{start: len(in.glyphs)}
			if string(t.s) == "BDC" {
				if a, ok := last(tokProps); ok {
					mc.mcProps = *a.props
					// Only an artifact is left out of the text; a
					// structure element claiming /Pagination is not.
					isArtifact := len(ops) >= 2 && ops[len(ops)-2].kind == tokName && string(ops[len(ops)-2].s) == "Artifact"
					mc.pagination = mc.pagination && isArtifact
				}
			}
			if n := len(marks); n > 0 && marks[n-1].pagination {
				mc.pagination = true // nested in a header or footer
			}
			in.running = mc.pagination
			if len(marks) < maxGstack {
				marks = append(marks, mc)
			}
		case "EMC":
			if n := len(marks); n > 0 {
				mc := marks[n-1]
				marks = marks[:n-1]
				if mc.hasActual && mc.start <= len(in.glyphs) {
					in.glyphs = replaceActual(in.glyphs, mc.start, textString(mc.actual))
				}
				in.running = n > 1 && marks[n-2].pagination
			}
		case "BI":
			in.images++
		case "Do":
			if n, ok := last(tokName); ok && res != nil {
				in.do(string(n.s), res, gs)
			}
		case "w":
			gs.lw = num(len(ops) - 1)
		case "g", "rg", "k", "sc", "scn", "cs":
			gs.fillWhite = string(t.s) != "cs" && setColor(string(t.s), ops)
		case "G", "RG", "K", "SC", "SCN", "CS":
			gs.strokeWhite = string(t.s) != "CS" && setColor(string(t.s), ops)
		default:
			in.pathOp(string(t.s), &gs, nums)
		}
		ops = ops[:0]
		arena = arena[:0] // no array outlives its operator
	}
}

// do paints the XObject name.
func (in *interp) do(name string, res resourceSet, gs gstate) {
	form, image := res.xobject(name)
	if image {
		in.images++
		return
	}
	if form == nil || in.budget().formCall() != nil {
		return
	}
	if len(in.forms) >= in.bud.lim.FormDepth {
		in.bud.limit(tooLarge("forms nested more than %d deep", in.bud.lim.FormDepth))
		return
	}
	for _, id := range in.forms {
		if id == form.id {
			return // a form that paints itself
		}
	}
	in.forms = append(in.forms, form.id)
	defer func() { in.forms = in.forms[:len(in.forms)-1] }()
	gs.ctm = form.matrix.mul(gs.ctm)
	r := form.res
	if r == nil {
		r = res
	}
	in.run(form.content, r, gs)
}

// readArray collects the tokens of an array after its "[". Nested arrays
// are flattened and dictionaries dropped: only TJ arrays matter here.
// The elements are appended to arena, whose memory serves every array of
// a content stream (one TJ array each few glyphs), and the grown arena is
// returned with the array.
func readArray(lx *lexer, arena []token) (token, []token) {
	start := len(arena)
	array := func() token {
		return token{kind: tokArray, list: arena[start:len(arena):len(arena)]}
	}
	depth := 1
	for {
		t := lx.next()
		switch t.kind {
		case tokEOF:
			return array(), arena
		case tokArrOpen:
			depth++
			continue
		case tokArrClose:
			depth--
			if depth == 0 {
				return array(), arena
			}
			continue
		case tokOp:
			if string(t.s) == "<<" {
				skipDict(lx)
				continue
			}
			// An operator inside an array means the array was never
			// closed; stop so the operator is not swallowed for good.
			if string(t.s) != "null" && string(t.s) != "true" && string(t.s) != "false" {
				return array(), arena
			}
			continue
		}
		if len(arena)-start < maxArray {
			arena = append(arena, t)
		}
	}
}

// skipDict skips tokens up to the ">>" matching an already read "<<".
func skipDict(lx *lexer) {
	depth := 1
	for {
		t := lx.next()
		if t.kind == tokEOF {
			return
		}
		if t.kind == tokOp {
			switch string(t.s) {
			case "<<":
				depth++
			case ">>":
				depth--
				if depth == 0 {
					return
				}
			}
		}
	}
}

// show paints the string s in the current text state, appending one
// glyph per character code and advancing the text matrix.
func (in *interp) show(s []byte, gs *gstate, tm *matrix) {
	f := gs.font
	if f == nil {
		if in.unk == nil {
			in.unk = unknownFont()
		}
		f = in.unk
	}
	f.prepare(s)
	th := gs.th
	limit := in.budget().lim.PageGlyphs
	if len(in.glyphs) >= limit && len(s) > 0 {
		in.bud.limit(tooLarge("the page shows more than %d characters", limit))
	}
	for len(s) > 0 && len(in.glyphs) < limit {
		c := f.code(s)
		s = s[c.n:]
		trm := matrix{gs.fs * th, 0, 0, gs.fs, 0, gs.ts}.mul(*tm).mul(gs.ctm)
		m := tm.mul(gs.ctm)
		var adv float64
		if f.vertical {
			adv = -(f.height(c)/1000*gs.fs + gs.tc)
		} else {
			adv = f.width(c)/1000*gs.fs + gs.tc
			if c.n == 1 && c.code == 32 {
				adv += gs.tw
			}
			adv *= th
		}
		// A glyph placed by numbers too large to compute with (operands of
		// hundreds of digits overflow to infinity) is nowhere: skipped.
		if txt := f.text(c); txt != "" && finite(trm) && visible(gs, trm, adv) {
			// A Type3 FontMatrix may flip its glyphs, but so may their
			// procedures: only the text rendering matrix is telling.
			angle, skew := orientation(trm)
			w := math.Abs(adv) * math.Hypot(m[0], m[1])
			if f.vertical {
				w = math.Abs(gs.fs) * math.Hypot(m[0], m[1])
			}
			if math.IsNaN(w) || math.IsInf(w, 0) {
				w = 0
			}
			in.glyphs = append(in.glyphs, Glyph{
				Text:    txt,
				X:       trm[4],
				Y:       trm[5],
				W:       w,
				Size:    math.Hypot(trm[2], trm[3]),
				Font:    f.name,
				Angle:   angle,
				Skew:    skew,
				running: in.running,
			})
		}
		if f.vertical {
			*tm = translate(0, adv).mul(*tm)
		} else {
			*tm = translate(adv, 0).mul(*tm)
		}
	}
}

// A markedContent is an open BMC/BDC … EMC sequence.
type markedContent struct {
	start int // index of the first glyph painted inside it
	mcProps
}

// mcProps are the marked-content properties this package uses.
type mcProps struct {
	actual     []byte // the /ActualText, undecoded
	hasActual  bool
	pagination bool // /Type /Pagination: a running header, footer or watermark (on an /Artifact)
}

// readProps reads an inline dictionary after its "<<": its /ActualText
// string and whether its /Type is /Pagination (or its /Subtype /Header,
// /Footer or /Watermark, which only pagination artifacts have).
func readProps(lx *lexer) *mcProps {
	var p mcProps
	depth := 1
	var key string // the key whose value comes next, at depth 1
	for {
		t := lx.next()
		if t.kind == tokEOF {
			return &p
		}
		k := key
		key = ""
		switch t.kind {
		case tokOp:
			switch string(t.s) {
			case "<<":
				depth++
			case ">>":
				depth--
				if depth == 0 {
					return &p
				}
			}
		case tokStr:
			if k == "ActualText" {
				p.actual, p.hasActual = t.s, true
			}
		case tokName:
			switch {
			case k == "Type" && string(t.s) == "Pagination",
				k == "Subtype" && (string(t.s) == "Header" || string(t.s) == "Footer" || string(t.s) == "Watermark"):
				p.pagination = true
			case k == "" && depth == 1:
				key = string(t.s)
			}
		}
	}
}

// textString decodes a PDF text string: UTF-16BE after a byte-order
// mark (or UTF-8 after its mark, PDF 2.0), else PDFDocEncoding, which
// agrees with Latin-1 for the characters that matter here.
func textString(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return string(utf16.Decode(utf16Units(b[2:])))
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// replaceActual gives the glyphs painted from start on the text of an
// /ActualText: the producer's statement of what they spell, which beats
// their fonts' ToUnicode maps (browsers use it where one glyph serves
// several characters, 户 and 戶). With as many characters as glyphs,
// each glyph takes one; otherwise the first glyph takes the whole text
// and the width of the run, and the others go. An empty ActualText
// removes the glyphs (a hyphen added by the layout).
func replaceActual(gs []Glyph, start int, actual string) []Glyph {
	run := gs[start:]
	if len(run) == 0 {
		return gs
	}
	rs := []rune(actual)
	if len(rs) == len(run) {
		for i := range run {
			run[i].Text = string(rs[i])
		}
		return gs
	}
	if len(rs) == 0 {
		return gs[:start]
	}
	first, lastG := run[0], run[len(run)-1]
	first.Text = actual
	if w := lastG.X + lastG.W - first.X; w > first.W && lastG.Y == first.Y {
		first.W = w
	}
	return append(gs[:start], first)
}

// orientation returns the direction of a glyph's baseline and the lean of
// its vertical axis (see [Glyph]), in degrees, from its text rendering
// matrix. Values within 0.01° of a whole degree are rounded to it, so
// ordinary text reads exactly 0.
func orientation(trm matrix) (angle, skew float64) {
	a, b, c, d := trm[0], trm[1], trm[2], trm[3]
	switch {
	case a == 0 && b == 0:
		return 0, 0
	case b == 0 && c == 0 && a > 0: // the common case, without trigonometry
		if d < 0 {
			return 0, 180
		}
		return 0, 0
	}
	angle = math.Atan2(b, a)
	// The up vector (c, d) in the frame of the baseline.
	cos, sin := math.Cos(angle), math.Sin(angle)
	along := c*cos + d*sin
	across := -c*sin + d*cos
	skew = math.Atan2(along, across)
	return roundDeg(angle * 180 / math.Pi), roundDeg(math.Abs(skew) * 180 / math.Pi)
}

func roundDeg(x float64) float64 {
	if r := math.Round(x); math.Abs(x-r) < 0.01 {
		x = r
	}
	if x <= -180 {
		x += 360
	}
	return x + 0 // no negative zero
}
