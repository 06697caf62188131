package transform

import "testing"

func TestStatusOf(t *testing.T) {
	tests := []struct {
		in   string // the figure is marked ⟦
		plan bool
		want Status
	}{
		{"完成固定资产投资⟦44.79亿元。", false, Actual},
		{"预计全年可完成规上工业总产值⟦270亿元", false, Estimate},
		{"综合整治率89.8%，力争年底达到⟦95%以上", false, Target},
		{"预计年内可入驻企业25家以上，力争实现新增产值超⟦30亿元", false, Target},
		{"确保全年引进泛半导体项目⟦20个以上", false, Target},
		{"全年完成开工项目11个，均完成年度目标，竣工项目⟦8个", false, Actual},
		{"主要预期目标是：地区生产总值增长⟦5%左右", false, Target},
		{"有望实现营收⟦10亿元", false, Estimate},
		{"全年新增公共自行车租赁点⟦20个", true, Target},
		{"初步核算，全年地区生产总值⟦18500.81亿元", false, Actual},
	}
	// 下同 carries 预计 over the rest of the paragraph.
	s := "预计全年（下同）地区生产总值增长7.5%。\n规上工业增加值增长12%。"
	text := []rune(s)
	if got := statusOf(text, textSpan{22, len(text)}, 31, headingPath{}, estimatesFrom(s)); got != Estimate {
		t.Errorf("statusOf after 下同 = %s, want estimate", got)
	}
	for _, tt := range tests {
		doc, marks := textDoc("s.txt", tt.in)
		text := []rune(doc.Text)
		if got := statusOf(text, textSpan{0, len(text)}, marks[0], headingPath{plan: tt.plan}, -1); got != tt.want {
			t.Errorf("statusOf(%q, plan %v) = %s, want %s", tt.in, tt.plan, got, tt.want)
		}
	}
}
