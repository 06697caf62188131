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
	})
}
