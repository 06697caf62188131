package extract

import "io"

// Open reads the .pdf or .txt file at path into a Document.
func Open(path string) (*Document, error) {
	// PLACEHOLDER: replaced by helper B.
	return nil, &Error{File: path, Err: ErrNotPDF}
}

// NewReader reads a document of the given size from r; name is used for
// errors and Document.Name and its extension picks the format when the
// content does not tell.
func NewReader(r io.ReaderAt, size int64, name string) (*Document, error) {
	// PLACEHOLDER: replaced by helper B.
	return nil, &Error{File: name, Err: ErrNotPDF}
}
