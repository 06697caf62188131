package transform

import "testing"

// TestIndicatorsWords checks the records of figures the scanner reads
// without digits or with rare units, and names the segmenter trims.
func TestIndicatorsWords(t *testing.T) {
	runRecordTests(t, []recordTest{
		{
			name: "share in words",
			in:   []string{"该产业产量超过全球⟦一半。新能源汽车产量接近全国的⟦一半。"},
			want: []string{
				"该产业产量 50%=50% actual > 2020",
				"新能源汽车产量 50%=50% actual ~ 2020",
			},
		},
		{
			name: "scale word without digits",
			in:   []string{"惠及⟦上千万家庭。服务近⟦万家企业。地区生产总值接近⟦万亿元。"},
			want: []string{
				"家庭 1000万户=10000000户 actual >= 2020",
				"企业 10000家=10000家 actual ~ 2020",
				"地区生产总值 10000亿元=1000000000000元 actual ~ 2020",
			},
		},
		{
			name: "people counted",
			in:   []string{"脱贫人口务工规模超过⟦3300万。国家助学贷款提标降息惠及⟦1100多万学生。"},
			want: []string{
				"脱贫人口务工规模 3300万人=33000000人 actual > 2020",
				"学生 1100万人=11000000人 actual > 2020",
			},
		},
		{
			name: "listed range",
			in:   []string{"年发电⟦二、三百亿度。"},
			want: []string{"年发电 200亿度=20000000000度 max:300 actual range 2020"},
		},
		{
			name: "points of a per-mille rate",
			in:   []string{"自然增长率⟦1.83‰，比上年提高0.01个千分点。"},
			want: []string{"自然增长率 1.83‰=1.83‰ Δ:0.01 actual = 2020"},
		},
		{
			name: "change in tenths",
			in:   []string{"网络零售额增长⟦两成。"},
			want: []string{"网络零售额 - yoy:20 actual = 2020"},
		},
		{
			name: "amounts inside names",
			in:   []string{"实施新一轮千亿斤粮食产能提升行动，粮食产量⟦1.39万亿斤。新增培育10亿元企业⟦2家。"},
			want: []string{
				"粮食产量 1.39万亿斤=1390000000000斤 actual = 2020",
				"10亿元企业 2家=2家 actual = 2020",
			},
		},
		{
			name: "leading verbs and function words",
			in: []string{"推动出台管理措施⟦6部，降低企业综合成本⟦3.2亿元，对拉丁美洲出口⟦12亿元，" +
				"共查处社会组织违法违规案件⟦15件，享受综合补贴的老年人⟦3万人，央视⟦36次推介恩施市，出口总额⟦20亿元。"},
			want: []string{
				"管理措施 6部=6部 actual = 2020",
				"企业综合成本 3.2亿元=320000000元 actual = 2020",
				"拉丁美洲出口 12亿元=1200000000元 actual = 2020",
				"社会组织违法违规案件 15件=15件 actual = 2020",
				"享受综合补贴的老年人 3万人=30000人 actual = 2020",
				"推介恩施市 36次=36次 actual = 2020",
				"出口总额 20亿元=2000000000元 actual = 2020",
			},
		},
	})
}

func TestStripLead(t *testing.T) {
	tr := newTestTransformer(t)
	for _, tt := range []struct{ in, want string }{
		{"推动出台管理措施", "管理措施"},
		{"提请市人大常委会审议地方性法规", "地方性法规"},
		{"和下达地方政府债券", "下达地方政府债券"},
		{"为群众挽回非法集资损失", "群众挽回非法集资损失"},
		{"新增城镇就业", "新增城镇就业"},         // a verb that names what is counted
		{"殡葬服务机构", "殡葬服务机构"},         // a verb that modifies the noun
		{"签约资金", "签约资金"},             // too little would be left
		{"推广员", "推广员"},               // not a whole verb
		{"以批发为主的上市公司", "以批发为主的上市公司"}, // 以 … 为主
		{"享受政府最低生活保障的居民", "享受政府最低生活保障的居民"},
	} {
		if got := stripLead(tr.seg, tt.in); got != tt.want {
			t.Errorf("stripLead(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDropWhole(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"产量超过全球", "产量"},
		{"产量接近全国的", "产量"},
		{"超过全球", "超过全球"},
		{"粮食产量", "粮食产量"},
	} {
		if got := dropWhole(tt.in); got != tt.want {
			t.Errorf("dropWhole(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIndicatorsShapes checks ratios, plants' capacities and quantifiers.
func TestIndicatorsShapes(t *testing.T) {
	runRecordTests(t, []recordTest{
		{
			name: "ratio",
			in:   []string{"三次产业结构调整为⟦1.8:⟦36.1:⟦62.1。三次产业结构演进为⟦3.6 :⟦48 :⟦48.4。上午9:30召开会议。"},
			want: []string{
				"三次产业结构 1.8=1.8 actual = 2020",
				"三次产业结构 36.1=36.1 actual = 2020",
				"三次产业结构 62.1=62.1 actual = 2020",
				"三次产业结构 3.6=3.6 actual = 2020",
				"三次产业结构 48=48 actual = 2020",
				"三次产业结构 48.4=48.4 actual = 2020",
			},
		},
		{
			name: "capacity of a plant",
			in: []string{"大唐5万千瓦风电项目按期完工，年产3000辆专用车项目顺利开工，关停淘汰10万千瓦及以下燃煤机组。" +
				"新增装机⟦120万千瓦，建设⟦10个光伏项目。"},
			want: []string{
				"新增装机 120万千瓦=1200000千瓦 actual = 2020",
				"光伏项目 10个=10个 actual = 2020",
			},
		},
		{
			name: "two counts, not a class and its count",
			in:   []string{"实现⟦882个义务教育学区和⟦822所普通高中全覆盖。与黄石⟦9条连接路贯通⟦6条。人均预期寿命提高⟦1岁以上。"},
			want: []string{
				"义务教育学区 882个=882个 actual = 2020",
				"普通高中全覆盖 822所=822所 actual = 2020",
				"连接路贯通 9条=9条 actual = 2020",
				"连接路贯通 6条=6条 actual = 2020",
				"人均预期寿命 1岁=1岁 Δ:1 actual >= 2020",
			},
		},
		{
			name: "listed subjects, listed twice",
			in:   []string{"“上海标准”、“上海品牌”分别新增⟦12项和⟦44项，累计分别达到⟦64项和⟦288项。"},
			want: []string{
				"上海标准 12项=12项 actual = 2020",
				"上海品牌 44项=44项 actual = 2020",
				"上海标准 64项=64项 actual = 2020",
				"上海品牌 288项=288项 actual = 2020",
			},
		},
		{
			name: "ranks and streaks",
			in:   []string{"增速连续11个季度居全国前10位，排名前1%。"},
			want: nil,
		},
		{
			name: "old and new level",
			in:   []string{"国家规划免疫预防的疾病由⟦7种扩大到⟦15种。央视⟦36次推介恩施市。"},
			want: []string{
				"国家规划免疫预防的疾病 7种=7种 actual = 2020",
				"国家规划免疫预防的疾病 15种=15种 actual = 2020",
				"推介恩施市 36次=36次 actual = 2020",
			},
		},
		{
			name: "size of a class",
			in: []string{"行政村和20户以上自然村全部通硬化路，入境俄蒙8座以下小汽车。拥有年产原煤1000万吨以上的煤矿⟦21个。" +
				"今年要完成⟦1000万人以上农村贫困人口脱贫任务，为⟦1600户以上边远牧户通网电。"},
			want: []string{
				"年产原煤1000万吨以上的煤矿 21个=21个 actual = 2020",
				"农村贫困人口脱贫任务 1000万人=10000000人 actual >= 2020",
				"边远牧户通网电 1600户=1600户 actual >= 2020",
			},
		},
		{
			name: "quantifier of the subject",
			in:   []string{"九大类民生支出⟦3310亿元。四个特色产业增加值增长⟦2.7%。"},
			want: []string{
				"民生支出 3310亿元=331000000000元 actual = 2020",
				"特色产业增加值 - yoy:2.7 actual = 2020",
			},
		},
		{
			name: "one subject for listed rates",
			in: []string{"民生支出占一般公共预算支出⟦87%，⟦20件民生实事全部完成，城乡居民人均可支配收入分别增长⟦4.4%、⟦5.8%。" +
				"单位⟦5.4万户、个体户⟦25.1万户，较“四经普”分别增长101%、81.8%。"},
			want: []string{
				"民生支出占一般公共预算支出 87%=87% actual = 2020",
				"民生实事 20件=20件 actual = 2020",
				"城乡居民人均可支配收入 - yoy:4.4 actual = 2020",
				"城乡居民人均可支配收入 - yoy:5.8 actual = 2020",
				"单位 5.4万户=54000户 yoy:101 actual = 2020",
				"个体户 25.1万户=251000户 yoy:81.8 actual = 2020",
			},
		},
		{
			name: "unit note and a long name cut after its year",
			in: []string{"表22：现金流量表（单位：百万元）。" +
				"上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为⟦251.25万元。"},
			want: []string{
				"政府采购金额（以合同签订为准） 251.25万元=2512500元 actual = 2024",
			},
		},
		{
			name: "a change in the sentence after its level",
			in: []string{"收入支出总计⟦2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。" +
				"公务接待费⟦0.83万元。与2025年预算持平。地区生产总值⟦5000亿元。粮食产量⟦20万吨，增长2%。"},
			want: []string{
				"收入支出总计 2995.39万元=29953900元 yoy:-1.87 Δ:-569500 actual = 2020",
				"公务接待费 0.83万元=8300元 yoy:0(与2025年预算) actual = 2020",
				"地区生产总值 5000亿元=500000000000元 actual = 2020",
				"粮食产量 20万吨=200000吨 yoy:2 actual = 2020",
			},
		},
		{
			// As the shared labels have it (dev-046: "capacity inside a
			// project name, no count attached").
			name: "capacity in a project's name",
			in:   []string{"大唐5万千瓦风电项目开工。实施黑羊站水厂3万吨扩建项目。建成⟦10条生产线。新建⟦1亿亩高标准农田。"},
			want: []string{
				"生产线 10条=10条 actual = 2020",
				"高标准农田 1亿亩=100000000亩 actual = 2020",
			},
		},
		{
			name: "one figure for a list with 均",
			in:   []string{"基本养老保险、基本医疗保险参保率均稳定在⟦98%以上。城乡居民人均可支配收入增长⟦5%。"},
			want: []string{
				"基本养老保险参保率 98%=98% actual >= 2020",
				"基本医疗保险参保率 98%=98% actual >= 2020",
				"城乡居民人均可支配收入 - yoy:5 actual = 2020",
			},
		},
		{
			name: "scores",
			in:   []string{"项目平均得分⟦99.43分，满分100分。会议于9时30分开始。让每一分钱都用在刀刃上。600分以上考生⟦500人。"},
			want: []string{
				"项目平均得分 99.43分=99.43分 actual = 2020",
				"600分以上考生 500人=500人 actual = 2020",
			},
		},
		{
			name: "a total after a list",
			in:   []string{"偿付利息⟦7,788,690元以及违约金⟦1,426,500元，合计⟦37,745,190元。"},
			want: []string{
				"偿付利息 7788690元=7788690元 actual = 2020",
				"违约金 1426500元=1426500元 actual = 2020",
				"合计 37745190元=37745190元 actual = 2020",
			},
		},
		{
			name: "conversion named by its figure",
			in:   []string{"人均地区生产总值⟦116661元（按年平均汇率折算为⟦16381美元），增长3.9%。"},
			want: []string{
				"人均地区生产总值 116661元=116661元 yoy:3.9 actual = 2020",
				"人均地区生产总值 16381美元=16381美元 actual = 2020",
			},
		},
		{
			name: "unit shared by a list",
			in: []string{"城镇居民人均住房面积⟦40.7平方米，农村居民人均住房面积⟦66.5平方米，分别比上年增加0.2、2.1平方米。" +
				"全市地区生产总值增长⟦6.1%，分别高于全国、全区0.9、⟦2个百分点。"},
			want: []string{
				"城镇居民人均住房面积 40.7平方米=40.7平方米 Δ:0.2 actual = 2020",
				"农村居民人均住房面积 66.5平方米=66.5平方米 Δ:2.1 actual = 2020",
				"全市地区生产总值 - yoy:6.1 pp:0.9 actual = 2020",
				"全市地区生产总值 - pp:2 actual = 2020",
			},
		},
		{
			name: "old values, voltages and list markers",
			in:   []string{"每万人口发明专利拥有量从⟦28件提高到⟦70件。加快建设750千伏河西走廊北通道工程。七是完成困难重度残疾人家庭无障碍改造⟦5000户。"},
			want: []string{
				"每万人口发明专利拥有量 28件=28件 actual = 2020",
				"每万人口发明专利拥有量 70件=70件 actual = 2020",
				"困难重度残疾人家庭无障碍改造 5000户=5000户 actual = 2020",
			},
		},
		{
			// 持平 states no number: alone it gives no record (the
			// labels' convention); after a level it is the level's yoy.
			name: "unchanged",
			in:   []string{"居民消费价格与上年持平。其中，食品烟酒类持平，衣着类上涨⟦1.2%。网络零售额增长⟦5%，与上年持平。税收收入⟦15亿元，与上年持平。"},
			want: []string{
				"衣着类 - yoy:1.2 actual = 2020",
				"网络零售额 - yoy:5 actual = 2020",
				"税收收入 15亿元=1500000000元 yoy:0(与上年) actual = 2020",
			},
		},
		{
			name: "points shared by a list",
			in:   []string{"工业技改投资、制造业技改投资增速分别高于全国⟦12.7个、⟦12个百分点。"},
			want: []string{
				"工业技改投资 - pp:12.7 actual = 2020",
				"制造业技改投资增速 - pp:12 actual = 2020",
			},
		},
		{
			name: "rates listed with bounds",
			in:   []string{"城乡居民人均可支配收入分别增长⟦7%左右和⟦8%左右。基层医疗机构服务能力达标率提升40.1个百分点、达⟦48.5%。"},
			want: []string{
				"城乡居民人均可支配收入 - yoy:7 actual ~ 2020",
				"城乡居民人均可支配收入 - yoy:8 actual ~ 2020",
				"基层医疗机构服务能力达标率 48.5%=48.5% pp:40.1 actual = 2020",
			},
		},
	})
}
