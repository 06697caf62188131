package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/zhibiao/zhibiao/transform"
)

// A part is the share of a batch that one shard converted ("zhibiao
// convert --shard i/n"): everything the workbook of the whole batch needs
// of those inputs, so that the parts of all shards merge into the
// workbook one run over all inputs would write. It is JSON Lines, in
// UTF-8:
//
//	{"zhibiao_part":1,"shard":2,"of":4,"batch":"9f86d081884c7d65","inputs":120}
//	{"file":{"path":"reports/a.pdf","doc":"a.pdf","format":"pdf",…,"records":2,"tables":1}}
//	{"table":{"doc":"a.pdf","page":3,"caption":"表1 …",…}}
//	{"doc":"a.pdf","page":1,"section":…}
//	{"doc":"a.pdf","page":2,"section":…}
//	{"file":{"path":"reports/c.pdf",…}}
//	…
//	{"zhibiao_part_end":2}
//
// The first line says which shard of how many wrote the part, names the
// batch (a digest of the whole input list, the same for every shard of
// one command line) and counts its inputs. Then, for each input of the
// shard in input order, a "file" line (the row of sheet 文件: path, doc,
// reader, title, year, pages, characters, seconds, status, note, error,
// and how many records and tables follow), a "table" line for each of
// its tables ([transform.Table] as JSON), and a line for each of its
// records, exactly as [JSONL] writes them. The last line counts the
// inputs again, so that a part cut short is found. A record line begins
// with {"doc": and every other line with {"zhibiao_part":, {"file":,
// {"table": or {"zhibiao_part_end":, so that a reader of records tells
// them apart by their first key.
const partVersion = 1

// PartHeader is the first line of a part.
type PartHeader struct {
	Version int    `json:"zhibiao_part"`
	Shard   int    `json:"shard"`  // 1-based
	Of      int    `json:"of"`     // number of shards
	Batch   string `json:"batch"`  // digest of the batch's input list
	Inputs  int    `json:"inputs"` // inputs in the whole batch, all shards
}

// partFile is a "file" line: a File without its tables, with its error
// as text and the counts of the lines that follow.
type partFile struct {
	Path    string  `json:"path"`
	Doc     string  `json:"doc"`
	Format  string  `json:"format"`
	Title   string  `json:"title"`
	Year    string  `json:"year"`
	Pages   int     `json:"pages"`
	Chars   int     `json:"chars"`
	Seconds float64 `json:"seconds"`
	Reason  string  `json:"reason"`
	Note    string  `json:"note"`
	Error   string  `json:"error"` // "" when the input was converted
	Records int     `json:"records"`
	Tables  int     `json:"tables"`
}

// partLine is any line of a part but a record.
type partLine struct {
	File  *partFile        `json:"file,omitempty"`
	Table *transform.Table `json:"table,omitempty"`
	End   *int             `json:"zhibiao_part_end,omitempty"`
}

// Part writes a part (see [PartHeader]); it is a [Sink].
type Part struct {
	w      *bufio.Writer
	enc    *json.Encoder
	recs   *JSONL
	inputs int
	err    error
}

// NewPart returns a [Part] writing to w, beginning with the header h.
// Close writes the last line and flushes it; it does not close w.
func NewPart(w io.Writer, h PartHeader) *Part {
	bw := bufio.NewWriter(w)
	p := &Part{w: bw, enc: json.NewEncoder(bw), recs: NewJSONL(bw)}
	p.enc.SetEscapeHTML(false)
	h.Version = partVersion
	if err := p.enc.Encode(h); err != nil {
		p.err = fmt.Errorf("part: %w", err)
	}
	return p
}

// Add writes the file line, the tables and the records of one input.
func (p *Part) Add(f File, recs []transform.Indicator) error {
	if p.err != nil {
		return p.err
	}
	pf := &partFile{
		Path: f.Path, Doc: f.Name, Format: f.Format, Title: f.Title, Year: f.Year,
		Pages: f.Pages, Chars: f.Chars, Seconds: f.Seconds, Reason: f.Reason, Note: f.Note,
		Records: len(recs), Tables: len(f.Tables),
	}
	if f.Err != nil {
		pf.Error = f.Err.Error()
	}
	if err := p.enc.Encode(partLine{File: pf}); err != nil {
		p.err = fmt.Errorf("part: %s: %w", f.Name, err)
		return p.err
	}
	for i := range f.Tables {
		if err := p.enc.Encode(partLine{Table: &f.Tables[i]}); err != nil {
			p.err = fmt.Errorf("part: %s: table %d: %w", f.Name, i+1, err)
			return p.err
		}
	}
	if err := p.recs.Add(f, recs); err != nil {
		p.err = fmt.Errorf("part: %w", err)
		return p.err
	}
	p.inputs++
	return nil
}

// Close writes the last line and flushes the part.
func (p *Part) Close() error {
	if p.err != nil {
		return p.err
	}
	n := p.inputs
	if err := p.enc.Encode(partLine{End: &n}); err != nil {
		p.err = fmt.Errorf("part: %w", err)
		return p.err
	}
	if err := p.w.Flush(); err != nil {
		p.err = fmt.Errorf("part: %w", err)
	}
	return p.err
}

// ErrPart is the cause of the errors of [PartReader] for a file that is
// not a part, or a part that is damaged or cut short.
var ErrPart = errors.New("not a whole part")

// A PartReader reads a part back, one input at a time.
type PartReader struct {
	sc     *bufio.Scanner
	header PartHeader
	line   int
	inputs int
	next   *partFile // the file line read ahead
	done   bool
}

// maxPartLine bounds a line of a part: a record's sentence or a table.
const maxPartLine = 64 << 20

// NewPartReader reads the header of the part in r.
func NewPartReader(r io.Reader) (*PartReader, error) {
	pr := &PartReader{sc: bufio.NewScanner(r)}
	pr.sc.Buffer(make([]byte, 0, 64<<10), maxPartLine)
	pr.sc.Split(splitLines)
	b, err := pr.scan()
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(b, []byte(`{"zhibiao_part":`)) || json.Unmarshal(b, &pr.header) != nil {
		return nil, fmt.Errorf("%w: line 1 is not a part header", ErrPart)
	}
	h := pr.header
	if h.Version != partVersion {
		return nil, fmt.Errorf("%w: version %d (this zhibiao reads version %d)", ErrPart, h.Version, partVersion)
	}
	if h.Of < 1 || h.Shard < 1 || h.Shard > h.Of || h.Inputs < 0 {
		return nil, fmt.Errorf("%w: shard %d of %d, %d inputs", ErrPart, h.Shard, h.Of, h.Inputs)
	}
	return pr, nil
}

// Header returns the part's first line.
func (pr *PartReader) Header() PartHeader { return pr.header }

// errCutLine is the error of a part whose last line has no end: the
// writing stopped in it.
var errCutLine = errors.New("cut short in a line")

// splitLines splits a part into lines, each ended by "\n" as a part is
// written; a last line without one is an error.
func splitLines(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return 0, nil, errCutLine
	}
	return 0, nil, nil
}

// scan returns the next line, or an error at the end of the input.
func (pr *PartReader) scan() ([]byte, error) {
	if !pr.sc.Scan() {
		if err := pr.sc.Err(); err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrPart, pr.line+1, err)
		}
		return nil, fmt.Errorf("%w: cut short after line %d", ErrPart, pr.line)
	}
	pr.line++
	return pr.sc.Bytes(), nil
}

// Next returns the next input of the part: its File (Err set from the
// text of the error of a failed input, Tables filled) and its records.
// It returns io.EOF after the last one, once the part's last line has
// confirmed that none is missing.
func (pr *PartReader) Next() (File, []transform.Indicator, error) {
	if pr.done {
		return File{}, nil, io.EOF
	}
	pf := pr.next
	pr.next = nil
	if pf == nil {
		var err error
		if pf, err = pr.fileLine(); err != nil || pf == nil {
			return File{}, nil, err
		}
	}
	f := File{
		Path: pf.Path, Name: pf.Doc, Format: pf.Format, Title: pf.Title, Year: pf.Year,
		Pages: pf.Pages, Chars: pf.Chars, Seconds: pf.Seconds, Reason: pf.Reason, Note: pf.Note,
	}
	if pf.Error != "" {
		f.Err = errors.New(pf.Error)
	}
	if pf.Tables > 0 {
		f.Tables = make([]transform.Table, 0, min(pf.Tables, 1<<10))
	}
	for range pf.Tables {
		b, err := pr.scan()
		if err != nil {
			return File{}, nil, err
		}
		var l partLine
		if json.Unmarshal(b, &l) != nil || l.Table == nil {
			return File{}, nil, fmt.Errorf("%w: line %d: a table of %s expected", ErrPart, pr.line, pf.Doc)
		}
		f.Tables = append(f.Tables, *l.Table)
	}
	var recs []transform.Indicator
	if pf.Records > 0 {
		recs = make([]transform.Indicator, 0, min(pf.Records, 1<<16))
	}
	for range pf.Records {
		b, err := pr.scan()
		if err != nil {
			return File{}, nil, err
		}
		var r transform.Indicator
		if !bytes.HasPrefix(b, []byte(`{"doc":`)) || json.Unmarshal(b, &r) != nil {
			return File{}, nil, fmt.Errorf("%w: line %d: a record of %s expected", ErrPart, pr.line, pf.Doc)
		}
		recs = append(recs, r)
	}
	pr.inputs++
	return f, recs, nil
}

// fileLine reads the next file line, or the last line (then nil).
func (pr *PartReader) fileLine() (*partFile, error) {
	b, err := pr.scan()
	if err != nil {
		return nil, err
	}
	var l partLine
	if json.Unmarshal(b, &l) != nil || l.File == nil && l.End == nil {
		return nil, fmt.Errorf("%w: line %d: the line of an input expected", ErrPart, pr.line)
	}
	if l.File != nil {
		return l.File, nil
	}
	if *l.End != pr.inputs {
		return nil, fmt.Errorf("%w: its last line counts %d inputs, %d were read", ErrPart, *l.End, pr.inputs)
	}
	pr.done = true
	return nil, io.EOF
}

// Peek returns the path of the next input of the part without reading
// it, and false after the last one.
func (pr *PartReader) Peek() (string, bool, error) {
	if pr.done {
		return "", false, nil
	}
	if pr.next == nil {
		pf, err := pr.fileLine()
		if err == io.EOF {
			return "", false, nil
		}
		if err != nil {
			return "", false, err
		}
		pr.next = pf
	}
	return pr.next.Path, true, nil
}
