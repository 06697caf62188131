// Command measure compares zhibiao's PDF text extraction with pdftotext on
// corpus reports rendered to PDF. It is a development tool: it needs the
// shared corpus, ../shared/tools/render-pdf (LibreOffice, ReportLab)
// and poppler's pdftotext, none of which the tests need.
//
// Usage:
//
//	go run ./extract/internal/measure [-render] [-styles lo-serif,lo-spaced,rl-stsong] -out /tmp/measure CORPUS.txt...
//
// Other producers: -render-pdf fixtures/make-producers.py -styles
// chrome,wk,wordlike (and cairo once lo-serif is rendered), which takes
// the same arguments as render-pdf.
//
// Each report is first read as text by extract.Open; that clean text is
// the reference and is what gets rendered (so the site furniture of web
// scrapes is not in the PDFs). With -render the PDFs are (re)made in
// OUT/pdf. Then every PDF is read by extract.Open and by
// `pdftotext -enc UTF-8`, and both are scored against the reference:
// character accuracy (whitespace ignored), reference paragraphs found
// whole as a line, places with a space between two Han characters, page
// number lines left, and extra copies of the title (a running header: a
// title line, a line whose first cell is the title, or the title with a
// date or page number inside a paragraph),
// both beyond what the reference itself has.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/extract/internal/textcmp"
)

type score struct {
	acc, whole          float64
	han, pageNums, hdrs int
	secs                float64
}

func main() {
	render := flag.Bool("render", false, "render the PDFs (else reuse OUT/pdf)")
	styles := flag.String("styles", "lo-serif,lo-spaced,rl-stsong", "render-pdf styles")
	out := flag.String("out", "/tmp/measure", "work folder")
	tool := flag.String("render-pdf", "../shared/tools/render-pdf", "the renderer (default: next to the repository, run from its root)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("measure: ")
	srcDir, pdfDir := filepath.Join(*out, "src"), filepath.Join(*out, "pdf")
	for _, d := range []string{srcDir, pdfDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			log.Fatal(err)
		}
	}
	var sum [2]score
	n := 0
	fmt.Printf("%-44s %-10s | %-36s | %-36s\n", "", "", "zhibiao: acc whole han pgnum hdr ms", "pdftotext: acc whole han pgnum hdr ms")
	for _, file := range flag.Args() {
		ref, err := extract.Open(file)
		if err != nil {
			log.Printf("%s: %v", file, err)
			continue
		}
		stem := strings.TrimSuffix(filepath.Base(file), ".txt")
		src := filepath.Join(srcDir, stem+".txt")
		if err := os.WriteFile(src, []byte(ref.Text+"\n"), 0o644); err != nil {
			log.Fatal(err)
		}
		want := make([]string, len(ref.Paragraphs))
		for i, p := range ref.Paragraphs {
			want[i] = p.Text
		}
		for _, style := range strings.Split(*styles, ",") {
			pdf := filepath.Join(pdfDir, stem+"."+style+".pdf")
			if *render {
				if b, err := exec.Command(*tool, src, pdfDir, style).CombinedOutput(); err != nil {
					log.Printf("render %s %s: %v\n%s", stem, style, err, b)
					continue
				}
			}
			if _, err := os.Stat(pdf); err != nil {
				log.Printf("%v (run with -render)", err)
				continue
			}
			var s [2]score
			start := time.Now()
			doc, err := extract.Open(pdf)
			s[0].secs = time.Since(start).Seconds()
			text := ""
			if err != nil {
				log.Printf("%s: %v", pdf, err)
			}
			if doc != nil {
				text = doc.Text
			}
			s[0] = measure(text, ref, want, s[0].secs)
			start = time.Now()
			b, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			secs := time.Since(start).Seconds()
			if err != nil {
				log.Printf("pdftotext %s: %v", pdf, err)
			}
			s[1] = measure(strings.ReplaceAll(string(b), "\f", "\n"), ref, want, secs)
			fmt.Printf("%-44s %-10s | %s | %s\n", stem, style, s[0], s[1])
			for i := range sum {
				sum[i].acc += s[i].acc
				sum[i].whole += s[i].whole
				sum[i].han += s[i].han
				sum[i].pageNums += s[i].pageNums
				sum[i].hdrs += s[i].hdrs
				sum[i].secs += s[i].secs
			}
			n++
		}
	}
	if n > 0 {
		for i := range sum {
			sum[i].acc /= float64(n)
			sum[i].whole /= float64(n)
			sum[i].secs /= float64(n)
		}
		fmt.Printf("%-44s %-10s | %s | %s\n", fmt.Sprintf("MEAN over %d PDFs (han/pgnum/hdr: totals)", n), "", sum[0], sum[1])
	}
}

func measure(text string, ref *extract.Document, want []string, secs float64) score {
	whole, _ := textcmp.Whole(text, want)
	return score{
		acc:      textcmp.Accuracy(text, ref.Text),
		whole:    whole,
		han:      textcmp.HanSpaces(text),
		pageNums: max(0, textcmp.PageNumbers(text)-textcmp.PageNumbers(ref.Text)),
		hdrs:     max(0, textcmp.Headers(text, ref.Title)-textcmp.Headers(ref.Text, ref.Title)),
		secs:     secs,
	}
}

func (s score) String() string {
	return fmt.Sprintf("%.4f %.3f %4d %4d %4d %6.0f", s.acc, s.whole, s.han, s.pageNums, s.hdrs, s.secs*1000)
}
