package transform

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// The segmenter's dictionary is a trimmed copy of gse's simplified-Chinese
// dictionary (dict/zh_s.txt, see dict/NOTICE) plus the domain words of
// dict/domain.txt and the names of the built-in catalog. gse's own
// NewEmbed("zh_s") loads 352 279 words in ~2 s into ~150 MB; the ~72 000
// words kept load in ~0.15 s into ~16 MB (BenchmarkLoadDictionary; see
// dictmemory.go for how they are kept). On the
// reports of the corpus the trimmed dictionary reproduces 99.8% of the
// words the full one finds, and 98.5% on reports left out when trimming.
// gse's embedded dictionaries are not referenced, so the linker drops them
// (the binary is the same size with gse's "ne" build tag).
//
// Regenerate the trimmed list after changing the generator or upgrading
// gse (needs the corpus of reports next to the repository):
//
//go:generate go run ./internal/gendict -corpus ../../shared/corpus -o dict/zh_s.txt

//go:embed dict/zh_s.txt
var zhDict string

//go:embed dict/domain.txt
var domainDict string

// domainFreq is the frequency given to domain words and catalog names. It
// is that of a common word (工作 has 66 367 in gse's dictionary), so that a
// whole indicator name is always cheaper than its parts on the shortest
// path, yet it does not make the name swallow the characters around it.
const domainFreq = 100000

// A token is one word of a segmented text.
type token struct {
	Text       string // the word exactly as in the input (not lower-cased)
	Pos        string // gse part-of-speech tag (n, v, m, q, x …)
	Start, End int    // rune offsets [Start, End) in the segmented text
}

// A segmenter cuts Chinese text into words. It is loaded once by
// newSegmenter and is safe for concurrent use: after loading, its gse
// dictionary is only read.
type segmenter struct {
	seg *gse.Segmenter
}

// newSegmenter loads the dictionary of dictionaryText in one
// gse.LoadDictStr call, so that token distances are computed once, over
// the whole dictionary. (Adding words with AddToken afterwards would give
// them distance 0, which gse's shortest-path search treats as "not
// visited yet".)
func newSegmenter() (*segmenter, error) {
	text, err := dictionaryText()
	if err != nil {
		return nil, err
	}
	// NotLoadHMM: we never use the HMM for unknown words, and loading its
	// model writes package-level maps in gse/hmm, which is not safe if two
	// segmenters are built at once.
	seg := &gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	seg.Init() // what LoadDictStr does when it makes the dictionary
	seg.Dict = gse.NewDict()
	// A word a line at most. Grown by append instead, the words are
	// copied about ten times over, into new memory each time: 80 ms of
	// page faults, a third of the load.
	seg.Dict.Tokens = make([]gse.Token, 0, strings.Count(text, "\n")+1)
	if err := seg.LoadDictStr(text); err != nil {
		return nil, fmt.Errorf("loading segmenter dictionary: %w", err)
	}
	compactDictionary(seg.Dict)
	return &segmenter{seg: seg}, nil
}

// dictionaryText returns the segmenter's dictionary in gse's format (a
// word, its frequency and its tag a line): the domain words and catalog
// names first (gse keeps the first entry of a word, so their tags win),
// then the trimmed general dictionary.
func dictionaryText() (string, error) {
	cat, err := loadCatalog("")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(len(zhDict) + len(domainDict) + 32*len(cat.words))
	for i, line := range strings.Split(domainDict, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) > 3 {
			return "", fmt.Errorf("dict/domain.txt:%d: want \"word [pos [freq]]\", got %q", i+1, line)
		}
		pos, freq := "n", strconv.Itoa(domainFreq)
		if len(f) > 1 {
			pos = f[1]
		}
		if len(f) > 2 {
			if _, err := strconv.ParseFloat(f[2], 64); err != nil {
				return "", fmt.Errorf("dict/domain.txt:%d: bad frequency %q", i+1, f[2])
			}
			freq = f[2]
		}
		fmt.Fprintf(&b, "%s %s %s\n", f[0], freq, pos)
	}
	for _, w := range cat.words {
		fmt.Fprintf(&b, "%s %d n\n", w, domainFreq)
	}
	b.WriteString(zhDict)
	return b.String(), nil
}

// cut returns the words of text with their parts of speech, in order,
// covering text entirely.
//
// Words come from gse's shortest-path segmentation (no HMM). Token texts
// are cut from the input by offset, so they keep its case and width
// (gse lower-cases ASCII internally). Numbers are one token tagged m, even
// where gse splits them at a decimal point or thousands separator:
// "25494.69", "１２．５", "1,234.5". Indicator names of the domain
// dictionary and catalog are one token tagged n (规上工业增加值), units
// with their scale word one token tagged q (亿元, 万平方米, 个百分点);
// punctuation, white space and unknown characters are tagged x. Other tags
// are gse's (from jieba's dictionary; noisy for rare words). An invalid
// rune in text (a lone surrogate) is rendered as U+FFFD in Text but still
// counts as one rune in the offsets.
//
// cut allocates the returned slice; the caller owns it.
func (s *segmenter) cut(text []rune) []token {
	if len(text) == 0 {
		return nil
	}
	src := []byte(string(text))
	segs := s.seg.Segment(src)
	toks := make([]token, 0, len(segs))
	r := 0
	for i := range segs {
		sg := &segs[i]
		w := string(src[sg.Start():sg.End()])
		n := utf8.RuneCountInString(w)
		pos := sg.Token().Pos()
		if isDigitWord(w) {
			pos = "m"
		}
		toks = append(toks, token{Text: w, Pos: pos, Start: r, End: r + n})
		r += n
	}
	return joinNumbers(toks)
}

// isDigitWord reports whether w is all ASCII or full-width digits.
func isDigitWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isDigitRune(r) {
			return false
		}
	}
	return true
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// joinNumbers merges the digit tokens gse leaves apart: full-width digits
// (one token each), and decimal numbers and thousands groups, which gse
// splits at the point or comma. A number joined to letters (PM2.5) stays
// tagged as gse tagged its first part.
func joinNumbers(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for i+1 < len(toks) {
			last, _ := utf8.DecodeLastRuneInString(t.Text)
			if !isDigitRune(last) {
				break
			}
			next := toks[i+1]
			if isDigitWord(next.Text) {
				// １ ２ of "１２": gse cuts full-width digits one by one.
				t = joinTok(t, next, t.Pos)
				i++
				continue
			}
			if i+2 < len(toks) && isDigitWord(toks[i+2].Text) && joinsDigits(next.Text, toks[i+2].Text) {
				t = joinTok(joinTok(t, next, t.Pos), toks[i+2], t.Pos)
				i += 2
				continue
			}
			break
		}
		out = append(out, t)
	}
	return out
}

// joinsDigits reports whether sep between two digit runs is part of the
// number: a decimal point, or a thousands separator before three digits.
func joinsDigits(sep, after string) bool {
	switch sep {
	case ".", "．":
		return true
	case ",", "，":
		// "，" is far more often a clause break (增长5，…), so only the
		// ASCII comma separates thousands.
		return sep == "," && utf8.RuneCountInString(after) == 3
	}
	return false
}

// joinTok returns a and b as one token tagged pos.
func joinTok(a, b token, pos string) token {
	return token{Text: a.Text + b.Text, Pos: pos, Start: a.Start, End: b.End}
}
