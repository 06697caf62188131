package transform

import (
	"strings"
	"testing"
)

// marked returns in without its ⟦ ⟧ marks and a quantity of kind k over
// the marked span (its value is not set).
func marked(in string, k kind) ([]rune, quantity) {
	var text []rune
	q := quantity{Kind: k}
	for _, r := range in {
		switch r {
		case '⟦':
			q.Start = len(text)
		case '⟧':
			q.End = len(text)
		default:
			text = append(text, r)
		}
	}
	return text, q
}

func TestChangeBefore(t *testing.T) {
	tests := []struct {
		in     string
		k      kind
		sbasis string
		ok     bool
		kind   changeKind
		sign   float64
		basis  string
		phrase string // the text from the change phrase's start to the figure
	}{
		{"税收总收入15亿元,同比下降⟦15%⟧", kindPercent, "", true, changeYoY, -1, "同比", "同比下降"},
		{"完成地区生产总值904.92亿元，增长⟦6.3%⟧", kindPercent, "", true, changeYoY, 1, "", "增长"},
		{"地区生产总值比上年增长⟦4.5%⟧", kindPercent, "", true, changeYoY, 1, "比上年", "比上年增长"},
		{"占比达25%，比去年提升⟦5个百分点⟧", kindPoints, "", true, changePP, 1, "比去年", "比去年提升"},
		{"病床使用率下降⟦0.9个百分点⟧", kindPoints, "", true, changePP, -1, "", "下降"},
		{"常住人口9000万人，比上年末减少⟦139万人⟧", kindAmount, "", true, changeDelta, -1, "比上年末", "比上年末减少"},
		{"医院增加⟦355个⟧", kindAmount, "与上年比较", true, changeDelta, 1, "与上年比较", "增加"},
		{"优良天数增加⟦25天⟧", kindAmount, "", true, changeDelta, 1, "", "增加"},
		{"外资3338.08万美元，完成年度任务的⟦41.73%⟧", kindPercent, "", true, changeCompletion, 1, "", "任务的"},
		{"支出决算为17.70万元，完成全年预算数的⟦97.68%⟧", kindPercent, "", true, changeCompletion, 1, "", "预算数的"},
		{"展览面积同比增长⟦2.4倍⟧", kindMultiple, "", true, changeYoY, 1, "同比", "同比增长"},
		{"分别比上年增长⟦8.2%⟧", kindPercent, "", true, changeYoY, 1, "比上年", "分别比上年增长"},
		{"同比分别增长⟦8.2%⟧", kindPercent, "", true, changeYoY, 1, "同比", "同比分别增长"},
		{"比2019年增长⟦10%⟧", kindPercent, "", true, changeYoY, 1, "比2019年", "比2019年增长"},
		{"高于全国⟦8.5个百分点⟧", kindPoints, "", true, changePP, 1, "", "高于全国"},
		{"新增就业⟦25人⟧", kindAmount, "", false, 0, 0, "", ""},
		{"民间投资增长2.1%，高于⟦8.5个百分点⟧", kindPoints, "", true, changePP, 1, "", "高于"},
		{"租售率达⟦75%⟧", kindPercent, "", false, 0, 0, "", ""},
		{"占比⟦25%⟧", kindPercent, "", false, 0, 0, "", ""},
	}
	for _, tt := range tests {
		text, q := marked(tt.in, tt.k)
		c, ok := changeBefore(text, 0, q, tt.sbasis)
		if ok != tt.ok {
			t.Errorf("changeBefore(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		phrase := string(text[c.start:q.Start])
		if c.kind != tt.kind || c.sign != tt.sign || c.basis != tt.basis || phrase != tt.phrase {
			t.Errorf("changeBefore(%q) = kind %d sign %v basis %q phrase %q; want %d %v %q %q",
				tt.in, c.kind, c.sign, c.basis, phrase, tt.kind, tt.sign, tt.basis, tt.phrase)
		}
	}
}

func TestBoundOf(t *testing.T) {
	tests := []struct {
		in     string
		approx Bound
		want   Bound
	}{
		{"新增完工面积超⟦16.4万平方米⟧", "", Over},
		{"超过⟦3300万⟧", "", Over},
		{"逾⟦100亿元⟧", "", Over},
		{"市场主体突破⟦12万户⟧", "", Over},
		{"入驻企业⟦25家⟧以上", "", AtLeast},
		{"不少于⟦800亩⟧", "", AtLeast},
		{"不低于⟦7个⟧", "", AtLeast},
		{"至少⟦5个⟧", "", AtLeast},
		{"不超过⟦5吨⟧", "", AtMost},
		{"控制在⟦3%⟧以内", "", AtMost},
		{"浓度达到⟦35微克每立方米⟧以下", "", AtMost},
		{"不到⟦1%⟧", "", Under},
		{"不足⟦10人⟧", "", Under},
		{"面积约⟦788亩⟧", "", About},
		{"约为⟦20亿元⟧", "", About},
		{"近⟦7000套⟧房", "", About},
		{"增长⟦5%⟧左右", "", About},
		{"查扣⟦6300余辆⟧", Over, Over},
		{"完成⟦44.79亿元⟧", "", Exact},
		{"超10亿元项目⟦3个⟧", "", Exact},
	}
	for _, tt := range tests {
		text, q := marked(tt.in, kindAmount)
		q.Approx = tt.approx
		if got := boundOf(text, 0, q); got != tt.want {
			t.Errorf("boundOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	text, q := marked("增长⟦5%-6%⟧", kindPercent)
	q.Max = &decimal{}
	if got := boundOf(text, 0, q); got != Range {
		t.Errorf("boundOf(range) = %q, want %q", got, Range)
	}
}

func TestSentenceBasis(t *testing.T) {
	if got := sentenceBasis("与上年比较，医院增加355个"); got != "与上年比较" {
		t.Errorf("sentenceBasis = %q", got)
	}
	if got := sentenceBasis("医院增加355个"); got != "" {
		t.Errorf("sentenceBasis = %q, want \"\"", got)
	}
	_ = strings.TrimSpace
}
