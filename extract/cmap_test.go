package extract

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCMapLookup(t *testing.T) {
	const src = `/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CMapName /Test def
2 begincodespacerange
<00> <80>
<8140> <FEFE>
endcodespacerange
3 beginbfchar
<01> <0041>
<8140> <4E2D 6587>
<02> /uni7A0E
endbfchar
4 beginbfrange
<10> <12> <0061>
<20> <22> [<0078> <0079> <D840DC00>]
<8150> <8160> <4EF0>
<9000> <9001> <D840DC00>
endbfrange
1 beginbfchar
<03> <1d360>
endbfchar
endcmap`
	m := parseCMap([]byte(src))
	tests := []struct {
		code uint32
		n    int
		want string
		ok   bool
	}{
		{0x01, 1, "A", true},
		{0x8140, 2, "中文", true},
		{0x02, 1, "税", true},
		{0x11, 1, "b", true},
		{0x12, 1, "c", true},
		{0x13, 1, "", false},
		{0x21, 1, "y", true},
		{0x22, 1, "𠀀", true},
		{0x8150, 2, "\u4EF0", true},
		{0x815F, 2, "\u4EFF", true},
		{0x8160, 2, "\u4F00", true}, // carry across the byte boundary
		{0x9001, 2, "𠀁", true},      // carry inside a surrogate pair's low unit
		{0x03, 1, "\u1d36", true},   // odd-length hex padded with 0; the NUL unit dropped
		{0x01, 2, "", false},        // same value, other length
	}
	for _, tc := range tests {
		got, ok := m.lookup(tc.code, tc.n)
		if got != tc.want || ok != tc.ok {
			t.Errorf("lookup(%#x, %d) = %q, %v; want %q, %v", tc.code, tc.n, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCMapCodespace(t *testing.T) {
	m := parseCMap([]byte(`3 begincodespacerange <00> <80> <8140> <FEFE> <81308130> <FE39FE39> endcodespacerange`))
	tests := []struct {
		in   string
		code uint32
		n    int
		ok   bool
	}{
		{"A", 'A', 1, true},
		{"\x81\x40x", 0x8140, 2, true},
		{"\x81\x30\x81\x30", 0x81308130, 4, true},
		{"\x81\x30", 0x8130, 2, false}, // no range matches: the shortest whose first byte fits
		{"\xff\xff", 0xff, 1, false},   // no range: one byte
	}
	for _, tc := range tests {
		code, n, ok := m.next([]byte(tc.in))
		if code != tc.code || n != tc.n || ok != tc.ok {
			t.Errorf("next(%x) = %#x, %d, %v; want %#x, %d, %v", tc.in, code, n, ok, tc.code, tc.n, tc.ok)
		}
	}
}

func TestCMapCID(t *testing.T) {
	m := parseCMap([]byte(`/Adobe-GB1-UCS2 usecmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
1 begincidrange <0020> <007e> 1 endcidrange 1 begincidchar <4e00> 4421 endcidchar`))
	if m.usecmap != "Adobe-GB1-UCS2" {
		t.Errorf("usecmap = %q", m.usecmap)
	}
	for _, tc := range []struct {
		code, cid uint32
		ok        bool
	}{{0x20, 1, true}, {0x41, 34, true}, {0x4e00, 4421, true}, {0x7f, 0, false}} {
		cid, ok := m.cid(tc.code, 2)
		if cid != tc.cid || ok != tc.ok {
			t.Errorf("cid(%#x) = %d, %v; want %d, %v", tc.code, cid, ok, tc.cid, tc.ok)
		}
	}
}

// TestCMapTolerant checks that damage in one entry loses only that entry.
func TestCMapTolerant(t *testing.T) {
	m := parseCMap([]byte(`beginbfchar <01> <0041> <02> garbage <03> <0043> <04> <0044>
beginbfrange <10> <08> <0061> <20> <21> <0062>`))
	for code, want := range map[uint32]string{1: "A", 3: "C", 4: "D", 0x21: "c"} {
		if got, _ := m.lookup(code, 1); got != want {
			t.Errorf("lookup(%#x) = %q, want %q", code, got, want)
		}
	}
}

func FuzzCMap(f *testing.F) {
	files, _ := filepath.Glob("testdata/cmap/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange"))
	_, cmaps := fixtureSeeds()
	for _, b := range cmaps {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m := parseCMap(b)
		for i := 0; i < len(b) && i < 64; {
			code, n, _ := m.next(b[i:])
			if n < 1 || n > 4 {
				t.Fatalf("code length %d", n)
			}
			m.lookup(code, n)
			m.cid(code, n)
			i += n
		}
	})
}
