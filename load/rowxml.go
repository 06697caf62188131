package load

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Sheet 指标 is most of a workbook: one row of 22 cells per record, a
// sentence in nearly every row. excelize's stream writer builds each cell
// as a struct, looks up its column's style and grows an in-memory buffer
// that spills to a temporary file; that was most of the time a batch spent
// writing its workbook, on one core, after its inputs were done. The rows
// of 指标 are rendered here instead, straight into the compressed part
// (see splice.go), in the exact SpreadsheetML excelize writes for the same
// cells: inline strings escaped as excelize escapes them, numbers with
// Excel's 15 significant digits.

// A rowXML renders rows of a sheet as SpreadsheetML into a buffer.
type rowXML struct {
	b   []byte
	row string // the number of the row being written, as text
}

// start opens row n; height 0 leaves the row at the default height.
func (x *rowXML) start(n int, height float64) {
	x.row = strconv.Itoa(n)
	x.b = append(x.b, `<row r="`...)
	x.b = append(x.b, x.row...)
	x.b = append(x.b, '"')
	if height > 0 {
		x.b = append(x.b, ` ht="`...)
		x.b = strconv.AppendFloat(x.b, height, 'f', -1, 64)
		x.b = append(x.b, `" customHeight="1"`...)
	}
	x.b = append(x.b, '>')
}

// end closes the row.
func (x *rowXML) end() { x.b = append(x.b, `</row>`...) }

// cell opens the cell of column col (0 for A) in style s, of type t ("" for
// a number).
func (x *rowXML) cell(col, s int, t string) {
	x.b = append(x.b, `<c r="`...)
	x.b = appendColumn(x.b, col)
	x.b = append(x.b, x.row...)
	x.b = append(x.b, '"')
	if s != 0 {
		x.b = append(x.b, ` s="`...)
		x.b = strconv.AppendInt(x.b, int64(s), 10)
		x.b = append(x.b, '"')
	}
	if t != "" {
		x.b = append(x.b, ` t="`...)
		x.b = append(x.b, t...)
		x.b = append(x.b, '"')
	}
	x.b = append(x.b, '>')
}

// text writes a cell holding s as an inline string; an empty s writes no
// cell. s must be made safe by cellText first.
func (x *rowXML) text(col, s int, v string) {
	if v == "" {
		return
	}
	x.cell(col, s, "inlineStr")
	x.b = append(x.b, `<is><t`...)
	if first, last := v[0], v[len(v)-1]; isXMLSpace(first) || isXMLSpace(last) {
		x.b = append(x.b, ` xml:space="preserve"`...)
	}
	x.b = append(x.b, '>')
	x.b = appendEscaped(x.b, v)
	x.b = append(x.b, `</t></is></c>`...)
}

// int writes a cell holding the integer v.
func (x *rowXML) int(col, s, v int) {
	x.cell(col, s, "")
	x.b = append(x.b, `<v>`...)
	x.b = strconv.AppendInt(x.b, int64(v), 10)
	x.b = append(x.b, `</v></c>`...)
}

// number writes a cell holding v; nil or a value that is not finite
// writes no cell.
func (x *rowXML) number(col, s int, p *float64) {
	if p = finite(p); p == nil {
		return
	}
	x.cell(col, s, "")
	x.b = append(x.b, `<v>`...)
	x.b = append(x.b, excelFloat(*p)...)
	x.b = append(x.b, `</v></c>`...)
}

// isXMLSpace reports whether c is a byte that makes excelize mark a text
// xml:space="preserve" when it starts or ends it.
func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// appendColumn appends the letters of column col (0 for A).
func appendColumn(b []byte, col int) []byte {
	if col < 26 {
		return append(b, byte('A'+col))
	}
	return append(appendColumn(b, col/26-1), byte('A'+col%26))
}

// appendEscaped appends s escaped as encoding/xml's EscapeText escapes it
// (excelize's escaping), except that a line feed stays as it is, as
// excelize keeps it; then, as excelize does, an "_xHHHH_" in the text is
// escaped as "_x005F_xHHHH_", so that Excel does not read it as an
// escaped character.
func appendEscaped(b []byte, s string) []byte {
	start := len(b)
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			if r == utf8.RuneError && size == 1 || !inXMLRange(r) {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + size
		}
		i += size
	}
	b = append(b, s[last:]...)
	if bytes.Contains(b[start:], []byte("_x")) {
		esc := bstrEscape(string(b[start:]))
		b = append(b[:start], esc...)
	}
	return b
}

// inXMLRange reports whether r may appear in XML 1.0 text (encoding/xml's
// isInCharacterRange).
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// bstrEscape escapes the "_xHHHH_" sequences of s as excelize's bstrMarshal
// does, so that Excel shows them as written instead of reading them as
// escaped characters: "_xHHHH_" becomes "_x005F_xHHHH_", and "_x005F_"
// becomes "_x005F_x005F_", or "_x005F_x005F_x005F_" when an "xHHHH_"
// follows it. (A sequence naming a UTF-16 surrogate is dropped, as
// excelize drops it.)
func bstrEscape(s string) string {
	var b strings.Builder
	cursor := 0
	for i := 0; i+7 <= len(s); {
		j := strings.Index(s[i:], "_x")
		if j < 0 || i+j+7 > len(s) {
			break
		}
		i += j
		if !isBstr(s[i : i+7]) {
			i++
			continue
		}
		sub := s[i : i+7]
		b.WriteString(s[cursor:i])
		cursor = i + 7
		switch {
		case sub == "_x005F_":
			if i+13 <= len(s) && s[i+7] == 'x' && isHex4(s[i+8:i+12]) && s[i+12] == '_' && !isSurrogate(s[i+8:i+12]) {
				b.WriteString("_x005F_x005F_x005F_")
			} else {
				b.WriteString("_x005F_x005F_")
			}
		case !isSurrogate(sub[2:6]):
			b.WriteString("_x005F" + sub)
		}
		i += 7
	}
	b.WriteString(s[cursor:])
	return b.String()
}

// isSurrogate reports whether the four hexadecimal digits h name a UTF-16
// surrogate, which is no character.
func isSurrogate(h string) bool {
	v, _ := strconv.ParseUint(h, 16, 32)
	return v >= 0xD800 && v <= 0xDFFF
}

// isBstr reports whether s (7 bytes) is "_x" four hexadecimal digits "_".
func isBstr(s string) bool { return s[0] == '_' && s[1] == 'x' && isHex4(s[2:6]) && s[6] == '_' }

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// excelFloat formats v as excelize does a float64 cell: the shortest
// decimal that reads back as v, cut to Excel's 15 significant digits.
func excelFloat(v float64) string {
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for i := range str {
		if str[i] < '0' || str[i] > '9' || significant == 0 && str[i] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && i > decimal {
			return strings.TrimSuffix(str[:i], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		cut := []byte(str[:decimal])
		for ; i < len(cut); i++ {
			cut[i] = '0'
		}
		return string(cut)
	}
	return str
}
