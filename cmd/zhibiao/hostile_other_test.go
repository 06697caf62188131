//go:build !unix

package main

import (
	"sync"
	"testing"

	"github.com/zhibiao/zhibiao/transform"
)

func mkfifo(string) {}

func deadPID(t *testing.T) int { t.Skip("no process ids to test with"); return 0 }

var (
	trOnce   sync.Once
	trShared *transform.Transformer
	trErr    error
)

func sharedTransformer(t testing.TB) *transform.Transformer {
	trOnce.Do(func() { trShared, trErr = transform.New(transform.Config{}) })
	if trErr != nil {
		t.Fatal(trErr)
	}
	return trShared
}
