package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// Causes of failure found by cmd itself rather than by a stage.
var (
	errTimeout  = errors.New("timeout")
	errInternal = errors.New("internal error")
	errFolder   = errors.New("is a folder")
)

// reason says why an input failed, in words a clerk understands, for
// sheet 文件 and standard error. It is the one place where failures are
// told apart.
func reason(err error) string {
	switch {
	case errors.Is(err, extract.ErrEncrypted):
		return "加密，需要密码 (encrypted)"
	case errors.Is(err, extract.ErrNoText):
		return "无文字层：扫描件，暂不支持OCR (no text layer)"
	case errors.Is(err, extract.ErrTooLarge):
		return "文件过大或过于复杂 (too large)"
	case errors.Is(err, extract.ErrDamaged):
		return "文件损坏或不完整 (damaged)"
	case errors.Is(err, extract.ErrEmpty):
		return "空文件 (empty)"
	case errors.Is(err, extract.ErrNotPDF):
		return "不支持的文件格式 (not a PDF, Word, web page or text file)"
	case errors.Is(err, extract.ErrNeedsConverter):
		return "旧版Word/WPS文件：请安装LibreOffice或另存为.docx (install LibreOffice or save as .docx)"
	case errors.Is(err, errTimeout), errors.Is(err, context.DeadlineExceeded):
		return "处理超时 (timeout)"
	case errors.Is(err, context.Canceled):
		return "已中断 (interrupted)"
	case errors.Is(err, errInternal):
		return "内部错误 (internal error)"
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在 (not found)"
	case errors.Is(err, fs.ErrPermission):
		return "无权读取 (permission denied)"
	case errors.Is(err, errFolder):
		return "是文件夹，不是文件 (a folder)"
	case errors.Is(err, extract.ErrNotRegular):
		return "不是普通文件 (not a regular file)"
	default:
		return "无法读取 (unreadable)"
	}
}

// partReason says, for sheet 文件, why a converted input was read only in
// part.
func partReason(err error) string {
	switch {
	case errors.Is(err, extract.ErrUndecoded):
		return "部分文字无法解码，请核对 (undecodable fonts)"
	case errors.Is(err, extract.ErrTooLarge):
		return "过大，只读取了一部分 (too large, read in part)"
	case errors.Is(err, extract.ErrTruncated):
		return "文件不完整，可能缺少内容 (truncated)"
	}
	return "部分页面无法读取 (read in part)"
}

// repairedReason is the status of a file read whole after repairs.
const repairedReason = "已修复，请核对 (repaired)"

// partNote gives the status and the note of a converted input that was
// read in part (err) or had to be repaired; "", "" for a sound file.
func partNote(err error, repairs []string) (reason, note string) {
	var parts []string
	if err != nil {
		reason = partReason(err)
		parts = append(parts, err.Error())
	} else if len(repairs) > 0 {
		reason = repairedReason
	}
	if len(repairs) > 0 {
		parts = append(parts, "repaired: "+strings.Join(repairs, "; "))
	}
	return reason, strings.Join(parts, "; ")
}

// checkFile reports a missing input, a folder or a file that is not a
// regular file (a named pipe would block the reader) before the stage
// sees it, so that those failures have a reason of their own.
func checkFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s: %w", path, errFolder)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %w", path, extract.ErrNotRegular)
	}
	return nil
}
