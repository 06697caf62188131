package transform

import "testing"

func TestClassificationName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一般公共服务支出（类）统计信息事务（款）专项普查活动（项）", "统计信息事务：专项普查活动"},
		{"城乡社区支出（类）城乡社区环境卫生（款）城乡社区环境卫生（项）", "城乡社区环境卫生"},
		{"一般公共服务支出（类）", "一般公共服务支出"},
		{"社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休", "行政事业单位养老支出：行政单位离退休"},
		{"公共安全支出(类)司法(款)公共法律服务(项)", "司法：公共法律服务"},
		{"公共安全支出（204类）司法（06款）行政运行（01项）", "司法：行政运行"},
		{"财政拨款收入", "财政拨款收入"},
	}
	for _, tt := range tests {
		if got := classificationName(tt.in); got != tt.want {
			t.Errorf("classificationName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGenericName(t *testing.T) {
	for name, want := range map[string]bool{
		"预算执行数": true, "当年预算执行数": true, "预算安排": true, "年初预算": true, "支出决算": true,
		"财政拨款收入": false, "一般公共预算财政拨款支出年初预算": false, "预算": true, "当年": false,
	} {
		if got := genericName(name); got != want {
			t.Errorf("genericName(%q) = %v, want %v", name, got, want)
		}
	}
}
