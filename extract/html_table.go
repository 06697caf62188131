package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tableOfHTML reads a table of data into a Table: rowspan and colspan as
// spans (a rowspan of 0 runs to the last row), the caption from
// <caption>, header rows from <thead> or from leading rows of <th> cells
// only. It returns nil for a table without text.
func tableOfHTML(t *html.Node, lim markupLimits) (*Table, error) {
	trs := tableRows(t)
	rows := make([][]spanCell, 0, len(trs))
	header, inHead := 0, true
	any := false
	for _, tr := range trs {
		var row []spanCell
		allTH := true
		for _, c := range rowCells(tr) {
			sc := spanCell{text: cellTextHTML(c), page: 1, col: -1,
				rowSpan: spanAttr(c, "rowspan", len(trs)), colSpan: spanAttr(c, "colspan", lim.columns)}
			if sc.rowSpan == 0 {
				sc.rowSpan = len(trs) // to the end
			}
			sc.colSpan = max(sc.colSpan, 1)
			allTH = allTH && c.DataAtom == atom.Th
			any = any || sc.text != ""
			row = append(row, sc)
		}
		inThead := tr.Parent != nil && tr.Parent.DataAtom == atom.Thead
		if inHead && len(row) > 0 && (inThead || allTH) {
			header++
		} else {
			inHead = false
		}
		rows = append(rows, row)
	}
	if !any {
		return nil, nil
	}
	grid, err := placeCells(rows, lim)
	if err != nil {
		return nil, err
	}
	if header >= len(grid) {
		header = 0
	}
	tab := &Table{Rows: grid, Header: header, Page: 1, Source: "html"}
	if c := findAtom(t, atom.Caption); c != nil && c.Parent == t {
		tab.Caption = cleanCell(textOf(c))
	}
	return tab, nil
}

// spanAttr reads a rowspan or colspan attribute: 1 when absent or bad, 0
// kept (a rowspan to the end), at most limit.
func spanAttr(n *html.Node, key string, limit int) int {
	v := strings.TrimSpace(attrOf(n, key))
	if v == "" {
		return 1
	}
	k, err := strconv.Atoi(v)
	if err != nil || k < 0 {
		return 1
	}
	return min(k, limit)
}

// cellTextHTML is the clean text of a cell: its lines joined as those of
// a paragraph, a table nested in it flattened (cells by "，", rows by
// "；").
func cellTextHTML(c *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.Table:
			var rows []string
			for _, tr := range tableRows(n) {
				var cells []string
				for _, td := range rowCells(tr) {
					if s := cellTextHTML(td); s != "" {
						cells = append(cells, s)
					}
				}
				if len(cells) > 0 {
					rows = append(rows, strings.Join(cells, "，"))
				}
			}
			b.WriteString(" " + strings.Join(rows, "；") + " ")
		case n.DataAtom == atom.Br, blockAtoms[n.DataAtom]:
			b.WriteByte('\n')
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			b.WriteByte('\n')
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	for n := c.FirstChild; n != nil; n = n.NextSibling {
		walk(n)
	}
	var text string
	for _, line := range strings.Split(b.String(), "\n") {
		text = joinLines(text, cleanCell(collapseSpace(line)))
	}
	return text
}

// metaLabel matches the labels of a government page's metadata table
// (索引号, 发布机构, 成文日期 …), which describes the page, not the report.
var metaLabel = lazyRegexp(`^(?:索引号|信息索引号|发布机构|发文机构|发文机关|生成日期|成文日期|发布日期|公开日期|文号|发文字号|主题分类|体裁分类|组配分类|服务对象分类|公开方式|公开范围|公开时限|有效性|主题词|信息分类|信息名称|内容概述|名称)[:：]?$`)

// isMetadataTable reports whether a table lists a page's metadata.
func isMetadataTable(t *html.Node) bool {
	n := 0
	for _, tr := range tableRows(t) {
		for _, c := range rowCells(tr) {
			s := squeezeSpace(textOf(c))
			if metaLabel().MatchString(s) {
				n++
			} else if i := strings.IndexAny(s, ":："); i > 0 && metaLabel().MatchString(s[:i]) {
				n++
			}
		}
	}
	return n >= 2
}
