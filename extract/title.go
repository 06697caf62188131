package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The title of a PDF is read from its cover: the largest centred lines of
// the first page that is not a table of contents, before any body text.
// A report of any kind has one there — a work report's or bulletin's title
// above its text, a budget's or an annual report's cover with the issuer
// and the report's name in two sizes ("东北电气发展股份有限公司" over
// "2018年第一季度报告"), a research note's headline beside a column of
// ratings. Dates, stock codes and section headings on the cover are not
// part of it, and neither is a heading listed in the table of contents.

// maxCoverPages is how many pages with text the cover may be looked for
// on: a table of contents may come first and run on to a second page.
const maxCoverPages = 3

// maxTitleRunes is the most runes of a paragraph that may be (part of) a
// title.
const maxTitleRunes = 80

// dateOnly matches a paragraph that is only a date ("2018年04月",
// "2022年07月19日", "披露日期：2012年3月27日").
var dateOnly = lazyRegexp(`^(?:[^0-9０-９]{0,6}[：:])?[0-9０-９]{4}\s*年(?:\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日)?)?$`)

// leaders matches the dot leaders of a table of contents.
var leaders = lazyRegexp(`(?:\.{4,}|…{2,}|·{4,}|－{4,}|-{6,})`)

// bodySize returns the median font size of the lines of cols: the size
// of the body text, which a title is larger than.
func bodySize(cols []column) float64 {
	var sizes []float64
	for _, c := range cols {
		for _, l := range c.lines {
			sizes = append(sizes, l.size)
		}
	}
	return median(sizes)
}

// coverTitle returns the title of a document laid out in paras whose body
// text has font size em, or "" when its cover shows none.
func coverTitle(paras []para, em float64) string {
	var toc []string // entries of the table of contents skipped
	for i, pages := 0, 0; i < len(paras) && pages < maxCoverPages; pages++ {
		page := paras[i].page
		j := i
		for j < len(paras) && paras[j].page == page {
			j++
		}
		ps := paras[i:j]
		i = j
		if isContentsPage(ps) {
			for _, p := range ps {
				toc = append(toc, contentsEntry(p.text))
			}
			continue
		}
		return titleOf(ps, em, toc)
	}
	return ""
}

// titleOf returns the title on a cover page whose paragraphs are ps: the
// first paragraph of the largest size among those that may be part of a
// title, with the paragraphs right after it in a size at most 15 % smaller
// ("东北电气发展股份有限公司" 18 pt, "2018年第一季度报告" 16 pt), skipping
// lines without Chinese (an English company name between them). The
// largest size must stand out from the body text (em), unless the page
// has no body text: only short centred lines.
func titleOf(ps []para, em float64, toc []string) string {
	largest := 0.0
	for _, p := range ps {
		if titlePart(p, toc) {
			largest = max(largest, p.size)
		}
	}
	if largest == 0 || largest < 1.15*em && !coverOnly(ps) {
		return ""
	}
	var parts []string
	for _, p := range ps {
		switch {
		case len(parts) == 0:
			if titlePart(p, toc) && p.size >= 0.97*largest {
				parts = append(parts, titleText(p.text))
			}
			continue
		case p.size < 0.85*largest:
		case p.centred && !hasHan(p.text) && p.table == 0 && !strings.Contains(p.text, "\t"):
			continue // ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD.
		case titlePart(p, toc):
			parts = append(parts, titleText(p.text))
			continue
		}
		break
	}
	return strings.Join(parts, "")
}

// titlePart reports whether paragraph p may be part of a title: a
// centred line of prose with Chinese in it, not too long, and neither a
// date, a numbered heading nor an entry of the table of contents toc.
func titlePart(p para, toc []string) bool {
	if !p.centred || p.table != 0 || strings.Contains(p.text, "\t") || !hasHan(p.text) ||
		utf8.RuneCountInString(p.text) > maxTitleRunes || isHeading(p.text) || dateOnly().MatchString(p.text) ||
		isContentsHeading(p.text) {
		return false
	}
	key := squeezeSpace(p.text)
	for _, e := range toc {
		if e != "" && (key == e || utf8.RuneCountInString(e) >= 4 && strings.HasPrefix(key, e)) {
			return false // a section heading the table of contents lists
		}
	}
	return true
}

// coverOnly reports whether ps, the paragraphs of a page, are only short
// centred lines that end no sentence: a cover with no body text to
// compare sizes with.
func coverOnly(ps []para) bool {
	for _, p := range ps {
		if !p.centred || utf8.RuneCountInString(p.text) > maxTitleRunes || strings.ContainsAny(p.text, "。；") {
			return false
		}
	}
	return len(ps) > 0
}

// latinTail matches a run of Latin words ending a title line after its
// Chinese ("安徽安利合成革股份有限公司ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD.").
var latinTail = lazyRegexp(`[A-Za-z][A-Za-z0-9 .,&'()\-]{9,}$`)

// titleText returns the text of a title paragraph without an English
// translation run into its Chinese.
func titleText(s string) string {
	if loc := latinTail().FindStringIndex(s); loc != nil && hasHan(s[:loc[0]]) {
		return strings.TrimSpace(s[:loc[0]])
	}
	return s
}

// isContentsHeading reports whether s is the heading of a table of
// contents (目录, 目 录, Contents, 目录Contents).
func isContentsHeading(s string) bool {
	s = strings.ToLower(squeezeSpace(s))
	return utf8.RuneCountInString(s) <= 12 && (strings.HasPrefix(s, "目录") || strings.HasPrefix(s, "contents"))
}

// isContentsPage reports whether ps, the paragraphs of a page, are a table
// of contents: the page opens with its heading, or most of its
// paragraphs have dot leaders.
func isContentsPage(ps []para) bool {
	if len(ps) == 0 {
		return false
	}
	if isContentsHeading(ps[0].text) || strings.HasPrefix(squeezeSpace(ps[0].text), "目录") {
		return true
	}
	n := 0
	for _, p := range ps {
		if leaders().MatchString(p.text) {
			n++
		}
	}
	return 2*n >= len(ps)
}

// contentsEntry returns the heading an entry of a table of contents names
// ("术语定义Terms and Definitions ......1" → 术语定义TermsandDefinitions),
// squeezed; "" for a line that is no entry.
func contentsEntry(s string) string {
	loc := leaders().FindStringIndex(s)
	if loc == nil {
		return ""
	}
	return squeezeSpace(s[:loc[0]])
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
