package load

import "github.com/zhibiao/zhibiao/transform"

// A File describes one input of a batch, converted or not.
type File struct {
	Path    string  // path as given on the command line (or found under a folder)
	Name    string  // the doc of its records: the path relative to the folder named on the command line, or the base name of a file named directly
	Title   string  // document title, "" if unknown
	Format  string  // the reader that read it: pdf, text, docx, html …
	Year    string  // report year, "" if unknown
	Pages   int     // number of pages read
	Chars   int     // runes of clean text
	Seconds float64 // time spent on this file
	Err     error   // nil when the file was converted

	// Reason says why Err happened in words a clerk understands
	// ("加密，需要密码 (encrypted)"); "" shows Err's own text. For a file
	// converted in part or after repairs (Err nil, Note set) it says so
	// ("部分页面无法读取 (read in part)"), and stands in sheet 文件 in place
	// of "ok", so that a partial result is never taken for a whole one.
	Reason string
	// Note is a remark on a converted file, such as the pages that could
	// not be read or what had to be repaired; "" when there is nothing
	// to say.
	Note string
	// Tables are the file's tables, for sheet 表格.
	Tables []transform.Table
}

// A Sink receives the records of a batch, one input file at a time.
type Sink interface {
	// Add writes the records of one input file. recs is empty when f.Err
	// is set. Add does not keep recs after it returns.
	Add(f File, recs []transform.Indicator) error
	// Close finishes the output and returns the first error met.
	Close() error
}
