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
// Each input's records carry its doc: its path relative to the folder
// named on the command line, or the base name of a file named directly
// (two inputs that would share one keep their paths as given).
//
// One bad input never stops a batch: an encrypted, damaged, truncated,
// image-only, empty or unreadable file, one that goes over the resource
// limits of package extract (extract.Limits: decoded bytes, operators,
// forms, pages), one that takes longer than -timeout (default 60s), or
// one that makes the pipeline panic becomes a row of sheet 文件 with its
// reason and a line on standard error; the reading of an input that
// times out is stopped. A file read in part, or only after repairs (a
// rebuilt cross-reference table, stream lengths corrected, invalid bytes
// replaced), is converted with a status other than "ok" and a note, and
// named on standard error.
//
// The outputs are checked before any work: an output that is a folder,
// in a folder that does not exist, one of the inputs (or an existing
// report: "--csv r.txt" taken for a switch), or the path of another
// output is bad usage. Each output is independent: one that cannot be
// written is reported and the others are written.
//
// Exit status:
//
//	0  every input was converted
//	3  the outputs were written but some inputs failed
//	1  an output could not be written (the others were), no input
//	   file was found among the inputs, or the run was interrupted
//	2  bad usage
//
// text prints the clean text of one input, one paragraph a line, as the
// pipeline sees it; version prints the module version.
//
// A progress bar is drawn on standard error when it is a terminal.
// Interrupting a run — Ctrl-C, SIGTERM, SIGHUP (the terminal closed), or
// standard output closed by its reader ("--jsonl - | head") — up to the
// final rename removes the temporary outputs, keeps the previous outputs
// and exits 1. Temporary outputs are named ".zhibiao-tmp-PID-…" in the
// output's folder; a run that is killed (SIGKILL) cannot remove them,
// and the next run writing to that folder removes those whose process
// is gone.
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
