package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/zhibiao/zhibiao/extract"
)

// runText prints the clean text of one input, one paragraph a line.
// A file that could be read only in part is printed, with a warning on
// standard error.
func runText(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: zhibiao text INPUT") }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	path := fs.Arg(0)
	doc, err := open(context.Background(), path, extract.Limits{})
	if doc == nil {
		fmt.Fprintf(stderr, "zhibiao: %s: %s: %v\n", path, reason(err), err)
		return exitFail
	}
	if reason, note := partNote(err, doc.Repairs); note != "" {
		fmt.Fprintf(stderr, "zhibiao: %s: %s: %s\n", path, reason, note)
	}
	w := bufio.NewWriter(stdout)
	io.WriteString(w, doc.Text)
	w.WriteByte('\n')
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "zhibiao: %v\n", err)
		return exitFail
	}
	return exitOK
}

// open reads one input within limits and ctx. It returns a nil Document
// when nothing could be read, and a Document with an error when only
// part of it could.
func open(ctx context.Context, path string, lim extract.Limits) (doc *extract.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%w: %v", errInternal, p)
		}
	}()
	if err := checkFile(path); err != nil {
		return nil, err
	}
	doc, err = extract.OpenContext(ctx, path, lim)
	if doc != nil && len(doc.Pages) == 0 && doc.Text == "" && err != nil {
		doc = nil
	}
	return doc, err
}
