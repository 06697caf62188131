package transform

import (
	"math"
	"strconv"
	"testing"
)

func mustDecimal(t testing.TB, s string) decimal {
	t.Helper()
	d, ok := parseDecimal(s)
	if !ok {
		t.Fatalf("parseDecimal(%q) failed", s)
	}
	return d
}

func TestDecimalString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"},
		{"000", "0"},
		{"0.000", "0"},
		{"15", "15"},
		{"15.0", "15"},
		{"1500", "1500"},
		{"0.085", "0.085"},
		{"-2.3", "-2.3"},
		{"25494.69", "25494.69"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"0.000000000000000000000000000001", "0.000000000000000000000000000001"},
		{"-9223372036854775808", "-9223372036854775808"},
		{"9223372036854775807", "9223372036854775807"},
		{"9223372036854775808", "9223372036854775808"},
	} {
		if got := mustDecimal(t, tt.in).String(); got != tt.want {
			t.Errorf("parseDecimal(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", ".", "-", "1.2.3", "1e5", "1,000", "+1", " 1"} {
		if _, ok := parseDecimal(bad); ok {
			t.Errorf("parseDecimal(%q) ok, want failure", bad)
		}
	}
}

func TestDecimalArithmetic(t *testing.T) {
	for _, tt := range []struct {
		a, b, sum, prod string
	}{
		{"0.1", "0.2", "0.3", "0.02"},
		{"25494.69", "10000", "35494.69", "254946900"},
		{"3338.08", "10000", "13338.08", "33380800"},
		{"1.5", "1000000000000", "1000000000001.5", "1500000000000"},
		{"-2.3", "2.3", "0", "-5.29"},
		{"9223372036854775807", "1", "9223372036854775808", "9223372036854775807"},
		{"9223372036854775807", "9223372036854775807", "18446744073709551614", "85070591730234615847396907784232501249"},
		{"-9223372036854775808", "-1", "-9223372036854775809", "9223372036854775808"},
		{"0.000001", "1000000000000000000000", "1000000000000000000000.000001", "1000000000000000"},
		{"0", "5", "5", "0"},
	} {
		a, b := mustDecimal(t, tt.a), mustDecimal(t, tt.b)
		if got := a.Add(b).String(); got != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.sum)
		}
		if got := a.Mul(b).String(); got != tt.prod {
			t.Errorf("%s × %s = %s, want %s", tt.a, tt.b, got, tt.prod)
		}
		if got := b.Mul(a).String(); got != tt.prod {
			t.Errorf("%s × %s = %s, want %s", tt.b, tt.a, got, tt.prod)
		}
		if !a.Add(b).Equal(b.Add(a)) {
			t.Errorf("%s + %s is not commutative", tt.a, tt.b)
		}
	}
}

func TestDecimalFloat64(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{
		{"0", 0},
		{"254946900", 254946900},
		{"0.3", 0.3},
		{"-2.3", -2.3},
		{"1500000000000", 1.5e12},
		{"33380800", 33380800},
		{"0.1", 0.1},
		{"123456789012345678901234567890", 1.2345678901234568e29},
	} {
		if got := mustDecimal(t, tt.in).Float64(); got != tt.want {
			t.Errorf("%s.Float64() = %v, want %v", tt.in, got, tt.want)
		}
	}
	// The exact product prints without float artefacts.
	v := mustDecimal(t, "25494.69").Mul(decimalPow10(4)).Float64()
	if s := strconv.FormatFloat(v, 'f', -1, 64); s != "254946900" {
		t.Errorf("25494.69万 = %s, want 254946900", s)
	}
	if f := decimalPow10(400).Float64(); !math.IsInf(f, 1) {
		t.Errorf("1e400.Float64() = %v, want +Inf", f)
	}
	if f := decimalPow10(-400).Float64(); f != 0 {
		t.Errorf("1e-400.Float64() = %v, want 0", f)
	}
}

func TestDecimalCmpRoundQuo(t *testing.T) {
	a, b := mustDecimal(t, "1.50"), mustDecimal(t, "1.5")
	if a.Cmp(b) != 0 || a != b {
		t.Errorf("1.50 and 1.5 differ: %#v %#v", a, b)
	}
	if mustDecimal(t, "-1").Cmp(mustDecimal(t, "0.5")) != -1 {
		t.Error("-1 >= 0.5")
	}
	if n, ok := mustDecimal(t, "1500").Int64(); !ok || n != 1500 {
		t.Errorf("Int64(1500) = %d, %v", n, ok)
	}
	if _, ok := mustDecimal(t, "1.5").Int64(); ok {
		t.Error("Int64(1.5) ok")
	}
	q, inexact, ok := decimalInt(100).quoRound(decimalInt(3), 2)
	if !ok || !inexact || q.String() != "33.33" {
		t.Errorf("100/3 = %s, %v, %v; want 33.33, true, true", q, inexact, ok)
	}
	q, inexact, _ = decimalInt(200).quoRound(decimalInt(3), 2)
	if !inexact || q.String() != "66.67" {
		t.Errorf("200/3 = %s; want 66.67", q)
	}
	q, inexact, _ = decimalInt(100).quoRound(decimalInt(8), 2)
	if inexact || q.String() != "12.5" {
		t.Errorf("100/8 = %s, %v; want 12.5 exact", q, inexact)
	}
	if _, _, ok := decimalInt(1).quoRound(decimal{}, 2); ok {
		t.Error("1/0 ok")
	}
}
