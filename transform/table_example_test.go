package transform_test

import (
	"fmt"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/transform"
)

// A table's figures are records too: one per row and measured quantity,
// its unit from the row's 计量单位 cell, its period from the column header
// and its growth from the column beside it; the record's Table is the
// caption and its Sentence the row read with its headers.
func ExampleTransformer_Indicators_table() {
	text := "2021年某市国民经济和社会发展统计公报\n" +
		"表2 2021年主要工业产品产量情况\n" +
		"产品名称\t计量单位\t2021年\t比上年增长（%）\n" +
		"水泥\t万吨\t731.63\t-2.9\n" +
		"汽车\t辆\t356605\t-2.0\n" +
		"#新能源汽车\t辆\t50473\t119.1\n"
	doc, err := extract.NewReader(strings.NewReader(text), int64(len(text)), "report.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	t, err := transform.New(transform.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range t.Indicators(doc) {
		fmt.Printf("%s: %v %s = %v %s, yoy %v, period %s\n", r.Name, *r.Value, r.Unit, *r.StdValue, r.StdUnit, *r.YoY, r.Period)
	}
	recs := t.Indicators(doc)
	fmt.Println(recs[0].Table)
	fmt.Println(recs[0].Sentence)
	// Output:
	// 水泥: 731.63 万吨 = 7.3163e+06 吨, yoy -2.9, period 2021
	// 汽车: 356605 辆 = 356605 辆, yoy -2, period 2021
	// 新能源汽车: 50473 辆 = 50473 辆, yoy 119.1, period 2021
	// 表2 2021年主要工业产品产量情况
	// 水泥：计量单位 万吨，2021年 731.63，比上年增长（%） -2.9
}
