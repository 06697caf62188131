package extract

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestRealLayout reads some of ../shared/real-pdfs (skipping when it is
// absent) and checks the layout against what the rendered pages show:
// paragraphs whole on pages with margins of their own and under hanging
// indents, text clipped off a page read once, the two columns of a
// scanned magazine page read one after the other, no TAB in a heading,
// chart labels out of the text.
func TestRealLayout(t *testing.T) {
	names := []string{"w11", "w12", "w18", "w20", "w26", "w29"}
	files := map[string]string{}
	for _, n := range names {
		if m, _ := filepath.Glob(filepath.Join(realPDFs, n+"-*.pdf")); len(m) == 1 {
			files[n] = m[0]
		}
	}
	if len(files) < len(names) {
		t.Skip("real PDFs not present")
	}
	if testing.Short() {
		t.Skip("reading the real PDFs takes seconds")
	}
	docs := map[string]*Document{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for n, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := Open(f)
			if err != nil {
				t.Errorf("%s: %v", n, err)
			}
			mu.Lock()
			docs[n] = doc
			mu.Unlock()
		}()
	}
	wg.Wait()
	paras := func(n string) map[string]int {
		m := map[string]int{}
		if doc := docs[n]; doc != nil {
			for _, p := range doc.Paragraphs {
				m[p.Text]++
				if p.Table == 0 && p.Heading && strings.Contains(p.Text, "\t") {
					t.Errorf("%s page %d: a TAB in the heading %q", n, p.Page, p.Text)
				}
			}
		}
		return m
	}
	for _, c := range []struct {
		doc   string
		whole []string // paragraphs, each read whole and once
	}{
		// Word 2016: a chapter set 26 points right of the financial
		// statements; a numbered item under a hanging indent.
		{"w18", []string{
			"（1）客户存款和同业存放款项净增加额增加主要是公司控股子公司贵州茅台集团财务有限公司归集集团公司其他成员单位资金增加额较上期增加；",
			"一、本公司董事会、监事会及董事、监事、高级管理人员保证年度报告内容的真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏，并承担个别和连带的法律责任。",
			"(一)主营业务分析",
		}},
		// WPS 表格: rows clipped off the bottom of page 3, printed again on page 4.
		{"w11", []string{"13、完成区委、区政府交办的其他任务。"}},
		{"w12", []string{"（十）完成区委、区政府交办的其他任务。"}},
		// A scanned magazine page: two columns over a rule, two under a title.
		{"w29", []string{
			"结果出来要7天，我领着阳阳在这个城市的游乐园游玩，看着他坐在旋转木马上，向我挥手叫“爸爸”时，我的心也飞了起来。",
			"阳阳病愈后，我问他：“我到底是不是好爸爸?”",
			"2500多年前．佛陀在菩提树下顿悟，从此开启了佛说。星月轮转，沧海桑田。世界早已改变了模样，可是人的烦恼丝毫未变。人生不如意事十之八九．也许我们不能改变世界．却可以改变自己．让烦恼变成大海里的一滴水。内心强大，则世界辽阔。",
		}},
	} {
		got := paras(c.doc)
		for _, w := range c.whole {
			if got[w] != 1 {
				t.Errorf("%s: paragraph read %d times, want once: %q", c.doc, got[w], w)
			}
		}
	}
	// Every clipped row of w11 is read once: no long paragraph twice.
	for _, n := range []string{"w11", "w12"} {
		for p, k := range paras(n) {
			if k > 1 && len([]rune(p)) > 30 && !strings.Contains(p, "\t") {
				t.Errorf("%s: %q read %d times", n, p, k)
			}
		}
	}
	// Charts: an Excel chart page has no text left; a research note's
	// price chart leaves its axis ticks out.
	if doc := docs["w20"]; doc != nil && doc.Text != "" {
		t.Errorf("w20: text %.60q, want none", doc.Text)
	}
	if doc := docs["w26"]; doc != nil && strings.Contains(doc.Text, "%%") {
		t.Errorf("w26: axis ticks left in the text")
	}
}
