package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// PageCount returns the number of pages the PDF file at path says it
// has: the /Count of its page tree, found through its cross-reference
// data. It reads only that data and the few objects on the way (a file
// is mapped into memory, not read), so it takes about the same short
// time whatever the size of the file, and the default Limits bound what
// it inflates. It is a guess, for deciding such things as which files
// of a batch to start first: it checks no page, and it fails on a file
// whose cross-reference data does not lead to its page tree as it is
// (Open may still read the file, repairing it), on an encrypted file,
// and where files cannot be mapped.
func PageCount(path string) (n int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	defer func() {
		if x := recover(); x != nil { // a fault on the mapping: the file was truncated
			n, err = 0, fmt.Errorf("%s: %v", path, x)
		}
	}()
	type counted struct {
		n   int
		err error
	}
	c := readMapped(f, fi.Size(), func(r io.ReaderAt) counted {
		b, ok := r.(mappedFile)
		if !ok {
			return counted{err: errors.New("cannot map the file")}
		}
		n, err := pageCount(b)
		return counted{n, err}
	})
	if c.err != nil {
		return 0, fmt.Errorf("%s: %w", path, c.err)
	}
	return c.n, nil
}

// maxPageCount bounds the count believed.
const maxPageCount = 1 << 24

// pageCount reads the /Count of the page tree of the PDF b.
func pageCount(b []byte) (int, error) {
	bud := newBudget(context.Background(), Limits{})
	x, err := readXref(b, bud)
	if err != nil {
		return 0, err
	}
	if x.trailer["Encrypt"] != nil {
		return 0, ErrEncrypted // (an object stream would need decrypting)
	}
	s := newObjectSet(b, bud)
	s.locate(x)
	root := s.dict(s.trailer["Root"])
	n, ok := integer(s.resolve(s.dict(root["Pages"])["Count"]), maxPageCount)
	if !ok {
		return 0, errors.New("no page count where the cross-reference data leads")
	}
	return int(n), nil
}
