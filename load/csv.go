package load

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/transform"
)

// Fields lists the record's field names, in contract order: the JSON
// names of [transform.Indicator] and the header of the CSV output.
var Fields = [...]string{
	"doc", "page", "section", "period", "name", "canonical", "value", "unit",
	"std_value", "std_unit", "yoy", "basis", "pp", "completion", "delta",
	"status", "bound", "max", "table", "sentence", "offset", "review",
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
			csvText(r.Table), csvText(r.Sentence), strconv.Itoa(r.Offset), csvText(r.Review),
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

// ReadCSV reads records written by [CSV] back, undoing its formula escape,
// for systems that take the CSV rather than the JSON Lines. It checks the
// byte order mark and the header, and reports the 1-based line of a field
// that does not parse.
func ReadCSV(r io.Reader) ([]transform.Indicator, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(Fields)
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("csv: empty input")
	}
	if err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	bom, ok := strings.CutPrefix(head[0], "\ufeff")
	if !ok {
		return nil, fmt.Errorf("csv: no byte order mark")
	}
	head[0] = bom
	if !slices.Equal(head, Fields[:]) {
		return nil, fmt.Errorf("csv: header %q, want %q", head, Fields)
	}
	var recs []transform.Indicator
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return recs, fmt.Errorf("csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		var bad error
		num := func(i int) *float64 {
			if row[i] == "" {
				return nil
			}
			v, err := strconv.ParseFloat(row[i], 64)
			if err != nil && bad == nil {
				bad = fmt.Errorf("csv: line %d: %s: %w", line, Fields[i], err)
			}
			return &v
		}
		integer := func(i int) int {
			v, err := strconv.Atoi(row[i])
			if err != nil && bad == nil {
				bad = fmt.Errorf("csv: line %d: %s: %w", line, Fields[i], err)
			}
			return v
		}
		text := func(i int) string { return uncsvText(row[i]) }
		rec := transform.Indicator{
			Doc: text(0), Page: integer(1), Section: text(2), Period: text(3),
			Name: text(4), Canonical: text(5), Value: num(6), Unit: text(7),
			StdValue: num(8), StdUnit: text(9), YoY: num(10), Basis: text(11),
			PP: num(12), Completion: num(13), Delta: num(14),
			Status: transform.Status(text(15)), Bound: transform.Bound(text(16)), Max: num(17),
			Table: text(18), Sentence: text(19), Offset: integer(20), Review: text(21),
		}
		if bad != nil {
			return recs, bad
		}
		recs = append(recs, rec)
	}
}
