package extract

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestMutations feeds randomly damaged tiny PDFs to readPDF and fails
// when one takes more than 3 s: both libraries have loops sized by numbers
// read from the file. ZB_MUTATIONS=20000 runs a longer search, ZB_SEED
// varies it, ZB_MUTATE_FILE mutates that PDF instead; the
// offending input is written to the temporary directory.
func TestMutations(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	if v, err := strconv.Atoi(os.Getenv("ZB_MUTATIONS")); err == nil {
		n = v
	}
	seed, _ := strconv.ParseInt(os.Getenv("ZB_SEED"), 10, 64)
	rng := rand.New(rand.NewSource(seed))
	bases := [][]byte{helloPDF(), onePage(cidFont("/Identity-H", "/ToUnicode 6 0 R"), "BT /F1 10 Tf [<0001> -500 <0002>] TJ ET",
		pdfStream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <00FF> <4E00> endbfrange")),
		onePage(cidFont("/GBK-EUC-H", ""), "BT /F1 12 Tf <CBB0CAD5> Tj ET")}
	if name := os.Getenv("ZB_MUTATE_FILE"); name != "" {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		bases = [][]byte{b}
	}
	for i := 0; i < n; i++ {
		base := bases[i%len(bases)]
		b := append([]byte{}, base...)
		for k := 0; k < 1+rng.Intn(4); k++ {
			switch rng.Intn(3) {
			case 0:
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			case 1:
				j := rng.Intn(len(b))
				b = append(b[:j], b[min(len(b), j+rng.Intn(20)):]...)
			case 2:
				j := rng.Intn(len(b))
				b = append(b[:j], append([]byte("0123456789 R obj<<>>[]"[rng.Intn(10):]), b[j:]...)...)
			}
		}
		start := time.Now()
		done := make(chan bool)
		go func() {
			readPDF("m.pdf", bytes.NewReader(b), int64(len(b)))
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			name := filepath.Join(os.TempDir(), "zhibiao-slow.pdf")
			os.WriteFile(name, b, 0o644)
			t.Fatalf("input %d hangs; written to %s", i, name)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Logf("input %d took %v", i, d)
		}
	}
}
