package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// footerSamples are lines each alternative of siteFooter matches, and
// lines near them that it does not.
var footerSamples = []string{
	"京ICP备05070218号", "ICP证：京B2-20090059", "京公网安备 11010202000001号", "网安备11000002000001号",
	"网站标识码：1100000088", "网站识别码bm01000001", "政府网站标识码", "版权所有：某某县人民政府",
	"Copyright © 2023 某某市统计局", "All Rights Reserved", "©2024",
	"主办：某某县人民政府办公室", "主办单位：某某市统计局", "承办单位:县信息中心", "协办：宣传部", "主管：市政府",
	"技术支持：某某科技有限公司", "运行维护单位：信息中心", " 维护：某单位", "建议使用IE9以上浏览器", "建议使用1920×1080分辨率浏览",
	"电话：0571-12345678", "传真: (0571)1234567", "邮编：310000", "邮政编码：310000",
	"主办方案已印发", "电话会议精神", "维护社会稳定", "全县建议使用新标准", "ICP", "©",
}

// TestFooterWords checks that isFooter, which tries siteFooter only on
// lines holding one of footerWords, answers as siteFooter does: on the
// samples, the fixtures' texts, and the corpus when it is there.
func TestFooterWords(t *testing.T) {
	lines := append([]string(nil), footerSamples...)
	paths, _ := filepath.Glob("../fixtures/*.txt")
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt")
	for _, p := range append(paths, corpus...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		want := siteFooter().MatchString(l)
		if got := isFooter(l); got != want {
			t.Errorf("isFooter(%q) = %v, siteFooter matches: %v", l, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < len(footerSamples)-6 {
		t.Errorf("siteFooter matches %d lines, want the %d samples that are footers", matched, len(footerSamples)-6)
	}
}

// FuzzFooterWords checks isFooter against siteFooter on any line.
func FuzzFooterWords(f *testing.F) {
	for _, s := range footerSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isFooter(s), siteFooter().MatchString(s); got != want {
			t.Errorf("isFooter(%q) = %v, siteFooter matches: %v", s, got, want)
		}
	})
}
