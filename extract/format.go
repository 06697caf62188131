package extract

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// The readers other than PDF and text, and how the content picks one:
//
//	PK\x03\x04 with word/document.xml  → .docx (Office Open XML)
//	D0 CF 11 E0 (an OLE compound file)  → .doc / .wps, through LibreOffice
//	{\rtf                               → RTF, through LibreOffice
//	<html or <!DOCTYPE html             → web page (also a .txt that is one)
//
// The extension only decides when the content does not: a .htm or .html
// file that opens with a tag is a web page even without <html>.

// Magic numbers of the formats told apart by content.
var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	magicRTF = []byte(`{\rtf`)
)

// readByContent reads the file when its content (head: its first bytes)
// names one of the formats above, within limits; ok is false for PDFs and
// text, which NewReader reads itself.
func readByContent(name string, r io.ReaderAt, size int64, head []byte, limits Limits) (doc *Document, ok bool, err error) {
	lim := limits.markup()
	switch {
	case bytes.HasPrefix(head, magicZip):
		doc, err = readZip(name, r, size, lim)
	case bytes.HasPrefix(head, magicOLE):
		doc, err = readConverted(name, r, size, "doc", lim)
	case bytes.HasPrefix(head, magicRTF):
		doc, err = readConverted(name, r, size, "rtf", lim)
	case looksHTML(head, name):
		doc, err = readHTMLFile(name, r, size, lim)
	default:
		return nil, false, nil
	}
	return doc, true, err
}

// readZip reads a zip archive that holds a Word document; other archives
// (a workbook, an OpenDocument file) are refused with what they are.
func readZip(name string, r io.ReaderAt, size int64, lim markupLimits) (*Document, error) {
	pkg, err := openPackage(r, size, lim)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	switch {
	case pkg.has("word/document.xml") || pkg.has("[content_types].xml") && !pkg.has("xl/workbook.xml") && !pkg.has("ppt/presentation.xml"):
		doc, err := readPackage(name, "docx", pkg, lim)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				err = &Error{File: name, Err: err}
			}
			return nil, err
		}
		return doc, nil
	case pkg.has("xl/workbook.xml"):
		return nil, &Error{File: name, Err: fmt.Errorf("%w: an Excel workbook (.xlsx)", ErrNotPDF)}
	case pkg.has("content.xml"):
		return nil, &Error{File: name, Err: fmt.Errorf("%w: an OpenDocument file (save it as .docx)", ErrNotPDF)}
	}
	return nil, &Error{File: name, Err: fmt.Errorf("%w: a zip archive", ErrNotPDF)}
}

// looksHTML reports whether a file whose first bytes are head is a web
// page: it opens with a tag (after a BOM, spaces, an XML declaration or
// comments) and names <html> or an HTML doctype near its start, or it
// is named .htm/.html.
func looksHTML(head []byte, name string) bool {
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	ext := strings.ToLower(filepath.Ext(name))
	if bytes.HasPrefix(h, []byte("\xff\xfe")) || bytes.HasPrefix(h, []byte("\xfe\xff")) {
		return ext == ".htm" || ext == ".html" // UTF-16: the extension decides
	}
	h = bytes.TrimLeft(h, " \t\r\n\f")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	low := bytes.ToLower(h)
	return bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<!doctype html")) ||
		ext == ".htm" || ext == ".html" || ext == ".shtml" || ext == ".xhtml"
}
