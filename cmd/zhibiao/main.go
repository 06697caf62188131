// Command zhibiao turns Chinese work reports and statistical bulletins
// (PDF, Word, web pages or text) into one Excel workbook of indicators.
//
// Usage:
//
//	zhibiao convert [-o out.xlsx] [--jsonl out.jsonl] [--csv out.csv] [-j workers] [--catalog file] [-timeout d] [-v] INPUT...
//	zhibiao text INPUT
//	zhibiao version
//	zhibiao help
//
// convert reads every INPUT, a .pdf, .docx, .doc, .wps, .html, .htm or
// .txt file or a folder searched recursively for them (.doc and .wps
// through LibreOffice, when it is installed), and writes the workbook (default zhibiao.xlsx)
// and, when asked, the same records as JSON Lines ("--jsonl -" writes to
// standard output) and CSV. Inputs are processed by -j workers (default:
// the number of CPUs); the output is the same whatever -j, ordered by
// input path then position in the text.
//
// One bad input never stops a batch: an encrypted, damaged, truncated,
// image-only, empty or unreadable file, one that takes longer than
// -timeout (default 60s), or one that makes the pipeline panic becomes a
// row of sheet 文件 with its reason and a line on standard error. A
// goroutine cannot be stopped from outside, so an input that times out
// keeps its CPU and memory until its stage returns; only its result is
// dropped.
//
// Exit status:
//
//	0  every input was converted
//	3  the outputs were written but some inputs failed
//	1  nothing could be written: an output cannot be created, no input
//	   file was found among the inputs, or the run was interrupted
//	2  bad usage
//
// text prints the clean text of one input, one paragraph a line, as the
// pipeline sees it; version prints the module version.
//
// A progress bar is drawn on standard error when it is a terminal.
// Interrupting a run (Ctrl-C) removes the temporary outputs and exits 1.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitFail    = 1 // nothing could be written
	exitUsage   = 2
	exitPartial = 3 // outputs written, some inputs failed
)

const usage = `zhibiao turns work reports and statistical bulletins (PDF, Word, web pages
or text) into an Excel workbook of indicators (指标).

Usage:
  zhibiao convert [-o out.xlsx] [--jsonl out.jsonl] [--csv out.csv] [-j workers]
                  [--catalog file] [-timeout 60s] [-v] INPUT...
  zhibiao text INPUT      print the clean text of one input, one paragraph a line
  zhibiao version         print the version
  zhibiao help            print this help

INPUT is a .pdf, .docx, .doc, .wps, .html, .htm or .txt file, or a folder searched
recursively for them (.doc and .wps are read through LibreOffice when it is installed).

Example:
  zhibiao convert -o 指标.xlsx --jsonl - reports/ 2021年政府工作报告.pdf

Exit status: 0 all inputs converted, 3 outputs written but some inputs failed
(see sheet 文件), 1 nothing could be written, 2 bad usage.
Run 'zhibiao convert -h' for the flags of convert.
`

// run is the whole program: it reads no global state, so tests call it
// in-process, and it returns the exit status instead of exiting so that
// deferred clean-ups run.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "convert":
		return runConvert(rest, stdout, stderr)
	case "text":
		return runText(rest, stdout, stderr)
	case "version", "-version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "zhibiao: unknown command %q; run 'zhibiao help'\n", cmd)
		return exitUsage
	}
}
