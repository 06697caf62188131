package textcmp

import "testing"

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"税收", "", 2},
		{"kitten", "sitting", 3},
		{"税收总收入15亿元", "税收收入15亿元", 1},
		{"同比增长", "同比下降", 2},
	}
	for _, tt := range tests {
		if got := Levenshtein([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMetrics(t *testing.T) {
	if got := Accuracy("税收 15 亿元\n", "税收15亿元"); got != 1 {
		t.Errorf("Accuracy ignoring whitespace = %v, want 1", got)
	}
	if got := Accuracy("税收15亿", "税收15亿元"); got < 0.83 || got > 0.84 {
		t.Errorf("Accuracy = %v, want 5/6", got)
	}
	if got := HanSpaces("工作 部署\n工作\t部署\nGDP 增长"); got != 1 {
		t.Errorf("HanSpaces = %d, want 1", got)
	}
	if got, missing := Whole("一\n二二\n三", []string{"一", "二", "三"}); got < 0.66 || got > 0.67 || len(missing) != 1 {
		t.Errorf("Whole = %v %q", got, missing)
	}
	if got := PageNumbers("— 3 —\n正文\n第 3 页 共 7 页\n- 12 -\n2020年"); got != 3 {
		t.Errorf("PageNumbers = %d, want 3", got)
	}
}

func TestHeaders(t *testing.T) {
	const title = "某市政府工作报告"
	s := "某市政府工作报告\n正文，改革开放某市政府工作报告2025年1月第2页有新突破。\n某市政府工作报告\t2025年1月\t第 3 页\n某市政府工作报告提出的目标\n下一段"
	if got := Headers(s, title); got != 3 {
		t.Errorf("Headers = %d, want 3 (title line, header inside a paragraph, header in cells)", got)
	}
	if got := Headers("正文", ""); got != 0 {
		t.Errorf("Headers without a title = %d", got)
	}
}
