package transform

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr the first time it is
// called and returns the same Regexp from then on (safe for concurrent
// use): the package's expressions are compiled when first used, not when
// the program starts ("zhibiao version" compiled them all, a quarter of
// its time).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
