package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/load"
	"github.com/zhibiao/zhibiao/transform"
)

// options are the settings of one convert run.
type options struct {
	out     string        // workbook path
	jsonl   string        // JSON Lines path, "-" for standard output, "" for none
	csv     string        // CSV path, "" for none
	workers int           // inputs processed at once
	catalog string        // extra catalog file
	timeout time.Duration // per input; 0 for none
	limits  extract.Limits
	verbose bool
	shard   shard            // --shard i/n; n == 0 for a whole batch
	part    *load.PartHeader // set when sharding: out is then the part file, not a workbook
}

func runConvert(args []string, stdout, stderr io.Writer) int {
	var o options
	flags := outputFlags("convert", &o, stderr,
		"usage: zhibiao convert [flags] INPUT...\n\nINPUT is a .pdf, .docx, .doc, .wps, .html, .htm or .txt file, or a folder searched\nrecursively for them (.doc and .wps are read through LibreOffice when it is installed).\nFlags may come before or after the inputs.",
		"zhibiao convert -o 指标.xlsx --jsonl out.jsonl reports/")
	flags.IntVar(&o.workers, "j", 0, "process `n` inputs at once (0: one per CPU)")
	flags.StringVar(&o.catalog, "catalog", "", "add the indicator names of `file` to the built-in catalog")
	flags.DurationVar(&o.timeout, "timeout", 60*time.Second, "give up on an input after `duration` (0: no limit)")
	flags.BoolVar(&o.verbose, "v", false, "report every input, and the stack of internal errors")
	shardFlag := flags.String("shard", "", "convert only the `i/n`-th part of the inputs, and write it as a part file (-o, default zhibiao-part-i-of-n.jsonl) for zhibiao merge")
	inputs, code, ok := parseArgs(flags, args)
	if !ok {
		return code
	}
	if *shardFlag != "" {
		sh, err := parseShard(*shardFlag)
		if err != nil {
			fmt.Fprintf(stderr, "zhibiao convert: %v\n", err)
			return exitUsage
		}
		o.shard = sh
		if !flagSet(flags, "o") {
			o.out = partName(sh)
		}
	}
	switch {
	case len(inputs) == 0:
		fmt.Fprintln(stderr, "zhibiao convert: no INPUT given")
		flags.Usage()
		return exitUsage
	case o.workers < 0:
		fmt.Fprintln(stderr, "zhibiao convert: -j must not be negative")
		return exitUsage
	case o.timeout < 0:
		fmt.Fprintln(stderr, "zhibiao convert: -timeout must not be negative")
		return exitUsage
	case o.out == "" || o.out == "-":
		fmt.Fprintln(stderr, "zhibiao convert: -o needs a file name (the workbook cannot go to standard output)")
		return exitUsage
	case o.shard.n > 0 && strings.EqualFold(filepath.Ext(o.out), ".xlsx"):
		fmt.Fprintf(stderr, "zhibiao convert: with --shard, -o names the part file (JSON Lines), not a workbook: %s\n", o.out)
		return exitUsage
	}

	if o.workers == 0 {
		o.workers = runtime.NumCPU()
	}
	limitMemory()
	heapPages.reserve()
	// A closed terminal (SIGHUP), kill (SIGTERM) and a reader of standard
	// output gone (SIGPIPE, "--jsonl - | head") stop the run like Ctrl-C:
	// temporary files removed, previous outputs kept.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	defer stop()

	ins, err := collect(inputs)
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	if len(ins) == 0 {
		fmt.Fprintf(stderr, "zhibiao: no %s file found in %s\n", strings.Join(inputExts, " "), strings.Join(inputs, " "))
		return exitFail
	}
	if o.shard.n > 0 {
		o.part = &load.PartHeader{Shard: o.shard.i, Of: o.shard.n, Batch: batchDigest(ins), Inputs: len(ins)}
		ins = o.shard.of(ins) // may be none: the part says so
	}
	if err := checkOutputPaths(o, ins); err != nil { // mistakes: before any work, every input intact
		fmt.Fprintf(stderr, "zhibiao convert: %v\n", err)
		return exitUsage
	}
	removeStale(o, stderr)
	if err := checkOutputs(o); err != nil { // before the slow start of transform
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	ld := startLoading(func() (indexer, error) {
		return transform.New(transform.Config{Catalog: o.catalog})
	})
	return convertLoading(ctx, o, ld, ins, stdout, stderr)
}

// An input is one file of a batch.
type input struct {
	path string // as named on the command line, or found under a folder
	doc  string // its name in every output (the records' doc), unique in the batch
}

// collect expands the command-line inputs into the files to convert,
// sorted by path: files named on the command line whatever their
// extension (so that a wrong file gets a row saying why), and the
// regular files with an input extension (inputExts) found under folders (a named pipe or a device
// there is not an input, and reading it could block). A name that does
// not exist is kept: it becomes a failed row.
//
// Each input's doc is its path relative to the folder named on the
// command line, or the base name of a file named directly (DESIGN's doc
// field); inputs that would share a doc ("2024/报告.txt" and
// "2025/报告.txt" named directly) take their path as given instead.
func collect(args []string) ([]input, error) {
	var ins []input
	for _, in := range args {
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			p := filepath.Clean(in)
			ins = append(ins, input{path: p, doc: filepath.Base(p)})
			continue
		}
		root := filepath.Clean(in)
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == root {
					return err
				}
				ins = append(ins, input{path: path, doc: relDoc(root, path)}) // an unreadable subfolder: a failed row
				return nil
			}
			if !d.IsDir() && wanted(path) && regular(path, d) {
				ins = append(ins, input{path: path, doc: relDoc(root, path)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(ins, func(a, b input) int { return strings.Compare(a.path, b.path) })
	ins = slices.CompactFunc(ins, func(a, b input) bool { return a.path == b.path })
	count := map[string]int{}
	for _, in := range ins {
		count[in.doc]++
	}
	for i, in := range ins {
		if count[in.doc] > 1 {
			ins[i].doc = filepath.ToSlash(in.path)
		}
	}
	return ins, nil
}

// relDoc is the doc of a file found under the folder root.
func relDoc(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// regular reports whether a file found in a folder is a regular file,
// following a symbolic link.
func regular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// inputExts are the extensions of the files searched for in folders.
var inputExts = []string{".pdf", ".txt", ".docx", ".doc", ".wps", ".html", ".htm"}

// wanted reports whether a file found in a folder is an input.
func wanted(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return slices.Contains(inputExts, ext) && !strings.HasPrefix(filepath.Base(path), ".")
}

// An indexer finds the records of a document: a *transform.Transformer,
// or a fake in tests.
type indexer interface {
	Indicators(doc *extract.Document) []transform.Indicator
}

// A result is what a worker makes of one input.
type result struct {
	file    load.File
	recs    []transform.Indicator
	stack   []byte // of an internal error
	release func() // gives back the heavy token once the records are written (nil: none held)
}

// outputFlags makes the flag set of a subcommand that writes the outputs
// of a batch, with its flags -o, --jsonl and --csv (into o) and its usage:
// head, the flags, an example.
func outputFlags(name string, o *options, stderr io.Writer, head, example string) *flag.FlagSet {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&o.out, "o", "zhibiao.xlsx", "write the workbook to `file`")
	flags.StringVar(&o.jsonl, "jsonl", "", "also write the records as JSON Lines to `file` (- for standard output)")
	flags.StringVar(&o.csv, "csv", "", "also write the records as CSV to `file`")
	flags.Usage = func() {
		fmt.Fprint(stderr, head+"\n\n")
		flags.PrintDefaults()
		fmt.Fprint(stderr, "\nExample:\n  "+example+"\n")
	}
	return flags
}

// parseArgs parses the flags of a subcommand, before or after its
// positional arguments, and returns those. ok is false when the command
// must end with code (help asked for, or a bad flag).
func parseArgs(flags *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	// Accept flags after inputs too: parse, take one input, parse the rest.
	for {
		if err := flags.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		rest := flags.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), 0, true // all that follows "--" is an input
		}
		if len(rest) == 0 {
			return positional, 0, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(flags *flag.FlagSet, name string) bool {
	set := false
	flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// convert runs the pipeline over the inputs:
//
//	inputs ──workers: extract.OpenContext, Indicators──▶ results in input order ──▶ sinks (workbook or part, JSONL, CSV)
//
// Only an interruption (ctx: Ctrl-C, SIGHUP, SIGTERM, standard output
// closed) stops it; a failed input is a result like any other, and an
// output that cannot be written is dropped while the others are written.
func convert(ctx context.Context, o options, tr indexer, ins []input, stdout, stderr io.Writer) int {
	return convertLoading(ctx, o, loaded(tr), ins, stdout, stderr)
}

// convertLoading is convert with the indexer still loading: while it
// loads, the workers but one read the first inputs (see prefetch.go).
func convertLoading(ctx context.Context, o options, ld *loader, ins []input, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	heavy := make(chan struct{}, 1) // see gate
	turn := newTurn()               // the input whose result is to be written next
	cost := newInputCosts(ins).of
	pre := startPrefetch(ctx, o.workers-1, len(ins), ld.ready, cost, func(i int) *reading {
		return read(ctx, ins[i], o.timeout, o.limits, heavy, turn.waiter(i))
	})
	defer func() {
		cancel() // first: a reading may wait for the heavy token
		pre.discard()
	}()
	loading := newProgress(stderr, 0)
	loading.note("正在加载词典 (loading the dictionary)…")
	select {
	case <-ld.ready:
	case <-ctx.Done():
	}
	loading.clear()
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "zhibiao: interrupted; nothing written (previous outputs kept)")
		return exitFail
	}
	pre.wait()
	if testHookPrefetched != nil {
		testHookPrefetched(len(pre.got))
	}
	if ld.err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", ld.err)
		return exitFail
	}
	tr := ld.tr
	work := func(i int) result {
		rd := pre.take(i)
		if rd == nil {
			rd = read(ctx, ins[i], o.timeout, o.limits, heavy, turn.waiter(i))
		}
		return rd.index(tr, func() bool { return turn.is(i) })
	}
	results := func(yield func(result, error) bool) {
		for r := range ordered(ctx, len(ins), o.workers, turn, cost, pre.order, work) { // (pre.order complete: pre.wait())
			if !yield(r, nil) {
				return
			}
		}
	}
	return write(ctx, cancel, o, len(ins), results, stdout, stderr)
}

// write gives the results, in order, to every output, then finishes the
// outputs and reports; it returns the exit status. cancel stops whatever
// makes the results (ctx's), when standard output is closed. A result
// that comes with an error (a merge's part that cannot be read) stops
// the run: nothing is written.
func write(ctx context.Context, cancel context.CancelFunc, o options, n int, results iter.Seq2[result, error], stdout, stderr io.Writer) int {
	outs, err := openOutputs(o, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	defer outs.abort() // no-op after commit

	rep := &reporter{w: stderr, verbose: o.verbose, bar: newProgress(stderr, n)}
	for r, err := range results {
		if err != nil {
			rep.bar.clear()
			fmt.Fprintf(stderr, "zhibiao: %v; nothing written\n", err)
			return exitFail
		}
		err := outs.add(r.file, r.recs)
		if r.release != nil {
			r.release() // the heavy token, kept until the records are written
		}
		if err != nil {
			rep.bar.clear()
			if errors.Is(err, errStdout) {
				cancel() // the reader of standard output is gone: stop like Ctrl-C
				break
			}
			fmt.Fprintf(stderr, "zhibiao: %v\n", err)
			return exitFail
		}
		rep.add(r)
	}
	rep.bar.clear()
	if ctx.Err() != nil {
		outs.abort()
		fmt.Fprintln(stderr, "zhibiao: interrupted; nothing written (previous outputs kept)")
		return exitFail
	}
	written, failed := outs.commit(ctx)
	if ctx.Err() != nil && len(written) == 0 {
		fmt.Fprintln(stderr, "zhibiao: interrupted; nothing written (previous outputs kept)")
		return exitFail
	}
	if len(failed) > 0 {
		for _, err := range failed {
			fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		}
		if len(written) > 0 {
			fmt.Fprintf(stderr, "zhibiao: written all the same: %s\n", strings.Join(written, ", "))
		}
		return exitFail
	}
	where := "sheet 文件 of " + o.out
	if o.part != nil {
		where = "part " + o.out + ", for sheet 文件 once merged"
	}
	return rep.done(where, o.out)
}

// A reporter tells the user about each result on standard error.
type reporter struct {
	w               io.Writer
	verbose         bool
	bar             *progress
	failed, records int
}

// add reports one result: a line for a failed input (with its error and
// stack when verbose), a line for each input when verbose, the bar.
func (rep *reporter) add(r result) {
	f := r.file
	rep.records += len(r.recs)
	if f.Err != nil {
		rep.failed++
		rep.bar.clear()
		fmt.Fprintf(rep.w, "zhibiao: %s: %s\n", f.Path, f.Reason)
		if rep.verbose {
			fmt.Fprintf(rep.w, "\t%v\n", f.Err)
			if r.stack != nil {
				fmt.Fprintf(rep.w, "%s\n", r.stack)
			}
		}
	} else if rep.verbose {
		rep.bar.clear()
		fmt.Fprintf(rep.w, "zhibiao: %s: %d records, %d pages, %.2fs\n", f.Path, len(r.recs), f.Pages, f.Seconds)
		if f.Note != "" {
			fmt.Fprintf(rep.w, "\t%s: %s\n", f.Reason, f.Note)
		}
	} else if f.Reason != "" {
		// Read in part or repaired: never silent.
		rep.bar.clear()
		fmt.Fprintf(rep.w, "zhibiao: %s: %s\n", f.Path, f.Reason)
	}
	rep.bar.step(f.Name, f.Err != nil)
}

// done prints the count of failures and returns the exit status;
// where names the rows of the inputs that failed.
func (rep *reporter) done(where, out string) int {
	if rep.failed > 0 {
		fmt.Fprintf(rep.w, "zhibiao: %d of %d inputs failed (see %s)\n", rep.failed, rep.bar.done, where)
		return exitPartial
	}
	if rep.verbose {
		fmt.Fprintf(rep.w, "zhibiao: %d inputs, %d records written to %s\n", rep.bar.done, rep.records, out)
	}
	return exitOK
}

// outputs are the sinks of a run. Each is independent: one that fails
// is dropped (its temporary file removed) and the others go on, so that
// JSON Lines and CSV are written even when the workbook cannot be.
type outputs struct {
	list []*output
}

// An output is one sink and what stands behind it.
type output struct {
	name   string // for messages
	sink   load.Sink
	wb     *load.Workbook // the workbook sink, closed with its context
	tmp    *os.File       // the temporary file of a JSONL or CSV file
	path   string
	stdout bool
	err    error // the first error; the output is then dropped
}

// errStdout marks a write to standard output that failed: its reader is
// gone, which stops the run like Ctrl-C.
var errStdout = errors.New("standard output closed")

// openOutputs creates every output at once, so that an unwritable one is
// reported before any input is read.
func openOutputs(o options, stdout io.Writer) (*outputs, error) {
	outs := &outputs{}
	if o.part == nil {
		wb, err := load.NewWorkbook(o.out)
		if err != nil {
			return nil, err
		}
		if t, ok := sourceDate(); ok {
			wb.SetCreated(t) // a reproducible workbook
		}
		if o.workers > 0 {
			wb.SetWorkers(o.workers) // -j bounds the assembly too
		}
		outs.list = append(outs.list, &output{name: "workbook " + o.out, sink: wb, wb: wb, path: o.out})
	}
	part := ""
	if o.part != nil {
		part = o.out
	}
	for _, s := range []struct {
		path, what string
		make       func(io.Writer) load.Sink
	}{
		{part, "part", func(w io.Writer) load.Sink { return load.NewPart(w, *o.part) }},
		{o.jsonl, "JSON Lines", func(w io.Writer) load.Sink { return load.NewJSONL(w) }},
		{o.csv, "CSV", func(w io.Writer) load.Sink { return load.NewCSV(w) }},
	} {
		switch s.path {
		case "":
			continue
		case "-":
			outs.list = append(outs.list, &output{name: s.what + " on standard output", sink: s.make(stdout), stdout: true})
			continue
		}
		f, err := load.CreateTemp(s.path)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.list = append(outs.list, &output{name: s.what + " " + s.path, sink: s.make(f), tmp: f, path: s.path})
	}
	return outs, nil
}

// add gives one input to every output still writing. It fails with
// errStdout when standard output cannot be written, and with the last
// error when no output is left.
func (outs *outputs) add(f load.File, recs []transform.Indicator) error {
	var last error
	live := 0
	for _, out := range outs.list {
		if out.err != nil {
			continue
		}
		if err := out.sink.Add(f, recs); err != nil {
			out.fail(err)
			if out.stdout {
				return fmt.Errorf("%w: %v", errStdout, err)
			}
			last = fmt.Errorf("%s not written: %w", out.name, err)
			continue
		}
		live++
	}
	if live == 0 {
		return last
	}
	return nil
}

// fail drops an output.
func (out *output) fail(err error) {
	out.err = err
	out.abort()
}

// abort removes the output's temporary files.
func (out *output) abort() {
	if out.wb != nil {
		out.wb.Abort()
	}
	if out.tmp != nil {
		out.tmp.Close()
		os.Remove(out.tmp.Name())
		out.tmp = nil
	}
}

// commit finishes every output still writing and moves the files into
// place: first the JSON Lines and CSV are flushed, then the workbook is
// assembled (which takes seconds and stops when ctx is done), then the
// renames follow. It returns the outputs written and the errors of the
// others.
func (outs *outputs) commit(ctx context.Context) (written []string, failed []error) {
	fail := func(out *output, err error) {
		out.fail(err)
		failed = append(failed, fmt.Errorf("%s not written: %w", out.name, err))
	}
	for _, out := range outs.list {
		if out.err != nil || out.wb != nil {
			continue
		}
		if err := out.sink.Close(); err != nil {
			fail(out, err)
		}
	}
	for _, out := range outs.list {
		if out.err == nil && out.wb != nil {
			if err := out.wb.CloseContext(ctx); err != nil {
				if ctx.Err() != nil {
					outs.abort() // interrupted: nothing is written
					return nil, nil
				}
				fail(out, err)
			} else {
				written = append(written, out.path)
			}
		}
	}
	if ctx.Err() != nil && len(written) == 0 {
		outs.abort()
		return nil, nil
	}
	for _, out := range outs.list {
		if out.err != nil || out.tmp == nil {
			continue
		}
		if err := commitFile(out.tmp, out.path); err != nil {
			fail(out, err)
			continue
		}
		out.tmp = nil
		written = append(written, out.path)
	}
	for _, out := range outs.list {
		out.wb = nil // closed or aborted: nothing left to remove
	}
	return written, failed
}

// abort removes every temporary output.
func (outs *outputs) abort() {
	for _, out := range outs.list {
		out.abort()
		out.wb, out.tmp = nil, nil
	}
}

// commitFile closes a finished temporary file and renames it to path.
func commitFile(f *os.File, path string) error {
	err := f.Chmod(0o644)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// checkOutputs reports an output that cannot be created, by creating and
// removing its temporary file.
func checkOutputs(o options) error {
	for _, path := range []string{o.out, o.jsonl, o.csv} {
		if path == "" || path == "-" {
			continue
		}
		f, err := load.CreateTemp(path)
		if err != nil {
			return err
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}

// checkOutputPaths finds the mistakes of a command line before any work:
// an output that is a folder or in a folder that does not exist, an
// output that is one of the inputs (taking --csv for a switch: "--csv
// r.txt" would overwrite the report), two outputs on one path.
func checkOutputPaths(o options, ins []input) error {
	type named struct {
		flag, path string
		sig        string // how a file of this output begins
	}
	var outs []named
	sig := "PK\x03\x04"
	if o.shard.n > 0 {
		sig = `{"zhibiao_part":`
	}
	for _, x := range []named{{"-o", o.out, sig}, {"--jsonl", o.jsonl, `{"doc":`}, {"--csv", o.csv, "\ufeffdoc,page,"}} {
		if x.path == "" || x.path == "-" {
			continue
		}
		if fi, err := os.Stat(x.path); err == nil && fi.IsDir() || strings.HasSuffix(x.path, string(filepath.Separator)) || strings.HasSuffix(x.path, "/") {
			return fmt.Errorf("%s %s is a folder; give the name of the file to write", x.flag, x.path)
		}
		if dir := filepath.Dir(x.path); !isDir(dir) {
			return fmt.Errorf("%s %s: folder %s does not exist", x.flag, x.path, dir)
		}
		for _, in := range ins {
			if samePath(x.path, in.path) {
				return fmt.Errorf("%s %s is one of the inputs; it would be overwritten (%s takes a file name: %s FILE)", x.flag, x.path, x.flag, x.flag)
			}
		}
		if isReport(x.path, x.sig) {
			return fmt.Errorf("%s %s would overwrite a report; %s takes the name of the file to write (%s FILE)", x.flag, x.path, x.flag, x.flag)
		}
		for _, y := range outs {
			if samePath(x.path, y.path) {
				return fmt.Errorf("%s and %s both name %s; give each output its own file", y.flag, x.flag, x.path)
			}
		}
		outs = append(outs, x)
	}
	return nil
}

// isReport reports whether path is an existing, non-empty file with the
// extension of an input that does not begin like the output about to
// replace it (a previous run's output may be replaced; a report may not).
func isReport(path, sig string) bool {
	if !slices.Contains(inputExts, strings.ToLower(filepath.Ext(path))) {
		return false
	}
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return false // (opening a named pipe would block)
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sig))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) != sig
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// samePath reports whether two paths name the same file: the same
// absolute path, or the same existing file (links).
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == ab {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// removeStale removes the temporary files that killed runs left in the
// output folders (see load.RemoveStale).
func removeStale(o options, stderr io.Writer) {
	seen := map[string]bool{}
	for _, path := range []string{o.out, o.jsonl, o.csv} {
		if path == "" || path == "-" {
			continue
		}
		dir := filepath.Dir(path)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		if removed := load.RemoveStale(dir); len(removed) > 0 && o.verbose {
			fmt.Fprintf(stderr, "zhibiao: removed %d temporary files left in %s by a run that was killed\n", len(removed), dir)
		}
	}
}

// sourceDate returns the time SOURCE_DATE_EPOCH (seconds since 1970, the
// reproducible-builds convention) gives, for the workbook's creation time.
func sourceDate() (time.Time, bool) {
	sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}
