package transform

// INTERFACE PINNED BY THE LEAD: helper C owns this file.

// A decimal is an exact decimal number: no 0.1+0.2 artefacts.
type decimal struct{}

// Float64 returns the nearest float64.
func (d decimal) Float64() float64 { return 0 }

// Mul returns d×e exactly.
func (d decimal) Mul(e decimal) decimal { return decimal{} }
