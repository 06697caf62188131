package transform

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// segShared is loaded once for all the tests of the package.
var segShared = sync.OnceValues(newSegmenter)

func segMust(t testing.TB) *segmenter {
	t.Helper()
	s, err := segShared()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// segSeed returns the seed report of the shared corpus, or skips.
func segSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../shared/corpus/seed-2020-jiedao.txt")
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	return string(b)
}

// words renders the tokens of text as "w/pos w/pos …".
func segWords(s *segmenter, text string) string {
	var b strings.Builder
	for i, t := range s.cut([]rune(text)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text + "/" + t.Pos)
	}
	return b.String()
}

// segCheckCover fails unless toks cover text exactly, in order.
func segCheckCover(t *testing.T, text []rune, toks []token) {
	t.Helper()
	at := 0
	for i, tk := range toks {
		if tk.Start != at || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %+v: want start %d, non-empty, end <= %d", i, tk, at, len(text))
		}
		if want := string(text[tk.Start:tk.End]); tk.Text != want {
			t.Fatalf("token %d %+v: text %q, want %q", i, tk, tk.Text, want)
		}
		if tk.Pos == "" {
			t.Fatalf("token %d %+v: no part of speech", i, tk)
		}
		at = tk.End
	}
	if at != len(text) {
		t.Fatalf("tokens end at %d, text has %d runes", at, len(text))
	}
}

func TestCutCovers(t *testing.T) {
	s := segMust(t)
	for _, in := range []string{
		"",
		"GDP增长6.5%，PM2.5浓度下降",
		"Ａｂｃ全角ＧＤＰ与 mixed Case\tWords\n下一行",
		"  前后空格  ",
		"emoji 😀 和组合字符 é 以及 1,234.5、１２．５％",
		"第一行\n第二行\r\n第三行",
	} {
		segCheckCover(t, []rune(in), s.cut([]rune(in)))
	}
	// A lone surrogate cannot be kept: it counts as one rune, as U+FFFD.
	text := []rune{'增', 0xD800, '长'}
	toks := s.cut(text)
	if n := toks[len(toks)-1].End; n != 3 {
		t.Errorf("lone surrogate: tokens end at %d, want 3", n)
	}
}

func TestCutSeed(t *testing.T) {
	s := segMust(t)
	text := []rune(segSeed(t))
	segCheckCover(t, text, s.cut(text))
}

// TestCutWords checks that indicator names, units and numbers come out as
// whole words.
func TestCutWords(t *testing.T) {
	s := segMust(t)
	tests := []struct{ in, want string }{
		{"预计实现税收总收入15亿元，同比下降15%",
			"预计/vn 实现/v 税收总收入/n 15/m 亿元/q ，/x 同比/j 下降/v 15/m %/x"},
		{"全年实现地区生产总值1234.56亿元，增长6.5%",
			"全年/m 实现/v 地区生产总值/n 1234.56/m 亿元/q ，/x 增长/v 6.5/m %/x"},
		{"规上工业总产值25494.69万美元",
			"规上工业总产值/n 25494.69/m 万美元/q"},
		{"一般公共预算收入完成16.4亿元，提高5个百分点",
			"一般公共预算收入/n 完成/v 16.4/m 亿元/q ，/x 提高/v 5/m 个百分点/q"},
		{"限上批零销售额1,234.5亿元，社会消费品零售总额１２．５亿元",
			"限上批零销售额/n 1,234.5/m 亿元/q ，/x 社会消费品零售总额/n １２．５/m 亿元/q"},
		{"常住人口城镇化率达到65.2%",
			"常住人口城镇化率/n 达到/v 65.2/m %/x"},
		{"实到外资2.3亿美元，合同外资5亿美元",
			"实到外资/n 2.3/m 亿美元/q ，/x 合同外资/n 5/m 亿美元/q"},
		{"城镇新增就业1.2万人，城镇调查失业率5.5%",
			"城镇新增就业/n 1.2/m 万人/q ，/x 城镇调查失业率/n 5.5/m %/x"},
		{"GDP增长6.5%", "GDP/n 增长/v 6.5/m %/x"},
		{"新增面积16.4万平方米", "新增/v 面积/n 16.4/m 万平方米/q"},
		{"1,23", "1/m ,/x 23/m"},      // not a thousands group
		{"增长5，6", "增长/v 5/m ，/x 6/m"}, // a clause break, not a separator
	}
	for _, tt := range tests {
		if got := segWords(s, tt.in); got != tt.want {
			t.Errorf("cut(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestCutDomainWords checks that every domain word and catalog name stays
// one token when it stands alone.
func TestCutDomainWords(t *testing.T) {
	s := segMust(t)
	cat, err := loadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, line := range strings.Split(domainDict, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			all = append(all, f[0])
		}
	}
	all = append(all, cat.words...)
	for _, w := range all {
		toks := s.cut([]rune(w))
		if len(toks) != 1 {
			t.Errorf("%s: cut into %q", w, segWords(s, w))
		}
	}
}

func TestCutConcurrent(t *testing.T) {
	s := segMust(t)
	text := []rune("预计实现税收总收入15亿元，同比下降15%，规上工业增加值增长8.5%。")
	if b, err := os.ReadFile("../../shared/corpus/seed-2020-jiedao.txt"); err == nil {
		text = []rune(string(b))
	}
	want := s.cut(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				got := s.cut(text)
				if len(got) != len(want) {
					t.Errorf("concurrent cut: %d tokens, want %d", len(got), len(want))
					return
				}
				for i := range got {
					if got[i] != want[i] {
						t.Errorf("concurrent cut: token %d = %+v, want %+v", i, got[i], want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestLoadCost logs what loading the dictionary costs and guards against
// a regression to gse's full dictionary (2–4 s, ~150–230 MB). The target
// is 0.3 s and 100 MB; BenchmarkLoadDictionary measures it.
func TestLoadCost(t *testing.T) {
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	s, err := newSegmenter()
	d := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	heap := float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / (1 << 20)
	t.Logf("load %v, live heap %.1f MB, allocated %.1f MB, %d words", d.Round(time.Millisecond),
		heap, float64(m1.TotalAlloc-m0.TotalAlloc)/(1<<20), s.seg.Dict.NumTokens())
	if heap > 100 {
		t.Errorf("live heap %.1f MB, want at most 100 MB", heap)
	}
	// Time is only logged: the race detector and a busy machine slow
	// loading down many times. The size of the dictionary is what decides
	// it (gse's full one has 352 279 words).
	if n := s.seg.Dict.NumTokens(); n > 120000 {
		t.Errorf("dictionary has %d words, want at most 120 000 to load fast", n)
	}
	runtime.KeepAlive(s)
}

func FuzzCut(f *testing.F) {
	f.Add("预计实现税收总收入15亿元，同比下降15%")
	f.Add("ＧＤＰ增长１２．５％, PM2.5 1,234.5")
	f.Add("a\u0301\U0001F600\n\t")
	f.Add("\xff\xfe无效\xc3")
	s := segMust(f)
	f.Fuzz(func(t *testing.T, in string) {
		// []rune turns invalid UTF-8 into U+FFFD, so any input is fair.
		segCheckCover(t, []rune(in), s.cut([]rune(in)))
	})
}
