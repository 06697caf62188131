package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expout, experr and exitcode files of testdata/cases")

// TestMain lets a test run the command in a subprocess: with
// ZHIBIAO_TEST_MAIN=1 the test binary is zhibiao itself, and reports its
// peak resident memory (VmHWM) on standard error when it ends.
func TestMain(m *testing.M) {
	if os.Getenv("ZHIBIAO_TEST_MAIN") == "1" {
		code := run(os.Args[1:], os.Stdout, os.Stderr)
		if status, err := os.ReadFile("/proc/self/status"); err == nil {
			for _, l := range strings.Split(string(status), "\n") {
				if strings.HasPrefix(l, "VmHWM:") {
					fmt.Fprintln(os.Stderr, l)
				}
			}
		}
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// TestCases runs each folder of testdata/cases as a command: file cmd
// holds the arguments (split on spaces; $TMP is a fresh temporary folder,
// $FIXTURES the repository's fixtures folder), run in that folder;
// expout is the expected standard output, exitcode the status, and
// experr, when present, the expected standard error. $TMP in outputs
// stands for the temporary folder. Run with -update to rewrite them.
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob("testdata/cases/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	fixtures, err := filepath.Abs("../../fixtures")
	if err != nil {
		t.Fatal(err)
	}
	unreadable, err := filepath.Abs("../../testdata/unreadable")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			cmd, err := os.ReadFile(filepath.Join(dir, "cmd"))
			if err != nil {
				t.Fatal(err)
			}
			for v, dir := range map[string]string{"$FIXTURES": fixtures, "$UNREADABLE": unreadable} {
				if _, err := os.Stat(dir); err != nil && strings.Contains(string(cmd), v) {
					t.Skipf("no folder %s", dir)
				}
			}
			tmp := t.TempDir()
			line := strings.NewReplacer("$TMP", tmp, "$FIXTURES", fixtures, "$UNREADABLE", unreadable).Replace(strings.TrimSpace(string(cmd)))
			args := strings.Fields(line)
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			mask := strings.NewReplacer(tmp, "$TMP", fixtures, "$FIXTURES", unreadable, "$UNREADABLE")
			got := map[string]string{
				"expout":   mask.Replace(stdout.String()),
				"experr":   mask.Replace(stderr.String()),
				"exitcode": strconv.Itoa(code) + "\n",
			}
			for _, name := range []string{"expout", "exitcode", "experr"} {
				want, err := os.ReadFile(name)
				if *update && (name != "experr" || err == nil) {
					if err := os.WriteFile(name, []byte(got[name]), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if name == "experr" && os.IsNotExist(err) {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if got[name] != string(want) {
					os.WriteFile(name+".got", []byte(got[name]), 0o644)
					t.Errorf("%s: %s differs (got written to %s.got):\n%s", line, name, name, diff(string(want), got[name]))
				}
			}
			if t.Failed() {
				t.Logf("stderr:\n%s", stderr.String())
			}
		})
	}
}

// diff returns the first differing lines of want and got.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 5; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n-%s\n+%s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "zhibiao ") {
		t.Errorf("version: exit %d, output %q", code, out.String())
	}
	if code := run([]string{"version", "x"}, &out, &errb); code != exitUsage {
		t.Errorf("version x: exit %d, want %d", code, exitUsage)
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b/2.PDF", "b/1.txt", "a.txt", "b/c/x.Txt", "b/readme.md", "b/.hidden.txt", "z.doc",
		"b/w.docx", "b/o.DOC", "b/k.wps", "b/p.html", "b/q.HTM", "b/s.xlsx",
		"2024/政府工作报告.txt", "2025/政府工作报告.txt", "y/b/c/x.Txt"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got, err := collect([]string{filepath.Join(dir, "b"), filepath.Join(dir, "z.doc"), filepath.Join(dir, "a.txt"), filepath.Join(dir, "b", "1.txt"), filepath.Join(dir, "missing.pdf"),
		filepath.Join(dir, "2024", "政府工作报告.txt"), filepath.Join(dir, "2025", "政府工作报告.txt"), filepath.Join(dir, "y")})
	if err != nil {
		t.Fatal(err)
	}
	var rel, docs []string
	for _, in := range got {
		r, _ := filepath.Rel(dir, in.path)
		rel = append(rel, filepath.ToSlash(r))
		docs = append(docs, strings.TrimPrefix(in.doc, filepath.ToSlash(dir)+"/"))
	}
	want := []string{"2024/政府工作报告.txt", "2025/政府工作报告.txt", "a.txt", "b/1.txt", "b/2.PDF", "b/c/x.Txt", "b/k.wps", "b/o.DOC", "b/p.html", "b/q.HTM", "b/w.docx", "missing.pdf", "y/b/c/x.Txt", "z.doc"}
	if strings.Join(rel, " ") != strings.Join(want, " ") {
		t.Errorf("collect = %q, want %q", rel, want)
	}
	// Names in a folder are relative to it; base names of files named
	// directly; a name two inputs would share takes the path as given.
	wantDocs := []string{"2024/政府工作报告.txt", "2025/政府工作报告.txt", "a.txt", "1.txt", "2.PDF", "c/x.Txt", "k.wps", "o.DOC", "p.html", "q.HTM", "w.docx", "missing.pdf", "b/c/x.Txt", "z.doc"}
	if strings.Join(docs, " ") != strings.Join(wantDocs, " ") {
		t.Errorf("docs = %q, want %q", docs, wantDocs)
	}
}
