package load

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// TestParallelDeflate compresses inputs of sizes around the block size,
// compressible or not, written in pieces of many sizes, and reads them
// back with compress/flate: one deflate stream, whatever the blocks.
func TestParallelDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := bytes.Repeat([]byte("地区生产总值13507.69亿元，比上年增长6.1%。<row r=\"12\"><c s=\"3\"/></row>"), 1+3*deflateBlock/80)
	noise := make([]byte, 3*deflateBlock)
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	for _, n := range []int{0, 1, 1000, deflateBlock - 1, deflateBlock, deflateBlock + 1, 2*deflateBlock + 12345} {
		for k, src := range [][]byte{text[:n], noise[:n]} {
			var out bytes.Buffer
			d := newParallelDeflate(&out, flate.DefaultCompression, 1+k*3) // one core, four
			for p := src; len(p) > 0; {
				k := min(len(p), 1+rng.IntN(3*deflateBlock/2))
				if _, err := d.Write(p[:k]); err != nil {
					t.Fatal(err)
				}
				p = p[k:]
			}
			if err := d.Close(); err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(flate.NewReader(&out))
			if err != nil || !bytes.Equal(back, src) {
				t.Fatalf("%d bytes: read back %d bytes, %v", n, len(back), err)
			}
		}
	}
}

// TestParallelDeflateReuse: compressors and blocks are reused from one
// part to the next; a part deflates to the same bytes whether its
// compressor is new or has served parts of other sizes and content.
func TestParallelDeflateReuse(t *testing.T) {
	text := bytes.Repeat([]byte("<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>税收总收入</t></is></c></row>"), 1+2*deflateBlock/70)
	deflate := func(src []byte) []byte {
		var out bytes.Buffer
		d := newParallelDeflate(&out, deflateLevel, 2)
		if _, err := d.Write(src); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	first := map[int][]byte{}
	sizes := []int{len(text), 300, deflateBlock + 7, 0, 5000}
	for round := 0; round < 3; round++ {
		for _, n := range sizes {
			got := deflate(text[:n])
			if round == 0 {
				first[n] = got
				continue
			}
			if !bytes.Equal(got, first[n]) {
				t.Errorf("round %d: %d bytes deflate to other bytes (%d, first %d)", round, n, len(got), len(first[n]))
			}
		}
	}
}
