package transform

import (
	"reflect"
	"unsafe"

	"github.com/go-ego/gse"
)

// The dictionary is the largest thing a run keeps: 72 000 words that the
// garbage collector marks at every cycle, a dozen times in a batch of 256
// PDFs. As gse loads it, each word is three to five small objects (its
// bytes, the slice of its characters, and for gse's search mode the
// word's sub-words, with pseudo-words of their own): 247 000 objects in
// 22 MB, and a collection takes 5 ms instead of 0.5 without them.
// compactDictionary moves every word's characters into one array of bytes
// and one array of slices, and drops the sub-words, which only gse's
// search mode reads (CutSearch, ModeSegment with searchMode; cut never
// uses it): 16 MB in a few objects, and a collection takes 2.5 ms
// (BenchmarkCollectWithDictionary). A batch of 256 PDFs is 4 % faster
// with -j 1 and 6 % with -j 2, where the collector's work takes a core
// from the workers.
//
// gse keeps these in unexported fields of Token, so they are found by
// name with reflect and written through unsafe. Their types are checked
// first: if a new version of gse changes them, the dictionary is left as
// loaded (and TestCompactDictionary fails, so that the change is seen).
// Nothing is written while the segmenter is in use: this runs once, before
// newSegmenter returns.

// tokenFields are the offsets of Token's unexported text and segments.
type tokenFields struct {
	text, segments uintptr
}

// compactableToken returns the offsets of Token's fields to compact, and
// false when gse's Token no longer has them with the types expected.
func compactableToken() (tokenFields, bool) {
	t := reflect.TypeFor[gse.Token]()
	text, ok1 := t.FieldByName("text")
	segs, ok2 := t.FieldByName("segments")
	if !ok1 || !ok2 || text.Type != reflect.TypeFor[[]gse.Text]() || segs.Type != reflect.TypeFor[[]*gse.Segment]() {
		return tokenFields{}, false
	}
	return tokenFields{text: text.Offset, segments: segs.Offset}, true
}

// compactDictionary rewrites the words of d as described above and
// reports whether it could. The words keep the same bytes, so every
// lookup and every segmentation is the same (TestCompactDictionary).
func compactDictionary(d *gse.Dictionary) bool {
	f, ok := compactableToken()
	if !ok {
		return false
	}
	text := func(i int) *[]gse.Text {
		return (*[]gse.Text)(unsafe.Add(unsafe.Pointer(&d.Tokens[i]), f.text))
	}
	nbytes, nchars := 0, 0
	for i := range d.Tokens {
		for _, c := range *text(i) {
			nbytes += len(c)
		}
		nchars += len(*text(i))
	}
	bytes := make([]byte, 0, nbytes)
	chars := make([]gse.Text, 0, nchars)
	for i := range d.Tokens {
		t := text(i)
		first := len(chars)
		for _, c := range *t {
			at := len(bytes)
			bytes = append(bytes, c...)
			chars = append(chars, bytes[at:len(bytes):len(bytes)])
		}
		*t = chars[first:len(chars):len(chars)]
		*(*[]*gse.Segment)(unsafe.Add(unsafe.Pointer(&d.Tokens[i]), f.segments)) = nil
	}
	return true
}
