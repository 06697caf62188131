package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
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

// checkSizes rejects a file whose trailer or xref stream claims more
// objects than it has bytes. Both libraries trust /Size: ledongthuc
// allocates a table of that many entries (an out-of-memory crash, which
// recover cannot catch) and pdfcpu loops over it (measured: a hang on
// /Size 1023456789 in a 1.6 KB file).
func checkSizes(b []byte) error {
	key := []byte("/Size")
	for i := 0; ; {
		j := bytes.Index(b[i:], key)
		if j < 0 {
			return nil
		}
		i += j + len(key)
		k := i
		for k < len(b) && isSpace(b[k]) {
			k++
		}
		n := 0
		for ; k < len(b) && b[k] >= '0' && b[k] <= '9'; k++ {
			n = n*10 + int(b[k]-'0')
			if n > len(b) {
				return fmt.Errorf("/Size claims more objects than the file has bytes")
			}
		}
	}
}

// hugeRefs reports whether an indirect reference ("n g R") names an
// object number larger than the file: pdfcpu sizes its loops by the
// largest object number it meets (measured: a hang on "123456789 0 R").
func hugeRefs(b []byte) bool {
	for i := 1; i < len(b); i++ {
		if b[i] != 'R' || !isSpace(b[i-1]) || i+1 < len(b) && isRegular(b[i+1]) {
			continue
		}
		// Walk back over "<gen> " and "<num> ".
		j := i - 1
		for j >= 0 && isSpace(b[j]) {
			j--
		}
		genEnd := j + 1
		for j >= 0 && b[j] >= '0' && b[j] <= '9' && genEnd-j <= 12 {
			j--
		}
		gen := 0
		for _, c := range b[j+1 : genEnd] {
			gen = gen*10 + int(c-'0')
		}
		if gen > 65535 {
			return true // pdfcpu reads "/Key 123456789 R" as an object number too
		}
		for j >= 0 && isSpace(b[j]) {
			j--
		}
		end := j + 1
		for j >= 0 && b[j] >= '0' && b[j] <= '9' && end-j <= 12 {
			j--
		}
		n := 0
		for _, c := range b[j+1 : end] {
			n = n*10 + int(c-'0')
		}
		if n > len(b) {
			return true
		}
	}
	return false
}

// repair rewrites a PDF that ledongthuc/pdf cannot open, or cannot
// decrypt, with pdfcpu: Decrypt (empty user password) for encrypted
// files, else a read and write with relaxed validation, which rebuilds
// the xref.
// Everything happens in memory.
func repair(b []byte, encrypted bool) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := repairNow(b, encrypted)
		done <- result{out, err}
	}()
	// pdfcpu has no cancellation; a pathological file must not hang the
	// whole batch, so give up waiting (the goroutine finishes on its own).
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(repairTimeout):
		return nil, fmt.Errorf("pdfcpu repair took longer than %v", repairTimeout)
	}
}

const repairTimeout = 20 * time.Second

func repairNow(b []byte, encrypted bool) (out []byte, err error) {
	if hugeRefs(b) {
		return nil, errors.New("object numbers beyond the file size")
	}
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("pdfcpu: panic: %v", x)
		}
	}()
	if encrypted {
		out, err = rewrite(b, model.DECRYPT)
		if err == nil || isPasswordErr(err) {
			return out, err
		}
	}
	out, err2 := rewrite(b, model.VALIDATE)
	if err2 != nil && (err == nil || !isPasswordErr(err)) {
		err = err2
	}
	if err2 == nil {
		err = nil
	}
	return out, err
}

// rewrite reads b with pdfcpu (relaxed validation, which rebuilds a
// broken xref and decrypts with the empty user password) and writes it
// back unencrypted. It is api.Decrypt/api.Optimize without the optimizer,
// which is not needed here, plus a guard: pdfcpu's writer loops over
// every object number up to the largest it met.
func rewrite(b []byte, cmd model.CommandMode) ([]byte, error) {
	conf := pdfcpuConf()
	conf.Cmd = cmd
	ctx, err := api.ReadAndValidate(bytes.NewReader(b), conf)
	if err != nil {
		return nil, err
	}
	if ctx.XRefTable == nil || ctx.XRefTable.Size == nil || *ctx.XRefTable.Size > len(b) {
		return nil, errors.New("object numbers beyond the file size")
	}
	var buf bytes.Buffer
	if err := api.WriteContext(ctx, &buf); err != nil {
		return nil, err
	}
	return fixHeader(buf.Bytes()), nil
}

// pdfcpuConf returns a pdfcpu configuration built in code:
// model.NewDefaultConfiguration would create a configuration directory
// in the user's home, a side effect a reader must not have.
func pdfcpuConf() *model.Configuration {
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       "\n",
		// Classic xref tables and no object streams: ledongthuc/pdf has no
		// object cache and is 3–4× slower on object streams.
		WriteObjectStream: false,
		WriteXRefStream:   false,
		Optimize:          false, // see repair
		Offline:           true,
		Timeout:           5,
		Limits:            model.DefaultResourceLimits(),
	}
}

// fixHeader applies sanitize to pdfcpu output, which keeps %PDF-2.0.
func fixHeader(b []byte) []byte {
	if s, err := sanitize(b); err == nil {
		return s
	}
	return b
}

// isPasswordErr reports whether a pdfcpu or ledongthuc error says a
// password is needed.
func isPasswordErr(err error) bool {
	if err == nil {
		return false
	}
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "password") || strings.Contains(s, "correct pw")
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
