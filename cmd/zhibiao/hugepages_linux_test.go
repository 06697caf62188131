package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestThpMode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"always [madvise] never\n", "madvise"},
		{"[always] madvise never\n", "always"},
		{"always madvise [never]\n", "never"},
		{"always madvise never\n", ""},
		{"[madvise", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := thpMode(tt.in); got != tt.want {
			t.Errorf("thpMode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisabledTHP(t *testing.T) {
	tests := []struct {
		godebug string
		want    bool
	}{
		{"", false},
		{"disablethp=1", true},
		{"gctrace=1,disablethp=1", true},
		{"disablethp=1, gctrace=1", true},
		{"disablethp=0", false},
		{"disablethp=1,disablethp=0", false},
		{"xdisablethp=1", false},
		{"disablethp", false},
	}
	for _, tt := range tests {
		if got := disabledTHP(tt.godebug); got != tt.want {
			t.Errorf("disabledTHP(%q) = %v, want %v", tt.godebug, got, tt.want)
		}
	}
}

func TestMappingOf(t *testing.T) {
	const maps = `00400000-00b02000 r-xp 00000000 fe:00 9982069                            /tmp/zhibiao
not a mapping
zz-10 rw-p 00000000 00:00 0
3000-2000 rw-p 00000000 00:00 0
1dcdfc000000-1dcdfd400000 ---p 00000000 00:00 0 
1dcdfd400000-1dce02800000 rw-p 00000000 00:00 0 
7ffd1c5e2000-7ffd1c603000 rw-p 00000000 00:00 0                          [stack]
`
	tests := []struct {
		addr   uintptr
		lo, hi uintptr
		ok     bool
	}{
		{0x400000, 0x400000, 0xb02000, true},
		{0xb01fff, 0x400000, 0xb02000, true},
		{0xb02000, 0, 0, false},
		{0x2500, 0, 0, false}, // inside a line whose range is backwards
		{0x1dcdfd400000, 0x1dcdfd400000, 0x1dce02800000, true},
		{0x1dce00000000, 0x1dcdfd400000, 0x1dce02800000, true},
		{0x1dcdfc000001, 0x1dcdfc000000, 0x1dcdfd400000, true},
		{0x7ffd1c603000, 0, 0, false},
	}
	for _, tt := range tests {
		lo, hi, ok := mappingOf(strings.NewReader(maps), tt.addr)
		if lo != tt.lo || hi != tt.hi || ok != tt.ok {
			t.Errorf("mappingOf(%#x) = %#x, %#x, %v; want %#x, %#x, %v", tt.addr, lo, hi, ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

// TestHeapHugePages asks for huge pages for the heap of the test and
// checks the advice the system keeps for the mapping (smaps: hg for
// huge pages, nh for small ones) as heavy inputs come and go. It needs
// Linux set to "madvise".
func TestHeapHugePages(t *testing.T) {
	setting, err := os.ReadFile(thpSetting)
	if err != nil || thpMode(string(setting)) != "madvise" {
		t.Skipf("transparent huge pages are not set to madvise here (%s: %q, %v)", thpSetting, setting, err)
	}
	if disabledTHP(os.Getenv("GODEBUG")) {
		t.Skip("GODEBUG has disablethp=1")
	}
	var h hugePages
	h.heavyIn() // before the reserve: it starts with small pages
	h.reserve()
	if h.hi == 0 {
		t.Fatal("no mapping advised")
	}
	if h.hi-h.lo < heapReserve {
		t.Errorf("mapping %#x-%#x: smaller than the reserve", h.lo, h.hi)
	}
	checkAdvice := func(want string) {
		t.Helper()
		got, err := adviceOf(h.lo)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("advice for the heap %#x-%#x: %q, want %q", h.lo, h.hi, got, want)
		}
	}
	checkAdvice("nh")
	h.heavyIn()
	h.heavyOut()
	checkAdvice("nh") // one heavy input still in
	h.heavyOut()
	checkAdvice("hg")
	h.heavyIn()
	checkAdvice("nh")
	h.heavyOut()
	checkAdvice("hg")
}

// adviceOf reads from /proc/self/smaps the huge-page advice for the
// mapping that starts at addr: "hg", "nh" or "".
func adviceOf(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if lo, _, ok := mapSpan(sc.Bytes()); ok { // a mapping's first line
			in = lo == addr
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			for _, f := range strings.Fields(flags) {
				if f == "hg" || f == "nh" {
					return f, nil
				}
			}
			return "", nil
		}
	}
	return "", fmt.Errorf("no mapping at %#x in /proc/self/smaps", addr)
}
