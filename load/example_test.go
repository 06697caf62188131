package load_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/load"
	"github.com/zhibiao/zhibiao/transform"
)

func ExampleNewJSONL() {
	v, std, yoy := 15.0, 1.5e9, -15.0
	rec := transform.Indicator{
		Doc: "report.txt", Page: 1, Section: "一、2020年度工作总结", Period: "2020",
		Name: "税收总收入", Canonical: "税收收入", Value: &v, Unit: "亿元",
		StdValue: &std, StdUnit: "元", YoY: &yoy, Basis: "同比",
		Status: transform.Estimate, Bound: transform.Exact,
		Sentence: "预计实现税收总收入15亿元,同比下降15%", Offset: 57,
	}
	sink := load.NewJSONL(os.Stdout)
	if err := sink.Add(load.File{Name: "report.txt"}, []transform.Indicator{rec}); err != nil {
		fmt.Println(err)
	}
	if err := sink.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"doc":"report.txt","page":1,"section":"一、2020年度工作总结","period":"2020","name":"税收总收入","canonical":"税收收入","value":15,"unit":"亿元","std_value":1500000000,"std_unit":"元","yoy":-15,"basis":"同比","pp":null,"completion":null,"delta":null,"status":"estimate","bound":"=","max":null,"table":"","sentence":"预计实现税收总收入15亿元,同比下降15%","offset":57,"review":""}
}

func ExampleNewCSV() {
	v, std := 25494.69, 254946900.0
	rec := transform.Indicator{
		Doc: "report.txt", Page: 2, Period: "2020", Name: "实际利用外资", Value: &v, Unit: "万美元",
		StdValue: &std, StdUnit: "美元", Status: transform.Actual, Bound: transform.Exact,
		Sentence: "实际利用外资25494.69万美元", Offset: 812,
	}
	var out strings.Builder
	sink := load.NewCSV(&out)
	if err := sink.Add(load.File{Name: "report.txt"}, []transform.Indicator{rec}); err != nil {
		fmt.Println(err)
	}
	if err := sink.Close(); err != nil {
		fmt.Println(err)
	}
	text, bom := strings.CutPrefix(out.String(), "\ufeff")
	fmt.Println("byte order mark:", bom)
	fmt.Print(text)
	// Output:
	// byte order mark: true
	// doc,page,section,period,name,canonical,value,unit,std_value,std_unit,yoy,basis,pp,completion,delta,status,bound,max,table,sentence,offset,review
	// report.txt,2,,2020,实际利用外资,,25494.69,万美元,254946900,美元,,,,,,actual,=,,,实际利用外资25494.69万美元,812,
}

func ExampleNewWorkbook() {
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "指标.xlsx")
	w, err := load.NewWorkbook(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	w.SetCreated(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)) // the same file from run to run
	for i, tons := range []float64{9e5, 8e5} {
		v := tons
		rec := transform.Indicator{
			Doc: fmt.Sprintf("r%d.txt", i+1), Period: "2023", Name: "粮食产量", Canonical: "粮食产量",
			StdValue: &v, StdUnit: "吨", Status: transform.Actual, Bound: transform.Exact,
		}
		if err := w.Add(load.File{Name: rec.Doc}, []transform.Indicator{rec}); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
		return
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()
	fmt.Println(x.GetSheetList())
	rows, _ := x.GetRows(load.SheetSummary)
	fmt.Printf("%q\n", rows[2])
	// Output:
	// [指标 汇总 表格 文件]
	// ["粮食产量" "万吨" "2" "90" "80"]
}
func ExampleWorkbook_CloseContext() {
	dir, _ := os.MkdirTemp("", "zhibiao-example")
	defer os.RemoveAll(dir)
	w, err := load.NewWorkbook(filepath.Join(dir, "out.xlsx"))
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Add(load.File{Name: "report.txt"}, nil)
	// Ctrl-C while the workbook is assembled: nothing is written, and
	// no temporary file is left.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(w.CloseContext(ctx))
	entries, _ := os.ReadDir(dir)
	fmt.Println(len(entries), "files")
	// Output:
	// workbook: context canceled
	// 0 files
}

func ExampleRemoveStale() {
	dir, _ := os.MkdirTemp("", "zhibiao-example")
	defer os.RemoveAll(dir)
	// What a run killed with SIGKILL leaves: its temporary workbook,
	// named after the process (here one that cannot exist).
	os.WriteFile(filepath.Join(dir, load.TempPrefix+"999999999-1234-out.xlsx"), []byte("half"), 0o644)
	fmt.Println(load.RemoveStale(dir))
	// Output:
	// [.zhibiao-tmp-999999999-1234-out.xlsx]
}
