package transform

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// builtinCatalog is the embedded catalog; its header documents the format.
//
//go:embed catalog.tsv
var builtinCatalog string

// A catalog maps indicator names as written to standard indicator names.
//
// A catalog file is UTF-8 text, one indicator a line:
//
//	standard name<TAB>synonym|synonym|…
//
// The synonym column may be empty; blank lines and lines starting with #
// are ignored. The built-in catalog (catalog.tsv in this package) is such
// a file. Names are compared in normalised form (see normName), so a file
// need not list width or spacing variants.
//
// A catalog is read-only once loaded and safe for concurrent use.
type catalog struct {
	// std maps the normalised form of every standard name and synonym to
	// its standard name as written in the catalog.
	std map[string]string
	// words lists the standard names and synonyms as written, for the
	// segmenter's dictionary.
	words []string
}

// loadCatalog returns the built-in catalog, extended by the file at path
// when path is not "". Entries of the file win over built-in ones that
// share a name. Errors name the file and line.
func loadCatalog(path string) (*catalog, error) {
	c := &catalog{std: make(map[string]string)}
	if err := c.read(strings.NewReader(builtinCatalog), "catalog.tsv"); err != nil {
		return nil, fmt.Errorf("built-in catalog: %w", err)
	}
	if path == "" {
		return c, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer f.Close()
	if err := c.read(f, path); err != nil {
		return nil, err
	}
	return c, nil
}

// read adds the entries of a catalog file named name.
func (c *catalog) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF") // a BOM left by a Windows editor
		}
		if t := strings.TrimSpace(text); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return fmt.Errorf("%s:%d: not UTF-8 text", name, line)
		}
		fields := strings.Split(text, "\t")
		if len(fields) > 2 {
			return fmt.Errorf("%s:%d: %d tab-separated fields, want \"standard<TAB>synonym|synonym\"", name, line, len(fields))
		}
		std := strings.TrimSpace(fields[0])
		if std == "" {
			return fmt.Errorf("%s:%d: missing standard name before the tab", name, line)
		}
		if strings.ContainsAny(std, "|") {
			return fmt.Errorf("%s:%d: standard name %q contains |; separate it from its synonyms with a tab", name, line, std)
		}
		names := []string{std}
		if len(fields) == 2 {
			for _, s := range strings.Split(fields[1], "|") {
				if s = strings.TrimSpace(s); s != "" {
					names = append(names, s)
				}
			}
		}
		for _, n := range names {
			key := normName(n)
			if key == "" {
				return fmt.Errorf("%s:%d: name %q is empty once normalised", name, line, n)
			}
			c.std[key] = std
			c.words = append(c.words, strings.Join(strings.Fields(n), ""))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// scopeWords are leading words that do not change what a name measures:
// the report's own jurisdiction (全市, 我区), the verb of the sentence
// (实现), the time (全年). They are stripped one at a time; a longer word
// comes before any word it starts with.
var scopeWords = [...]string{
	"全街道", "全社会", "全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全国",
	"我街道", "我市", "我区", "我县", "我省", "我州", "我盟", "我旗", "我镇", "我乡",
	"本市", "本区", "本县", "本省",
	"全年", "今年", "本年", "年内", "年末", "年底", "当年",
	"预计", "累计", "共计", "合计", "总计", "其中",
	"实现", "完成", "达到",
}

// canonical returns the standard name for name, or "" when none fits.
//
// name matches when, normalised, stripped of leading scope words (全市,
// 我区, 实现, 全年, a year such as 2023年) and, failing that, of a trailing
// bracketed gloss (GDP), it equals a catalog name.
// Anything else gives "": a wrong standard name is worse than none. That
// includes sub-measures (民营企业进出口总额, 城镇常住人口) and names that
// start with another place (成都市地区生产总值 in a provincial report, 高新区
// 规上工业增加值): the place is another jurisdiction's, and giving it the
// standard name would put its figure in the report's own row of the
// summary sheet.
func (c *catalog) canonical(name string) string {
	if c == nil {
		return ""
	}
	n := normName(name)
	if std := c.lookup(n); std != "" {
		return std
	}
	// A trailing gloss: 地区生产总值(GDP), 现价(初步核算数). A name with
	// brackets inside (执业(助理)医师) or all in brackets is kept.
	if strings.HasSuffix(n, ")") {
		if i := strings.LastIndex(n, "("); i > 0 {
			return c.lookup(n[:i])
		}
	}
	return ""
}

// lookup returns the standard name of the normalised name n, stripping
// leading scope words until it is found.
func (c *catalog) lookup(n string) string {
	for n != "" {
		if std, ok := c.std[n]; ok {
			return std
		}
		rest := stripScope(n)
		if rest == n {
			break
		}
		n = rest
	}
	return ""
}

// stripScope removes one leading scope word or year ("2023年") from n.
func stripScope(n string) string {
	for _, w := range scopeWords {
		if strings.HasPrefix(n, w) {
			return n[len(w):]
		}
	}
	// A year: four ASCII digits and 年.
	if len(n) > 4+len("年") && strings.HasPrefix(n[4:], "年") {
		for i := 0; i < 4; i++ {
			if n[i] < '0' || n[i] > '9' {
				return n
			}
		}
		return n[4+len("年"):]
	}
	return n
}

// normName returns the comparison form of an indicator name: white space
// removed, full-width letters, digits and brackets made half-width, ASCII
// letters upper-cased.
func normName(s string) string {
	s = width.Fold.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
