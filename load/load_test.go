package load

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/transform"
)

func f64(v float64) *float64 { return &v }

// sample returns records covering nulls, large and fractional numbers,
// and text a spreadsheet would mangle.
func sample() []transform.Indicator {
	return []transform.Indicator{
		{
			Doc: "a.txt", Page: 1, Section: "一、2020年度工作总结", Period: "2020",
			Name: "税收总收入", Canonical: "税收收入", Value: f64(15), Unit: "亿元",
			StdValue: f64(1500000000), StdUnit: "元", YoY: f64(-15), Basis: "同比",
			Status: transform.Estimate, Bound: transform.Exact,
			Sentence: "预计实现税收总收入15亿元,同比下降15%。", Offset: 57,
		},
		{
			Doc: "a.txt", Page: 2, Period: "2020", Name: "实际利用外资", Value: f64(25494.69), Unit: "万美元",
			StdValue: f64(254946900), StdUnit: "美元", Status: transform.Actual, Bound: transform.Range, Max: f64(3e4),
			Sentence: "=SUM(A1)\x01 12345678901234567890", Offset: 1234,
		},
		{
			Doc: "a.txt", Page: 2, Name: "-负数名", YoY: f64(0.3), Completion: f64(159.34), Delta: f64(-1390000),
			PP: f64(5), Status: transform.Target, Bound: transform.About, Sentence: "@x", Offset: 1300,
		},
	}
}

func TestFieldsMatchJSONTags(t *testing.T) {
	typ := reflect.TypeFor[transform.Indicator]()
	if typ.NumField() != len(Fields) {
		t.Fatalf("Indicator has %d fields, Fields %d", typ.NumField(), len(Fields))
	}
	for i := range typ.NumField() {
		tag, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if tag != Fields[i] {
			t.Errorf("field %d: json tag %q, Fields %q", i, tag, Fields[i])
		}
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	j := NewJSONL(&buf)
	recs := sample()
	nan := math.NaN()
	recs[2].Max = &nan
	if err := j.Add(File{Name: "a.txt"}, recs); err != nil {
		t.Fatal(err)
	}
	if err := j.Add(File{Name: "bad.pdf", Err: os.ErrNotExist}, nil); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), buf.String())
	}
	for _, want := range []string{`"value":15,`, `"std_value":254946900,`, `"max":null,`, `"pp":null,`, `"yoy":-15,`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, buf.String())
		}
	}
	for i, l := range lines {
		var got transform.Indicator
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := sample()[i]
		if i == 2 {
			want.Max = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("line %d read back as %+v, want %+v", i+1, got, want)
		}
	}
}

// readCSV reads CSV output back into records.
func readCSV(t testing.TB, data []byte) []transform.Indicator {
	t.Helper()
	recs, err := ReadCSV(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestCSVMatchesJSONL(t *testing.T) {
	var jb, cb bytes.Buffer
	j, c := NewJSONL(&jb), NewCSV(&cb)
	for _, s := range []Sink{j, c} {
		if err := s.Add(File{Name: "a.txt"}, sample()); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(cb.String(), ",'=SUM(A1)") && !strings.Contains(cb.String(), `,"'=SUM(A1)`) {
		t.Errorf("formula text not escaped in CSV:\n%s", cb.String())
	}
	if !strings.Contains(cb.String(), ",1500000000,") {
		t.Errorf("CSV number not in plain decimal:\n%s", cb.String())
	}
	got := readCSV(t, cb.Bytes())
	dec := json.NewDecoder(&jb)
	for i := range got {
		var want transform.Indicator
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("record %d: CSV %+v, JSONL %+v", i, got[i], want)
		}
	}
}

func TestCSVEmpty(t *testing.T) {
	var b bytes.Buffer
	c := NewCSV(&b)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if want := "\ufeff" + strings.Join(Fields[:], ",") + "\n"; b.String() != want {
		t.Errorf("empty CSV = %q, want %q", b.String(), want)
	}
}

func TestCellText(t *testing.T) {
	long := strings.Repeat("数", 40000)
	tests := []struct{ in, want string }{
		{"税收总收入", "税收总收入"},
		{"a\x00b\x1fc\td\ne\r", "a b c\td\ne "},
		{"x\uffffy\ufffe", "x y "},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"=SUM(A1)", "=SUM(A1)"},
		{long, strings.Repeat("数", maxCellUnits-1) + "…"},
		{strings.Repeat("数", 12000), strings.Repeat("数", 12000)}, // 36000 bytes, 12000 units: fits
		{strings.Repeat("😀", 20000), strings.Repeat("😀", (maxCellUnits-1)/2) + "…"},
	}
	for _, tt := range tests {
		got := cellText(tt.in)
		if got != tt.want {
			t.Errorf("cellText(%.20q) = %.20q… (%d runes), want %.20q… (%d runes)", tt.in, got,
				len([]rune(got)), tt.want, len([]rune(tt.want)))
		}
	}
}

func TestCSVText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"abc", "abc"}, {"=1+1", "'=1+1"}, {"-x", "'-x"}, {"+", "+"}, {"=", "="}, {"'=", "'="}, {"@a", "'@a"},
		{"'=x", "''=x"}, {"'abc", "'abc"}, {"\tx", "'\tx"},
	}
	for _, tt := range tests {
		if got := csvText(tt.in); got != tt.want {
			t.Errorf("csvText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add("税收总收入", "同比", "预计实现税收总收入15亿元,同比下降15%", 15.0, -15.0, 57)
	f.Add("=1+1", "'-", "\x00\"\\\n,", 1e21, 5e-7, 0)
	f.Add("", "", "", math.Inf(1), math.NaN(), -1)
	f.Fuzz(func(t *testing.T, name, basis, sentence string, v, yoy float64, off int) {
		r := transform.Indicator{
			Doc: name, Name: name, Basis: basis, Sentence: sentence, Section: basis + name,
			Value: &v, YoY: &yoy, Offset: off, Status: transform.Status(basis),
		}
		want := r
		want.Value, want.YoY = finite(r.Value), finite(r.YoY)
		var jb, cb bytes.Buffer
		j, c := NewJSONL(&jb), NewCSV(&cb)
		for _, s := range []Sink{j, c} {
			if err := s.Add(File{Name: "f"}, []transform.Indicator{r}); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if n := bytes.Count(jb.Bytes(), []byte("\n")); n != 1 {
			t.Fatalf("%d lines for one record: %q", n, jb.String())
		}
		var got transform.Indicator
		if err := json.Unmarshal(jb.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		// encoding/json replaces each invalid UTF-8 byte by U+FFFD, as []rune does.
		v8 := func(s string) string { return string([]rune(s)) }
		want.Doc, want.Name, want.Basis, want.Sentence, want.Section = v8(want.Doc), v8(want.Name), v8(want.Basis), v8(want.Sentence), v8(want.Section)
		want.Status = transform.Status(want.Basis)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("JSONL round trip: got %+v, want %+v", got, want)
		}
		// (Each field on its own: "收\xe6" + "\x8c" + "\x9c" is valid UTF-8 once joined.)
		if strings.ContainsRune(name+basis+sentence, '\r') || !utf8.ValidString(name) || !utf8.ValidString(basis) || !utf8.ValidString(sentence) {
			return // encoding/csv turns \r\n into \n; invalid UTF-8 differs too
		}
		back := readCSV(t, cb.Bytes())
		if len(back) != 1 || !reflect.DeepEqual(back[0], got) {
			t.Fatalf("CSV round trip: got %+v, want %+v", back, got)
		}
	})
}

func TestReadCSVErrors(t *testing.T) {
	header := strings.Join(Fields[:], ",") + "\n"
	row := func(page, value string) string {
		f := make([]string, len(Fields))
		f[1], f[6], f[19] = page, value, "0"
		return strings.Join(f, ",") + "\n"
	}
	for _, tt := range []struct {
		name, in, want string
	}{
		{"empty", "", "empty input"},
		{"no BOM", header, "no byte order mark"},
		{"header", "\ufeffdoc,page\n", "wrong number of fields"},
		{"bad page", "\ufeff" + header + row("x", ""), "line 2: page"},
		{"bad value", "\ufeff" + header + row("1", "1.2.3"), "line 2: value"},
	} {
		_, err := ReadCSV(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: ReadCSV error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
