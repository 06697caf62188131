package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Outputs are written under a temporary name in their target folder and
// renamed when complete, so that no half-written output is ever left
// under its real name. A run that is killed (SIGKILL, a power cut) cannot
// remove its temporary files; they are named so that the next run finds
// them: ".zhibiao-tmp-<pid>-<random>-<output name>" (a file, or a folder
// for excelize's own temporary files), and [RemoveStale] removes those
// whose process is gone.

// TempPrefix starts the name of every temporary file or folder zhibiao
// writes next to an output.
const TempPrefix = ".zhibiao-tmp-"

// CreateTemp creates the temporary file for the output at path, in
// path's folder. The error names the output, not the temporary file.
func CreateTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, tempPattern(base))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return f, nil
}

// tempPattern is the os.CreateTemp pattern for an output named base.
func tempPattern(base string) string {
	return TempPrefix + strconv.Itoa(os.Getpid()) + "-*-" + base
}

// RemoveStale removes from dir the temporary files and folders that
// runs no longer alive left behind, and returns their names. Files of a
// live process (another zhibiao writing to the same folder) are kept.
func RemoveStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, TempPrefix)
		if !ok {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || alive(pid) {
			continue
		}
		if os.RemoveAll(filepath.Join(dir, name)) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}

// alive reports whether process pid may still run. Only "no such
// process" counts as gone: a process of another user, or a platform that
// cannot tell, keeps its files.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return !errors.Is(err, os.ErrProcessDone)
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || !(errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH))
}
