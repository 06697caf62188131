package extract

import (
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("DUMP")
	if f == "" {
		t.Skip()
	}
	doc, err := Open(f)
	if err != nil {
		t.Log(err)
	}
	if doc != nil {
		os.WriteFile("/tmp/dump.txt", []byte(doc.Text+"\n"), 0o644)
		for _, p := range doc.Pages {
			t.Logf("page %d %d-%d dropped %q", p.Number, p.Start, p.End, p.Dropped)
		}
	}
}
