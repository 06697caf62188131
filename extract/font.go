package extract

//go:generate go run ./internal/gengb1

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// How a font's strings split into character codes.
type splitKind uint8

const (
	split1     splitKind = iota // simple fonts: one byte
	split2                      // Identity-H/V, UCS-2: two bytes
	splitUTF16                  // UTF-16: two bytes, four for surrogate pairs
	splitUTF32                  // UTF-32: four bytes
	splitEUC                    // GB/GBK EUC: one byte below 0x80, else two (four for GB 18030)
	splitCMap                   // an embedded CMap's codespace ranges
)

// How a font's codes become Unicode when its ToUnicode map does not say.
type uniKind uint8

const (
	uniNone    uniKind = iota
	uniUTF16           // the code is UTF-16BE (UniGB-UCS2-H, UniGB-UTF16-H, …)
	uniUTF32           // the code is UTF-32BE
	uniGB18030         // the code is GB 2312/GBK/GB 18030 (GBK-EUC-H, …)
	uniGB1             // the CID is an Adobe-GB1 CID (Identity-H + STSong-Light)
	uniSimple          // the simple-font byte table
)

// A charCode is one character code split off a shown string.
type charCode struct {
	code uint32
	n    int // length in bytes
}

func (c charCode) bytes() []byte {
	b := make([]byte, c.n)
	v := c.code
	for i := c.n - 1; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
	return b
}

// A font holds what the text state machine needs to know about a font
// resource: how codes split, their widths and their Unicode text.
type font struct {
	name     string
	vertical bool
	split    splitKind
	enc      *cmap // embedded encoding CMap (splitCMap)
	toUni    *cmap
	uni      uniKind
	identity bool // CID = code
	// identityParent: an embedded CMap built on Identity-H/V ("usecmap"),
	// so codes it does not list are their own CIDs.
	identityParent bool

	// Simple fonts.
	simple   bool
	table    [256]string
	first    int
	widths   []float64
	missing  float64
	scale    float64 // Type3 FontMatrix × 1000; 1 otherwise
	gbkCand  bool    // CJK-named font without ToUnicode: its bytes may be GBK
	gbk      int8    // 1: decode as GBK, -1: don't, 0: undecided
	ordering string  // CIDSystemInfo Ordering of a CID font

	// CID fonts.
	dw      float64
	cidW    map[uint32]float64
	cidWR   []cidWidthRange
	byUni   map[rune]float64 // widths by Unicode for predefined non-identity CMaps
	uniDone bool
	glyphs  *glyphMap // the embedded TrueType's own cmap, for fonts without ToUnicode

	texts map[uint64]string // decoded text by codeKey
}

type cidWidthRange struct {
	lo, hi uint32
	w      float64
}

// unknownFont stands in for a missing font resource: single bytes,
// printable ASCII kept, a half-em advance.
func unknownFont() *font {
	f := &font{name: "?", simple: true, uni: uniSimple, missing: 500, scale: 1}
	for i := range f.table {
		if i >= 0x20 && i < 0x7f {
			f.table[i] = string(rune(i))
		} else {
			f.table[i] = "\uFFFD"
		}
	}
	return f
}

// code splits the first character code off s (len(s) > 0).
func (f *font) code(s []byte) charCode {
	n := 1
	switch f.split {
	case split1:
		if f.gbk > 0 && s[0] >= 0x81 && len(s) >= 2 {
			n = 2
		}
	case split2:
		n = 2
	case splitUTF16:
		n = 2
		if len(s) >= 4 && s[0] >= 0xD8 && s[0] <= 0xDB {
			n = 4
		}
	case splitUTF32:
		n = 4
	case splitEUC:
		if s[0] >= 0x81 {
			n = 2
			if len(s) >= 4 && s[1] >= '0' && s[1] <= '9' {
				n = 4
			}
		}
	case splitCMap:
		_, n, _ = f.enc.next(s)
	}
	n = min(n, len(s))
	return charCode{bytesCode(s[:n]), n}
}

// cid returns the CID of a code when the encoding tells it directly.
func (f *font) cid(c charCode) (uint32, bool) {
	if f.identity {
		return c.code, true
	}
	if f.enc != nil {
		if cid, ok := f.enc.cid(c.code, c.n); ok {
			return cid, true
		}
		if f.identityParent {
			return c.code, true
		}
	}
	return 0, false
}

// width returns the advance of c in thousandths of text space.
func (f *font) width(c charCode) float64 {
	if f.simple {
		if c.n == 2 { // a GBK pair in a simple font spans two byte widths
			return f.byteWidth(int(c.code>>8)) + f.byteWidth(int(c.code&0xff))
		}
		return f.byteWidth(int(c.code))
	}
	cid, ok := f.cid(c)
	if !ok {
		// Predefined CMaps map Unicode/GBK to CIDs through tables we do not
		// ship; for Adobe-GB1 fonts invert our CID→Unicode table over the
		// CIDs the /W array lists.
		if f.ordering == "GB1" && (len(f.cidW) > 0 || len(f.cidWR) > 0) {
			if !f.uniDone {
				f.buildByUni()
			}
			if rs := []rune(f.text(c)); len(rs) == 1 {
				if w, ok := f.byUni[rs[0]]; ok {
					return w
				}
			}
		}
		return f.dw
	}
	if w, ok := f.cidW[cid]; ok {
		return w
	}
	for _, r := range f.cidWR {
		if cid >= r.lo && cid <= r.hi {
			return r.w
		}
	}
	return f.dw
}

func (f *font) byteWidth(b int) float64 {
	if i := b - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i] * f.scale
	}
	return f.missing * f.scale
}

func (f *font) buildByUni() {
	f.uniDone = true
	f.byUni = map[rune]float64{}
	add := func(cid uint32, w float64) {
		if r := adobeGB1(cid); r != 0 {
			if _, dup := f.byUni[r]; !dup {
				f.byUni[r] = w
			}
		}
	}
	for cid, w := range f.cidW {
		add(cid, w)
	}
	for _, r := range f.cidWR {
		for cid := r.lo; cid <= r.hi && cid-r.lo < 1<<16; cid++ {
			add(cid, r.w)
		}
	}
}

// height returns the vertical advance of c for vertical fonts, in
// thousandths of text space (the W2/DW2 default).
func (f *font) height(charCode) float64 { return 1000 }

// text returns the Unicode text of c; "\uFFFD" when unknown.
func (f *font) text(c charCode) string {
	key := codeKey(c.code, c.n)
	if s, ok := f.texts[key]; ok {
		return s
	}
	s := unifyRadicals(f.decode(c))
	if f.texts == nil {
		n := 16
		if f.toUni != nil {
			n = min(len(f.toUni.chars), 512) // (the codes a report shows, at most)
		}
		f.texts = make(map[uint64]string, n)
	}
	if len(f.texts) < 1<<16 {
		f.texts[key] = s
	}
	return s
}

func (f *font) decode(c charCode) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(c.code, c.n); ok && s != "" && s != "\x00" {
			return s
		}
		// Some producers write a ToUnicode whose code length differs from
		// the font's: <41> entries for a 2-byte Identity-H font, or <0041>
		// entries for a simple font.
		alt := 0
		switch {
		case c.n == 2 && c.code < 0x100:
			alt = 1
		case c.n == 1:
			alt = 2
		}
		if alt > 0 {
			if s, ok := f.toUni.lookup(c.code, alt); ok && s != "" && s != "\x00" {
				return s
			}
		}
	}
	switch f.uni {
	case uniUTF16:
		if s := utf16BE(c.bytes()); s != "" {
			return s
		}
	case uniUTF32:
		if r := rune(c.code); utf8.ValidRune(r) && r != 0 {
			return string(r)
		}
	case uniGB18030:
		if c.n == 1 {
			if c.code >= 0x20 && c.code < 0x7f {
				return string(rune(c.code))
			}
			break
		}
		if s := decodeGB(c.bytes()); s != "" {
			return s
		}
	case uniSimple:
		if c.n == 2 {
			if s := decodeGB(c.bytes()); s != "" {
				return s
			}
			break
		}
		if s := f.table[c.code&0xff]; s != "" {
			return s
		}
	}
	if f.ordering == "GB1" || f.uni == uniGB1 {
		if cid, ok := f.cid(c); ok {
			if r := adobeGB1(cid); r != 0 {
				return string(r)
			}
		}
	}
	if f.glyphs != nil {
		if cid, ok := f.cid(c); ok {
			if r := f.glyphs.text(cid); r != 0 {
				return string(r)
			}
		}
	}
	return "\uFFFD"
}

// radicalSupplement maps the CJK Radicals Supplement code points that
// stand for whole simplified characters to those characters. They have
// no NFKC decomposition.
var radicalSupplement = map[rune]rune{
	0x2E9F: '母', 0x2EA0: '民', 0x2EC4: '西', 0x2EC5: '见', 0x2EC6: '角', 0x2EC9: '贝',
	0x2ECB: '车', 0x2ED3: '长', 0x2ED4: '门', 0x2ED7: '雨', 0x2ED8: '青', 0x2ED9: '韦',
	0x2EDA: '页', 0x2EDB: '风', 0x2EDC: '飞', 0x2EDD: '食', 0x2EE2: '马', 0x2EE3: '骨',
	0x2EE4: '鬼', 0x2EE5: '鱼', 0x2EE6: '鸟', 0x2EE8: '麦', 0x2EE9: '黄', 0x2EEC: '齐',
	0x2EEE: '齿', 0x2EF0: '龙', 0x2EF3: '龟',
}

// unifyRadicals replaces Kangxi radicals (U+2F00–U+2FD5) and simplified
// CJK radical forms by the ideographs they look like. Fonts whose cmap
// lists the radical code point first make producers (cairo, macOS
// Quartz, some Word setups) write ToUnicode entries such as 工 → U+2F2F
// "⼯"; measured on a pdftocairo copy of the rl-stsong seed: 7.7 % of
// the characters. Government reports never mean the radicals.
func unifyRadicals(s string) string {
	need := false
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	return strings.Map(func(r rune) rune {
		if u, ok := radicalSupplement[r]; ok {
			return u
		}
		if r >= 0x2F00 && r <= 0x2FD5 {
			if n := []rune(norm.NFKC.String(string(r))); len(n) == 1 {
				return n[0]
			}
		}
		return r
	}, s)
}

// decodeGB decodes one GBK/GB 18030 character; "" when invalid.
func decodeGB(b []byte) string {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) || strings.ContainsRune(string(out), utf8.RuneError) {
		return ""
	}
	return string(out)
}

// prepare decides, on the first string with high bytes, whether a
// CJK-named simple font without ToUnicode really holds GBK bytes (the
// non-embedded 宋体 + WinAnsiEncoding trap, mozilla/pdf.js #20489).
func (f *font) prepare(s []byte) {
	if !f.gbkCand || f.gbk != 0 {
		return
	}
	high := 0
	for _, b := range s {
		if b >= 0x80 {
			high++
		}
	}
	if high < 2 {
		return
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(s)
	if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
		f.gbk = -1
		return
	}
	han, other := 0, 0
	for _, r := range string(out) {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r >= 0x80:
			other++
		}
	}
	if han > 0 && han >= 2*other {
		f.gbk = 1
	} else {
		f.gbk = -1
	}
}

// cjkFontNames are fragments of font names whose simple (non-Type0)
// versions Chinese office software fills with GBK bytes.
var cjkFontNames = []string{
	"simsun", "nsimsun", "simhei", "simkai", "simfang", "fangsong", "kaiti", "stsong", "stheiti",
	"stkaiti", "stfangsong", "stzhongsong", "songti", "heiti", "yahei", "dengxian", "fzxiaobiaosong", "fzfs",
	"fzhei", "fzkai", "fzsong", "fangzheng", "lisu", "youyuan",
}

func isCJKFontName(base string) bool {
	for i := 0; i < len(base); i++ {
		if base[i] >= 0x80 {
			return true // a GBK- or UTF-8-encoded Chinese name such as 宋体
		}
	}
	l := strings.ToLower(base)
	for _, n := range cjkFontNames {
		if strings.Contains(l, n) {
			return true
		}
	}
	return false
}

// loadFont reads the font dictionary v, named resName in its resources.
// Problems are tolerated: whatever is missing falls back to defaults.
func loadFont(v pdf.Value, resName string, readStream func(pdf.Value) []byte) *font {
	f := &font{name: resName, scale: 1, dw: 1000}
	base := v.Key("BaseFont").Name()
	if base != "" {
		f.name = base
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if m := parseCMap(readStream(tu)); len(m.chars) > 0 || len(m.ranges) > 0 {
			f.toUni = m
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		loadCIDFont(f, v, readStream)
		return f
	}
	f.simple = true
	f.uni = uniSimple
	f.first = int(v.Key("FirstChar").Int64())
	if w := v.Key("Widths"); w.Kind() == pdf.Array {
		n := min(w.Len(), 256)
		f.widths = make([]float64, n)
		for i := range n {
			f.widths[i] = w.Index(i).Float64()
		}
	}
	f.missing = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.widths == nil && f.missing == 0 {
		// A standard-14 font without /Widths: we ship no AFM metrics, so
		// use a typical advance rather than stacking glyphs on one spot.
		f.missing = 500
		if strings.Contains(base, "Courier") {
			f.missing = 600
		}
	}
	if v.Key("Subtype").Name() == "Type3" {
		if fm := v.Key("FontMatrix"); fm.Len() >= 1 && fm.Index(0).Float64() != 0 {
			f.scale = fm.Index(0).Float64() * 1000
		}
	}
	f.fillSimpleTable(v)
	f.gbkCand = f.toUni == nil && isCJKFontName(base)
	if f.gbkCand && v.Key("Encoding").Kind() == pdf.Dict && v.Key("Encoding").Key("Differences").Kind() == pdf.Array {
		f.gbkCand = false // a Differences array names real glyphs
	}
	return f
}

// fillSimpleTable decodes every byte through ledongthuc's standard
// encodings and Differences handling, or as ASCII when the font names
// no encoding ledongthuc understands.
func (f *font) fillSimpleTable(v pdf.Value) {
	enc := v.Key("Encoding")
	useLib := enc.Kind() == pdf.Dict ||
		enc.Kind() == pdf.Name && (enc.Name() == "WinAnsiEncoding" || enc.Name() == "MacRomanEncoding")
	for i := range f.table {
		if i >= 0x20 && i < 0x7f {
			f.table[i] = string(rune(i))
		}
	}
	if !useLib {
		return
	}
	func() {
		defer func() { _ = recover() }() // a broken Differences array: keep ASCII
		pf := pdf.Font{V: v}
		e := pf.Encoder()
		for i := range f.table {
			s := e.Decode(string([]byte{byte(i)}))
			if s != "" && s != "\x00" && utf8.ValidString(s) {
				f.table[i] = s
			}
		}
	}()
	markIndexNames(f, enc.Key("Differences"))
}

// markIndexNames decodes the uniXXXX names of a Differences array that
// the library does not know, and marks as unknown the codes it gives a
// glyph name that is only a glyph index (cid9789, g123, glyph45,
// index7): Ghostscript writes such names when it re-distills a
// CID font whose ToUnicode it dropped. The library decodes an unknown
// name as the code's ASCII character, which would turn Chinese text into
// plausible-looking digits and punctuation; U+FFFD says honestly that
// the character is not known.
func markIndexNames(f *font, diffs pdf.Value) {
	if diffs.Kind() != pdf.Array {
		return
	}
	code := -1
	for i := 0; i < diffs.Len() && i < 4096; i++ {
		x := diffs.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < len(f.table) {
				switch name := x.Name(); {
				case isIndexGlyphName(name):
					f.table[code] = "\uFFFD"
				case f.table[code] == "" || f.table[code] == string(rune(code)):
					// A name the library does not know (uni6237,
					// u1F600): decode it ourselves.
					if t := glyphNameText(name); t != "\uFFFD" {
						f.table[code] = t
					}
				}
			}
			code++
		}
	}
}

// isIndexGlyphName reports whether a glyph name is a letter prefix and a
// number only, a name that says which glyph but not which character.
func isIndexGlyphName(name string) bool {
	i := 0
	for i < len(name) && (name[i] >= 'a' && name[i] <= 'z' || name[i] >= 'A' && name[i] <= 'Z') {
		i++
	}
	switch name[:i] {
	case "cid", "g", "G", "gid", "glyph", "index":
	default:
		return false
	}
	if i == len(name) {
		return false
	}
	for _, c := range []byte(name[i:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func loadCIDFont(f *font, v pdf.Value, readStream func(pdf.Value) []byte) {
	desc := v.Key("DescendantFonts").Index(0)
	f.ordering = desc.Key("CIDSystemInfo").Key("Ordering").RawString()
	f.split = split2
	enc := v.Key("Encoding")
	name := enc.Name()
	if enc.Kind() == pdf.Stream {
		m := parseCMap(readStream(enc))
		if len(m.space) > 0 {
			f.enc = m
			f.split = splitCMap
		}
		name = m.usecmap
		if name == "" {
			name = enc.Key("CMapName").Name()
		}
		f.vertical = enc.Key("WMode").Int64() == 1
	}
	f.setPredefined(name, enc.Kind() == pdf.Stream)
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.readW(desc.Key("W"))
	if f.toUni == nil && f.uni == uniNone {
		// No way to Unicode but the font program's own cmap.
		if ff := desc.Key("FontDescriptor").Key("FontFile2"); ff.Kind() == pdf.Stream {
			if uni := trueTypeUnicode(readStream(ff)); uni != nil {
				f.glyphs = &glyphMap{uni: uni}
				if m := desc.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
					f.glyphs.cidToGID = readStream(m)
				}
			}
		}
	}
}

// setPredefined configures splitting and decoding for a predefined CMap
// name. embedded is set when an embedded CMap already fixed the split.
func (f *font) setPredefined(name string, embedded bool) {
	f.vertical = f.vertical || strings.HasSuffix(name, "-V")
	set := func(s splitKind) {
		if !embedded {
			f.split = s
		}
	}
	switch {
	case name == "Identity-H" || name == "Identity-V":
		set(split2)
		f.identity = !embedded
		f.identityParent = embedded
		f.uni = uniGB1 // only used when Ordering is GB1
		if f.ordering != "GB1" {
			f.uni = uniNone
		}
	case strings.Contains(name, "UCS2"):
		set(split2)
		f.uni = uniUTF16
	case strings.Contains(name, "UTF16"):
		set(splitUTF16)
		f.uni = uniUTF16
	case strings.Contains(name, "UTF32"):
		set(splitUTF32)
		f.uni = uniUTF32
	case strings.HasPrefix(name, "GB") && (strings.Contains(name, "EUC") || strings.HasPrefix(name, "GBK2K")):
		set(splitEUC)
		f.uni = uniGB18030
	case name == "" && !embedded:
		// No encoding at all: treat as Identity.
		f.identity = true
	}
}

// readW reads a CIDFont /W array: "c [w1 w2 …]" and "c1 c2 w" entries.
func (f *font) readW(w pdf.Value) {
	if w.Kind() != pdf.Array {
		return
	}
	f.cidW = map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n; {
		c := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			start := uint32(max(0, c.Int64()))
			for j := 0; j < next.Len() && j < 1<<16; j++ {
				f.cidW[start+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi := uint32(max(0, c.Int64())), uint32(max(0, next.Int64()))
		if hi >= lo {
			f.cidWR = append(f.cidWR, cidWidthRange{lo, hi, w.Index(i + 2).Float64()})
		}
		i += 3
	}
}

// glyphNameText maps a glyph name (a bfchar name target or Differences
// entry) to text: uniXXXX, uXXXX[XX], a few common names, else the name
// itself when it is one character.
func glyphNameText(name string) string {
	if strings.HasPrefix(name, "uni") && len(name) >= 7 {
		var u []uint16
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				break
			}
			u = append(u, uint16(v))
		}
		if len(u) > 0 {
			return string(utf16.Decode(u))
		}
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	}
	switch name {
	case "space":
		return " "
	case "period":
		return "."
	case "comma":
		return ","
	case "hyphen":
		return "-"
	case "percent":
		return "%"
	}
	if utf8.RuneCountInString(name) == 1 {
		return name
	}
	return "\uFFFD"
}
