package transform

import (
	"errors"
	"math"
	"testing"
)

var parseNumberTests = []struct {
	in   string
	want float64
}{
	// Arabic.
	{"0", 0},
	{"15", 15},
	{"12.5", 12.5},
	{"0.3", 0.3},
	{"007", 7},
	{"25494.69", 25494.69},
	{"3338.08", 3338.08},
	{"100000000000000000000", 1e20},
	{"-2.3", -2.3},
	{"－5", -5},
	// Full-width.
	{"１５", 15},
	{"１２．５", 12.5},
	{"２０２０", 2020},
	// Thousands separators: groups of exactly three.
	{"25,494.69", 25494.69},
	{"1,234", 1234},
	{"1,234,567", 1234567},
	{"12,345,678.9", 12345678.9},
	{"999,999", 999999},
	// Chinese.
	{"零", 0},
	{"〇", 0},
	{"一", 1},
	{"两", 2},
	{"十", 10},
	{"十一", 11},
	{"十九", 19},
	{"二十", 20},
	{"二十一", 21},
	{"一百", 100},
	{"一百零五", 105},
	{"一百一十", 110},
	{"一百十", 110},
	{"三千二百", 3200},
	{"三千零二", 3002},
	{"一千零一十", 1010},
	{"两万", 20000},
	{"一万", 10000},
	{"一万零五", 10005},
	{"十万", 100000},
	{"二十万", 200000},
	{"一百万", 1000000},
	{"三千万", 30000000},
	{"三千二百万", 32000000},
	{"一亿", 1e8},
	{"一亿零五百万", 105000000},
	{"一亿五千万", 150000000},
	{"十四亿", 1.4e9},
	{"一万五千亿", 1.5e12},
	{"一千二百亿", 1.2e11},
	{"二十万亿", 2e13},
	{"一万亿", 1e12},
	{"三万亿零五", 3000000000005},
	{"一亿亿", 1e16},
	{"九千九百九十九万九千九百九十九", 99999999},
	{"一千零一万", 10010000},
	{"十万零一", 100001},
	// Spoken shorthand: a last digit counts in the next lower place.
	{"三万五", 35000},
	{"一千二", 1200},
	{"一百一", 110},
	{"两万四", 24000},
	{"一亿五", 150000000},
	// Financial forms and traditional characters.
	{"壹", 1},
	{"贰拾", 20},
	{"叁佰", 300},
	{"肆仟伍佰", 4500},
	{"壹万贰仟叁佰肆拾伍", 12345},
	{"玖佰玖拾玖", 999},
	{"陆万柒仟", 67000},
	{"捌億", 8e8},
	{"兩萬", 20000},
	// Positional digit strings.
	{"二〇二〇", 2020},
	{"一九九七", 1997},
	{"二〇〇八", 2008},
	// Decimals in Chinese.
	{"八点五", 8.5},
	{"零点五", 0.5},
	{"三点一四", 3.14},
	{"十二点零五", 12.05},
	{"一点五亿", 1.5e8},
	{"三点五万亿", 3.5e12},
	// Mixed Arabic and Chinese.
	{"1.5万亿", 1.5e12},
	{"3千万", 3e7},
	{"3万4000", 34000},
	{"0百万", 0}, // a table's 0 under 单位：百万元: the zero is placed, not dropped
	{"5百万", 5e6},
	{"25万6千", 256000},
	{"13万2", 132000},
	{"2千零30万", 20300000},
	{"3338.08万", 33380800},
	{"25494.69万", 254946900},
	{"15亿", 1.5e9},
	{"0.5万", 5000},
	{"1,234.5万", 12345000},
	{"１．５万亿", 1.5e12},
	{"3万五千", 35000},
	{"100亿", 1e10},
	{"6亿", 6e8},
	// Leading place words.
	{"百万", 1e6},
	{"千万", 1e7},
	{"亿", 1e8},
	// Fractions.
	{"百分之八点五", 0.085},
	{"百分之二十五", 0.25},
	{"百分之百", 1},
	{"千分之三", 0.003},
	{"四分之一", 0.25},
	{"三分之二", 2.0 / 3},
	{"负三", -3},
}

func TestParseNumber(t *testing.T) {
	for _, tt := range parseNumberTests {
		got, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want && math.Abs(got-tt.want) > 1e-12*math.Abs(tt.want) {
			t.Errorf("ParseNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	for _, in := range []string{
		"", " ", "元", "%", "15元", "15%", "3五", "五3", "一二三十", "1,23", "12,3456",
		"1，234", "1.2.3", ".5", "5.", "点五", "3点", "十十十百", "百千", "abc", "15 16", "五十几",
		"3-5", "分之", "三分之", "零分之一", "1.5万亿元", "--5",
	} {
		if v, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %v, want error", in, v)
		} else if !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseNumber(%q): error %v does not wrap ErrNotNumber", in, err)
		}
	}
}

func TestFormatChinese(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"0", "零"},
		{"7", "七"},
		{"10", "一十"},
		{"105", "一百零五"},
		{"1010", "一千零一十"},
		{"3200", "三千二百"},
		{"10005", "一万零五"},
		{"100001", "一十万零一"},
		{"105000000", "一亿零五百万"},
		{"1500000000000", "一万五千亿"},
		{"3000000000005", "三万亿零五"},
		{"10000000000000000", "一亿亿"},
		{"12.05", "一十二点零五"},
		{"0.5", "零点五"},
	} {
		d, ok := parseDecimal(tt.in)
		if !ok {
			t.Fatalf("parseDecimal(%q) failed", tt.in)
		}
		if got := formatChinese(d); got != tt.want {
			t.Errorf("formatChinese(%s) = %q, want %q", tt.in, got, tt.want)
		}
		back, ok := parseNumeral([]rune(formatChinese(d)))
		if !ok || !back.Equal(d) {
			t.Errorf("parseNumeral(formatChinese(%s)) = %v, %v", tt.in, back, ok)
		}
	}
}
