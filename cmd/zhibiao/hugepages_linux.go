package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// thpSetting is where Linux says when it gives a process transparent
// huge pages.
const thpSetting = "/sys/kernel/mm/transparent_hugepage/enabled"

// adviseHeap grows the heap by n bytes, asks for huge pages for the
// mapping that holds them, and gives them back to the system unused. It
// reports the mapping, or false when huge pages are off (see hugepages.go)
// or the mapping cannot be found.
func adviseHeap(n int) (lo, hi uintptr, ok bool) {
	if disabledTHP(os.Getenv("GODEBUG")) {
		return 0, 0, false
	}
	setting, err := os.ReadFile(thpSetting)
	if err != nil || thpMode(string(setting)) != "madvise" {
		return 0, 0, false
	}
	maps, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, 0, false
	}
	defer maps.Close()
	// A large object comes from memory the heap maps for it, untouched
	// (the system's pages are zero): growing costs no fault.
	b := make([]byte, n)
	lo, hi, ok = mappingOf(maps, uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	if ok {
		advise(lo, hi, true)
	}
	b = nil
	// The reserve is collected and given back: it takes no memory, and
	// the memory limit does not count it; the mapping keeps its advice.
	debug.FreeOSMemory()
	return lo, hi, ok
}

// advise asks for huge pages (or small ones) for the memory from lo to hi.
func advise(lo, hi uintptr, huge bool) {
	advice := uintptr(syscall.MADV_NOHUGEPAGE)
	if huge {
		advice = syscall.MADV_HUGEPAGE
	}
	syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, advice) // on error, pages stay as they were
}

// disabledTHP reports whether a GODEBUG value sets disablethp=1 (the
// last setting of a name counts, as for the runtime).
func disabledTHP(godebug string) bool {
	off := false
	for _, kv := range strings.Split(godebug, ",") {
		if name, value, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && name == "disablethp" {
			off = value == "1"
		}
	}
	return off
}

// thpMode is the setting chosen in the contents of thpSetting, the word
// in brackets: "always [madvise] never" is "madvise".
func thpMode(s string) string {
	_, rest, ok := strings.Cut(s, "[")
	if !ok {
		return ""
	}
	mode, _, ok := strings.Cut(rest, "]")
	if !ok {
		return ""
	}
	return mode
}

// mappingOf finds in r, in the form of /proc/self/maps, the mapping that
// holds addr: its first address and the one past its end.
func mappingOf(r io.Reader, addr uintptr) (lo, hi uintptr, ok bool) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if lo, hi, ok := mapSpan(sc.Bytes()); ok && addr >= lo && addr < hi {
			return lo, hi, true
		}
	}
	return 0, 0, false
}

// mapSpan reads the addresses that start a line of /proc/self/maps (or
// the first line of a mapping in /proc/self/smaps), "lo-hi perms …";
// false for any other line.
func mapSpan(line []byte) (lo, hi uintptr, ok bool) {
	span, _, _ := bytes.Cut(line, []byte(" "))
	from, to, found := bytes.Cut(span, []byte("-"))
	if !found {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(string(from), 16, 64)
	h, err2 := strconv.ParseUint(string(to), 16, 64)
	if err1 != nil || err2 != nil || l >= h {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}
