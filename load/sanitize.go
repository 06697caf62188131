package load

import (
	"math"
	"strings"
	"unicode/utf8"
)

// maxCellUnits is Excel's limit on the length of a cell's text, in UTF-16
// code units. excelize silently truncates longer strings; we cut first so
// that the cut is marked.
const maxCellUnits = 32767

// cellText returns s made safe for a spreadsheet cell. Invalid UTF-8
// becomes U+FFFD; C0 control characters other than tab and line feed, and
// the non-characters U+FFFE and U+FFFF, become spaces (excelize would turn
// them into U+FFFD on save, and XML 1.0 cannot carry them); text longer
// than Excel's 32767 units is cut and ends with "…".
//
// Text starting with = + - @ and long digit strings need no escaping here:
// the stream writer stores every string as an inline string, which Excel
// shows as text and never evaluates or converts to a number.
func cellText(s string) string {
	if cellSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	units := 0
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff:
			r = ' '
		}
		n := 1
		if r > 0xffff {
			n = 2
		}
		if units+n > maxCellUnits-1 {
			b.WriteRune('…')
			break
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// cellSafe reports whether s can be written as is; it is the fast path of
// cellText, as nearly every string is safe.
func cellSafe(s string) bool {
	if len(s) > maxCellUnits { // may still fit; let cellText count
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0xfffe) && !strings.ContainsRune(s, 0xffff)
}

// csvText returns s ready for a CSV field that a spreadsheet may open.
// Text whose first character would make Excel or LibreOffice evaluate it
// as a formula (= + - @, tab, carriage return, then more text) gets a
// leading apostrophe,
// the usual defence against CSV injection. Text that already starts with
// apostrophes followed by such a character gets one more, so the escaping
// can be undone exactly: remove one leading apostrophe when the text,
// stripped of its leading apostrophes, starts with a formula character.
func csvText(s string) string {
	if formulaStart(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// uncsvText undoes csvText.
func uncsvText(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

// formulaStart reports whether a spreadsheet would read s as a formula.
// A lone "=", "-" … is not one (and is the bound "=" of many records).
func formulaStart(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// finite returns p, or nil when *p is NaN or infinite: those have no JSON
// or spreadsheet form, and a record must never fail to be written.
func finite(p *float64) *float64 {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	return p
}
