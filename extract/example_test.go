package extract_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/extract/hostile"
)

func ExampleOpen() {
	doc, err := extract.Open("../fixtures/seed-2020-jiedao.lo-serif.pdf")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Title)
	fmt.Println(len(doc.Pages), "pages,", len(doc.Paragraphs), "paragraphs")
	fmt.Println(doc.Paragraphs[1].Text, doc.Paragraphs[1].Heading)

	// Offsets are in runes; PageAt maps one back to its page.
	i := strings.Index(doc.Text, "合同外资")
	off := utf8.RuneCountInString(doc.Text[:i])
	fmt.Println("合同外资 at rune", off, "on page", doc.PageAt(off))
	fmt.Printf("dropped from page 3: %q\n", doc.Pages[2].Dropped)
	// Output:
	// 2020年度某街道工作总结和2021年度工作思路
	// 12 pages, 19 paragraphs
	// 一、2020年度工作总结 true
	// 合同外资 at rune 584 on page 2
	// dropped from page 3: ["— 3 —"]
}

func ExampleNewReader() {
	// Text copied from a web page: site furniture and a space left
	// inside a word by the copy.
	txt := "下载\n打印\n2021年某县统计公报\n　　全县地区生产总值 25 亿元，同 比增长 5.2%。\n"
	doc, err := extract.NewReader(strings.NewReader(txt), int64(len(txt)), "report.txt")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Paragraphs[1].Text)
	// Output:
	// 2021年某县统计公报
	// 全县地区生产总值25亿元，同比增长5.2%。
}

func ExampleError() {
	_, err := extract.Open("../fixtures/seed-2020-jiedao.encrypted.pdf")
	fmt.Println(errors.Is(err, extract.ErrEncrypted))
	var e *extract.Error
	if errors.As(err, &e) {
		fmt.Println(e.File)
	}
	// Output:
	// true
	// seed-2020-jiedao.encrypted.pdf
}

func ExampleOpenContext() {
	// A page whose contents name one Flate stream a hundred times: each
	// copy inflates to 3 MB. Within limits of 8 MB a page, it is refused
	// as soon as the page goes over, instead of filling the memory.
	bomb := hostile.ContentBomb(3<<20, 100, "0 0 m ", false)
	path := filepath.Join(os.TempDir(), "zhibiao-example-bomb.pdf")
	os.WriteFile(path, bomb, 0o644)
	defer os.Remove(path)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := extract.OpenContext(ctx, path, extract.Limits{PageBytes: 8 << 20})
	fmt.Println(errors.Is(err, extract.ErrTooLarge))
	fmt.Println(err)
	// Output:
	// true
	// zhibiao-example-bomb.pdf: too large: the page decodes to more than 8 MB
}

func ExampleDocument_Repairs() {
	// A fixture whose cross-reference offsets are all 7 bytes off, as a
	// file edited by hand or converted from CRLF is.
	b, err := os.ReadFile("../fixtures/seed-2020-jiedao.rl-stsong.pdf")
	if err != nil {
		log.Fatal(err)
	}
	b = hostile.ShiftOffsets(b, 7)
	doc, err := extract.NewReader(bytes.NewReader(b), int64(len(b)), "shifted.pdf")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Title)
	fmt.Println(strings.Join(doc.Repairs, "\n"))
	// Output:
	// 2020年度某街道工作总结和2021年度工作思路
	// 22 of 22 cross-reference offsets wrong: rebuilt from the 22 objects found in the file
}
