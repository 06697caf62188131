package transform_test

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

func ExampleTransformer_Indicators() {
	lines := []string{
		"2020年度某街道工作总结和2021年度工作思路",
		"一、2020年度工作总结",
		"预计实现税收总收入15亿元，同比下降15%。",
	}
	doc := &extract.Document{Name: "report.txt", Title: lines[0]}
	off := 0
	for _, l := range lines {
		doc.Paragraphs = append(doc.Paragraphs, extract.Paragraph{Text: l, Page: 1, Offset: off})
		off += utf8.RuneCountInString(l) + 1
	}
	doc.Text = strings.Join(lines, "\n")
	doc.Pages = []extract.Page{{Number: 1, Start: 0, End: utf8.RuneCountInString(doc.Text)}}

	t, err := transform.New(transform.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range t.Indicators(doc) {
		fmt.Printf("%s: %v %s = %v %s, yoy %v (%s), %s, %s, period %s\n",
			r.Name, *r.Value, r.Unit, *r.StdValue, r.StdUnit, *r.YoY, r.Basis, r.Status, r.Section, r.Period)
	}
	// Output:
	// 税收总收入: 15 亿元 = 1.5e+09 元, yoy -15 (同比), estimate, 一、2020年度工作总结, period 2020
}

func ExampleTransformer_IndicatorsInWindows() {
	// A long document's records are put aside as they are made (here in
	// a slice; zhibiao's command writes them to a temporary file), then
	// finished together: the same records Indicators returns.
	lines := []string{"某县统计公报", "全县地区生产总值120亿元，比上年增长5.2%。", "粮食总产量35万吨。"}
	doc := &extract.Document{Name: "bulletin.txt", Title: lines[0], Text: strings.Join(lines, "\n")}
	off := 0
	for _, l := range lines {
		doc.Paragraphs = append(doc.Paragraphs, extract.Paragraph{Text: l, Page: 1, Offset: off})
		off += utf8.RuneCountInString(l) + 1
	}
	t, err := transform.New(transform.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var aside []transform.Indicator
	finish, err := t.IndicatorsInWindows(doc, func(recs []transform.Indicator) error {
		aside = append(aside, recs...)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	finish(aside)
	for _, r := range aside {
		fmt.Printf("%s %v %s\n", r.Name, *r.Value, r.Unit)
	}
	// Output:
	// 全县地区生产总值 120 亿元
	// 粮食总产量 35 万吨
}

func ExampleConvertUnit() {
	// 粮食产量 1.4万亿斤 in one report and 7.07亿吨 in another compare in 吨.
	v, ok := transform.ConvertUnit(1.4e12, "斤", "吨")
	fmt.Println(v, ok, transform.Dimension("斤"), transform.Dimension("家"))
	_, ok = transform.ConvertUnit(3, "吨", "元")
	fmt.Println(ok)
	// Output:
	// 7e+08 true 质量 件数
	// false
}

func ExampleAddReview() {
	r := transform.Indicator{Name: "项目", Review: "表格单元无单位"}
	transform.AddReview(&r, "名称过泛")
	transform.AddReview(&r, "名称过泛") // once is enough
	fmt.Println(r.Review)
	// Output:
	// 表格单元无单位；名称过泛
}
