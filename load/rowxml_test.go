package load

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeCells returns the <c> elements excelize's stream writer writes
// for values, one row, from column A: the reference rowXML follows.
func excelizeCells(t *testing.T, values []any) []string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	row := make([]any, len(values))
	for i, v := range values {
		row[i] = excelize.Cell{StyleID: 3, Value: v}
	}
	if err := sw.SetRow("A7", row); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		var cells []string
		for _, m := range regexp.MustCompile(`(?s)<c [^>]*>.*?</c>`).FindAll(b, -1) {
			cells = append(cells, string(m))
		}
		return cells
	}
	t.Fatal("no sheet")
	return nil
}

// TestRowXMLAsExcelize checks that rowXML writes text and number cells
// byte for byte as excelize does: escaping, xml:space, the _xHHHH_
// escape, Excel's 15 significant digits.
func TestRowXMLAsExcelize(t *testing.T) {
	texts := []string{
		"地区生产总值", "a & b < c > d \"e\" 'f'", " leading", "trailing ", "\tTAB", "line\nbreak", "cr\rhere",
		"_x0041_", "_x005F_x0041_", "_x005F_", "a_x005F_xZZZZ_", "_xD800_ surrogate", "_x12", "x_x0041__x0042_",
		"emoji 😀", "\uFFFD", "\u2028", "日期：2024-01-01", "12,345.6", "=SUM(A1)",
	}
	numbers := []float64{0, 1, -1, 0.1, 15, 1e15, 1.5e15, 123456789012345678, 0.000001234, 1e-20, -3.75, 1.0 / 3, 2.0 / 3 * 100, math.MaxFloat64, 13507.69, 1e21}
	var values []any
	for _, s := range texts {
		values = append(values, s)
	}
	for _, v := range numbers {
		values = append(values, v)
	}
	want := excelizeCells(t, values)
	var x rowXML
	x.start(7, 0)
	for i, s := range texts {
		x.text(i, 3, s)
	}
	for i, v := range numbers {
		x.number(len(texts)+i, 3, &v)
	}
	x.end()
	got := regexp.MustCompile(`(?s)<c [^>]*>.*?</c>`).FindAllString(string(x.b), -1)
	if len(got) != len(want) {
		t.Fatalf("%d cells, excelize %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("value %q:\n got  %s\n want %s", values[i], got[i], want[i])
		}
	}
}
