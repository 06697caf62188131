package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

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
	case errors.Is(err, extract.ErrDamaged):
		return "文件损坏或不完整 (damaged)"
	case errors.Is(err, extract.ErrEmpty):
		return "空文件 (empty)"
	case errors.Is(err, extract.ErrNotPDF):
		return "不支持的文件格式 (not a PDF, Word, web page or text file)"
	case errors.Is(err, extract.ErrNeedsConverter):
		return "旧版Word/WPS文件：请安装LibreOffice或另存为.docx (install LibreOffice or save as .docx)"
	case errors.Is(err, extract.ErrTooLarge):
		return "文件过大或结构异常 (too large)"
	case errors.Is(err, errTimeout):
		return "处理超时 (timeout)"
	case errors.Is(err, errInternal):
		return "内部错误 (internal error)"
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在 (not found)"
	case errors.Is(err, fs.ErrPermission):
		return "无权读取 (permission denied)"
	case errors.Is(err, errFolder):
		return "是文件夹，不是文件 (a folder)"
	default:
		return "无法读取 (unreadable)"
	}
}

// partReason says, for sheet 文件, why a converted input was read only in
// part.
func partReason(err error) string {
	if errors.Is(err, extract.ErrUndecoded) {
		return "部分文字无法解码，请核对 (undecodable fonts)"
	}
	return "部分页面无法读取 (read in part)"
}

// checkFile reports a missing input or a folder before the stage sees it,
// so that those failures have a reason of their own.
func checkFile(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s: %w", path, errFolder)
	}
	return nil
}
