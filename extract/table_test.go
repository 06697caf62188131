package extract

import (
	"strings"
	"testing"
)

// A pageBuilder draws hand-made pages for the table tests: text set
// glyph by glyph (Han an em wide, the rest half an em), rules and shapes.
type pageBuilder struct{ p rawPage }

func newPage() *pageBuilder { return &pageBuilder{rawPage{Number: 1, Width: 600, Height: 800}} }

// text sets s with its first glyph at x on baseline y, in size points.
func (b *pageBuilder) text(s string, x, y, size float64) *pageBuilder {
	for _, r := range s {
		w := size
		if r < 0x2E80 {
			w = 0.5 * size
		}
		if r != ' ' {
			b.p.Glyphs = append(b.p.Glyphs, Glyph{Text: string(r), X: x, Y: y, W: w, Size: size})
		}
		x += w
	}
	return b
}

// right sets s so that it ends at x.
func (b *pageBuilder) right(s string, x, y, size float64) *pageBuilder {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.5 * size
		} else {
			w += size
		}
	}
	return b.text(s, x-w, y, size)
}

func (b *pageBuilder) hrule(x0, x1, y float64) *pageBuilder {
	b.p.Rules = append(b.p.Rules, rule{rect{x0, y - 0.25, x1, y + 0.25}})
	return b
}

func (b *pageBuilder) vrule(x, y0, y1 float64) *pageBuilder {
	b.p.Rules = append(b.p.Rules, rule{rect{x - 0.25, y0, x + 0.25, y1}})
	return b
}

func (b *pageBuilder) fill(x0, y0, x1, y1 float64) *pageBuilder {
	b.p.Shapes = append(b.p.Shapes, shape{rect: rect{x0, y0, x1, y1}})
	return b
}

// prose sets n lines of a paragraph from y down, 14 points apart.
func (b *pageBuilder) prose(y float64, lines ...string) *pageBuilder {
	for i, l := range lines {
		b.text(l, 72, y-14*float64(i), 10)
	}
	return b
}

func (b *pageBuilder) doc(t *testing.T) *Document {
	t.Helper()
	doc, err := layoutDocument("t.pdf", []rawPage{b.p})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// rows renders the rows of a table as RowText lines joined by "\n".
func rows(t Table) string {
	var s []string
	for r := range t.Rows {
		s = append(s, t.RowText(r))
	}
	return strings.Join(s, "\n")
}

const bodyText = "这是一段正文，用来检验表格以外的文字仍然作为段落读出，不会被当成表格的行。"

func TestTables(t *testing.T) {
	tests := []struct {
		name    string
		page    *pageBuilder
		want    []string // per table: caption, then rows
		notes   string   // the first table's notes, joined by "|"
		source  string   // the first table's source
		text    string   // a line Document.Text must hold
		notText string   // a string Document.Text must not hold
	}{{
		name: "ruled grid with a header merged over two columns and a wrapped label",
		page: newPage().prose(760, string([]rune(bodyText)[:20]), string([]rune(bodyText)[20:])).
			text("表1 主要指标", 250, 710, 10).
			text("单位：亿元", 440, 695, 9).
			// borders: rows at 690 670 650 620 600, columns at 72 200 300 400 500
			hrule(72, 500, 690).hrule(200, 500, 670).hrule(72, 500, 650).hrule(72, 500, 620).hrule(72, 500, 600).
			vrule(72, 600, 690).vrule(200, 600, 690).vrule(300, 600, 670).vrule(400, 600, 690).vrule(500, 600, 690).
			text("指标", 80, 665, 10).text("2022年", 230, 678, 10).text("2021年", 420, 670, 10).
			text("绝对数", 210, 656, 10).text("增长", 310, 656, 10).
			text("归属于股东的净", 80, 638, 10).text("利润", 80, 625, 10).right("86.27", 295, 632, 10).right("-3.2", 395, 632, 10).right("89.12", 495, 632, 10).
			text("总额", 80, 606, 10).right("156,211,123", 295, 606, 10).right("1.5", 395, 606, 10).right("2.0", 495, 606, 10),
		want: []string{"表1主要指标",
			"指标\t2022年\t\t2021年",
			"\t绝对数\t增长\t",
			"归属于股东的净利润\t86.27\t-3.2\t89.12",
			"总额\t156,211,123\t1.5\t2.0"},
		notes:   "单位：亿元",
		source:  "ruled",
		text:    "归属于股东的净利润\t86.27\t-3.2\t89.12",
		notText: "单位：亿元",
	}, {
		name: "three-line table, caption below",
		page: newPage().
			hrule(72, 500, 700).hrule(72, 500, 680).hrule(72, 500, 610).
			text("项目", 80, 686, 10).text("本年", 300, 686, 10).text("上年", 440, 686, 10).
			text("收入", 80, 665, 10).right("12.5", 330, 665, 10).right("10.1", 470, 665, 10).
			text("支出", 80, 647, 10).right("11.0", 330, 647, 10).right("9.8", 470, 647, 10).
			text("结余", 80, 629, 10).right("1.5", 330, 629, 10).right("—", 470, 629, 10).
			text("表2 收支情况", 250, 590, 10).
			prose(560, bodyText),
		want:   []string{"表2收支情况", "项目\t本年\t上年", "收入\t12.5\t10.1", "支出\t11.0\t9.8", "结余\t1.5\t—"},
		source: "rules",
	}, {
		name: "aligned table without rules, a budget title as caption",
		page: newPage().
			text("2023年部门收支总表", 220, 740, 12).
			text("科目", 80, 715, 10).text("预算数", 300, 715, 10).text("决算数", 430, 715, 10).
			text("201", 80, 697, 10).text("一般公共服务支出", 110, 697, 10).right("1,286.45", 340, 697, 10).right("1,200.00", 470, 697, 10).
			text("20101", 80, 679, 10).text("人大事务", 110, 679, 10).right("86.45", 340, 679, 10).right("80.00", 470, 679, 10).
			text("208", 80, 661, 10).text("社会保障和就业支出", 110, 661, 10).right("500.00", 340, 661, 10).right("—", 470, 661, 10),
		want:   []string{"2023年部门收支总表", "科目\t预算数\t决算数", "201一般公共服务支出\t1,286.45\t1,200.00", "20101人大事务\t86.45\t80.00", "208社会保障和就业支出\t500.00\t—"},
		source: "aligned",
	}, {
		name: "two columns of prose are not a table",
		page: func() *pageBuilder {
			b := newPage()
			for i := range 12 {
				y := 760 - 14*float64(i)
				b.text("左栏的正文，有句读，也有数字12.5亿元。", 72, y, 10)
				b.text("右栏的正文，同样是句子，增长3.2%。", 320, y, 10)
			}
			return b
		}(),
	}, {
		name: "a list of contents is not a table",
		page: func() *pageBuilder {
			b := newPage()
			for i, s := range []string{"第一章 总则", "第二章 收入", "第三章 支出", "第四章 附则"} {
				y := 760 - 20*float64(i)
				b.text(s, 72, y, 10).text("……………………", 200, y, 10).right(string(rune('1'+2*i)), 500, y, 10)
			}
			return b
		}(),
	}, {
		name: "chart bars and their labels are neither a table nor prose",
		page: newPage().prose(770, bodyText).
			fill(150, 700, 250, 708).fill(150, 680, 320, 688).fill(150, 660, 200, 668).fill(150, 640, 400, 648).
			hrule(150, 420, 630).hrule(150, 420, 710).vrule(150, 630, 710).vrule(420, 630, 710).
			right("东部", 145, 701, 8).right("中部", 145, 681, 8).right("西部", 145, 661, 8).right("东北", 145, 641, 8).
			text("12.5%", 255, 701, 8).text("20.1%", 325, 681, 8).text("6.0%", 205, 661, 8).text("30.2%", 405, 641, 8).
			text("图1 各地区增长", 230, 610, 10).prose(580, bodyText),
		text:    "图1各地区增长",
		notText: "20.1%",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.page.doc(t)
			if len(tt.want) == 0 && len(doc.Tables) > 0 {
				t.Fatalf("%d tables, want none; first:\n%s", len(doc.Tables), rows(doc.Tables[0]))
			}
			if len(tt.want) > 0 {
				if len(doc.Tables) != 1 {
					t.Fatalf("%d tables, want 1; text:\n%s", len(doc.Tables), doc.Text)
				}
				tb := doc.Tables[0]
				if tb.Caption != tt.want[0] {
					t.Errorf("caption %q, want %q", tb.Caption, tt.want[0])
				}
				if got, want := rows(tb), strings.Join(tt.want[1:], "\n"); got != want {
					t.Errorf("rows:\n%s\nwant:\n%s", got, want)
				}
				if tb.Source != tt.source {
					t.Errorf("source %q, want %q", tb.Source, tt.source)
				}
				if got := strings.Join(tb.Notes, "|"); got != tt.notes {
					t.Errorf("notes %q, want %q", got, tt.notes)
				}
				for i := range doc.Tables {
					checkTable(t, tt.name, doc, i, true)
				}
			}
			if tt.text != "" && !strings.Contains(doc.Text, tt.text) {
				t.Errorf("text lacks %q:\n%s", tt.text, doc.Text)
			}
			if tt.notText != "" && strings.Contains(doc.Text, tt.notText) {
				t.Errorf("text holds %q:\n%s", tt.notText, doc.Text)
			}
		})
	}
}
