package extract

import (
	"strings"
	"testing"
)

// pieContent draws a pie of four quarters around (300, 500), radius 60,
// as a chart program writes it: each slice a filled path of two radii
// and an arc, in its own colour. Quarters have no slanted edge.
const pieContent = `0.2 0.4 0.8 rg 300 500 m 360 500 l 360 533 333 560 300 560 c h f
0.8 0.2 0.2 rg 300 500 m 300 560 l 267 560 240 533 240 500 c h f
0.2 0.7 0.3 rg 300 500 m 240 500 l 240 467 267 440 300 440 c h f
0.9 0.7 0.1 rg 300 500 m 300 440 l 333 440 360 467 360 500 c h f
0.2 0.4 0.8 rg 200 420 6 6 re f 0.8 0.2 0.2 rg 260 420 6 6 re f 0.2 0.7 0.3 rg 320 420 6 6 re f 0.9 0.7 0.1 rg 380 420 6 6 re f`

// TestPieChart checks that a pie chart without a slanted line — four
// quarters — is found from its curved slices, and that its labels around
// it and its legend leave the text while the prose around it and its
// figure caption stay.
func TestPieChart(t *testing.T) {
	in := runContent(pieContent, fakeRes{})
	curved := 0
	for _, s := range in.shapes {
		if s.curved && !s.open && !s.slanted {
			curved++
		}
	}
	if curved != 4 {
		t.Fatalf("%d curved slices without slant, want 4 (shapes %+v)", curved, in.shapes)
	}
	if a := chartAreas(in.shapes, 10); len(a) != 1 || a[0] != (rect{240, 440, 360, 560}) {
		t.Fatalf("chart areas %v, want the pie's box", a)
	}
	b := newPage().prose(720, bodyText, bodyText)
	b.p.Shapes = append(b.p.Shapes, in.shapes...)
	b.text("第一产业", 365, 540, 8).text("7.1%", 365, 530, 8).
		text("第二产业", 365, 455, 8).text("36.5%", 365, 445, 8).
		right("第三产业", 235, 455, 8).right("56.4%", 235, 445, 8).
		right("其他", 235, 540, 8).right("0.0%", 235, 530, 8).
		text("第一产业", 208, 420, 8).text("第二产业", 268, 420, 8).text("第三产业", 328, 420, 8).text("其他", 388, 420, 8).
		text("图2 三次产业构成", 250, 395, 10).prose(360, bodyText)
	doc := b.doc(t)
	for _, s := range []string{"7.1%", "36.5%", "56.4%", "第二产业"} {
		if strings.Contains(doc.Text, s) {
			t.Errorf("text holds the chart label %q:\n%s", s, doc.Text)
		}
	}
	if len(doc.Tables) > 0 {
		t.Errorf("%d tables, want none:\n%s", len(doc.Tables), rows(doc.Tables[0]))
	}
	if !strings.Contains(doc.Text, "图2三次产业构成") || strings.Count(doc.Text, bodyText) != 3 {
		t.Errorf("prose or caption lost:\n%s", doc.Text)
	}
}

// TestRoundedBoxesAreNoPie checks that rounded boxes around headings, in
// a row or alone, are not taken for a pie and keep their text.
func TestRoundedBoxesAreNoPie(t *testing.T) {
	b := newPage().prose(720, bodyText)
	for i, s := range []string{"发展目标", "主要任务", "保障措施"} {
		x := 80 + float64(i)*150
		b.p.Shapes = append(b.p.Shapes, shape{rect: rect{x, 600, x + 120, 640}, curved: true})
		b.text(s, x+20, 615, 12)
	}
	b.prose(560, bodyText)
	if a := chartAreas(b.p.Shapes, 10); len(a) != 0 {
		t.Errorf("chart areas %v, want none", a)
	}
	doc := b.doc(t)
	for _, s := range []string{"发展目标", "主要任务", "保障措施"} {
		if !strings.Contains(doc.Text, s) {
			t.Errorf("text lacks %q:\n%s", s, doc.Text)
		}
	}
}

// TestLongChartLabel checks that a category label sticking out of a bar
// chart's margin leaves the text whole, and that a page holding nothing
// but a chart is a document without paragraphs, not one without a text
// layer.
func TestLongChartLabel(t *testing.T) {
	b := newPage()
	labels := []string{"货币资金", "应收账款", "以公允价值计量且其变动计入当期损益的金融资产", "存货"}
	for i, l := range labels {
		y := 700 - 30*float64(i)
		b.fill(250, y, 250+float64(40+50*i), y+12).right(l, 245, y+2, 8).text("12.5%", 255+float64(40+50*i), y+2, 8)
	}
	doc, err := layoutDocument("chart.pdf", []rawPage{b.p})
	if err != nil {
		t.Fatalf("a chart-only page: %v", err)
	}
	if doc.Text != "" {
		t.Errorf("text %q, want none", doc.Text)
	}
	if got := strings.Join(doc.Pages[0].Dropped, "|"); !strings.Contains(got, "以公允价值计量且其变动计入当期损益的金融资产") {
		t.Errorf("dropped %q, want the long label whole", got)
	}
}
