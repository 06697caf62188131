package transform

import (
	"strings"
	"testing"
)

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"预计实现税收总收入", "税收总收入"},
		{"全年预计可完成规上工业总产值", "规上工业总产值"},
		{"其中规上数字经济产值", "规上数字经济产值"},
		{"战略新兴产业增加值占比达", "战略新兴产业增加值占比"},
		{"累计完工面积达", "完工面积"},
		{"实现城乡居民人均可支配收入", "城乡居民人均可支配收入"},
		{"地区生产总值[2]", "地区生产总值"},
		{"“四上”企业 ", "四上企业"},
		{"省瞪羚企业⑤ ", "省瞪羚企业"},
		{"2023年全市实现地区生产总值", "全市实现地区生产总值"},
		{"同时引进50亿项目", "50亿项目"},
		{"发明专利拥有量达到", "发明专利拥有量"},
		{"收储面积不少于", "收储面积"},
		{"规 上 数 字经济产值", "规上数字经济产值"},
		{"（水产类）榜首，综合产值", "综合产值"},
		{"省级研发(技术)中心", "省级研发(技术)中心"},
		{"为", ""},
	}
	for _, tt := range tests {
		in := []rune(tt.in)
		// cleanName sees one clause: cut as levelName would.
		in = in[clauseStart(in, 0, len(in), false):]
		if got := cleanName(in); got != tt.want {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevelName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"预计实现税收总收入⟦15亿元⟧", "税收总收入"},
		{"⟦81个⟧项目纳入工信部计划", "项目"},
		{"省政府十大民生实事⟦44项⟧具体任务全部完成", "具体任务"},
		{"洛阳等⟦10个⟧国家物流枢纽", "国家物流枢纽"},
		{"城镇新增就业⟦1200万人⟧以上；", "城镇新增就业"},
		{"行政村和⟦20户⟧以上自然村", "自然村"},
		{"惠及⟦1100多万人⟧。", "惠及"},
		{"⟦44项⟧具体任务全部完成", "具体任务"},
		{"储备国家级、省级引才计划人才⟦16名⟧", "省级引才计划人才"},
		{"引进50亿项目⟦1个⟧", "50亿项目"},
	}
	for _, tt := range tests {
		text, q := marked(tt.in, kindAmount)
		q.StdUnit = string(text[q.End-1])
		if got := levelName(text, 0, q); got != tt.want {
			t.Errorf("levelName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitSubjects(t *testing.T) {
	tests := []struct{ in, want string }{
		{"规上工业增加值、固定资产投资、社会消费品零售总额、一般公共预算收入", "规上工业增加值|固定资产投资|社会消费品零售总额|一般公共预算收入"},
		{"第一产业、第二产业和第三产业", "第一产业|第二产业|第三产业"},
		{"出口和进口", "出口|进口"},
		{"全市", "全市"},
	}
	for _, tt := range tests {
		if got := strings.Join(splitSubjects([]rune(tt.in)), "|"); got != tt.want {
			t.Errorf("splitSubjects(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
