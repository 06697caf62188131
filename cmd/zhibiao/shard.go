package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// A shard is the i-th of n parts of a batch ("--shard i/n"): the inputs
// whose doc hashes to it. Every machine given the same inputs computes
// the same parts, so that n runs, one per shard, convert each input once.
type shard struct{ i, n int } // 1 <= i <= n; n == 0: no sharding

// parseShard reads "i/n".
func parseShard(s string) (shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return shard{}, fmt.Errorf("--shard %q: want i/n with 1 <= i <= n, such as 2/4", s)
	}
	return shard{i, n}, nil
}

func (s shard) String() string { return fmt.Sprintf("%d/%d", s.i, s.n) }

// shardOf returns the 1-based shard of n an input with the given doc
// falls in: the FNV-1a hash of the doc, which is the same on every
// machine and for every order of the command line's arguments.
func shardOf(doc string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(doc))
	return int(h.Sum64()%uint64(n)) + 1
}

// of returns the inputs of the batch that fall in shard s, in order.
func (s shard) of(ins []input) []input {
	var out []input
	for _, in := range ins {
		if shardOf(in.doc, s.n) == s.i {
			out = append(out, in)
		}
	}
	return out
}

// batchDigest names a batch by its whole input list (paths and docs, in
// order), so that merge can tell that its parts come from one batch: the
// shards of one command line agree on it.
func batchDigest(ins []input) string {
	h := sha256.New()
	for _, in := range ins {
		fmt.Fprintf(h, "%s\x00%s\n", in.path, in.doc)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// partName is the part file a shard writes when -o is not given.
func partName(s shard) string {
	return fmt.Sprintf("zhibiao-part-%d-of-%d.jsonl", s.i, s.n)
}
