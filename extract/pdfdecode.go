package extract

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// decodeStructStream decodes the data of a cross-reference or object
// stream: FlateDecode (with a PNG or TIFF predictor) or no filter, the
// only encodings producers use for them. The decoded bytes are charged to
// bud; at most max bytes are kept. What decoded before an error is
// returned with it.
func decodeStructStream(d pdfDict, data []byte, bud *budget, max int64) ([]byte, error) {
	filters := []any{d["Filter"]}
	params := []any{d["DecodeParms"]}
	if a, ok := d["Filter"].(pdfArray); ok {
		filters = a
		params = nil
		if p, ok := d["DecodeParms"].(pdfArray); ok {
			params = p
		}
	}
	out := data
	for i, f := range filters {
		var parm pdfDict
		if i < len(params) {
			parm, _ = params[i].(pdfDict)
		}
		switch f {
		case nil:
			continue
		case pdfName("FlateDecode"), pdfName("Fl"):
		default:
			return nil, fmt.Errorf("unsupported filter %v in a structure stream", f)
		}
		b, err := inflate(out, bud, max)
		if err != nil && len(b) == 0 {
			return nil, err
		}
		b, perr := unpredict(b, parm)
		if perr != nil {
			return nil, perr
		}
		if err != nil {
			return b, err
		}
		out = b
	}
	return out, nil
}

// inflate decompresses zlib data, charging the decoded bytes to bud and
// keeping at most max of them.
func inflate(data []byte, bud *budget, max int64) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("flate: %w", err)
	}
	defer zr.Close()
	r := &countingReader{r: zr, bud: bud}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if int64(len(b)) > max {
		return b[:max], tooLarge("a stream decodes to more than %s", max)
	}
	if err == nil {
		err = r.err
	}
	if err != nil && !errors.Is(err, ErrTooLarge) && bud.err() != nil {
		err = bud.err()
	}
	return b, err
}

// A countingReader charges what it reads to a budget and stops when the
// budget is spent.
type countingReader struct {
	r   io.Reader
	bud *budget
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if len(p) > 64<<10 {
		p = p[:64<<10] // charge in small steps, so a bomb stops early
	}
	n, err := c.r.Read(p)
	if berr := c.bud.decoded(n); berr != nil {
		c.err = berr
		return n, berr
	}
	return n, err
}

// unpredict reverses a PNG (10–15) or TIFF (2) predictor.
func unpredict(b []byte, parm pdfDict) ([]byte, error) {
	pred, _ := integer(parm["Predictor"], 100)
	if pred <= 1 {
		return b, nil
	}
	colors, ok := integer(parm["Colors"], 64)
	if !ok || colors == 0 {
		colors = 1
	}
	bpc, ok := integer(parm["BitsPerComponent"], 16)
	if !ok || bpc == 0 {
		bpc = 8
	}
	cols, ok := integer(parm["Columns"], 1<<24)
	if !ok || cols == 0 {
		cols = 1
	}
	bpp := int((colors*bpc + 7) / 8)
	row := int((colors*bpc*cols + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return nil, fmt.Errorf("TIFF predictor with %d bits per component", bpc)
		}
		out := bytes.Clone(b)
		for r := 0; r+row <= len(out); r += row {
			for i := bpp; i < row; i++ {
				out[r+i] += out[r+i-bpp]
			}
		}
		return out, nil
	}
	if pred < 10 {
		return nil, fmt.Errorf("unknown predictor %d", pred)
	}
	out := make([]byte, 0, len(b)/(row+1)*row)
	prev := make([]byte, row)
	for len(b) >= row+1 {
		ft, cur := b[0], bytes.Clone(b[1:row+1])
		b = b[row+1:]
		for i := range cur {
			var left, up, ul byte
			if i >= bpp {
				left = cur[i-bpp]
				ul = prev[i-bpp]
			}
			up = prev[i]
			switch ft {
			case 0:
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, ul)
			default:
				return out, fmt.Errorf("bad PNG filter type %d", ft)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
