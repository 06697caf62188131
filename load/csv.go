package load

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/zhibiao/zhibiao/transform"
)

// Fields lists the record's field names, in contract order: the JSON
// names of [transform.Indicator] and the header of the CSV output.
var Fields = [...]string{
	"doc", "page", "section", "period", "name", "canonical", "value", "unit",
	"std_value", "std_unit", "yoy", "basis", "pp", "completion", "delta",
	"status", "bound", "max", "sentence", "offset",
}

// CSV writes records as comma-separated values in UTF-8 with a byte order
// mark (so that Excel detects the encoding), one header row of the JSON
// field names, then one row per record. Unset numbers are empty fields;
// numbers are written in plain decimal (1500000000, not 1.5e+09). Text
// that a spreadsheet would evaluate as a formula gets a leading apostrophe
// (see the package documentation). Failed inputs write nothing.
type CSV struct {
	w      *csv.Writer
	raw    io.Writer
	header bool
	err    error
	row    [len(Fields)]string
}

// NewCSV returns a [CSV] sink writing to w. The byte order mark and the
// header are written by the first Add, or by Close when there was none.
// Close flushes it; it does not close w.
func NewCSV(w io.Writer) *CSV {
	return &CSV{w: csv.NewWriter(w), raw: w}
}

func (c *CSV) start() error {
	if c.header {
		return nil
	}
	c.header = true
	if _, err := io.WriteString(c.raw, "\ufeff"); err != nil {
		return err
	}
	return c.w.Write(Fields[:])
}

// Add writes the records of one input file.
func (c *CSV) Add(f File, recs []transform.Indicator) error {
	if c.err != nil {
		return c.err
	}
	if err := c.start(); err != nil {
		c.err = fmt.Errorf("csv: %w", err)
		return c.err
	}
	for i := range recs {
		r := &recs[i]
		c.row = [len(Fields)]string{
			csvText(r.Doc), strconv.Itoa(r.Page), csvText(r.Section), csvText(r.Period),
			csvText(r.Name), csvText(r.Canonical), csvNum(r.Value), csvText(r.Unit),
			csvNum(r.StdValue), csvText(r.StdUnit), csvNum(r.YoY), csvText(r.Basis),
			csvNum(r.PP), csvNum(r.Completion), csvNum(r.Delta),
			csvText(string(r.Status)), csvText(string(r.Bound)), csvNum(r.Max),
			csvText(r.Sentence), strconv.Itoa(r.Offset),
		}
		if err := c.w.Write(c.row[:]); err != nil {
			c.err = fmt.Errorf("csv: %s: %w", f.Name, err)
			return c.err
		}
	}
	return nil
}

// Close flushes the output and returns the first error met.
func (c *CSV) Close() error {
	if c.err != nil {
		return c.err
	}
	if err := c.start(); err != nil {
		c.err = fmt.Errorf("csv: %w", err)
		return c.err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		c.err = fmt.Errorf("csv: %w", err)
	}
	return c.err
}

// csvNum formats an optional number: "" for nil or non-finite values,
// otherwise the shortest decimal that reads back as the same float64.
func csvNum(p *float64) string {
	if p = finite(p); p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}
