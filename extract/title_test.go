package extract

import "testing"

func TestCoverTitle(t *testing.T) {
	// c is a centred paragraph on a page in a size, b a paragraph of body
	// text (10 pt, not centred).
	c := func(page int, size float64, text string) para {
		return para{text: text, page: page, size: size, centred: true}
	}
	b := func(page int, text string) para { return para{text: text, page: page, size: 10} }
	tests := []struct {
		name  string
		paras []para
		want  string
	}{
		{"issuer over report name, then a date", []para{
			c(1, 18, "东北电气发展股份有限公司"), c(1, 16, "2018年第一季度报告"), c(1, 16, "2018年04月"),
			c(2, 16, "第一节重要提示"), b(2, "公司董事会、监事会及董事、监事、高级管理人员保证季度报告内容的真实。"),
		}, "东北电气发展股份有限公司2018年第一季度报告"},
		{"a header row before the title", []para{
			{text: "公司代码：600519\t公司简称：贵州茅台", page: 1, size: 10.6},
			c(1, 22, "贵州茅台酒股份有限公司2020年年度报告"),
			c(2, 14, "重要提示"), b(2, "一、本公司董事会保证年度报告内容的真实、准确、完整。"),
		}, "贵州茅台酒股份有限公司2020年年度报告"},
		{"a cover with no body text and an English name", []para{
			c(1, 26, "安徽安利合成革股份有限公司ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD."), c(1, 26, "2011年年度报告"),
			c(1, 18, "股票代码：300218"), c(1, 18, "披露日期：2012年3月27日"),
		}, "安徽安利合成革股份有限公司2011年年度报告"},
		{"a headline beside a column of ratings", []para{
			b(1, "[Table_Main]"), c(1, 14, "增持（维持）"), b(1, "所属行业：机械设备"),
			c(1, 20, "高测股份（688556.SH）：扩产4000万公里金刚线，强化光伏硅片切割三元布局"), b(1, "投资要点"),
		}, "高测股份（688556.SH）：扩产4000万公里金刚线，强化光伏硅片切割三元布局"},
		{"a table of contents first: its headings are no title", []para{
			c(1, 14, "目录Contents"), b(1, "术语定义Terms and Definitions ........................ 1"),
			b(1, "1样品电性能指标Cell Performance ........................ 3"),
			b(2, "1.8安全与可靠性Safety and reliability ........................ 11"),
			b(2, "1.9电池自放电性能Self-discharge performance ........................ 12"),
			c(3, 16, "术语定义Terms and Definitions"), b(3, "本产品标准中的“产品”是指蜂巢能源公司生产的可充电锂电池。"),
		}, ""},
		{"a cover, then the table of contents", []para{
			c(1, 27, "上海市普陀区财政局2024年度部门决算"), c(2, 18, "目录"), b(2, "第一部分上海市普陀区财政局概况"),
		}, "上海市普陀区财政局2024年度部门决算"},
		{"body text only", []para{
			b(1, "短期借款878 727 1,923 4,449 5,045 4,588"), b(1, "其中：短期借款370 420 1,153 3,449"),
		}, ""},
		{"a numbered heading is no title", []para{
			b(1, "盐城高新区投资集团有限公司2023年度第四期超短期融资券募集说明书"), c(1, 14, "第七章企业资信状况"),
			b(1, "一、发行人历史信用评级情况"),
		}, ""},
	}
	for _, tt := range tests {
		if got := coverTitle(tt.paras, 10); got != tt.want {
			t.Errorf("%s: coverTitle = %q, want %q", tt.name, got, tt.want)
		}
	}
}
