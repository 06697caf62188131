package transform

// Dimensions: what a standard unit measures, so that figures written in
// different units can be compared ("粮食产量 1.4万亿斤" and "7.07亿吨"). The
// standard units stay as written (DESIGN.md "Standard units"); converting
// is for whoever compares, the summary sheet of the workbook first.

// A conversion places a standard unit in its dimension: one unit is
// factor base units.
type conversion struct {
	dim    string
	factor float64
}

// conversions lists the units whose conversion is exact by definition
// (1 斤 = 0.5 千克, 1 亩 = 1/15 公顷). Units of one dimension convert into
// each other; a unit not listed is a dimension of its own, except counts.
var conversions = map[string]conversion{
	// 质量, in 千克.
	"吨": {"质量", 1000}, "千克": {"质量", 1}, "公斤": {"质量", 1}, "斤": {"质量", 0.5},
	"克": {"质量", 1e-3}, "毫克": {"质量", 1e-6}, "微克": {"质量", 1e-9},
	// 面积, in 平方米.
	"平方米": {"面积", 1}, "平方公里": {"面积", 1e6}, "平方千米": {"面积", 1e6},
	"公顷": {"面积", 1e4}, "亩": {"面积", 1e4 / 15},
	// 长度, in 米.
	"米": {"长度", 1}, "公里": {"长度", 1e3}, "千米": {"长度", 1e3}, "厘米": {"长度", 1e-2}, "毫米": {"长度", 1e-3},
	// 体积, in 立方米 (方 is the builders' 立方米).
	"立方米": {"体积", 1}, "方": {"体积", 1}, "升": {"体积", 1e-3}, "毫升": {"体积", 1e-6},
	// 功率, in 千瓦.
	"瓦": {"功率", 1e-3}, "千瓦": {"功率", 1}, "兆瓦": {"功率", 1e3}, "吉瓦": {"功率", 1e6},
	// 电量, in 千瓦时 (度 is the 千瓦时 of electricity bills).
	"千瓦时": {"电量", 1}, "度": {"电量", 1}, "兆瓦时": {"电量", 1e3},
	// The same units written otherwise: a standard unit keeps its
	// writing (DESIGN.md), and they compare.
	"kg": {"质量", 1}, "吨标准煤": {"能耗", 1}, "吨标煤": {"能耗", 1},
	"平米": {"面积", 1}, "㎡": {"面积", 1}, "m²": {"面积", 1}, "km": {"长度", 1e3},
	"微米": {"长度", 1e-6}, "um": {"长度", 1e-6}, "μm": {"长度", 1e-6},
	"kW": {"功率", 1}, "kw": {"功率", 1}, "KW": {"功率", 1}, "MW": {"功率", 1e3}, "GW": {"功率", 1e6},
	"千瓦小时": {"电量", 1}, "kWh": {"电量", 1}, "kwh": {"电量", 1}, "KWh": {"电量", 1}, "MWh": {"电量", 1e3}, "GWh": {"电量", 1e6},
	"标箱": {"集装箱", 1}, "标准箱": {"集装箱", 1}, "TEU": {"集装箱", 1},
	"℃": {"温度", 1}, "摄氏度": {"温度", 1}, "岁": {"年龄", 1}, "周岁": {"年龄", 1},
	// 人数: people counted as persons.
	"人": {"人数", 1}, "名": {"人数", 1}, "位": {"人数", 1},
}

// countDim is the dimension of counts of places and bodies (个, 家, 所,
// 座, 处): a report that counts 企业 in 家 and another in 个 compare. Other
// measure words count other things (张 beds, 台 machines, 户 households,
// 人次 visits) and are dimensions of their own: "医院 812万张" is not a
// number of hospitals.
const countDim = "件数"

// countUnits are the measure words of countDim.
var countUnits = map[string]bool{"个": true, "家": true, "所": true, "座": true, "处": true}

// Dimension returns what the standard unit u measures: "质量" for 吨, 斤,
// 公斤 …, "面积" for 亩, 公顷, 平方米 …, "长度", "体积", "功率", "电量",
// "人数" (人, 名, 位), "件数" for counts of places and bodies (个, 家, 所,
// 座, 处); any other unit is its own dimension and Dimension returns u
// itself. Figures whose
// units have one dimension can be compared with [ConvertUnit].
func Dimension(u string) string {
	if c, ok := conversions[u]; ok {
		return c.dim
	}
	if countUnits[u] {
		return countDim
	}
	return u
}

// ConvertUnit converts v from the standard unit from into to. It reports
// false when the two do not measure the same dimension. Only conversions
// exact by definition are made (斤 to 吨, 亩 to 公顷, 个 to 家); v is
// returned unchanged when from and to are the same unit.
func ConvertUnit(v float64, from, to string) (float64, bool) {
	if from == to {
		return v, true
	}
	if Dimension(from) != Dimension(to) {
		return 0, false
	}
	f, t := conversions[from], conversions[to]
	if f.factor == 0 || t.factor == 0 { // counts: one for one
		return v, true
	}
	return v * f.factor / t.factor, true
}
