package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: zhibiao version")
		return exitUsage
	}
	fmt.Fprintf(stdout, "zhibiao %s\n", version())
	return exitOK
}

// version returns the module version stamped by the go command, or
// "(devel)" for a build from a working tree without one.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
