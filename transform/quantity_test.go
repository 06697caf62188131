package transform

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// A scanTest is a text with one span bracketed ⟦…⟧ and what the scanner
// must find there. Empty want fields: unit "" (kindBare), scale "1".
type scanTest struct {
	in     string
	value  string // decimal string
	max    string // "" when no range
	unit   string
	std    string
	scale  string // "" means 1
	kind   kind
	approx Bound
	nf     string
}

var scanTests = []scanTest{
	// Amounts with scale words.
	{in: "预计实现税收总收入⟦15亿元⟧,同比下降15%", value: "15", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "合同外资⟦25494.69万美元⟧,", value: "25494.69", unit: "万美元", std: "美元", scale: "10000", kind: kindAmount},
	{in: "合同外资⟦25,494.69万美元⟧,", value: "25494.69", unit: "万美元", std: "美元", scale: "10000", kind: kindAmount},
	{in: "办件量⟦12万件⟧", value: "12", unit: "万件", std: "件", scale: "10000", kind: kindAmount},
	{in: "累计完工面积达⟦71.4万平方米⟧。", value: "71.4", unit: "万平方米", std: "平方米", scale: "10000", kind: kindAmount},
	{in: "支出规模⟦29.7万亿元⟧、", value: "29.7", unit: "万亿元", std: "元", scale: "1000000000000", kind: kindAmount},
	{in: "投资⟦3千万元⟧", value: "3", unit: "千万元", std: "元", scale: "10000000", kind: kindAmount},
	{in: "粮食产量⟦1.39万亿斤⟧", value: "1.39", unit: "万亿斤", std: "斤", scale: "1000000000000", kind: kindAmount},
	{in: "收入⟦193483元⟧，", value: "193483", unit: "元", std: "元", kind: kindAmount},
	{in: "达⟦1.8亿人⟧，", value: "1.8", unit: "亿人", std: "人", scale: "100000000", kind: kindAmount},
	{in: "为⟦3.31亿人次⟧劳动者", value: "3.31", unit: "亿人次", std: "人次", scale: "100000000", kind: kindAmount},
	{in: "外资⟦3亿元人民币⟧", value: "3", unit: "亿元人民币", std: "元", scale: "100000000", kind: kindAmount},
	// Spaces between number and unit.
	{in: "税收总收入⟦15 亿元⟧,", value: "15", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "税收总收入⟦15\u00a0亿元⟧,", value: "15", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "共计 ⟦60.6 万个⟧，", value: "60.6", unit: "万个", std: "个", scale: "10000", kind: kindAmount},
	{in: "增长 ⟦3.1 %⟧，", value: "3.1", unit: "%", std: "%", kind: kindPercent},
	// Full-width.
	{in: "收入⟦１５亿元⟧", value: "15", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "增长⟦１２．５％⟧", value: "12.5", unit: "％", std: "%", kind: kindPercent},
	// The full-width comma is a clause break.
	{in: "新增⟦20⟧，300家企业", value: "20", kind: kindBare},
	{in: "共⟦1⟧,23个", value: "1", kind: kindBare},
	// Chinese numerals.
	{in: "新增就业⟦两万人⟧", value: "2", unit: "万人", std: "人", scale: "10000", kind: kindAmount},
	{in: "投资⟦三千二百万元⟧", value: "3200", unit: "万元", std: "元", scale: "10000", kind: kindAmount},
	{in: "规模⟦一万五千亿元⟧", value: "15000", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "总量⟦二十万亿元⟧", value: "20", unit: "万亿元", std: "元", scale: "1000000000000", kind: kindAmount},
	{in: "建成⟦一百零五个⟧", value: "105", unit: "个", std: "个", kind: kindAmount},
	{in: "⟦两次⟧降低存款准备金率", value: "2", unit: "次", std: "次", kind: kindAmount},
	{in: "引进⟦十个⟧项目", value: "10", unit: "个", std: "个", kind: kindAmount},
	{in: "共⟦壹佰贰拾万元⟧", value: "120", unit: "万元", std: "元", scale: "10000", kind: kindAmount},
	{in: "解决⟦三万五千人⟧就业", value: "35000", unit: "人", std: "人", kind: kindAmount},
	// Mixed numerals.
	{in: "规模⟦1.5万亿元⟧", value: "1.5", unit: "万亿元", std: "元", scale: "1000000000000", kind: kindAmount},
	{in: "共⟦3万4000人⟧", value: "34000", unit: "人", std: "人", kind: kindAmount},
	{in: "共⟦25万6千元⟧", value: "256000", unit: "元", std: "元", kind: kindAmount},
	// Units that start with a scale rune.
	{in: "装机⟦50万千瓦⟧", value: "50", unit: "万千瓦", std: "千瓦", scale: "10000", kind: kindAmount},
	{in: "发电量⟦8.5亿千瓦时⟧", value: "8.5", unit: "亿千瓦时", std: "千瓦时", scale: "100000000", kind: kindAmount},
	{in: "电站⟦10兆瓦⟧", value: "10", unit: "兆瓦", std: "兆瓦", kind: kindAmount},
	{in: "里程⟦300千米⟧", value: "300", unit: "千米", std: "千米", kind: kindAmount},
	{in: "⟦5万吨标准煤⟧", value: "5", unit: "万吨标准煤", std: "吨标准煤", scale: "10000", kind: kindAmount},
	{in: "吞吐量⟦120万标箱⟧", value: "120", unit: "万标箱", std: "标箱", scale: "10000", kind: kindAmount},
	{in: "⟦1000亩⟧", value: "1000", unit: "亩", std: "亩", kind: kindAmount},
	{in: "绿化面积⟦6.9公顷⟧", value: "6.9", unit: "公顷", std: "公顷", kind: kindAmount},
	{in: "护岸⟦6.7公里⟧。", value: "6.7", unit: "公里", std: "公里", kind: kindAmount},
	{in: "供水⟦2亿立方米⟧", value: "2", unit: "亿立方米", std: "立方米", scale: "100000000", kind: kindAmount},
	{in: "人均预期寿命⟦79岁⟧", value: "79", unit: "岁", std: "岁", kind: kindAmount},
	// Compound units.
	{in: "亩均税收达到⟦22.9万元每亩⟧,", value: "22.9", unit: "万元每亩", std: "元/亩", scale: "10000", kind: kindAmount},
	{in: "浓度达到⟦35微克每立方米⟧以下", value: "35", unit: "微克每立方米", std: "微克/立方米", kind: kindAmount},
	{in: "年均浓度为⟦56.7微克/立方米⟧，", value: "56.7", unit: "微克/立方米", std: "微克/立方米", kind: kindAmount},
	{in: "价格⟦3000元/吨⟧", value: "3000", unit: "元/吨", std: "元/吨", kind: kindAmount},
	{in: "⟦12万元/人⟧", value: "12", unit: "万元/人", std: "元/人", scale: "10000", kind: kindAmount},
	{in: "密度⟦150人/平方公里⟧", value: "150", unit: "人/平方公里", std: "人/平方公里", kind: kindAmount},
	{in: "千人汽车⟦30辆/万人⟧", value: "30", unit: "辆/万人", std: "辆/万人", kind: kindAmount},
	{in: "孕产妇死亡率⟦14.3/10万⟧", value: "14.3", unit: "/10万", std: "/10万", kind: kindAmount},
	// Rates.
	{in: "同比增长⟦25%⟧", value: "25", unit: "%", std: "%", kind: kindPercent},
	{in: "出生率为⟦6.19‰⟧，", value: "6.19", unit: "‰", std: "‰", kind: kindPercent},
	{in: "比去年提升⟦5个百分点⟧。", value: "5", unit: "个百分点", std: "个百分点", kind: kindPoints},
	{in: "提高⟦0.4百分点⟧", value: "0.4", unit: "百分点", std: "个百分点", kind: kindPoints},
	{in: "提高⟦一个百分点⟧", value: "1", unit: "个百分点", std: "个百分点", kind: kindPoints},
	{in: "增长⟦百分之八点五⟧", value: "8.5", unit: "%", std: "%", kind: kindPercent},
	{in: "占⟦百分之二十五⟧", value: "25", unit: "%", std: "%", kind: kindPercent},
	{in: "下降⟦千分之三⟧", value: "3", unit: "‰", std: "‰", kind: kindPercent},
	{in: "占⟦三分之一⟧", value: "33.33", unit: "%", std: "%", kind: kindPercent, approx: About},
	{in: "占⟦四分之一⟧", value: "25", unit: "%", std: "%", kind: kindPercent},
	{in: "超过⟦一半⟧", value: "50", unit: "%", std: "%", kind: kindPercent},
	{in: "增长⟦两成⟧", value: "2", unit: "成", std: "%", scale: "10", kind: kindPercent},
	{in: "是去年的⟦1.5倍⟧", value: "1.5", unit: "倍", std: "倍", kind: kindMultiple},
	{in: "增长⟦两倍⟧", value: "2", unit: "倍", std: "倍", kind: kindMultiple},
	{in: "经济总量⟦翻一番⟧", value: "2", unit: "倍", std: "倍", kind: kindMultiple, nf: nfName}, // read, but no figure
	{in: "收入⟦翻两番⟧", value: "4", unit: "倍", std: "倍", kind: kindMultiple, nf: nfName},
	{in: "增长⟦-2.3%⟧", value: "-2.3", unit: "%", std: "%", kind: kindPercent},
	// Approximation inside the span.
	{in: "超⟦3.5亿多元⟧", value: "3.5", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount, approx: Over},
	{in: "带动⟦两万余人⟧", value: "2", unit: "万人", std: "人", scale: "10000", kind: kindAmount, approx: Over},
	{in: "⟦6600多万⟧纳税人", value: "6600", unit: "万", scale: "10000", kind: kindBare, approx: Over},
	{in: "查扣电动车⟦6300余辆⟧,", value: "6300", unit: "辆", std: "辆", kind: kindAmount, approx: Over},
	{in: "举办⟦40余场次⟧。", value: "40", unit: "场次", std: "场次", kind: kindAmount, approx: Over},
	{in: "惠及⟦3400多万人次⟧。", value: "3400", unit: "万人次", std: "人次", scale: "10000", kind: kindAmount, approx: Over},
	{in: "⟦十几个⟧国家", value: "10", unit: "个", std: "个", kind: kindAmount, approx: Over},
	{in: "⟦几十万人⟧", value: "10", unit: "万人", std: "人", scale: "10000", kind: kindAmount, approx: Over},
	{in: "⟦三十几万元⟧", value: "30", unit: "万元", std: "元", scale: "10000", kind: kindAmount, approx: Over},
	{in: "⟦数百家⟧企业", value: "100", unit: "家", std: "家", kind: kindAmount, approx: Over},
	{in: "惠及⟦上千万⟧家庭", value: "1000", unit: "万", scale: "10000", kind: kindBare, approx: AtLeast},
	{in: "⟦100多个⟧", value: "100", unit: "个", std: "个", kind: kindAmount, approx: Over},
	// Ranges.
	{in: "增长⟦5%-6%⟧", value: "5", max: "6", unit: "%", std: "%", kind: kindPercent},
	{in: "增长⟦5-6%⟧", value: "5", max: "6", unit: "%", std: "%", kind: kindPercent},
	{in: "增长⟦5～6%⟧", value: "5", max: "6", unit: "%", std: "%", kind: kindPercent},
	{in: "⟦3至5个⟧", value: "3", max: "5", unit: "个", std: "个", kind: kindAmount},
	{in: "⟦3到5亿元⟧", value: "3", max: "5", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "⟦3亿至5亿元⟧", value: "3", max: "5", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "⟦8000万至1.2亿元⟧", value: "0.8", max: "1.2", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "⟦3～5⟧", value: "3", max: "5", kind: kindBare},
	{in: "⟦200～499张⟧床位医院", value: "200", max: "499", unit: "张", std: "张", kind: kindAmount},
	{in: "⟦五六百人⟧", value: "500", max: "600", unit: "人", std: "人", kind: kindAmount},
	{in: "⟦两三个⟧", value: "2", max: "3", unit: "个", std: "个", kind: kindAmount},
	{in: "⟦三四十万元⟧", value: "30", max: "40", unit: "万元", std: "元", scale: "10000", kind: kindAmount},
	{in: "⟦5万至6万吨⟧", value: "5", max: "6", unit: "万吨", std: "吨", scale: "10000", kind: kindAmount},
	// Bare numbers are figure candidates.
	{in: "调整为⟦3.6⟧:48:48.4", value: "3.6", kind: kindBare},
	{in: "引进⟦50亿⟧项目1个", value: "50", unit: "亿", scale: "100000000", kind: kindBare},
	{in: "为⟦138万⟧残疾人", value: "138", unit: "万", scale: "10000", kind: kindBare},
	// Not figures.
	{in: "⟦2020年⟧度工作总结", value: "2020", unit: "年", std: "年", kind: kindAmount, nf: nfYear},
	{in: "⟦二〇二〇年⟧", value: "2020", unit: "年", std: "年", kind: kindAmount, nf: nfYear},
	{in: "⟦2020-2021⟧学年", value: "2020", max: "2021", kind: kindBare, nf: nfYear},
	{in: "⟦2021—2025年⟧", value: "2021", max: "2025", unit: "年", std: "年", kind: kindAmount, nf: nfYear},
	{in: "⟦12月⟧底", value: "12", unit: "月", std: "月", kind: kindAmount, nf: nfDate},
	{in: "12月⟦5日⟧召开", value: "5", unit: "日", std: "日", kind: kindAmount, nf: nfDate},
	{in: "今年⟦1-11月⟧,", value: "1", max: "11", unit: "月", std: "月", kind: kindAmount, nf: nfDate},
	{in: "⟦一季度⟧同比增长5.3%", value: "1", unit: "季度", std: "季度", kind: kindAmount, nf: nfDate},
	{in: "时间：⟦2026-02-12⟧", value: "2026", nf: nfDate},
	{in: "连续⟦三年⟧", value: "3", unit: "年", std: "年", kind: kindAmount, nf: nfDuration},
	{in: "平均住院日⟦8.6日⟧", value: "8.6", unit: "日", std: "日", kind: kindAmount},
	{in: "平均住院日⟦8日⟧", value: "8", unit: "日", std: "日", kind: kindAmount},
	{in: "穿透⟦百亿次⟧", value: "100", unit: "亿次", std: "次", scale: "100000000", kind: kindAmount},
	{in: "跨越⟦千亿⟧台阶", value: "1000", unit: "亿", scale: "100000000", kind: kindBare},
	{in: "⟦3万多⟧居民", value: "3", unit: "万", scale: "10000", kind: kindBare, approx: Over},
	{in: "增加到⟦22类⟧。", value: "22", unit: "类", std: "类", kind: kindAmount},
	{in: "受教育年限⟦10.23年⟧", value: "10.23", unit: "年", std: "年", kind: kindAmount},
	{in: "⟦1998⟧、1999年", value: "1998", kind: kindBare, nf: nfYear},
	{in: "⟦一九七一年⟧到一九七八年", value: "1971", unit: "年", std: "年", kind: kindAmount, nf: nfYear},
	{in: "一九七一年到⟦一九七八年⟧的", value: "1978", unit: "年", std: "年", kind: kindAmount, nf: nfYear},
	{in: "汽车	⟦356605⟧	-2.0", value: "356605", kind: kindBare},
	{in: "汽车	356605	⟦-2.0⟧", value: "-2", kind: kindBare},
	{in: "建设2个以上⟦百亿元⟧级项目", value: "100", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "⟦百余家⟧", value: "100", unit: "家", std: "家", kind: kindAmount, approx: Over},
	{in: "⟦万余人⟧", value: "10000", unit: "人", std: "人", kind: kindAmount, approx: Over},
	{in: "近⟦百个⟧", value: "100", unit: "个", std: "个", kind: kindAmount},
	{in: "经济总量⟦翻了一番⟧", value: "2", unit: "倍", std: "倍", kind: kindMultiple, nf: nfName},
	{in: "占⟦三成五⟧", value: "3.5", unit: "成", std: "%", scale: "10", kind: kindPercent},
	{in: "⟦三成⟧以上", value: "3", unit: "成", std: "%", scale: "10", kind: kindPercent},
	{in: "第⟦一季度⟧", value: "1", unit: "季度", std: "季度", kind: kindAmount, nf: nfDate},
	{in: "登记经营主体⟦31.46万\n户⟧，", value: "31.46", unit: "万户", std: "户", scale: "10000", kind: kindAmount},
	{in: "再就业⟦4.27\n万人⟧。", value: "4.27", unit: "万人", std: "人", scale: "10000", kind: kindAmount},
	{in: "城东污水处理厂⟦6.6万方⟧存量污泥", value: "6.6", unit: "万方", std: "方", scale: "10000", kind: kindAmount},
	{in: "⟦6个月⟧", value: "6", unit: "个月", std: "个月", kind: kindAmount, nf: nfDuration},
	{in: "第⟦二轮⟧", value: "2", unit: "轮", std: "轮", kind: kindAmount, nf: nfOrdinal},
	{in: "第⟦三届⟧", value: "3", unit: "届", std: "届", kind: kindAmount, nf: nfOrdinal},
	{in: "排名第⟦1⟧", value: "1", kind: kindBare, nf: nfOrdinal},
	{in: "新⟦一届⟧", value: "1", unit: "届", std: "届", kind: kindAmount, nf: nfOrdinal},
	{in: "产业园⟦二期⟧", value: "2", unit: "期", std: "期", kind: kindAmount, nf: nfOrdinal},
	{in: "十四届全国人大⟦二次⟧会议", value: "2", unit: "次", std: "次", kind: kindAmount, nf: nfOrdinal},
	{in: "区委十四届⟦九次⟧全委会", value: "9", unit: "次", std: "次", kind: kindAmount, nf: nfOrdinal},
	{in: "最多跑⟦一次⟧", value: "1", unit: "次", std: "次", kind: kindAmount, nf: nfArticle},
	{in: "新⟦一轮⟧", value: "1", unit: "轮", std: "轮", kind: kindAmount, nf: nfArticle},
	{in: "预计⟦PM2.5⟧年度平均浓度", value: "0", nf: nfName},
	{in: "⟦5G⟧基站", value: "0", nf: nfName},
	{in: "为“⟦十四五⟧”规划", value: "0", nf: nfName},
	{in: "党的⟦二十大⟧", value: "0", nf: nfName},
	{in: "双山⟦3A⟧级景区", value: "0", nf: nfName},
	{in: "⟦一二期⟧累计", value: "0", nf: nfName},
	{in: "⟦C919⟧大飞机", value: "0", nf: nfName},
	{in: "G⟦318⟧国道", value: "318", kind: kindBare, nf: nfName},
	{in: "世界⟦500⟧强", value: "500", kind: kindBare, nf: nfName},
	{in: "国内生产总值[⟦2⟧]", value: "2", kind: kindBare, nf: nfFootnote},
	{in: "（⟦1⟧）", value: "1", kind: kindBare, nf: nfList},
	{in: "⟦1⟧.全力保障", value: "1", kind: kindBare, nf: nfList},
	{in: "。⟦2⟧、加快", value: "2", kind: kindBare, nf: nfList},
	{in: "— ⟦3⟧ —", value: "3", kind: kindBare, nf: nfPage},
	{in: "见表⟦1⟧）", value: "1", kind: kindBare, nf: nfName},
	{in: "“⟦两个确保⟧”", value: "0", nf: nfName},
	{in: "强化“⟦三支⟧队伍”建设", value: "3", unit: "支", std: "支", kind: kindAmount, nf: nfName},
	{in: "强化光伏硅片切割⟦三元⟧布局", value: "3", unit: "元", std: "元", kind: kindAmount, nf: nfName},
	{in: "引导⟦三元⟧、元盛、鼎盛等传统工业企业", value: "3", unit: "元", std: "元", kind: kindAmount, nf: nfName},
	{in: "⟦COVID-19⟧疫情", value: "0", nf: nfName},
	{in: "本产品标准第1.2.⟦1条⟧所述", value: "1", unit: "条", std: "条", kind: kindAmount, nf: nfList},
	{in: "公共安全支出（⟦204类⟧）司法", value: "204", unit: "类", std: "类", kind: kindAmount, nf: nfName},
	{in: "司法（⟦01项⟧）", value: "1", unit: "项", std: "项", kind: kindAmount, nf: nfName},
	{in: "⟦7．2025年⟧预算单位国有资本经营预算支出功能分类预算表", value: "7.2025", unit: "年", std: "年", kind: kindAmount, nf: nfList},
	{in: "平均受教育年限⟦10.23年⟧", value: "10.23", unit: "年", std: "年", kind: kindAmount},
	// A minus run into the English word before it (a bilingual datasheet).
	{in: "Operating temperature⟦-20 ~ 55℃⟧", value: "-20", max: "55", unit: "℃", std: "℃", kind: kindAmount},
	{in: "储能容量⟦500千伏安时⟧", value: "500", unit: "千伏安时", std: "千伏安时", kind: kindAmount},
	{in: "酿酒总产量⟦740.73万千升⟧", value: "740.73", unit: "万千升", std: "千升", scale: "10000", kind: kindAmount},
	{in: "客运总量⟦17.9亿乘次⟧", value: "17.9", unit: "亿乘次", std: "乘次", scale: "100000000", kind: kindAmount},
	// Scale words with no digit after a bound word; 万家 is a word only
	// when no bound word stands before it.
	{in: "地区生产总值接近⟦万亿元⟧", value: "10000", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount},
	{in: "服务近⟦万家⟧企业", value: "10000", unit: "家", std: "家", kind: kindAmount},
	{in: "超⟦万人⟧参加", value: "10000", unit: "人", std: "人", kind: kindAmount},
	{in: "投资⟦上百亿元⟧", value: "100", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount, approx: AtLeast},
	// Two digits listed before one place word: a range.
	{in: "年发电⟦二、三百亿度⟧", value: "200", max: "300", unit: "亿度", std: "度", scale: "100000000", kind: kindAmount},
	// Units of health and research statistics; points of a ‰ rate.
	{in: "实际占用⟦30万床日⟧", value: "30", unit: "万床日", std: "床日", scale: "10000", kind: kindAmount},
	{in: "投入科研⟦5000人年⟧", value: "5000", unit: "人年", std: "人年", kind: kindAmount},
	{in: "比上年提高⟦0.01个千分点⟧。", value: "0.01", unit: "个千分点", std: "‰", kind: kindAmount},
	// A one-rune unit that starts a word is no unit.
	{in: "⟦14亿⟧人口", value: "14", unit: "亿", scale: "100000000", kind: kindBare},
	{in: "实现⟦2⟧位数增长", value: "2", kind: kindBare},
	// Amounts inside names of classes and programmes.
	{in: "实施新一轮⟦千亿斤⟧粮食产能提升行动", value: "1000", unit: "亿斤", std: "斤", scale: "100000000", kind: kindAmount, nf: nfName},
	{in: "新增培育⟦10亿元⟧企业2家", value: "10", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount, nf: nfName},
	{in: "其中⟦10亿元⟧以上项目9个", value: "10", unit: "亿元", std: "元", scale: "100000000", kind: kindAmount, nf: nfName},
	{in: "总投资⟦1.2万亿元⟧的重点项目", value: "1.2", unit: "万亿元", std: "元", scale: "1000000000000", kind: kindAmount},
	{in: "⟦和平共处五项原则⟧", value: "0", nf: nfName},
	{in: "增速连续⟦11个季度⟧居全国前10位", value: "11", unit: "个季度", std: "个季度", kind: kindAmount, nf: nfDuration},
	// A service's reach or hours.
	{in: "建成城市⟦15分钟⟧、农村30分钟医疗服务圈", value: "15", unit: "分钟", std: "分钟", kind: kindAmount, nf: nfName},
	{in: "实现⟦24小时⟧“不打烊”", value: "24", unit: "小时", std: "小时", kind: kindAmount, nf: nfName},
	{in: "平均通勤时间⟦35分钟⟧。", value: "35", unit: "分钟", std: "分钟", kind: kindAmount},
	// A denominator in brackets.
	{in: "降尘为⟦2.56吨/（平方千米×30天）⟧，", value: "2.56", unit: "吨/（平方千米×30天）", std: "吨/（平方千米×30天）", kind: kindAmount},
	// 持平 is a change of 0 %, but not in 保持平稳 or 基本持平.
	{in: "居民消费价格与上年⟦持平⟧。", value: "0", unit: "%", std: "%", kind: kindPercent},
	// A unit shared by a list: 12.7个 is 12.7个百分点.
	{in: "分别高于全国⟦12.7个⟧、12个百分点", value: "12.7", unit: "个百分点", std: "个百分点", kind: kindPoints},
	{in: "建成⟦12个⟧、新建5个项目", value: "12", unit: "个", std: "个", kind: kindAmount},
	{in: "诞辰⟦120周年⟧", value: "120", unit: "周年", std: "周年", kind: kindAmount, nf: nfOrdinal},
}

// parseBracketed strips ⟦⟧ from in and returns the text and the rune span.
func parseBracketed(t *testing.T, in string) ([]rune, int, int) {
	t.Helper()
	in = strings.ReplaceAll(in, `\u00a0`, "\u00a0")
	var text []rune
	start, end := -1, -1
	for _, r := range in {
		switch r {
		case '⟦':
			start = len(text)
		case '⟧':
			end = len(text)
		default:
			text = append(text, r)
		}
	}
	if start < 0 || end < start {
		t.Fatalf("%q: no ⟦span⟧", in)
	}
	return text, start, end
}

func TestScanQuantities(t *testing.T) {
	for _, tt := range scanTests {
		t.Run(tt.in, func(t *testing.T) {
			text, start, end := parseBracketed(t, tt.in)
			qs := scanQuantities(text)
			var got *quantity
			for i := range qs {
				if qs[i].Start == start {
					got = &qs[i]
				}
			}
			if got == nil {
				var all []string
				for _, q := range qs {
					all = append(all, fmtQ(text, q))
				}
				t.Fatalf("no span at %d; got:\n%s", start, strings.Join(all, "\n"))
			}
			q := *got
			scale := tt.scale
			if scale == "" {
				scale = "1"
			}
			mx := ""
			if q.Max != nil {
				mx = q.Max.String()
			}
			if q.End != end || q.Value.String() != tt.value || mx != tt.max || q.Unit != tt.unit ||
				q.StdUnit != tt.std || q.Scale.String() != scale || q.Kind != tt.kind || q.Approx != tt.approx || q.NotFigure != tt.nf {
				t.Errorf("got  %s [%d,%d)\nwant end=%d v=%s max=%s unit=%q std=%q scale=%s kind=%d approx=%q nf=%q",
					fmtQ(text, q), q.Start, q.End, end, tt.value, tt.max, tt.unit, tt.std, scale, tt.kind, tt.approx, tt.nf)
			}
		})
	}
}

// TestScanNoFigure checks texts in which no span may be a figure.
func TestScanNoFigure(t *testing.T) {
	for _, in := range []string{
		"一是加强领导，二是完善机制",
		"党的二十届三中全会精神",
		"进一步统一思想，打造一批重点项目，出台一系列政策",
		"千方百计稳就业，惠及千家万户",
		"坚持“两个毫不动摇”，增强“四个意识”",
		"唯一的，之一，同一个",
		"一带一路，双循环，六稳六保，一企一策，一老一小",
		"十分重要，万物互联，百姓满意",
		"支持汽车整车和零部件企业",
		"一体化发展，一站式服务，一次性告知",
		"三类水及以上，第一产业，第三产业增加值",
		"五湖四海",
		"一到五台山",
		"严格落实中央八项规定精神，和平共处五项原则",
		"经济保持平稳增长，支持平煤神马集团，平均住院日基本持平。",
		"臭氧日最大8小时平均浓度第90百分位数",
	} {
		text := []rune(in)
		for _, q := range scanQuantities(text) {
			if q.NotFigure == "" {
				t.Errorf("%q: figure %s", in, fmtQ(text, q))
			}
		}
	}
}

func BenchmarkScanQuantities(b *testing.B) {
	raw, err := os.ReadFile("../fixtures/seed-2020-jiedao.txt")
	if err != nil {
		raw, err = os.ReadFile("../../shared/corpus/seed-2020-jiedao.txt")
	}
	if err != nil {
		b.Skip("seed report not found")
	}
	text := []rune(string(raw))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(scanQuantities(text))
	}
	b.ReportMetric(float64(n), "spans/op")
}

var dumpFile = flag.String("dumpq", "", "print the quantities scanned in this file")

// TestDumpQuantities prints every span of -dumpq FILE (for eyeballing).
func TestDumpQuantities(t *testing.T) {
	if *dumpFile == "" {
		t.Skip("no -dumpq")
	}
	b, err := os.ReadFile(*dumpFile)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(string(b))
	for _, q := range scanQuantities(text) {
		fmt.Println(fmtQ(text, q))
	}
}

func fmtQ(text []rune, q quantity) string {
	lo := max(q.Start-8, 0)
	hi := min(q.End+4, len(text))
	ctx := strings.ReplaceAll(string(text[lo:q.Start])+"⟦"+string(text[q.Start:q.End])+"⟧"+string(text[q.End:hi]), "\n", "⏎")
	mx := ""
	if q.Max != nil {
		mx = " max=" + q.Max.String()
	}
	return fmt.Sprintf("%-40s v=%s%s unit=%q std=%q scale=%s kind=%d approx=%q nf=%q", ctx, q.Value, mx, q.Unit, q.StdUnit, q.Scale, q.Kind, q.Approx, q.NotFigure)
}
