package transform

// appendRunes appends the runes of s to dst, as []rune(s) makes them
// (an invalid byte is one U+FFFD). The passes over every paragraph of a
// document (its soft line breaks, its headings, its items) decode each
// paragraph into one buffer, reused, rather than into a new slice each.
func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
