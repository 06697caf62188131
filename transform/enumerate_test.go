package transform

import (
	"strings"
	"testing"
)

func TestDistributeSubjects(t *testing.T) {
	tr := newTestTransformer(t)
	tests := []struct{ in, want string }{
		{"第一、二、三产业对经济增长的贡献率", "第一产业对经济增长的贡献率|第二产业对经济增长的贡献率|第三产业对经济增长的贡献率"},
		{"一、二、三产业增加值", "一产业增加值|二产业增加值|三产业增加值"},
		{"城镇、农村居民人均可支配收入", "城镇居民人均可支配收入|农村居民人均可支配收入"},
		{"进口、出口总额", "进口总额|出口总额"},
		{"规上工业、服务业增加值", "规上工业增加值|服务业增加值"},
		// Subjects with a measure of their own stay as written.
		{"工业技改投资、制造业技改投资增速", "工业技改投资|制造业技改投资增速"},
		{"国内游客人数、旅游收入", "国内游客人数|旅游收入"},
		{"收储、供应土地", "收储|供应土地"},
		{"第一产业、第二产业和第三产业", "第一产业|第二产业|第三产业"},
	}
	for _, tt := range tests {
		if got := strings.Join(distributeSubjects(tr.seg, splitSubjects([]rune(tt.in))), "|"); got != tt.want {
			t.Errorf("distributeSubjects(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
