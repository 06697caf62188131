package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// sanitize fixes the byte-level problems ledongthuc/pdf refuses but
// poppler reads (research notes §1.5): bytes before %PDF- (a BOM, mail
// headers), bytes after the last %%EOF, a %PDF-2.x header and a header
// not followed by an end of line. It reports ErrNotPDF when no header is
// found in the first kilobyte. b may be modified in place.
func sanitize(b []byte) ([]byte, error) {
	head := b[:min(len(b), 1024)]
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return nil, ErrNotPDF
	}
	b = b[i:]
	if j := bytes.LastIndex(b, []byte("%%EOF")); j >= 0 {
		b = b[:j+5]
	}
	// "%PDF-2.0": ledongthuc only accepts 1.0–1.7; the syntax it needs
	// did not change.
	if len(b) >= 8 && b[5] == '2' && b[6] == '.' {
		copy(b[5:8], "1.7")
	}
	// The header must be followed by an end of line.
	if len(b) >= 9 && b[8] != '\n' && b[8] != '\r' {
		if b[8] == ' ' || b[8] == '\t' {
			b[8] = '\n'
		}
	}
	return b, nil
}

// shortErr formats err for an Error, capped because ledongthuc/pdf
// error strings can embed kilobytes of the file.
func shortErr(err error) string {
	s := err.Error()
	const max = 160
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 { // don't split a UTF-8 sequence
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// damaged wraps detail as an ErrDamaged cause.
func damaged(detail error) error {
	if errors.Is(detail, ErrDamaged) {
		return detail
	}
	return fmt.Errorf("%w: %s", ErrDamaged, shortErr(detail))
}
