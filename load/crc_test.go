package load

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

// TestCRC32Combine checks crc32Combine against the CRC of the joined
// bytes, for lengths around the powers of two it works by.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	data := make([]byte, 70000)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, cut := range [][2]int{{0, 0}, {0, 10}, {10, 0}, {1, 1}, {7, 8}, {100, 255}, {1000, 4096}, {3, 65537}, {70000 - 17, 17}} {
		a, b := data[:cut[0]], data[cut[0]:cut[0]+cut[1]]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
		if want := crc32.ChecksumIEEE(data[:cut[0]+cut[1]]); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", cut[0], cut[1], got, want)
		}
	}
}
