package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/zhibiao/zhibiao/load"
)

// runMerge builds the outputs of a batch from the parts its shards wrote
// ("zhibiao convert --shard i/n"): the workbook, and JSON Lines and CSV
// when asked, the same as one run over all the inputs would write.
func runMerge(args []string, stdout, stderr io.Writer) int {
	var o options
	flags := outputFlags("merge", &o, stderr,
		"usage: zhibiao merge [-o out.xlsx] [--jsonl out.jsonl] [--csv out.csv] PART...\n\nPART is a part file written by 'zhibiao convert --shard i/n'; give the parts of\nevery shard of one batch (1/n … n/n), in any order.",
		"zhibiao merge -o 指标.xlsx part-*.jsonl")
	flags.BoolVar(&o.verbose, "v", false, "report every input")
	paths, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	switch {
	case len(paths) == 0:
		fmt.Fprintln(stderr, "zhibiao merge: no PART given")
		flags.Usage()
		return exitUsage
	case o.out == "" || o.out == "-":
		fmt.Fprintln(stderr, "zhibiao merge: -o needs a file name (the workbook cannot go to standard output)")
		return exitUsage
	}
	ins := make([]input, len(paths))
	for i, p := range paths {
		ins[i] = input{path: p, doc: p}
	}
	if err := checkOutputPaths(o, ins); err != nil {
		fmt.Fprintf(stderr, "zhibiao merge: %v\n", err)
		return exitUsage
	}
	parts, err := openParts(paths)
	defer parts.close()
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao merge: %v\n", err)
		if errors.Is(err, errPartSet) {
			return exitUsage
		}
		return exitFail
	}
	limitMemory()
	removeStale(o, stderr)
	if err := checkOutputs(o); err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return write(ctx, cancel, o, parts.inputs, parts.results(ctx), stdout, stderr)
}

// errPartSet marks parts that do not make one whole batch: a shard
// missing or given twice, parts of different batches.
var errPartSet = errors.New("the parts do not make one batch")

// A partSet is the open parts of one batch, one reader per shard.
type partSet struct {
	files   []*os.File
	readers []*load.PartReader
	names   []string
	inputs  int // inputs of the whole batch
}

// openParts opens the parts and checks that they are the n shards of one
// batch, each once.
func openParts(paths []string) (*partSet, error) {
	ps := &partSet{}
	var first load.PartHeader
	seen := map[int]string{}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return ps, err
		}
		ps.files = append(ps.files, f)
		pr, err := load.NewPartReader(f)
		if err != nil {
			return ps, fmt.Errorf("%s: %w (not written by zhibiao convert --shard, or cut short)", p, err)
		}
		h := pr.Header()
		if i == 0 {
			first = h
		}
		switch {
		case h.Batch != first.Batch || h.Of != first.Of || h.Inputs != first.Inputs:
			return ps, fmt.Errorf("%w: %s is shard %d/%d of batch %s (%d inputs), %s shard %d/%d of batch %s (%d inputs); run every shard with the same inputs",
				errPartSet, paths[0], first.Shard, first.Of, first.Batch, first.Inputs, p, h.Shard, h.Of, h.Batch, h.Inputs)
		case seen[h.Shard] != "":
			return ps, fmt.Errorf("%w: %s and %s are both shard %d/%d", errPartSet, seen[h.Shard], p, h.Shard, h.Of)
		}
		seen[h.Shard] = p
		ps.readers = append(ps.readers, pr)
		ps.names = append(ps.names, p)
	}
	var missing []string
	for s := 1; s <= first.Of; s++ {
		if seen[s] == "" {
			missing = append(missing, fmt.Sprintf("%d/%d", s, first.Of))
		}
	}
	if len(missing) > 0 {
		return ps, fmt.Errorf("%w: shard %s missing (batch %s)", errPartSet, strings.Join(missing, ", "), first.Batch)
	}
	ps.inputs = first.Inputs
	return ps, nil
}

// close closes the part files.
func (ps *partSet) close() {
	for _, f := range ps.files {
		f.Close()
	}
}

// results yields the inputs of all parts in the order of one run over
// the whole batch: by path, as collect sorts them (each part is in that
// order already, so this merges them as they are read, one input of each
// part in memory at a time). A part that cannot be read, or that holds
// an input another part holds too, ends the results with an error, as
// does a batch with fewer or more inputs than its parts announced.
func (ps *partSet) results(ctx context.Context) func(yield func(result, error) bool) {
	return func(yield func(result, error) bool) {
		n, last := 0, ""
		for ctx.Err() == nil {
			k, next := -1, ""
			for i, pr := range ps.readers {
				path, ok, err := pr.Peek()
				if err != nil {
					yield(result{}, fmt.Errorf("%s: %w", ps.names[i], err))
					return
				}
				if !ok {
					continue
				}
				switch {
				case k >= 0 && path == next:
					yield(result{}, fmt.Errorf("%s and %s both hold %s", ps.names[k], ps.names[i], path))
					return
				case k < 0 || strings.Compare(path, next) < 0:
					k, next = i, path
				}
			}
			if k < 0 {
				break
			}
			if n > 0 && strings.Compare(next, last) <= 0 {
				yield(result{}, fmt.Errorf("%s: %s is out of order (after %s)", ps.names[k], next, last))
				return
			}
			f, recs, err := ps.readers[k].Next()
			if err != nil {
				yield(result{}, fmt.Errorf("%s: %w", ps.names[k], err))
				return
			}
			n, last = n+1, next
			if !yield(result{file: f, recs: recs}, nil) {
				return
			}
		}
		if ctx.Err() == nil && n != ps.inputs {
			yield(result{}, fmt.Errorf("the parts hold %d inputs, their batch %d", n, ps.inputs))
		}
	}
}
