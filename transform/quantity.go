package transform

// INTERFACE PINNED BY THE LEAD: helper C owns this file and implements
// scanQuantities; helper D consumes it. Keep the field names and meanings.

// A kind says what sort of unit a quantity has.
type kind int

const (
	kindBare     kind = iota // a number with no unit (50 of "50亿项目", "三次产业结构 3.6")
	kindAmount               // an amount with a unit: 元, 平方米, 个, 人次 …
	kindPercent              // %, ‰, 百分之…, 成
	kindPoints               // 个百分点 (percentage points)
	kindMultiple             // 倍, 番
)

// A quantity is one number-with-unit span found by the lexical scanner.
type quantity struct {
	Start, End int      // rune offsets [Start, End) of the span in the scanned text: numerals, scale, unit, range
	Value      decimal  // value as written, numerals converted, scale word not multiplied in (15 of 15亿元); lower end of a range
	Max        *decimal // upper end of a range (in Unit), nil otherwise
	Unit       string   // unit as written, scale word included (亿元, 万平方米, %, 个百分点, 倍); "" for kindBare
	StdUnit    string   // Unit without its scale word (元, 平方米, %, ‰, 元/亩)
	Scale      decimal  // multiplier from Unit to StdUnit (1e8 for 亿元, 10 for 成)
	Kind       kind
	Approx     Bound  // bound implied inside the span (余, 多, 几 → Over); "" when none
	NotFigure  string // why the span is not a figure (year, date, ordinal, name …); "" for figures
}

// scanQuantities returns the quantity spans of text in order, figures and
// non-figures (NotFigure set) alike. PLACEHOLDER until helper C lands it.
func scanQuantities(text []rune) []quantity { return nil }
