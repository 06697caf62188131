package transform

import "testing"

// TestIndicatorsRealShapes pins the shapes met in real reports (issue 8):
// lists over enumerated subjects and years, changes that qualify a
// figure, budget items, number slips and exact decimals. The sentences
// are short quotes of the kind real reports write.
func TestIndicatorsRealShapes(t *testing.T) {
	runRecordTests(t, []recordTest{
		{
			name:  "multiples are exact decimals",
			title: "2021年统计公报",
			in:    []string{"展览面积⟦1030.7万平方米，同比增长32.2倍。出口增长⟦4.4倍。"},
			want: []string{
				"展览面积 1030.7万平方米=10307000平方米 yoy:3220(同比) actual = 2021",
				"出口 - yoy:440 actual = 2021",
			},
		},
		{
			name:  "enumerated subjects written short",
			title: "2021年统计公报",
			in: []string{
				"第一、二、三产业对经济增长的贡献率分别为⟦22.5%、⟦22.1%和⟦55.4%。",
				"城镇、农村居民人均可支配收入分别为⟦52000元、⟦25000元，分别增长5.1%和6.2%。",
			},
			want: []string{
				"第一产业对经济增长的贡献率 22.5%=22.5% actual = 2021",
				"第二产业对经济增长的贡献率 22.1%=22.1% actual = 2021",
				"第三产业对经济增长的贡献率 55.4%=55.4% actual = 2021",
				"城镇居民人均可支配收入 52000元=52000元 yoy:5.1 actual = 2021",
				"农村居民人均可支配收入 25000元=25000元 yoy:6.2 actual = 2021",
			},
		},
		{
			name:  "places compared with, subjects of the clause before",
			title: "2023年统计公报",
			in: []string{
				"全市地区生产总值增长⟦6.1%，分别高于全国、全区0.9、⟦2个百分点。其中，一、二、三产业增加值分别增长⟦4.9%、⟦8.3%、⟦4.4%。",
				"国内游客人数、旅游收入均超过疫情前水平，同比分别增长⟦87.5%、⟦66.9%。",
			},
			want: []string{
				"全市地区生产总值 - yoy:6.1 pp:0.9 actual = 2023",
				"全市地区生产总值 - pp:2 actual = 2023",
				"一产业增加值 - yoy:4.9 actual = 2023",
				"二产业增加值 - yoy:8.3 actual = 2023",
				"三产业增加值 - yoy:4.4 actual = 2023",
				"国内游客人数 - yoy:87.5(同比) actual = 2023",
				"旅游收入 - yoy:66.9(同比) actual = 2023",
			},
		},
		{
			name:  "a growth averaged over two years",
			title: "2021年统计公报",
			in:    []string{"社会消费品零售总额⟦1200亿元，比上年增长12.5%，两年平均增长⟦3.1%。"},
			want: []string{
				"社会消费品零售总额 1200亿元=120000000000元 yoy:12.5(比上年) actual = 2021",
				"社会消费品零售总额 - yoy:3.1(两年平均) actual = 2021",
			},
		},
		{
			name:  "budget items and changes against a budget",
			title: "上海市普陀区2024年区级部门预算",
			in: []string{
				"2024年部门预算编制说明",
				"2024年，本部门收入预算⟦15621.11万元，其中：财政拨款收入⟦15621.11万元，比2023年预算减少876.75万元；事业收入⟦0.00万元。",
				"1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”⟦25.77万元，主要用于专项普查活动。2023年当年预算执行数为⟦60.13万元，2024年预算安排⟦25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。",
				"2.“一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”⟦42.60万元。2023年当年预算执行数为⟦45.41万元，2024年预算安排⟦42.60万元，比2023年预算执行数持平。",
			},
			want: []string{
				"本部门收入预算 15621.11万元=156211100元 actual = 2024",
				"财政拨款收入 15621.11万元=156211100元 Δ:-8767500 actual = 2024",
				"事业收入 0万元=0元 actual = 2024",
				"统计信息事务：专项普查活动 25.77万元=257700元 actual = 2024",
				"统计信息事务：专项普查活动：预算执行数 60.13万元=601300元 actual = 2023",
				"统计信息事务：专项普查活动：预算安排 25.77万元=257700元 yoy:-57.14(比2023年预算执行数) actual = 2024",
				"群众团体事务：一般行政管理事务 42.6万元=426000元 actual = 2024",
				"群众团体事务：一般行政管理事务：预算执行数 45.41万元=454100元 actual = 2023",
				"群众团体事务：一般行政管理事务：预算安排 42.6万元=426000元 yoy:0(比2023年预算执行数) actual = 2024",
			},
		},
		{
			name:  "final accounts: stages named by their item or subject",
			title: "上海市普陀区财政局2024年度部门决算",
			in: []string{
				"（三）一般公共预算财政拨款支出决算具体情况",
				"一般公共预算财政拨款支出年初预算为⟦2993.92万元，支出决算为⟦2940.05万元，完成年初预算的98.20%。",
				"1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。",
				"年初预算为⟦1560.05万元，支出决算为⟦1511.89万元。",
			},
			want: []string{
				"一般公共预算财政拨款支出年初预算 2993.92万元=29939200元 actual = 2024",
				"一般公共预算财政拨款支出：支出决算 2940.05万元=29400500元 done:98.2 actual = 2024",
				"财政事务：行政运行：年初预算 1560.05万元=15600500元 actual = 2024",
				"财政事务：行政运行：支出决算 1511.89万元=15118900元 actual = 2024",
			},
		},
		{
			name:  "number slips",
			title: "2021年统计公报",
			in: []string{
				"全年地铁客运总量⟦17.9亿乘次。扩产⟦4000万公里金刚线，强化光伏硅片切割三元布局。",
				"储能容量达到⟦500千伏安时。工作温度：⟦-20 ~ 55℃。Operating temperature-20 ~ 55℃。COVID-19疫情。",
			},
			want: []string{
				"地铁客运总量 17.9亿乘次=1790000000乘次 actual = 2021",
				"金刚线 4000万公里=40000000公里 actual = 2021",
				"储能容量 500千伏安时=500千伏安时 actual = 2021",
				"工作温度 -20℃=-20℃ max:55 actual range 2021",
			},
		},
		{
			name:  "no record without a Chinese name",
			title: "2021年统计公报",
			in: []string{
				"托位总数573.7万，比上年增加⟦20.2%。",
				"338600%%",
				"0.01%0.00%",
			},
			want: []string{"托位总数 - yoy:20.2(比上年) actual = 2021"},
		},
	})
}
