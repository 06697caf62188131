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
