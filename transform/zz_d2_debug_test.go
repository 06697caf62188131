package transform

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestD2Debug prints records and spans of $D2IN (lines split by |). Temporary.
func TestD2Debug(t *testing.T) {
	in := os.Getenv("D2IN")
	if in == "" {
		t.Skip()
	}
	tr, _ := New(Config{})
	for _, line := range strings.Split(in, "|") {
		doc, _ := textDoc("t.txt", "2024年某市政府工作报告", line)
		fmt.Println("==", line)
		text := []rune(doc.Text)
		for _, q := range scanQuantities(text) {
			fmt.Println("  q:", fmtQ(text, q))
		}
		for _, tk := range tr.seg.cut([]rune(line)) {
			fmt.Print(tk.Text, "/", tk.Pos, " ")
		}
		fmt.Println()
		for _, r := range tr.Indicators(doc) {
			fmt.Println("  r:", brief(r))
		}
	}
}

// TestD2Names tallies the first tokens of the names in $D2NAMES (one a line).
func TestD2Names(t *testing.T) {
	f := os.Getenv("D2NAMES")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	tr, _ := New(Config{})
	for _, n := range strings.Split(string(b), "\n") {
		if n == "" {
			continue
		}
		toks := tr.seg.cut([]rune(n))
		var parts []string
		for _, tk := range toks {
			parts = append(parts, tk.Text+"/"+tk.Pos)
		}
		fmt.Println(toks[0].Pos, toks[0].Text, "\t", strings.Join(parts, " "))
	}
}
