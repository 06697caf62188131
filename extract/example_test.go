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
	_, err := extract.Open("../testdata/unreadable/seed-2020-jiedao.encrypted.pdf")
	fmt.Println(errors.Is(err, extract.ErrEncrypted))
	var e *extract.Error
	if errors.As(err, &e) {
		fmt.Println(e.File)
	}
	// Output:
	// true
	// seed-2020-jiedao.encrypted.pdf
}

func ExampleOpen_docx() {
	// A Word file: list numbers as Word shows them, tables with their
	// merged cells, a caption and a unit note taken from above the table.
	doc, err := extract.Open("../fixtures/table-2021-county.wps.docx")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Format, len(doc.Pages), "pages:", doc.Title)
	t := doc.Tables[0]
	fmt.Println(t.Caption, t.Notes, "header rows:", t.Header)
	fmt.Printf("%q spans %d rows; %q spans %d columns\n", t.Rows[0][0].Text, t.Rows[0][0].RowSpan, t.Rows[0][2].Text, t.Rows[0][2].ColSpan)
	fmt.Println(t.RowText(2))
	// Output:
	// docx 2 pages: 2021年某县国民经济和社会发展统计公报
	// 表1 2021年主要经济指标 [单位：亿元] header rows: 2
	// "指标" spans 2 rows; "2021年" spans 2 columns
	// 地区生产总值	亿元	325.6	8.1
}

func ExampleOpen_html() {
	// A government web page in GBK: only the article is read; navigation,
	// publication line, toolbars and footer give nothing.
	doc, err := extract.Open("../fixtures/table-2021-county.gbk.html")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Format, doc.Title)
	fmt.Println(doc.Paragraphs[1].Text, doc.Paragraphs[1].Heading)
	fmt.Println(strings.Contains(doc.Text, "ICP"), strings.Contains(doc.Text, "浏览次数"))
	// Output:
	// html 2021年某县国民经济和社会发展统计公报
	// 一、综合 true
	// false false
}

func ExampleDocument_tables() {
	// A budget whose cell borders are thin filled rectangles, as Word and
	// WPS draw them; its second table runs over two pages.
	doc, err := extract.Open("../fixtures/table-2023-budget.word-rect.pdf")
	if err != nil {
		log.Fatal(err)
	}
	t := doc.Tables[1]
	fmt.Println(t.Caption, t.Notes, t.Source)
	fmt.Println(len(t.Rows), "rows,", t.Header, "header row, pages", t.Rows[1][0].Page, "to", t.Rows[len(t.Rows)-1][0].Page)
	fmt.Println(t.RowText(0))
	fmt.Println(t.RowText(3))

	// Cells hold their rune offsets in the clean text, where the table
	// stands as its caption and TAB-joined rows.
	c := t.Rows[3][1]
	fmt.Println(c.Text, string([]rune(doc.Text)[c.Offset:c.Offset+4]))

	// Merged cells: the first table's header 收入 spans two columns.
	h := doc.Tables[0].Rows[0][0]
	fmt.Println(h.Text, h.ColSpan, doc.Tables[0].At(0, 1))
	// Output:
	// 表2 2023年一般公共预算支出功能分类预算表 [金额单位：万元] ruled
	// 31 rows, 1 header row, pages 1 to 2
	// 科目编码	科目名称	合计	基本支出	项目支出	上年预算数	增减（%）
	// 2010601	行政运行	4862.37	4862.37	0.00	4615.08	5.4
	// 行政运行 行政运行
	// 收入 2 收入
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

// PageCount tells how long a PDF is without reading its pages: enough to
// start the longest files of a batch first.
func ExamplePageCount() {
	n, err := extract.PageCount("../fixtures/seed-2020-jiedao.lo-spaced.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n, "pages")
	// Output: 7 pages
}
