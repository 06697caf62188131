package transform

// INTERFACE PINNED BY THE LEAD: helper E owns this file (and the
// dictionary), helper D consumes it. Keep the names and meanings.

// A token is one word of a segmented text.
type token struct {
	Text       string // the word exactly as in the input (not lower-cased)
	Pos        string // gse part-of-speech tag (n, v, m, q, x …)
	Start, End int    // rune offsets [Start, End) in the segmented text
}

// A segmenter cuts Chinese text into words. It is loaded once by New and
// is safe for concurrent use.
type segmenter struct{}

// newSegmenter loads the dictionary. PLACEHOLDER until helper E lands it.
func newSegmenter() (*segmenter, error) { return &segmenter{}, nil }

// cut returns the words of text with their parts of speech, in order,
// covering text entirely. PLACEHOLDER: one token per rune.
func (s *segmenter) cut(text []rune) []token {
	toks := make([]token, len(text))
	for i, r := range text {
		toks[i] = token{Text: string(r), Pos: "x", Start: i, End: i + 1}
	}
	return toks
}
