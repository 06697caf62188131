package extract

import (
	"os"
	"path/filepath"

	"github.com/ledongthuc/pdf"
)

// fixtureSeeds returns real content streams and ToUnicode CMaps from the
// first page of each fixture PDF, to seed the fuzz targets with what
// producers actually write. Streams are cut to maxSeed bytes: the fuzzer
// mutates small inputs better. Unreadable fixtures (encrypted, scanned)
// give nothing.
func fixtureSeeds() (contents, cmaps [][]byte) {
	const maxSeed = 4 << 10
	cut := func(b []byte) []byte { return b[:min(len(b), maxSeed)] }
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*.pdf"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		d, err := openPDF(b)
		if err != nil {
			continue
		}
		pages, _ := d.walkPages()
		if len(pages) == 0 {
			continue
		}
		if c, _ := d.contents(pages[0].v.Key("Contents")); len(c) > 0 {
			contents = append(contents, cut(c))
		}
		fonts := pages[0].res.Key("Font")
		for _, k := range fonts.Keys() {
			if tu := fonts.Key(k).Key("ToUnicode"); tu.Kind() == pdf.Stream {
				if m, err := d.readStream(tu); err == nil && len(m) > 0 {
					cmaps = append(cmaps, cut(m))
				}
			}
		}
	}
	return contents, cmaps
}
