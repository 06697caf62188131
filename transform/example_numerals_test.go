package transform_test

import (
	"fmt"

	"github.com/zhibiao/zhibiao/transform"
)

func ExampleParseNumber() {
	for _, s := range []string{"1.5万亿", "三千二百", "25,494.69", "一百零五", "两万", "１２．５", "百分之八点五", "15元"} {
		v, err := transform.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, v)
	}
	// Output:
	// 1.5万亿 1.5e+12
	// 三千二百 3200
	// 25,494.69 25494.69
	// 一百零五 105
	// 两万 20000
	// １２．５ 12.5
	// 百分之八点五 0.085
	// parse number "15元": not a number
}
