//go:build unix

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/transform"
)

func mkfifo(path string) { syscall.Mkfifo(path, 0o644) }

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

var (
	trOnce   sync.Once
	trShared *transform.Transformer
	trErr    error
)

// sharedTransformer builds one Transformer for the tests that need a
// real one: building it takes seconds.
func sharedTransformer(t testing.TB) *transform.Transformer {
	trOnce.Do(func() { trShared, trErr = transform.New(transform.Config{}) })
	if trErr != nil {
		t.Fatal(trErr)
	}
	return trShared
}

// TestTextFIFO checks that zhibiao text returns at once on a named pipe.
func TestTextFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	mkfifo(p)
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run([]string{"text", p}, &stdout, &stderr)
	if code != exitFail || !strings.Contains(stderr.String(), "不是普通文件 (not a regular file)") || time.Since(start) > 5*time.Second {
		t.Errorf("exit %d, %q after %v", code, stderr.String(), time.Since(start))
	}
}

// TestSignals interrupts a running convert with SIGHUP, SIGTERM and
// SIGINT, and closes its standard output under --jsonl -: each time the
// previous output stands and no temporary file is left.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command in subprocesses")
	}
	seed, err := os.ReadFile(filepath.Join(fixtures, "seed-2020-jiedao.txt"))
	if err != nil {
		t.Skip("no seed fixture")
	}
	in := t.TempDir()
	for i := range 400 {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("r%03d.txt", i)), bytes.Replace(seed, []byte("\n"), fmt.Appendf(nil, "\n编号%d。\n", i), 1), 0o644)
	}
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT, syscall.SIGPIPE} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			prev := []byte("the previous workbook")
			os.WriteFile(filepath.Join(out, "o.xlsx"), prev, 0o644)
			args := []string{"convert", "-j", "1", "-o", filepath.Join(out, "o.xlsx"), "--csv", filepath.Join(out, "o.csv"), in}
			if sig == syscall.SIGPIPE {
				args = append(args, "--jsonl", "-")
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), "ZHIBIAO_TEST_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the run writes its outputs: the workbook, its
			// folder for excelize and the CSV.
			deadline := time.Now().Add(30 * time.Second)
			for len(leftovers(t, out)) < 3 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if l := leftovers(t, out); !slices.ContainsFunc(l, func(p string) bool { return strings.HasSuffix(p, ".d") }) {
				t.Fatalf("temporary outputs %v, want the workbook, its folder and the CSV", l)
			}
			if sig == syscall.SIGPIPE {
				// "| head -1": read one record, then close the pipe.
				line, _ := bufio.NewReader(stdout).ReadBytes('\n')
				if !isJSONLine(line) {
					t.Errorf("first line %q", line)
				}
				stdout.Close()
			} else {
				time.Sleep(200 * time.Millisecond)
				cmd.Process.Signal(sig)
				go io.Copy(io.Discard, stdout)
			}
			err := cmd.Wait()
			code := cmd.ProcessState.ExitCode()
			if code != exitFail {
				t.Errorf("exit %d (%v), want %d; stderr:\n%s", code, err, exitFail, stderr.String())
			}
			if b, _ := os.ReadFile(filepath.Join(out, "o.xlsx")); !bytes.Equal(b, prev) {
				t.Error("the previous workbook was replaced")
			}
			if _, err := os.Stat(filepath.Join(out, "o.csv")); err == nil {
				t.Error("a CSV was written")
			}
			if l := leftovers(t, out); l != nil {
				t.Errorf("left %v", l)
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
		})
	}
}
