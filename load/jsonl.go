package load

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/zhibiao/zhibiao/transform"
)

// JSONL writes records as JSON Lines: one JSON object per record, with
// exactly the fields and names of [transform.Indicator], unset numbers as
// null and numbers in their shortest round-trip form (15, not 15.0).
// Failed inputs write nothing. NaN and infinite numbers, which JSON cannot
// carry, are written as null.
type JSONL struct {
	w   *bufio.Writer
	enc *json.Encoder
	err error
}

// NewJSONL returns a [JSONL] sink writing to w. Close flushes it; it does
// not close w.
func NewJSONL(w io.Writer) *JSONL {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // keep "<" and "&" readable; output is not HTML
	return &JSONL{w: bw, enc: enc}
}

// Add writes the records of one input file.
func (j *JSONL) Add(f File, recs []transform.Indicator) error {
	if j.err != nil {
		return j.err
	}
	for i := range recs {
		r := recs[i]
		r.Value, r.StdValue, r.YoY, r.PP = finite(r.Value), finite(r.StdValue), finite(r.YoY), finite(r.PP)
		r.Completion, r.Delta, r.Max = finite(r.Completion), finite(r.Delta), finite(r.Max)
		if err := j.enc.Encode(&r); err != nil {
			j.err = fmt.Errorf("jsonl: %s: %w", f.Name, err)
			return j.err
		}
	}
	return nil
}

// Close flushes the output and returns the first error met.
func (j *JSONL) Close() error {
	if j.err != nil {
		return j.err
	}
	if err := j.w.Flush(); err != nil {
		j.err = fmt.Errorf("jsonl: %w", err)
	}
	return j.err
}
