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
