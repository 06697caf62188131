package transform

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// A decimal is an exact decimal number: no 0.1+0.2 artefacts.
//
// Its value is mant×10^exp, where mant is small when big is nil and big
// otherwise. The zero value is 0. Decimals are immutable: every method
// returns a new value and never modifies its operands, so they may be
// copied and shared freely. Values are kept normalized (no trailing zero
// digits in the mantissa, exp 0 for zero, small used whenever the mantissa
// fits an int64), so two equal numbers have equal fields.
type decimal struct {
	small int64    // mantissa when big is nil
	big   *big.Int // mantissa when it does not fit an int64; never modified
	exp   int      // power of ten
}

// decimalInt returns n as a decimal.
func decimalInt(n int64) decimal { return decimal{small: n}.norm() }

// decimalPow10 returns 10^n.
func decimalPow10(n int) decimal { return decimal{small: 1, exp: n} }

// parseDecimal parses ASCII digits with at most one '.', and an optional
// leading '-'. It reports false for anything else; it never panics and
// accepts any number of digits.
func parseDecimal(s string) (decimal, bool) {
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if s == "" || s == "." {
		return decimal{}, false
	}
	digits := make([]byte, 0, len(s))
	exp := 0
	seenDot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
			if seenDot {
				exp--
			}
		case c == '.' && !seenDot:
			seenDot = true
		default:
			return decimal{}, false
		}
	}
	if len(digits) == 0 {
		return decimal{}, false
	}
	var d decimal
	if len(digits) <= 18 {
		n, _ := strconv.ParseInt(string(digits), 10, 64)
		d = decimal{small: n, exp: exp}
	} else {
		b, ok := new(big.Int).SetString(string(digits), 10)
		if !ok {
			return decimal{}, false
		}
		d = decimal{big: b, exp: exp}
	}
	if neg {
		d = d.Neg()
	}
	return d.norm(), true
}

// mant returns the mantissa as a new big.Int the caller may modify.
func (d decimal) mant() *big.Int {
	if d.big != nil {
		return new(big.Int).Set(d.big)
	}
	return big.NewInt(d.small)
}

// fromBig builds a normalized decimal from m×10^exp; it takes ownership of m.
func fromBig(m *big.Int, exp int) decimal {
	if m.IsInt64() {
		return decimal{small: m.Int64(), exp: exp}.norm()
	}
	// Strip trailing zeros, a word at a time when possible.
	ten := big.NewInt(10)
	q, r := new(big.Int), new(big.Int)
	for m.Sign() != 0 {
		q.QuoRem(m, ten, r)
		if r.Sign() != 0 {
			break
		}
		m, q = q, m
		exp++
	}
	if m.IsInt64() {
		return decimal{small: m.Int64(), exp: exp}.norm()
	}
	return decimal{big: m, exp: exp}
}

// norm strips trailing zero digits of a small mantissa.
func (d decimal) norm() decimal {
	if d.big != nil {
		return d
	}
	if d.small == 0 {
		return decimal{}
	}
	for d.small%10 == 0 {
		d.small /= 10
		d.exp++
	}
	return d
}

// Sign returns -1, 0 or +1.
func (d decimal) Sign() int {
	if d.big != nil {
		return d.big.Sign()
	}
	switch {
	case d.small < 0:
		return -1
	case d.small > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d decimal) IsZero() bool { return d.Sign() == 0 }

// Neg returns -d.
func (d decimal) Neg() decimal {
	if d.big == nil && d.small != math.MinInt64 {
		return decimal{small: -d.small, exp: d.exp}
	}
	return fromBig(d.mant().Neg(d.mant()), d.exp)
}

// Mul returns d×e exactly.
func (d decimal) Mul(e decimal) decimal {
	if d.IsZero() || e.IsZero() {
		return decimal{}
	}
	exp := d.exp + e.exp
	if d.big == nil && e.big == nil {
		a, b := d.small, e.small
		neg := (a < 0) != (b < 0)
		ua, ub := absU(a), absU(b)
		hi, lo := bits.Mul64(ua, ub)
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if neg {
				p = -p
			}
			return decimal{small: p, exp: exp}.norm()
		}
	}
	m := d.mant()
	return fromBig(m.Mul(m, e.mant()), exp)
}

// absU returns |a| as a uint64 (correct for math.MinInt64 too).
func absU(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// Shift returns d×10^n exactly.
func (d decimal) Shift(n int) decimal {
	if d.IsZero() {
		return d
	}
	d.exp += n
	return d
}

// Add returns d+e exactly.
func (d decimal) Add(e decimal) decimal {
	if d.IsZero() {
		return e
	}
	if e.IsZero() {
		return d
	}
	// Align to the smaller exponent. The alignment factor is 10^gap, so a
	// huge gap costs memory proportional to the gap: callers add numbers
	// whose exponents come from the text, which bounds the gap by its length.
	if d.exp < e.exp {
		d, e = e, d
	}
	gap := d.exp - e.exp
	if d.big == nil && e.big == nil && gap < 18 {
		p := int64(1)
		for range gap {
			p *= 10
		}
		hi, lo := bits.Mul64(absU(d.small), uint64(p))
		if hi == 0 && lo <= math.MaxInt64/2 && absU(e.small) <= math.MaxInt64/2 {
			a := int64(lo)
			if d.small < 0 {
				a = -a
			}
			return decimal{small: a + e.small, exp: e.exp}.norm()
		}
	}
	m := d.mant()
	m.Mul(m, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(gap)), nil))
	return fromBig(m.Add(m, e.mant()), e.exp)
}

// Cmp compares d and e and returns -1, 0 or +1.
func (d decimal) Cmp(e decimal) int {
	return d.Add(e.Neg()).Sign()
}

// Equal reports whether d and e are the same number.
func (d decimal) Equal(e decimal) bool { return d.Cmp(e) == 0 }

// IsInt reports whether d is an integer.
func (d decimal) IsInt() bool { return d.exp >= 0 || d.IsZero() }

// Int64 returns d as an int64 and whether it is an integer that fits.
func (d decimal) Int64() (int64, bool) {
	if !d.IsInt() || d.big != nil || d.exp > 18 {
		return 0, false
	}
	n := d.small
	for range d.exp {
		hi, lo := bits.Mul64(absU(n), 10)
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		if n < 0 {
			n = -int64(lo)
		} else {
			n = int64(lo)
		}
	}
	return n, true
}

// digits returns the decimal digits of |mantissa|.
func (d decimal) digits() string {
	if d.big != nil {
		return new(big.Int).Abs(d.big).String()
	}
	return strconv.FormatUint(absU(d.small), 10)
}

// String formats d in plain positional notation ("254946900", "0.085",
// "-2.3"), never with an exponent.
func (d decimal) String() string {
	if d.IsZero() {
		return "0"
	}
	var b strings.Builder
	if d.Sign() < 0 {
		b.WriteByte('-')
	}
	ds := d.digits()
	switch {
	case d.exp >= 0:
		b.WriteString(ds)
		for range d.exp {
			b.WriteByte('0')
		}
	case -d.exp < len(ds):
		cut := len(ds) + d.exp
		b.WriteString(ds[:cut])
		b.WriteByte('.')
		b.WriteString(ds[cut:])
	default:
		b.WriteString("0.")
		for range -d.exp - len(ds) {
			b.WriteByte('0')
		}
		b.WriteString(ds)
	}
	return b.String()
}

// Float64 returns the nearest float64 (±Inf beyond its range).
func (d decimal) Float64() float64 {
	if d.IsZero() {
		return 0
	}
	if d.big == nil && d.exp == 0 && absU(d.small) <= 1<<53 {
		return float64(d.small)
	}
	s := d.digits() + "e" + strconv.Itoa(d.exp)
	f, _ := strconv.ParseFloat(s, 64) // correctly rounded; ±Inf on overflow
	if d.Sign() < 0 {
		f = -f
	}
	return f
}

// roundTo returns d rounded half away from zero to places decimal places,
// and whether the rounding changed the value.
func (d decimal) roundTo(places int) (decimal, bool) {
	if d.exp >= -places {
		return d, false
	}
	m := d.mant()
	neg := m.Sign() < 0
	m.Abs(m)
	drop := -places - d.exp
	div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(drop)), nil)
	q, r := new(big.Int).QuoRem(m, div, new(big.Int))
	if r.Sign() != 0 && r.Mul(r, big.NewInt(2)).Cmp(div) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return fromBig(q, -places), true
}

// quoRound returns d/e rounded to places decimal places, and whether the
// quotient is inexact. It reports ok false when e is zero.
func (d decimal) quoRound(e decimal, places int) (q decimal, inexact, ok bool) {
	if e.IsZero() {
		return decimal{}, false, false
	}
	// d/e = (md/me) × 10^(ed-ee); scale md so the integer quotient has
	// places+1 decimals, then round.
	md, me := d.mant(), e.mant()
	shift := d.exp - e.exp + places + 1
	exp := -(places + 1)
	if shift > 0 {
		md.Mul(md, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(shift)), nil))
	} else if shift < 0 {
		me.Mul(me, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-shift)), nil))
	}
	qi, r := new(big.Int).QuoRem(md, me, new(big.Int))
	raw := fromBig(qi, exp)
	rounded, changed := raw.roundTo(places)
	return rounded, changed || r.Sign() != 0, true
}
