// Package hostile builds damaged and hostile PDFs for the reliability
// tests: content bombs, cross-reference chains that loop, stream lengths
// and cross-reference offsets that lie, huge page trees. The damage
// functions work on files with a classic cross-reference table (what
// LibreOffice, Chromium, cairo and ReportLab write) and return a copy;
// they never modify their input.
package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Build assembles a PDF from objects numbered 1…n (object 1 the
// catalog) with a correct cross-reference table.
func Build(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	return endFile(&b, offs)
}

// endFile ends the file in b, whose objects 1 … len(offs) (object 1 the
// catalog) begin at offs: its cross-reference table and trailer.
func endFile(b *bytes.Buffer, offs []int) []byte {
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// Stream renders a stream object with extra dictionary entries.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Deflate compresses n bytes of pattern repeated, in pieces so that a
// bomb of hundreds of megabytes never stands in memory.
func Deflate(pattern string, n int) []byte {
	var out bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&out, zlib.BestCompression)
	chunk := []byte(strings.Repeat(pattern, max(1, (1<<20)/len(pattern))))
	for n > 0 {
		k := min(n, len(chunk))
		zw.Write(chunk[:k])
		n -= k
	}
	zw.Close()
	return out.Bytes()
}

// onePage is a one-page document showing text in
// Helvetica, with content object 4 and room for more objects from 6 on.
func onePage(contents, resources string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> " + resources + " >> /Contents " + contents + " >>",
		Stream("", []byte("BT /F1 12 Tf 72 700 Td (Total revenue 15 yuan) Tj ET")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	return Build(append(objs, extra...)...)
}

// ContentBomb is a page whose /Contents array names one Flate stream
// repeats times; the stream inflates to size bytes of pattern. The page
// first shows a line of text when text is set.
func ContentBomb(size, repeats int, pattern string, text bool) []byte {
	refs := make([]string, 0, repeats+1)
	if text {
		refs = append(refs, "4 0 R")
	}
	for range repeats {
		refs = append(refs, "6 0 R")
	}
	return onePage("["+strings.Join(refs, " ")+"]", "",
		Stream("/Filter /FlateDecode", Deflate(pattern, size)))
}

// FormBomb is a page that paints forms Form XObjects, every one a name
// for the same Flate stream that inflates to size bytes of pattern.
func FormBomb(size, forms int, pattern string) []byte {
	var names, paint strings.Builder
	for i := range forms {
		fmt.Fprintf(&names, "/Fm%d 7 0 R ", i)
		fmt.Fprintf(&paint, "/Fm%d Do\n", i)
	}
	return onePage("6 0 R", "/XObject << "+names.String()+">>",
		Stream("", []byte(paint.String())),
		Stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode", Deflate(pattern, size)))
}

// NestedForms is a page that paints a chain of depth distinct forms,
// each painting the next fan times: fan^depth forms in all.
func NestedForms(depth, fan int) []byte {
	extra := []string{Stream("", []byte("/X Do"))} // object 6, the page's content
	for d := range depth {
		num := 7 + d
		res, paint := "", ""
		if d+1 < depth {
			res = fmt.Sprintf("/Resources << /XObject << /X %d 0 R >> >>", num+1)
			paint = strings.Repeat("/X Do ", fan)
		} else {
			res = "/Resources << /Font << /F1 5 0 R >> >>"
			paint = "BT /F1 12 Tf 72 600 Td (deep) Tj ET"
		}
		extra = append(extra, Stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] "+res, []byte(paint)))
	}
	return onePage("6 0 R", "/XObject << /X 7 0 R >>", extra...)
}

// ManyPages is a document of n pages, each showing its own line of
// text, in a page tree of fan-out 100. (The /Parent entries are left
// out: readers walk the tree from the root.)
func ManyPages(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := []int{0, 0, 0} // objects 1 (catalog), 2 (font), 3 (root) are written last
	obj := func(body string) int {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), body)
		return len(offs)
	}
	type node struct{ num, pages int }
	var level []node
	for i := range n {
		c := obj(Stream("", fmt.Appendf(nil, "BT /F1 12 Tf 72 700 Td (Page %d of the long report) Tj ET", i+1)))
		level = append(level, node{obj(fmt.Sprintf("<< /Type /Page /Contents %d 0 R >>", c)), 1})
	}
	kids := func(group []node) (string, int) {
		var refs []string
		total := 0
		for _, k := range group {
			refs = append(refs, fmt.Sprintf("%d 0 R", k.num))
			total += k.pages
		}
		return strings.Join(refs, " "), total
	}
	for len(level) > 100 {
		var up []node
		for i := 0; i < len(level); i += 100 {
			refs, total := kids(level[i:min(len(level), i+100)])
			up = append(up, node{obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", refs, total)), total})
		}
		level = up
	}
	refs, total := kids(level)
	for i, body := range []string{
		"<< /Type /Catalog /Pages 3 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] /Resources << /Font << /F1 2 0 R >> >> >>", refs, total),
	} {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	return endFile(&b, offs)
}

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)`)
	trailerRE   = regexp.MustCompile(`trailer\s*<<`)
	entryRE     = regexp.MustCompile(`(\d{10}) (\d{5}) n`)
	tableRE     = regexp.MustCompile(`(?:^|[\r\n])xref\s`)
	lengthRE    = regexp.MustCompile(`/Length\s+(\d+)(\s+(\d+)\s+(\d+)\s+R)?`)
)

// lastMatch returns the submatch indexes of the last match of re in b.
func lastMatch(re *regexp.Regexp, b []byte) []int {
	all := re.FindAllSubmatchIndex(b, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// PrevLoop gives the last trailer a /Prev that points at its own
// cross-reference table.
func PrevLoop(b []byte) []byte {
	sx := lastMatch(startxrefRE, b)
	tr := lastMatch(trailerRE, b)
	if sx == nil || tr == nil {
		return nil
	}
	ins := " /Prev " + string(b[sx[2]:sx[3]]) + " "
	return splice(b, tr[1], tr[1], ins)
}

// GarbageStartxref points startxref nowhere.
func GarbageStartxref(b []byte) []byte {
	sx := lastMatch(startxrefRE, b)
	if sx == nil {
		return nil
	}
	return splice(b, sx[2], sx[3], "987654321")
}

// ShiftOffsets adds delta to every offset of the last cross-reference
// table (what a file edited in a text editor, or converted from CRLF,
// looks like).
func ShiftOffsets(b []byte, delta int) []byte {
	return mapEntries(b, func(off int) int { return max(0, off+delta) })
}

// ZeroOffsets sets every offset of the last table to 0.
func ZeroOffsets(b []byte) []byte {
	return mapEntries(b, func(int) int { return 0 })
}

func mapEntries(b []byte, f func(int) int) []byte {
	out := bytes.Clone(b)
	m := lastMatch(tableRE, out)
	if m == nil {
		return nil
	}
	start := m[0]
	for _, m := range entryRE.FindAllSubmatchIndex(out[start:], -1) {
		off, _ := strconv.Atoi(string(out[start+m[2] : start+m[3]]))
		copy(out[start+m[2]:start+m[3]], fmt.Sprintf("%010d", f(off)))
	}
	return out
}

// ShortLengths makes every stream's /Length one byte short, direct or
// indirect, keeping the file's byte count (a digit lost is replaced by
// a space) so that the cross-reference table stays right.
func ShortLengths(b []byte) []byte {
	out := bytes.Clone(b)
	indirect := map[string]bool{}
	for _, m := range lengthRE.FindAllSubmatchIndex(out, -1) {
		if m[4] >= 0 {
			indirect[string(out[m[6]:m[7]])] = true
			continue
		}
		decrement(out, m[2], m[3])
	}
	for num := range indirect {
		re := regexp.MustCompile(`(?:^|[\r\n])` + num + `\s+0\s+obj\s*(\d+)\s*endobj`)
		if m := re.FindSubmatchIndex(out); m != nil {
			decrement(out, m[2], m[3])
		}
	}
	return out
}

// decrement rewrites the decimal number in b[i:j] one less, in place.
func decrement(b []byte, i, j int) {
	n, _ := strconv.Atoi(string(b[i:j]))
	if n == 0 {
		return
	}
	s := strconv.Itoa(n - 1)
	copy(b[i:j], strings.Repeat(" ", j-i-len(s))+s)
}

func splice(b []byte, i, j int, s string) []byte {
	out := make([]byte, 0, len(b)+len(s))
	out = append(out, b[:i]...)
	out = append(out, s...)
	return append(out, b[j:]...)
}
