package extract

import (
	"bytes"
	"errors"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            error
	}{
		{"clean", "%PDF-1.4\nbody\n%%EOF", "%PDF-1.4\nbody\n%%EOF", nil},
		{"BOM and trailing junk", "\xef\xbb\xbf%PDF-1.4\nbody\n%%EOF\r\njunk%%EOjunk", "%PDF-1.4\nbody\n%%EOF", nil},
		{"PDF 2.0", "%PDF-2.0\nbody\n%%EOF\n", "%PDF-1.7\nbody\n%%EOF", nil},
		{"space after header", "%PDF-1.5 \nbody\n%%EOF", "%PDF-1.5\n\nbody\n%%EOF", nil},
		{"no EOF kept as is", "%PDF-1.5\nbody", "%PDF-1.5\nbody", nil},
		{"no header", "hello world", "", ErrNotPDF},
		{"header too late", string(bytes.Repeat([]byte{' '}, 1100)) + "%PDF-1.4\n%%EOF", "", ErrNotPDF},
	}
	for _, tc := range tests {
		got, err := sanitize([]byte(tc.in))
		if !errors.Is(err, tc.err) || string(got) != tc.want {
			t.Errorf("%s: sanitize = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}
