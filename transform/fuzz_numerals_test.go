package transform

import (
	"math/big"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseNumber checks that ParseNumber never panics and that what it
// accepts is made of numeral runes only.
func FuzzParseNumber(f *testing.F) {
	for _, tt := range parseNumberTests {
		f.Add(tt.in)
	}
	for _, s := range []string{"1,2,3", "万万万", "一亿亿亿亿", "零零零", "3点", "点", "负", "分之分之", "9" + strings.Repeat("0", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		if v != v {
			t.Errorf("ParseNumber(%q) = NaN", s)
		}
		for _, r := range strings.TrimSpace(s) {
			if !isNumeralRune(r) && !strings.ContainsRune(".,．点點分之-－−负", r) {
				t.Errorf("ParseNumber(%q) accepted rune %q", s, r)
			}
		}
	})
}

// FuzzChineseRoundTrip formats numbers as Chinese numerals and parses
// them back: the value must survive exactly.
func FuzzChineseRoundTrip(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint8(0))
	f.Add(uint64(105), uint64(0), uint8(0))
	f.Add(uint64(1500000000000), uint64(5), uint8(1))
	f.Add(uint64(10000000000000000), uint64(0), uint8(0))
	f.Add(uint64(18446744073709551615), uint64(18446744073709551615), uint8(2))
	f.Add(uint64(100001), uint64(1005), uint8(3))
	f.Fuzz(func(t *testing.T, hi, lo uint64, frac uint8) {
		// hi and lo make a number up to 2^128, frac a fraction part.
		n := new(big.Int).SetUint64(hi)
		n.Lsh(n, 64)
		n.Or(n, new(big.Int).SetUint64(lo))
		s := n.String()
		if frac > 0 {
			s += "." + strings.Repeat("0", int(frac%4)) + "1" + strings.Repeat("9", int(frac/64))
		}
		d, ok := parseDecimal(s)
		if !ok {
			t.Fatalf("parseDecimal(%q) failed", s)
		}
		zh := formatChinese(d)
		back, ok := parseNumeral([]rune(zh))
		if !ok || !back.Equal(d) {
			t.Fatalf("%s → %q → %v, %v", s, zh, back, ok)
		}
		// The formatted numeral is also scanned as one figure.
		text := []rune("收入" + zh + "元。")
		qs := scanQuantities(text)
		var figs []quantity
		for _, q := range qs {
			if q.NotFigure == "" {
				figs = append(figs, q)
			}
		}
		if len(figs) != 1 || !figs[0].Value.Mul(figs[0].Scale).Equal(d) {
			var got []string
			for _, q := range qs {
				got = append(got, fmtQ(text, q))
			}
			if d.IsZero() || (len(figs) == 0 && d.Equal(one)) {
				return // 零元 is not scanned; 一元 is an article
			}
			t.Fatalf("scan %q: %s", string(text), strings.Join(got, "; "))
		}
	})
}

// FuzzUnits checks that readUnit never panics and stays inside the text.
func FuzzUnits(f *testing.F) {
	for _, s := range []string{"元", "万元每亩", "微克/立方米", "/10万", "元/人/月", "个百分点", "千瓦时", "方面", "每", "/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		for i := 0; i <= len(text); i++ {
			m, ok := readUnit(text, i)
			if ok && (m.end <= i || m.end > len(text) || m.std == "") {
				t.Fatalf("readUnit(%q, %d) = %+v", s, i, m)
			}
		}
	})
}

// FuzzScanQuantities checks that the scanner never panics, returns
// ordered, non-overlapping spans inside the text, and consistent ranges.
func FuzzScanQuantities(f *testing.F) {
	for _, tt := range scanTests {
		f.Add(strings.NewReplacer("⟦", "", "⟧", "").Replace(tt.in))
	}
	for _, s := range []string{
		"预计实现税收总收入15亿元,同比下降15%,一般公共预算收入8亿元",
		"2020-2021-2022", "1-2-3-4%", "五六七八九十", "百分之百分之", "翻翻一番番", "一到二到三",
		"３．５％", "1,234,567,890.12万亿元", "-5-6%", "上上千万", "几几十", "二〇二〇年二〇二一年",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := []rune(s)
		last := 0
		for _, q := range scanQuantities(text) {
			if q.Start < last || q.End <= q.Start || q.End > len(text) {
				t.Fatalf("%q: bad span [%d,%d) after %d", s, q.Start, q.End, last)
			}
			last = q.End
			if q.NotFigure == "" && q.Scale.IsZero() {
				t.Fatalf("%q: figure %s with zero scale", s, fmtQ(text, q))
			}
		}
	})
}
