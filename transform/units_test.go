package transform

import "testing"

func TestReadUnit(t *testing.T) {
	for _, tt := range []struct {
		in      string // text starting at the unit
		written string // "" means no unit
		std     string
		kind    kind
		n       int // runes read
	}{
		{"元,同比", "元", "元", kindAmount, 1},
		{"美元", "美元", "美元", kindAmount, 2},
		{"元人民币", "元人民币", "元", kindAmount, 4},
		{"港币", "港币", "港元", kindAmount, 2},
		{"平方米。", "平方米", "平方米", kindAmount, 3},
		{"平米", "平米", "平米", kindAmount, 2},
		{"㎡", "㎡", "㎡", kindAmount, 1},
		{"平方公里", "平方公里", "平方公里", kindAmount, 4},
		{"亩", "亩", "亩", kindAmount, 1},
		{"公顷", "公顷", "公顷", kindAmount, 2},
		{"公里", "公里", "公里", kindAmount, 2},
		{"千米", "千米", "千米", kindAmount, 2},
		{"吨标准煤", "吨标准煤", "吨标准煤", kindAmount, 4},
		{"吨", "吨", "吨", kindAmount, 1},
		{"千克", "千克", "千克", kindAmount, 2},
		{"立方米", "立方米", "立方米", kindAmount, 3},
		{"千瓦时", "千瓦时", "千瓦时", kindAmount, 3},
		{"千瓦", "千瓦", "千瓦", kindAmount, 2},
		{"兆瓦", "兆瓦", "兆瓦", kindAmount, 2},
		{"度电", "度", "度", kindAmount, 1},
		{"标箱", "标箱", "标箱", kindAmount, 2},
		{"个百分点", "个百分点", "个百分点", kindPoints, 4},
		{"百分点", "百分点", "个百分点", kindPoints, 3},
		{"个", "个", "个", kindAmount, 1},
		{"人次", "人次", "人次", kindAmount, 2},
		{"人", "人", "人", kindAmount, 1},
		{"批次", "批次", "批次", kindAmount, 2},
		{"场次", "场次", "场次", kindAmount, 2},
		{"%", "%", "%", kindPercent, 1},
		{"％", "％", "%", kindPercent, 1},
		{"‰", "‰", "‰", kindPercent, 1},
		{"倍", "倍", "倍", kindMultiple, 1},
		{"个月", "个月", "个月", kindAmount, 2},
		{"个工作日", "个工作日", "个工作日", kindAmount, 4},
		{"kW", "kW", "kW", kindAmount, 2},
		{"GW", "GW", "GW", kindAmount, 2},
		{"kwh", "kwh", "kwh", kindAmount, 3},
		{"um", "um", "um", kindAmount, 2},
		// Compound units.
		{"元每亩", "元每亩", "元/亩", kindAmount, 3},
		{"元/亩", "元/亩", "元/亩", kindAmount, 3},
		{"微克每立方米以下", "微克每立方米", "微克/立方米", kindAmount, 6},
		{"微克/立方米", "微克/立方米", "微克/立方米", kindAmount, 6},
		{"元/吨", "元/吨", "元/吨", kindAmount, 3},
		{"人/平方公里", "人/平方公里", "人/平方公里", kindAmount, 6},
		{"辆/万人", "辆/万人", "辆/万人", kindAmount, 4},
		{"元/人/月", "元/人/月", "元/人/月", kindAmount, 5},
		{"吨/日", "吨/日", "吨/日", kindAmount, 3},
		{"/10万", "/10万", "/10万", kindAmount, 4},
		{"元每", "元", "元", kindAmount, 1},
		{"元/", "元", "元", kindAmount, 1},
		// Not units.
		{"项目", "", "", 0, 0},
		{"人民", "", "", 0, 0},
		{"方面", "", "", 0, 0},
		{"片区", "", "", 0, 0},
		{"强", "", "", 0, 0},
		{"", "", "", 0, 0},
		{"/", "", "", 0, 0},
	} {
		text := []rune(tt.in)
		m, ok := readUnit(text, 0)
		if tt.written == "" {
			if ok {
				t.Errorf("readUnit(%q) = %q, want no unit", tt.in, m.written)
			}
			continue
		}
		if !ok || m.written != tt.written || m.std != tt.std || m.info.kind != tt.kind || m.end != tt.n {
			t.Errorf("readUnit(%q) = %q std %q kind %d end %d, %v; want %q std %q kind %d end %d",
				tt.in, m.written, m.std, m.info.kind, m.end, ok, tt.written, tt.std, tt.kind, tt.n)
		}
	}
}

// TestUnitTable checks the lexicon itself: every standard unit is a
// written form or a compound of them, and kinds agree.
func TestUnitTable(t *testing.T) {
	for w, u := range unitTable {
		if u.std == "" {
			t.Errorf("unit %q has no standard name", w)
		}
		if _, ok := scalePowers[w]; ok {
			t.Errorf("unit %q is also a scale word", w)
		}
		if std, ok := unitTable[u.std]; ok && std.kind != u.kind {
			t.Errorf("unit %q kind %d, its standard %q kind %d", w, u.kind, u.std, std.kind)
		}
	}
}
