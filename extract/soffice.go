package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Word 97–2003 (.doc) and WPS (.wps) files, and RTF, are converted to
// .docx by LibreOffice (`soffice --headless --convert-to docx`) and read
// as such. Each conversion runs in a private temporary folder with a
// LibreOffice profile of its own, so that conversions running at once do
// not wait for or break each other, under a time limit; the folder is
// removed afterwards. Without LibreOffice the file fails with
// ErrNeedsConverter, whose text says what to do.

// oleNames are the UTF-16LE names of the streams that tell what an OLE
// compound file holds (its directory entries hold them as written).
var (
	oleWord      = utf16le("WordDocument")
	oleEncrypted = utf16le("EncryptedPackage")
	oleWorkbook  = utf16le("Workbook")
	olePPT       = utf16le("PowerPoint Document")
)

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// soffice returns the path of LibreOffice's command, or "".
func soffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// readConverted reads a file that LibreOffice converts to .docx first;
// format is "doc" (an OLE file: .doc, .wps) or "rtf".
func readConverted(name string, r io.ReaderAt, size int64, format string, lim markupLimits) (*Document, error) {
	if format == "doc" {
		if err := checkOLE(r, size, lim); err != nil {
			return nil, &Error{File: name, Err: err}
		}
	}
	bin := soffice()
	if bin == "" {
		return nil, &Error{File: name, Err: ErrNeedsConverter}
	}
	dir, err := os.MkdirTemp("", "zhibiao-convert-")
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("converting: %w", err)}
	}
	defer os.RemoveAll(dir)
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".doc", ".wps", ".dot", ".wpt", ".rtf":
	default:
		ext = "." + format
	}
	in := filepath.Join(dir, "input"+ext)
	if err := copyTo(in, r, size); err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("converting: %w", err)}
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), lim.convertTime)
	defer cancel()
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}).String()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--invisible",
		"--norestore", "--nolockcheck", "--convert-to", "docx", "--outdir", out, in)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	ownGroup(cmd)
	cmd.WaitDelay = 5 * time.Second // a helper process that keeps the pipes open must not hold us
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: LibreOffice took more than %v to convert it", ErrTooLarge, lim.convertTime)}
	}
	docx := filepath.Join(out, "input.docx")
	f, ferr := os.Open(docx)
	if ferr != nil {
		msg := strings.TrimSpace(stderr.String())
		if err == nil {
			err = errors.New("no output")
		}
		return nil, &Error{File: name, Err: fmt.Errorf("%w: LibreOffice could not convert it: %v %s", ErrDamaged, err, msg)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	return readDocx(name, format, f, st.Size(), lim)
}

// checkOLE looks at the streams of an OLE compound file: a Word or WPS
// document is converted; an encrypted Office file, a workbook or a
// presentation is refused with what it is.
func checkOLE(r io.ReaderAt, size int64, lim markupLimits) error {
	if size > lim.markupFile {
		return fmt.Errorf("%w: %d MB (limit %d MB)", ErrTooLarge, size>>20, lim.markupFile>>20)
	}
	b := make([]byte, size)
	if n, _ := r.ReadAt(b, 0); int64(n) < size {
		return fmt.Errorf("%w: truncated", ErrDamaged)
	}
	switch {
	case bytes.Contains(b, oleEncrypted):
		return fmt.Errorf("%w (an Office file with a password)", ErrEncrypted)
	case bytes.Contains(b, oleWord):
		return nil
	case bytes.Contains(b, oleWorkbook):
		return fmt.Errorf("%w: an Excel workbook (.xls)", ErrNotPDF)
	case bytes.Contains(b, olePPT):
		return fmt.Errorf("%w: a PowerPoint file (.ppt)", ErrNotPDF)
	}
	return fmt.Errorf("%w: an OLE file that holds no Word document", ErrNotPDF)
}

// copyTo writes the size bytes of r to a new file at path.
func copyTo(path string, r io.ReaderAt, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, io.NewSectionReader(r, 0, size)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
