package extract

import (
	"bytes"
	"math/rand"
	"os"
	"testing"
	"time"
)

func TestZZSlow(t *testing.T) {
	if os.Getenv("SLOW") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(os.Getenv("SLOW"))
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1500; i++ {
		c := append([]byte(nil), b...)
		for k := 0; k < 1+rng.Intn(8); k++ {
			c[rng.Intn(len(c))] = byte(rng.Intn(256))
		}
		if rng.Intn(3) == 0 {
			c = c[:rng.Intn(len(c))]
		}
		if rng.Intn(4) == 0 && len(c) > 100 {
			a := rng.Intn(len(c) - 50)
			n := 1 + rng.Intn(50)
			c = append(c[:a+n:a+n], append(bytes.Repeat(c[a:a+n], 1+rng.Intn(20)), c[a+n:]...)...)
		}
		done := make(chan struct{})
		start := time.Now()
		go func() {
			NewReader(bytes.NewReader(c), int64(len(c)), "f.pdf")
			close(done)
		}()
		select {
		case <-done:
			if d := time.Since(start); d > 500*time.Millisecond {
				t.Logf("case %d slow %v", i, d)
			}
		case <-time.After(10 * time.Second):
			os.WriteFile("/tmp/hang.pdf", c, 0o644)
			t.Fatalf("case %d hangs", i)
		}
	}
}
