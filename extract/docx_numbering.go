package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// Numbered lists of a .docx: numbering.xml defines abstract lists
// (w:abstractNum, one w:lvl per level: start value, number format, level
// text such as "%1、" or "（%1）") and list instances (w:num) that
// paragraphs point to with w:numPr. Word counts per abstract list, so
// that two instances of one list continue each other, unless an
// instance restarts a level (w:lvlOverride/w:startOverride).

// maxLevels is the number of list levels Word has.
const maxLevels = 9

// A numLevel is one level of a list.
type numLevel struct {
	start   int
	format  string // w:numFmt: decimal, chineseCounting, …
	text    string // w:lvlText: "%1、", "（%1）", "%1.%2."
	restart int    // w:lvlRestart: -1 by default (restart after any higher level), 0 never
	legal   bool   // w:isLgl: every number shown as decimal
	suffix  string // w:suff: tab (default), space or nothing
}

// rawLevel is a w:lvl as written.
type rawLevel struct {
	ILvl       string  `xml:"ilvl,attr"`
	Start      *rawVal `xml:"start"`
	NumFmt     *rawVal `xml:"numFmt"`
	LvlText    *rawVal `xml:"lvlText"`
	LvlRestart *rawVal `xml:"lvlRestart"`
	IsLgl      *rawVal `xml:"isLgl"`
	Suff       *rawVal `xml:"suff"`
}

// rawNumbering is numbering.xml as written.
type rawNumbering struct {
	Abstract []rawAbstractNum `xml:"abstractNum"`
	Num      []rawNum         `xml:"num"`
}

// rawAbstractNum is a list definition: its levels, or a link to the
// numbering style that holds them.
type rawAbstractNum struct {
	ID           string     `xml:"abstractNumId,attr"`
	Levels       []rawLevel `xml:"lvl"`
	NumStyleLink *rawVal    `xml:"numStyleLink"`
}

// rawNum is a list instance: the definition it numbers by, and the
// levels it overrides.
type rawNum struct {
	ID        string        `xml:"numId,attr"`
	Abstract  rawVal        `xml:"abstractNumId"`
	Overrides []rawOverride `xml:"lvlOverride"`
}

// rawOverride restarts a level of a list instance or replaces it.
type rawOverride struct {
	ILvl          string    `xml:"ilvl,attr"`
	StartOverride *rawVal   `xml:"startOverride"`
	Lvl           *rawLevel `xml:"lvl"`
}

// rawVal is an element whose w:val attribute is its value.
type rawVal struct {
	Val string `xml:"val,attr"`
}

// listCounters are the current numbers of a list's levels; a level not on
// starts again at its start value.
type listCounters struct {
	v  [maxLevels]int
	on [maxLevels]bool
}

// An abstractList is a w:abstractNum.
type abstractList struct {
	levels    [maxLevels]numLevel
	styleLink string // w:numStyleLink: the list is that of a numbering style
}

// A listInstance is a w:num.
type listInstance struct {
	abstract string
	start    [maxLevels]int       // startOverride + 1, 0 when none
	levels   [maxLevels]*numLevel // level overrides
}

// A numbering renders the list numbers of the paragraphs of one document,
// in order. It holds the counters and is not safe for concurrent use.
type numbering struct {
	abstract map[string]*abstractList
	inst     map[int]*listInstance
	styles   *styleSheet
	count    map[string]*listCounters // per abstract list
	used     map[int]bool             // instances whose start overrides were applied
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n
	}
	return def
}

func parseLevel(l rawLevel, into *numLevel) {
	if l.Start != nil {
		into.start = atoiOr(l.Start.Val, 1)
	}
	if l.NumFmt != nil {
		into.format = l.NumFmt.Val
	}
	if l.LvlText != nil {
		into.text = l.LvlText.Val
	}
	if l.LvlRestart != nil {
		into.restart = atoiOr(l.LvlRestart.Val, -1)
	}
	if l.IsLgl != nil {
		into.legal = l.IsLgl.Val == "" || l.IsLgl.Val == "1" || l.IsLgl.Val == "true"
	}
	if l.Suff != nil {
		into.suffix = l.Suff.Val
	}
}

// newNumbering builds the lists of numbering.xml (raw may be nil).
func newNumbering(raw *rawNumbering, styles *styleSheet) *numbering {
	n := &numbering{abstract: map[string]*abstractList{}, inst: map[int]*listInstance{}, styles: styles,
		count: map[string]*listCounters{}, used: map[int]bool{}}
	if raw == nil {
		return n
	}
	for _, a := range raw.Abstract {
		al := &abstractList{}
		for i := range al.levels {
			al.levels[i] = numLevel{start: 1, format: "decimal", restart: -1, suffix: "tab"}
		}
		for _, l := range a.Levels {
			if i := atoiOr(l.ILvl, -1); i >= 0 && i < maxLevels {
				parseLevel(l, &al.levels[i])
			}
		}
		if a.NumStyleLink != nil {
			al.styleLink = a.NumStyleLink.Val
		}
		n.abstract[a.ID] = al
	}
	for _, m := range raw.Num {
		li := &listInstance{abstract: m.Abstract.Val}
		for _, o := range m.Overrides {
			i := atoiOr(o.ILvl, -1)
			if i < 0 || i >= maxLevels {
				continue
			}
			if o.StartOverride != nil {
				li.start[i] = atoiOr(o.StartOverride.Val, 1) + 1
			}
			if o.Lvl != nil {
				lv := numLevel{start: 1, format: "decimal", restart: -1, suffix: "tab"}
				if al := n.abstract[li.abstract]; al != nil {
					lv = al.levels[i]
				}
				parseLevel(*o.Lvl, &lv)
				li.levels[i] = &lv
			}
		}
		n.inst[atoiOr(m.ID, -1)] = li
	}
	return n
}

// resolve returns the abstract list of instance id, following a numbering
// style link once.
func (n *numbering) resolve(id int) (string, *abstractList, *listInstance) {
	li := n.inst[id]
	if li == nil {
		return "", nil, nil
	}
	key, al := li.abstract, n.abstract[li.abstract]
	if al != nil && al.styleLink != "" && n.styles != nil {
		if st := n.styles.style(al.styleLink); st.numID != 0 && st.numID != id {
			if other := n.inst[st.numID]; other != nil && n.abstract[other.abstract] != nil {
				key, al = other.abstract, n.abstract[other.abstract]
			}
		}
	}
	return key, al, li
}

// next counts a paragraph of list id at level ilvl and returns its number
// as Word shows it ("一、", "（二）", "1.2."), and the separator that
// follows it ("" for none, else " ").
func (n *numbering) next(id, ilvl int) (label, sep string) {
	key, al, li := n.resolve(id)
	if al == nil || ilvl < 0 || ilvl >= maxLevels {
		return "", ""
	}
	level := func(i int) numLevel {
		if li.levels[i] != nil {
			return *li.levels[i]
		}
		return al.levels[i]
	}
	c := n.count[key]
	if c == nil {
		c = new(listCounters)
		n.count[key] = c
	}
	if !n.used[id] {
		// The first paragraph of an instance that restarts a level.
		n.used[id] = true
		for i, s := range li.start {
			if s > 0 {
				c.v[i], c.on[i] = s-2, true // s is startOverride+1; counted up below
			}
		}
	}
	if c.on[ilvl] {
		c.v[ilvl]++
	} else {
		c.v[ilvl], c.on[ilvl] = level(ilvl).start, true
	}
	for i := ilvl + 1; i < maxLevels; i++ {
		if r := level(i).restart; r != 0 && (r < 0 || ilvl < r) {
			c.on[i] = false
		}
	}
	lv := level(ilvl)
	var b strings.Builder
	text := []rune(lv.text)
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			v := c.v[k]
			if !c.on[k] {
				v = level(k).start
			}
			f := level(k).format
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		if !isPrivateUse(text[i]) { // bullets in Symbol/Wingdings fonts
			b.WriteRune(text[i])
		}
	}
	label = strings.TrimSpace(b.String())
	if label != "" && lv.suffix != "nothing" {
		sep = " "
	}
	return label, sep
}

func isPrivateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF || r == unicode.ReplacementChar }

// formatNumber writes n in a w:numFmt number format. Unknown formats and
// numbers a format cannot write fall back to decimal.
func formatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if s := roman(n); s != "" {
			if format == "lowerRoman" {
				return strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			base := 'A'
			if format == "lowerLetter" {
				base = 'a'
			}
			// Word repeats the letter: A … Z, AA … ZZ, AAA …
			return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
		if s := hanCount(n, "零一二三四五六七八九", "十百千万"); s != "" {
			return s
		}
	case "chineseLegalSimplified", "japaneseLegal", "taiwaneseCountingThousand":
		if s := hanCount(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟万"); s != "" {
			return s
		}
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
		if n >= 0 {
			var b strings.Builder
			digits := []rune("〇一二三四五六七八九")
			for _, d := range strconv.Itoa(n) {
				b.WriteRune(digits[d-'0'])
			}
			return b.String()
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune(d - '0' + '０')
		}
		return b.String()
	}
	return strconv.Itoa(n)
}

// roman writes 1–3999 in Roman numerals, else "".
func roman(n int) string {
	if n < 1 || n > 3999 {
		return ""
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// hanCount writes 0 < n < 100000 in Chinese counting numerals as Word
// does: 十 for 10, 十一, 二十, 一百零五, 一千二百. digits holds 零 … 九
// and units 十 百 千 万 in the wanted register. It returns "" for numbers
// it cannot write.
func hanCount(n int, digits, units string) string {
	if n <= 0 || n >= 100000 {
		return ""
	}
	d, u := []rune(digits), []rune(units)
	var parts []rune
	pos := []int{10000, 1000, 100, 10, 1}
	unit := []rune{u[3], u[2], u[1], u[0], 0}
	zero := false
	started := false
	for i, p := range pos {
		v := n / p % 10
		if v == 0 {
			zero = started
			continue
		}
		if zero {
			parts = append(parts, d[0])
			zero = false
		}
		// 十 alone opens 10–19: 十一, not 一十一.
		if !(p == 10 && v == 1 && !started) {
			parts = append(parts, d[v])
		}
		if unit[i] != 0 {
			parts = append(parts, unit[i])
		}
		started = true
	}
	return string(parts)
}
