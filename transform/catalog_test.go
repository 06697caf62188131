package transform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	c, err := loadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		// Standard names and synonyms.
		{"地区生产总值", "地区生产总值"},
		{"GDP", "地区生产总值"},
		{"gdp", "地区生产总值"},
		{"ＧＤＰ", "地区生产总值"},
		{"生产总值", "地区生产总值"},
		{"国内生产总值", "国内生产总值"},
		{"规上工业增加值", "规模以上工业增加值"},
		{"规模以上工业增加值", "规模以上工业增加值"},
		{"地方一般公共预算收入", "一般公共预算收入"},
		{"社零总额", "社会消费品零售总额"},
		{"全社会固定资产投资", "固定资产投资"},
		{"税收总收入", "税收收入"},
		{"实到外资", "实际使用外资"},
		{"CPI", "居民消费价格"},
		{"城镇居民人均可支配收入", "城镇居民人均可支配收入"},
		{"农村居民人均可支配收入", "农村居民人均可支配收入"},
		{"外贸进出口总额", "进出口总额"},
		{"执业（助理）医师", "执业医师"},
		{"公共财政预算收入", "一般公共预算收入"}, // the name before 2014
		{"婴儿死亡率", "婴儿死亡率"},
		{"城镇调查失业率平均", "城镇调查失业率"},
		{"全市金融机构本外币各项存款余额", "金融机构存款余额"},
		// Spaces, width, glosses.
		{"地区 生产\u3000总值", "地区生产总值"},
		{"地区生产总值（GDP）", "地区生产总值"},
		{"地区生产总值(ＧＤＰ)", "地区生产总值"},
		{"全市实现地区生产总值（初步核算数）", "地区生产总值"},
		{"（GDP）", ""},
		// Leading scope words, verbs and years.
		{"全市地区生产总值", "地区生产总值"},
		{"全年实现地区生产总值", "地区生产总值"},
		{"全区完成固定资产投资", "固定资产投资"},
		{"我区规上工业增加值", "规模以上工业增加值"},
		{"2023年全市社会消费品零售总额", "社会消费品零售总额"},
		{"预计全年一般公共预算收入", "一般公共预算收入"},
		{"全社会用电量", "全社会用电量"},
		// Another place's figure: not the report's own indicator.
		{"成都市地区生产总值", ""},
		{"高新区规上工业增加值", ""},
		// Sub-measures and other things: no standard name.
		{"", ""},
		{"民营企业进出口总额", ""},
		{"重点项目", ""},
		{"人均地区生产总值增速", ""},
		{"第二产业", ""},
		{"对美出口", ""},
		{"工业", ""},
		{"全市", ""},
		{"2023年", ""},
		{"税收收入占比", ""},
		{"农民工人均可支配收入", ""},
		{"市场主体", ""},
		{"城镇常住人口", ""},
		{"死亡率", ""},           // of a population, or of a disease?
		{"城乡居民人均可支配收入", ""},   // two figures, 分别
		{"规模以上工业增加值增速", ""},   // a rate, not the level
		{"限额以上社会消费品零售总额", ""}, // a part
		{"社会消费品零售总额占比", ""},
		{"山区生产总值", ""},
		{"乡镇一般公共预算收入", ""},
	}
	for _, tt := range tests {
		if got := c.canonical(tt.name); got != tt.want {
			t.Errorf("canonical(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	var nilCat *catalog
	if got := nilCat.canonical("GDP"); got != "" {
		t.Errorf("nil catalog: canonical(GDP) = %q, want \"\"", got)
	}
}

// TestCatalogBuiltin checks the built-in catalog: every name maps to a
// standard name that maps to itself, and no name is listed twice.
func TestCatalogBuiltin(t *testing.T) {
	c, err := loadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	stds := map[string]bool{}
	seen := map[string]int{}
	for i, line := range strings.Split(builtinCatalog, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		stds[f[0]] = true
		names := []string{f[0]}
		if len(f) > 1 {
			names = append(names, strings.Split(f[1], "|")...)
		}
		for _, n := range names {
			k := normName(n)
			if prev, ok := seen[k]; ok {
				t.Errorf("catalog.tsv:%d: %s already listed on line %d", i+1, n, prev)
			}
			seen[k] = i + 1
		}
	}
	if len(stds) < 60 {
		t.Errorf("%d standard names, want at least 60", len(stds))
	}
	for std := range stds {
		if got := c.canonical(std); got != std {
			t.Errorf("canonical(%q) = %q, want itself", std, got)
		}
	}
}

func TestLoadCatalogFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.tsv")
	const extra = "\uFEFF# extra indicators\n\n" +
		"夜间经济营业额\t夜经济营业额| 夜间消费额 \n" +
		"农业总产值\n" +
		"财政总收入\t税收总收入\n" + // moves 税收总收入 away from 税收收入
		"社会消费品零售总额(限上)\t限上社零\n"
	if err := os.WriteFile(path, []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := loadCatalog(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"夜经济营业额":    "夜间经济营业额",
		"夜间消费额":     "夜间经济营业额",
		"全市农业总产值":   "农业总产值",
		"税收总收入":     "财政总收入",
		"GDP":       "地区生产总值", // built-in entries stay
		"限上社零":      "社会消费品零售总额(限上)",
		"社会消费品零售总额": "社会消费品零售总额",
	} {
		if got := c.canonical(name); got != want {
			t.Errorf("canonical(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLoadCatalogErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, text, want string }{
		{"fields.tsv", "# c\n地区生产总值\tGDP\t多余\n", "fields.tsv:2: 3 tab-separated fields"},
		{"bar.tsv", "地区生产总值|GDP\n", "bar.tsv:1: standard name"},
		{"empty.tsv", "\tGDP\n", "empty.tsv:1: missing standard name"},
		{"latin1.tsv", "\xb5\xd8\xc7\xf8\n", "latin1.tsv:1: not UTF-8"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadCatalog(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := loadCatalog(filepath.Join(dir, "missing.tsv")); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("missing file: error %v, want one naming the file", err)
	}
}

// FuzzCatalog feeds arbitrary catalog files and names: reading must fail
// with an error or succeed, and a standard name read must map to itself.
func FuzzCatalog(f *testing.F) {
	f.Add("地区生产总值\tGDP|生产总值\n# c\n", "全市GDP")
	f.Add("\uFEFF\tX\n", "(")
	f.Add("a\tb|c|\t\n", "Ａ")
	f.Fuzz(func(t *testing.T, file, name string) {
		c := &catalog{std: make(map[string]string)}
		if err := c.read(strings.NewReader(file), "fuzz.tsv"); err != nil {
			return
		}
		c.canonical(name)
		for _, std := range c.std {
			if got := c.canonical(std); got == "" {
				t.Errorf("canonical(%q) = \"\", want a standard name", std)
			}
		}
	})
}
