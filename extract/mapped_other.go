//go:build !unix

package extract

import (
	"errors"
	"os"
)

// mapFile does not map files outside Unix: inputs are read into memory.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	return nil, nil, errors.ErrUnsupported
}
