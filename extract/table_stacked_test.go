package extract

import (
	"strings"
	"testing"
)

// TestUnstackRows checks that a line whose cells hold several rows each,
// as a .docx conversion leaves them, is read back into its rows when the
// counts agree, and left alone when they do not.
func TestUnstackRows(t *testing.T) {
	tests := []struct {
		name string
		in   []string // lines, cells split at "|"
		want []string // rows, cells joined by "|"
	}{
		{
			name: "figures of each row in cells, rows closed by two spaces",
			in:   []string{"指标|机构（个）|床位（万张）", "合计  养老机构  儿童福利机构|420|5.3  |400|5.0  |20|0.3"},
			want: []string{"指标|机构（个）|床位（万张）", "合计|420|5.3", "养老机构|400|5.0", "儿童福利机构|20|0.3"},
		},
		{
			name: "a unit cell of repeated units, padding cells between rows",
			in:   []string{"指标|单位|合计|城市|农村", "服务中心  服务站|万个万个|3.0|1.0|2.0  ||5.0|2.0|3.0"},
			want: []string{"指标|单位|合计|城市|农村", "服务中心|万个|3.0|1.0|2.0", "服务站|万个|5.0|2.0|3.0"},
		},
		{
			name: "labels run together, each ending with the same word",
			in:   []string{"指标|社会团体|基金会", "合计  省级部门登记市级部门登记|30|3  ||10|1  ||20|2"},
			want: []string{"指标|社会团体|基金会", "合计|30|3", "省级部门登记|10|1", "市级部门登记|20|2"},
		},
		{
			name: "side-by-side columns, one pair stacked",
			in:   []string{"指标|数量|指标|数量", "地级  地级市  盟|333  293 3|乡级  镇|38558 21322"},
			want: []string{"指标|数量|指标|数量", "地级|333|乡级|38558", "地级市|293|镇|21322", "盟|3||"},
		},
		{
			name: "counts that disagree stay stacked",
			in:   []string{"指标|数量", "省级  县级  市辖区县级市县|34  2843 977 394 1301"},
			want: []string{"指标|数量", "省级  县级  市辖区县级市县|34  2843 977 394 1301"},
		},
		{
			name: "an ordinary table is left alone",
			in:   []string{"产品名称|计量单位|2021年|比上年增长（%）", "水泥|吨|7316292|-2.9", "光缆|芯千米|14220586|10.1"},
			want: []string{"产品名称|计量单位|2021年|比上年增长（%）", "水泥|吨|7316292|-2.9", "光缆|芯千米|14220586|10.1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var raw [][]string
			for _, l := range tt.in {
				raw = append(raw, strings.Split(l, "|"))
			}
			var got []string
			for _, cells := range unstackRows(raw) {
				got = append(got, strings.Join(cells, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("unstackRows:\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

// TestTextTableStacked reads a stacked table through the text reader: the
// rows it stands for become rows of the Document's table and paragraphs
// of its text.
func TestTextTableStacked(t *testing.T) {
	text := "某公报\n表2 提供住宿的机构\n指标\t机构（个）\t床位（万张）\n合计  养老机构\t420\t5.3  \t400\t5.0\n图1 近五年情况\n正文。\n"
	doc, err := NewReader(strings.NewReader(text), int64(len(text)), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(doc.Tables))
	}
	tb := doc.Tables[0]
	var rows []string
	for r := range tb.Rows {
		rows = append(rows, tb.RowText(r))
	}
	if got, want := strings.Join(rows, "\n"), "指标\t机构（个）\t床位（万张）\n合计\t420\t5.3\n养老机构\t400\t5.0"; got != want || tb.Header != 1 {
		t.Errorf("rows %q header %d, want %q header 1", got, tb.Header, want)
	}
	for _, c := range tb.Rows[2] {
		if []rune(doc.Text)[c.Offset] != []rune(c.Text)[0] {
			t.Errorf("cell %q: offset %d points at %q", c.Text, c.Offset, string([]rune(doc.Text)[c.Offset]))
		}
	}
	if !strings.Contains(doc.Text, "\n图1近五年情况\n") {
		t.Errorf("the chart caption is not a paragraph of its own: %q", doc.Text)
	}
}
