package load

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Number formats. A single "#,##0.##" would show 15 as "15.", so each
// number cell gets the integer or the decimal style according to its
// value.
const (
	intFormat  = "#,##0"
	decFormat  = "#,##0.##########"
	yearFormat = "0" // 2020, not 2,020
	// sumDecFormat shows the values of 汇总, in units chosen for reading,
	// with up to four decimals; 指标 has them in full.
	sumDecFormat = "#,##0.0###"
)

// Fills of the workbook, as a clerk reads them: orange for a row to
// review, red for a failed input, yellow for an input read in part, grey
// for headers.
const (
	reviewFill  = "FCE4D6"
	failFill    = "FFC7CE"
	failFont    = "9C0006"
	partFill    = "FFEB9C"
	headerFill  = "D9E1F2"
	tableFill   = "EDEDED"
	noteFont    = "595959"
	borderColor = "A6A6A6"
)

// styles holds the style IDs of a workbook. Styles made on demand (the
// number formats of sheets 汇总 and 表格) are cached by their format.
type styles struct {
	f   *excelize.File
	err error // first error met making a style

	head, wrapHead                     int // header row; header that wraps
	text, wrap                         int // text cell, top-aligned; text that wraps
	intNum, decNum, year               int // numbers, top-aligned
	note, source, title                int // a sheet's note; a table's source line and caption
	failed, failedWrap, part, partWrap int // rows of sheet 文件
	cache                              map[string]int
}

// newStyles makes the fixed styles of f.
func newStyles(f *excelize.File) *styles {
	s := &styles{f: f, cache: make(map[string]int)}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	bold := &excelize.Font{Bold: true}
	headFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}}
	intFmt, decFmt, yearFmt := intFormat, decFormat, yearFormat
	s.head = s.make(&excelize.Style{Font: bold, Fill: headFill, Alignment: &excelize.Alignment{Vertical: "center"}})
	s.wrapHead = s.make(&excelize.Style{Font: bold, Fill: headFill, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}})
	s.text = s.make(&excelize.Style{Alignment: top})
	s.wrap = s.make(&excelize.Style{Alignment: wrapTop})
	s.intNum = s.make(&excelize.Style{Alignment: top, CustomNumFmt: &intFmt})
	s.decNum = s.make(&excelize.Style{Alignment: top, CustomNumFmt: &decFmt})
	s.year = s.make(&excelize.Style{Alignment: top, CustomNumFmt: &yearFmt})
	s.note = s.make(&excelize.Style{Font: &excelize.Font{Color: noteFont}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.source = s.make(&excelize.Style{Font: &excelize.Font{Color: noteFont}})
	s.title = s.make(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	fail := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{failFill}}
	part := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{partFill}}
	s.failed = s.make(&excelize.Style{Fill: fail, Font: &excelize.Font{Color: failFont}, Alignment: top})
	s.failedWrap = s.make(&excelize.Style{Fill: fail, Font: &excelize.Font{Color: failFont}, Alignment: wrapTop})
	s.part = s.make(&excelize.Style{Fill: part, Alignment: top})
	s.partWrap = s.make(&excelize.Style{Fill: part, Alignment: wrapTop})
	return s
}

// make returns the ID of a new style, or 0 after the first error, which
// s.err keeps.
func (s *styles) make(st *excelize.Style) int {
	if s.err != nil {
		return 0
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		s.err = fmt.Errorf("style: %w", err)
	}
	return id
}

// number returns the style of a number cell of 指标 or 文件: integer or
// decimal, so that no value shows a trailing decimal point.
func (s *styles) number(v float64) int {
	if isWhole(v) {
		return s.intNum
	}
	return s.decNum
}

// isWhole reports whether v shows as an integer under decFormat, which
// shows at most 10 decimals.
func isWhole(v float64) bool {
	return math.Abs(v) >= 1e15 || math.Round(v*1e10)/1e10 == math.Trunc(v)
}

// summaryNumber returns the style of a cell of 汇总: v in the integer or
// decimal format, followed by "（n次）" when the report mentions the
// indicator n > 1 times, on the review fill when the value is doubtful.
func (s *styles) summaryNumber(v float64, n int, doubtful bool) int {
	format := intFormat
	if !isWhole(v) {
		format = sumDecFormat
	}
	if n > 1 {
		format += fmt.Sprintf(`"（%d次）"`, n)
	}
	key := fmt.Sprintf("sum|%s|%v", format, doubtful)
	if id, ok := s.cache[key]; ok {
		return id
	}
	st := &excelize.Style{CustomNumFmt: &format}
	if doubtful {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{reviewFill}}
	}
	id := s.make(st)
	s.cache[key] = id
	return id
}

// tableCell returns the style of a cell of sheet 表格: bordered; a header
// cell bold on grey, centred and wrapped; a number cell in the format
// that shows it as written (decimals, thousands separators, percent).
func (s *styles) tableCell(header bool, format string) int {
	key := fmt.Sprintf("table|%v|%s", header, format)
	if id, ok := s.cache[key]; ok {
		return id
	}
	side := func(t string) excelize.Border { return excelize.Border{Type: t, Color: borderColor, Style: 1} }
	st := &excelize.Style{
		Border:    []excelize.Border{side("left"), side("right"), side("top"), side("bottom")},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: format == ""},
	}
	if header {
		st.Font = &excelize.Font{Bold: true}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{tableFill}}
		st.Alignment.Horizontal = "center"
	}
	if format != "" {
		f := format
		st.CustomNumFmt = &f
	}
	id := s.make(st)
	s.cache[key] = id
	return id
}

// writtenFormat returns the number format that shows a number as text
// wrote it: as many decimals, thousands separators if it had them, a
// percent sign if it had one ("1,234.50" → "#,##0.00", "-2.9" → "0.0",
// "12.5%" → "0.0%"). It reports whether the text is a percent.
func writtenFormat(text string) (format string, percent bool) {
	t := strings.TrimSpace(text)
	percent = strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％")
	decimals := 0
	if i := strings.LastIndexAny(t, ".．"); i >= 0 {
		for _, r := range t[i+len(string([]rune(t[i:])[0])):] {
			if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
				decimals++
			}
		}
	}
	format = "0"
	if strings.ContainsAny(t, ",，") {
		format = "#,##0"
	}
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	if percent {
		format += "%"
	}
	return format, percent
}
