// Command gendict builds the trimmed word list that package transform
// embeds for its gse segmenter.
//
// gse's own simplified-Chinese dictionary (data/dict/zh/s_1.txt, 352 279
// words, derived from jieba) takes 1.6–2.3 s and ~150 MB to load, which is
// too slow for a command-line run. The trimmed list keeps
//
//   - every single-character entry (without them a character no word
//     covers is tagged x and costs more on the shortest path; with them
//     个 is q, 元 m, 的 uj),
//   - the -top most frequent entries (general vocabulary, so that the
//     segmenter does not overfit the reports it was tuned on),
//   - every entry tagged with one of the parts of speech of -pos (by
//     default ns, place names: reports name their city, districts and
//     counties, and a place split into characters would blur the start of
//     an indicator name), and
//   - every other entry of frequency -min or more that occurs in the texts
//     of -corpus (the genre of government work reports and statistical
//     bulletins);
//
// in the order and format of the source ("word freq pos" per line), so a
// regenerated file gives a small diff.
//
// Usage (from the transform directory; see the go:generate line in
// segment.go):
//
//	go run ./internal/gendict -corpus ../../shared/corpus -o dict/zh_s.txt
//
// -gse defaults to the module directory of github.com/go-ego/gse as
// reported by "go list -m".
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxSub is the longest substring length, in runes, indexed from the
// corpus; longer dictionary words are checked with strings.Contains.
const maxSub = 8

type entry struct {
	line string
	word string
	pos  string
	freq float64
}

func main() {
	gseDir := flag.String("gse", "", "directory of the github.com/go-ego/gse module (default: from go list -m)")
	corpus := flag.String("corpus", "", "directory of UTF-8 .txt reports whose words are kept")
	top := flag.Int("top", 40000, "number of most frequent dictionary words kept regardless of the corpus")
	minFreq := flag.Float64("min", 3, "minimum frequency of a corpus word")
	posList := flag.String("pos", "ns", "comma-separated parts of speech whose entries are all kept")
	out := flag.String("o", "dict/zh_s.txt", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gendict: ")

	if *gseDir == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			log.Fatalf("locating gse module: %v", err)
		}
		*gseDir = strings.TrimSpace(string(b))
	}
	src := filepath.Join(*gseDir, "data", "dict", "zh", "s_1.txt")
	entries, err := readDict(src)
	if err != nil {
		log.Fatal(err)
	}

	text, subs, err := readCorpus(*corpus)
	if err != nil {
		log.Fatal(err)
	}

	// The -top most frequent entries.
	byFreq := make([]int, len(entries))
	for i := range byFreq {
		byFreq[i] = i
	}
	sort.SliceStable(byFreq, func(a, b int) bool { return entries[byFreq[a]].freq > entries[byFreq[b]].freq })
	keep := make([]bool, len(entries))
	for _, i := range byFreq[:min(*top, len(byFreq))] {
		keep[i] = true
	}

	keepPos := make(map[string]bool)
	for _, p := range strings.Split(*posList, ",") {
		if p = strings.TrimSpace(p); p != "" {
			keepPos[p] = true
		}
	}
	var nSingle, nTop, nPos, nCorpus int
	for i, e := range entries {
		if keep[i] {
			nTop++
			continue
		}
		n := utf8.RuneCountInString(e.word)
		switch {
		case n == 1:
			keep[i] = true
			nSingle++
		case keepPos[e.pos]:
			keep[i] = true
			nPos++
		case e.freq < *minFreq:
		case n <= maxSub && subs[e.word]:
			keep[i] = true
			nCorpus++
		case n > maxSub && strings.Contains(text, e.word):
			keep[i] = true
			nCorpus++
		}
	}

	var buf bytes.Buffer
	for i, e := range entries {
		if keep[i] {
			buf.WriteString(e.line)
			buf.WriteByte('\n')
		}
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d of %d words (%d most frequent, %d single characters, %d by part of speech, %d from the corpus), %d bytes",
		*out, nTop+nSingle+nPos+nCorpus, len(entries), nTop, nSingle, nPos, nCorpus, buf.Len())
}

// readDict reads a gse dictionary file of "word freq pos" lines.
func readDict(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []entry
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want \"word freq [pos]\", got %q", path, ln, line)
		}
		freq, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad frequency: %v", path, ln, err)
		}
		e := entry{line: strings.Join(fields, " "), word: fields[0], freq: freq}
		if len(fields) > 2 {
			e.pos = fields[2]
		}
		entries = append(entries, e)
	}
	return entries, sc.Err()
}

// readCorpus returns the concatenated texts of dir's .txt files and the
// set of their substrings of 2 to maxSub runes.
func readCorpus(dir string) (string, map[string]bool, error) {
	if dir == "" {
		return "", nil, fmt.Errorf("-corpus is required")
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return "", nil, err
	}
	if len(names) == 0 {
		return "", nil, fmt.Errorf("no .txt files in %s", dir)
	}
	var all strings.Builder
	subs := make(map[string]bool)
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return "", nil, err
		}
		all.Write(b)
		all.WriteByte('\n')
		for _, line := range strings.Split(string(b), "\n") {
			r := []rune(line)
			for i := range r {
				for n := 2; n <= maxSub && i+n <= len(r); n++ {
					subs[string(r[i:i+n])] = true
				}
			}
		}
	}
	return all.String(), subs, nil
}
