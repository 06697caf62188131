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
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

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
	verbose bool
}

func runConvert(args []string, stdout, stderr io.Writer) int {
	var o options
	flags := flag.NewFlagSet("convert", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&o.out, "o", "zhibiao.xlsx", "write the workbook to `file`")
	flags.StringVar(&o.jsonl, "jsonl", "", "also write the records as JSON Lines to `file` (- for standard output)")
	flags.StringVar(&o.csv, "csv", "", "also write the records as CSV to `file`")
	flags.IntVar(&o.workers, "j", 0, "process `n` inputs at once (0: one per CPU)")
	flags.StringVar(&o.catalog, "catalog", "", "add the indicator names of `file` to the built-in catalog")
	flags.DurationVar(&o.timeout, "timeout", 60*time.Second, "give up on an input after `duration` (0: no limit)")
	flags.BoolVar(&o.verbose, "v", false, "report every input, and the stack of internal errors")
	flags.Usage = func() {
		fmt.Fprint(stderr, "usage: zhibiao convert [flags] INPUT...\n\nINPUT is a .pdf, .docx, .doc, .wps, .html, .htm or .txt file, or a folder searched\nrecursively for them (.doc and .wps are read through LibreOffice when it is installed).\nFlags may come before or after the inputs.\n\n")
		flags.PrintDefaults()
		fmt.Fprint(stderr, "\nExample:\n  zhibiao convert -o 指标.xlsx --jsonl out.jsonl reports/\n")
	}
	// Accept flags after inputs too: parse, take one input, parse the rest.
	var inputs []string
	for {
		if err := flags.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return exitOK
			}
			return exitUsage
		}
		rest := flags.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			inputs = append(inputs, rest...) // all that follows "--" is an input
			break
		}
		if len(rest) == 0 {
			break
		}
		inputs = append(inputs, rest[0])
		args = rest[1:]
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
	}

	if o.workers == 0 {
		o.workers = runtime.NumCPU()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	paths, err := collect(inputs)
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "zhibiao: no %s file found in %s\n", strings.Join(inputExts, " "), strings.Join(inputs, " "))
		return exitFail
	}
	if err := checkOutputs(o); err != nil { // before the slow start of transform
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	loading := newProgress(stderr, 0)
	loading.note("正在加载词典 (loading the dictionary)…")
	tr, err := transform.New(transform.Config{Catalog: o.catalog})
	loading.clear()
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	return convert(ctx, o, tr, paths, stdout, stderr)
}

// collect expands the inputs into the sorted list of files to convert:
// files named on the command line whatever their extension (so that a
// wrong file gets a row saying why), and the files with an input
// extension (see inputExts) found under folders. A name that does not exist is kept: it becomes a failed
// row.
func collect(inputs []string) ([]string, error) {
	var paths []string
	for _, in := range inputs {
		fi, err := os.Stat(in)
		if err != nil || !fi.IsDir() {
			paths = append(paths, filepath.Clean(in))
			continue
		}
		err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == in {
					return err
				}
				paths = append(paths, path) // an unreadable subfolder: a failed row
				return nil
			}
			if !d.IsDir() && wanted(path) {
				paths = append(paths, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(paths)
	return slices.Compact(paths), nil
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
	file  load.File
	recs  []transform.Indicator
	stack []byte // of an internal error
}

// convert runs the pipeline over paths:
//
//	paths ──workers: extract.Open, Indicators──▶ results in input order ──▶ sinks (workbook, JSONL, CSV)
//
// Only Ctrl-C (ctx) or an output that cannot be written stops it; a
// failed input is a result like any other.
func convert(ctx context.Context, o options, tr indexer, paths []string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	outs, err := openOutputs(o, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	defer outs.abort() // no-op after commit

	rep := &reporter{w: stderr, verbose: o.verbose, bar: newProgress(stderr, len(paths))}
	work := func(path string) result { return process(ctx, tr, path, o.timeout) }
	for r := range ordered(ctx, paths, o.workers, work) {
		if err := outs.add(r.file, r.recs); err != nil {
			rep.bar.clear()
			fmt.Fprintf(stderr, "zhibiao: %v\n", err)
			return exitFail
		}
		rep.add(r)
	}
	rep.bar.clear()
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "zhibiao: interrupted; nothing written")
		return exitFail
	}
	if err := outs.commit(); err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	return rep.done(o.out)
}

// ordered runs work on every path with n goroutines and yields the
// results in the order of paths, whatever order they finish in, so that
// the output does not depend on n. At most 2n results wait to be yielded:
// a slow input cannot make the others pile up in memory. It stops early
// when ctx is done.
func ordered(ctx context.Context, paths []string, n int, work func(string) result) iter.Seq[result] {
	return func(yield func(result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		window := 2 * n
		tokens := make(chan struct{}, window) // one per result not yet yielded
		jobs := make(chan int)
		type indexed struct {
			i int
			r result
		}
		results := make(chan indexed, window) // never blocks a worker
		go func() {
			defer close(jobs)
			for i := range paths {
				select {
				case tokens <- struct{}{}:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- i:
				case <-ctx.Done():
					return
				}
			}
		}()
		for range min(n, len(paths)) {
			go func() {
				for i := range jobs {
					results <- indexed{i, work(paths[i])}
				}
			}()
		}
		pending := make(map[int]result, window)
		for next := 0; next < len(paths) && ctx.Err() == nil; {
			r, ok := pending[next]
			if !ok {
				select {
				case ir := <-results:
					pending[ir.i] = ir.r
				case <-ctx.Done():
				}
				continue
			}
			delete(pending, next)
			<-tokens
			next++
			if !yield(r) {
				return
			}
		}
	}
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
			fmt.Fprintf(rep.w, "\t%s\n", f.Note)
		}
	}
	rep.bar.step(f.Name, f.Err != nil)
}

// done prints the count of failures and returns the exit status.
func (rep *reporter) done(out string) int {
	if rep.failed > 0 {
		fmt.Fprintf(rep.w, "zhibiao: %d of %d inputs failed (see sheet 文件 of %s)\n", rep.failed, rep.bar.done, out)
		return exitPartial
	}
	if rep.verbose {
		fmt.Fprintf(rep.w, "zhibiao: %d inputs, %d records written to %s\n", rep.bar.done, rep.records, out)
	}
	return exitOK
}

// process converts one input; it never panics and never takes much longer
// than timeout. A Go goroutine cannot be killed, so an input that times
// out keeps its goroutine (and its CPU and memory) until the stage returns
// on its own; its result is then dropped.
func process(ctx context.Context, tr indexer, path string, timeout time.Duration) result {
	start := time.Now()
	done := make(chan result, 1) // buffered: a late worker must not block forever
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{stack: debug.Stack()}
				r.file.Err = fmt.Errorf("%w: %v", errInternal, p)
			}
			done <- r
		}()
		doc, err := open(path)
		if doc == nil {
			r.file.Err = err
			return
		}
		r.recs = tr.Indicators(doc)
		r.file.Tables = transform.Tables(doc)
		r.file.Title = doc.Title
		r.file.Format = doc.Format
		r.file.Pages = len(doc.Pages)
		r.file.Chars = utf8.RuneCountInString(doc.Text)
		if y := transform.ReportYear(doc); y > 0 {
			r.file.Year = strconv.Itoa(y)
		}
		if err != nil { // read in part
			r.file.Note = fmt.Sprintf("%s: %v", partReason(err), err)
			transform.ReadErrorReview(r.recs, err) // the records of the pages concerned say so
		}
	}()
	var r result
	var timer <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		timer = t.C
	}
	select {
	case r = <-done:
	case <-timer:
		r.file.Err = fmt.Errorf("%w after %v", errTimeout, timeout)
	case <-ctx.Done():
		r.file.Err = ctx.Err()
	}
	r.file.Path = path
	r.file.Name = filepath.Base(path)
	r.file.Seconds = time.Since(start).Seconds()
	if r.file.Err != nil {
		r.file.Reason = reason(r.file.Err)
		r.recs = nil
	}
	return r
}

// outputs are the sinks of a run and the temporary files behind them.
type outputs struct {
	wb    *load.Workbook
	sinks []load.Sink
	files []*tempFile
}

// openOutputs creates every output at once, so that an unwritable one is
// reported before any input is read.
func openOutputs(o options, stdout io.Writer) (*outputs, error) {
	outs := &outputs{}
	wb, err := load.NewWorkbook(o.out)
	if err != nil {
		return nil, err
	}
	if t, ok := sourceDate(); ok {
		wb.SetCreated(t) // a reproducible workbook
	}
	outs.wb = wb
	outs.sinks = append(outs.sinks, wb)
	for _, s := range []struct {
		path string
		make func(io.Writer) load.Sink
	}{
		{o.jsonl, func(w io.Writer) load.Sink { return load.NewJSONL(w) }},
		{o.csv, func(w io.Writer) load.Sink { return load.NewCSV(w) }},
	} {
		switch s.path {
		case "":
			continue
		case "-":
			outs.sinks = append(outs.sinks, s.make(stdout))
			continue
		}
		tf, err := createTemp(s.path)
		if err != nil {
			outs.abort()
			return nil, err
		}
		outs.files = append(outs.files, tf)
		outs.sinks = append(outs.sinks, s.make(tf.f))
	}
	return outs, nil
}

func (outs *outputs) add(f load.File, recs []transform.Indicator) error {
	for _, s := range outs.sinks {
		if err := s.Add(f, recs); err != nil {
			return err
		}
	}
	return nil
}

// commit closes every sink and moves the outputs into place.
func (outs *outputs) commit() error {
	var errs []error
	for _, s := range outs.sinks {
		errs = append(errs, s.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, tf := range outs.files {
		if err := tf.commit(); err != nil {
			return err
		}
	}
	outs.files, outs.wb = nil, nil
	return nil
}

// abort removes every temporary output.
func (outs *outputs) abort() {
	if outs.wb != nil {
		outs.wb.Abort()
		outs.wb = nil
	}
	for _, tf := range outs.files {
		tf.abort()
	}
	outs.files = nil
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

// A tempFile is an output written under a temporary name in its target
// folder and renamed when complete.
type tempFile struct {
	f    *os.File
	path string
}

// checkOutputs reports an output that cannot be created, by creating and
// removing its temporary file.
func checkOutputs(o options) error {
	for _, path := range []string{o.out, o.jsonl, o.csv} {
		if path == "" || path == "-" {
			continue
		}
		tf, err := createTemp(path)
		if err != nil {
			return err
		}
		tf.abort()
	}
	return nil
}

func createTemp(path string) (*tempFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) { // name the output, not the temporary file
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &tempFile{f: f, path: path}, nil
}

func (t *tempFile) commit() error {
	err := t.f.Chmod(0o644)
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(t.f.Name(), t.path)
	}
	if err != nil {
		os.Remove(t.f.Name())
	}
	return err
}

func (t *tempFile) abort() {
	t.f.Close()
	os.Remove(t.f.Name())
}
