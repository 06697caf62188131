package extract

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	posixpath "path"
	"strings"
)

// A docxPackage is the zip archive of an Office Open XML file with the
// budget of bytes its parts may still inflate to.
type docxPackage struct {
	zr    *zip.Reader
	files map[string]*zip.File // by name, lower-cased
	lim   markupLimits
	spent int64 // bytes inflated so far
}

// openPackage opens the zip archive of a .docx.
func openPackage(r io.ReaderAt, size int64, lim markupLimits) (*docxPackage, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a valid zip archive: %v", ErrDamaged, err)
	}
	p := &docxPackage{zr: zr, files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

// has reports whether the package holds the part name.
func (p *docxPackage) has(name string) bool {
	_, ok := p.files[strings.ToLower(name)]
	return ok
}

// open opens part name for reading, or returns nil when there is none.
// The reader fails with ErrTooLarge as soon as the part inflates past the
// limits: its own size, the package's budget, or a compression ratio no
// document reaches (a zip bomb).
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.lim.part) {
		return nil, fmt.Errorf("%w: %s inflates to %d MB (limit %d MB)", ErrTooLarge, name, f.UncompressedSize64>>20, p.lim.part>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
	}
	return &partReader{rc: rc, p: p, name: name, compressed: int64(f.CompressedSize64)}, nil
}

// A partReader reads one inflating part and keeps count.
type partReader struct {
	rc         io.ReadCloser
	p          *docxPackage
	name       string
	n          int64 // bytes read from this part
	compressed int64
}

// ratioFloor is the size below which a part is not judged by its
// compression ratio: small parts of repeated markup compress very well.
const ratioFloor = 8 << 20

func (r *partReader) Read(b []byte) (int, error) {
	n, err := r.rc.Read(b)
	r.n += int64(n)
	r.p.spent += int64(n)
	lim := r.p.lim
	switch {
	case r.n > lim.part:
		return n, fmt.Errorf("%w: %s inflates to more than %d MB", ErrTooLarge, r.name, lim.part>>20)
	case r.p.spent > lim.inflated:
		return n, fmt.Errorf("%w: the file inflates to more than %d MB", ErrTooLarge, lim.inflated>>20)
	case r.n > ratioFloor && r.n > lim.ratio*max(r.compressed, 1):
		return n, fmt.Errorf("%w: %s inflates more than %d times (a zip bomb)", ErrTooLarge, r.name, lim.ratio)
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %s: %v", ErrDamaged, r.name, err)
	}
	return n, err
}

func (r *partReader) Close() error { return r.rc.Close() }

// A relationship is one entry of a part's .rels.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads the relationships of part name ("" for the package) and
// returns them with their targets resolved to part names.
func (p *docxPackage) rels(name string) ([]relationship, error) {
	dir, base := posixpath.Split(name)
	rc, err := p.open(posixpath.Join(dir, "_rels", base+".rels"))
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := newXMLDecoder(rc).Decode(&doc); err != nil {
		return nil, xmlError(name+" relationships", err)
	}
	for i := range doc.Rels {
		t := doc.Rels[i].Target
		if doc.Rels[i].Mode == "External" {
			continue
		}
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = posixpath.Join(dir, t)
		}
		doc.Rels[i].Target = t
	}
	return doc.Rels, nil
}

// relTarget returns the target of the first relationship whose type ends
// with kind ("/officeDocument", "/styles", "/numbering"), or fallback.
func relTarget(rels []relationship, kind, fallback string) string {
	for _, r := range rels {
		if strings.HasSuffix(r.Type, kind) && r.Mode != "External" {
			return r.Target
		}
	}
	return fallback
}

// newXMLDecoder returns a decoder for a part. Office parts are UTF-8 or
// UTF-16; a declaration naming another charset is read as UTF-8 rather
// than refused.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) { return input, nil }
	return d
}

// xmlError wraps an error met while reading part name: a limit passed
// stays ErrTooLarge, anything else makes the file damaged.
func xmlError(name string, err error) error {
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrDamaged) {
		return err
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: broken XML in %s, line %d: %s", ErrDamaged, name, se.Line, se.Msg)
	}
	return fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
}
