package transform

// An Indicator is one figure found in a report. Its JSON form is the
// record contract of the project: field names and order must not change.
//
// Pointer fields are nil when the text does not state that value.
type Indicator struct {
	Doc        string   `json:"doc"`        // input file base name
	Page       int      `json:"page"`       // 1-based page of the figure
	Section    string   `json:"section"`    // heading path, " / " between levels
	Period     string   `json:"period"`     // year the figure refers to, "" if unknown
	Name       string   `json:"name"`       // indicator name as written
	Canonical  string   `json:"canonical"`  // catalog name, "" if none
	Value      *float64 `json:"value"`      // figure as written, numerals converted
	Unit       string   `json:"unit"`       // unit as written (亿元, 个百分点 …)
	StdValue   *float64 `json:"std_value"`  // Value in StdUnit
	StdUnit    string   `json:"std_unit"`   // unit without scale word (元, %, 元/亩 …)
	YoY        *float64 `json:"yoy"`        // signed % change against Basis
	Basis      string   `json:"basis"`      // 同比, 环比, 比上年 … as written
	PP         *float64 `json:"pp"`         // signed change in percentage points
	Completion *float64 `json:"completion"` // % of the annual target reached
	Delta      *float64 `json:"delta"`      // signed absolute change, in StdUnit
	Status     Status   `json:"status"`     // actual, estimate or target
	Bound      Bound    `json:"bound"`      // =, >, >=, <, <=, ~ or range
	Max        *float64 `json:"max"`        // upper end when Bound is range, in Unit
	Table      string   `json:"table"`      // caption of the table the figure was read from, "" for prose
	Sentence   string   `json:"sentence"`   // the whole sentence, clean text; for a table cell its row read with its headers
	Offset     int      `json:"offset"`     // rune offset of the figure in the document's clean text
	Review     string   `json:"review"`     // why a reviewer should look at this record, "" when nothing is doubtful
}

// Status tells whether a figure is an actual result, an estimate or a target.
type Status string

// The statuses of an [Indicator].
const (
	Actual   Status = "actual"
	Estimate Status = "estimate" // 预计, 预期, 有望 …
	Target   Status = "target"   // 力争, 确保, 目标 …, and figures in a plan section
)

// Bound tells how the figure bounds the true value.
type Bound string

// The bounds of an [Indicator].
const (
	Exact   Bound = "="
	Over    Bound = ">"  // 超, 超过, 逾, 余, 多
	AtLeast Bound = ">=" // 以上, 不少于, 不低于
	Under   Bound = "<"  // 不到, 不足
	AtMost  Bound = "<=" // 以下, 不超过, 以内
	About   Bound = "~"  // 约, 左右, 近
	Range   Bound = "range"
)
