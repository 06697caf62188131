package transform

import "strings"

// statusWords are the words that make the figures after them in their
// sentence estimates or targets. Longer words come first so that
// 预期目标 is a target, not an estimate.
var statusWords = []struct {
	word   string
	status Status
}{
	{"预期目标", Target},
	{"主要目标", Target},
	{"目标是", Target},
	{"目标为", Target},
	{"目标", Target},
	{"力争", Target},
	{"确保", Target},
	{"争取", Target},
	{"努力实现", Target},
	{"计划完成", Target},
	{"计划实现", Target},
	{"计划投资", Target},
	{"预计", Estimate},
	{"预期", Estimate},
	{"有望", Estimate},
	{"预估", Estimate},
	{"估计", Estimate},
}

// statusOf returns the status of a figure at offset q of text in sentence
// sent: the last status word before it in its sentence decides; in a plan
// section every figure is a target.
//
// 目标 right after 完成 or 实现 ("均完成年度目标") reports a result and is
// no status word.
//
// "预计全年（下同）" makes every later figure of the report an estimate,
// targets of plan sections aside; estFrom is the rune offset of that
// 下同, or -1 when the report has none.
func statusOf(text []rune, sent textSpan, q int, sec headingPath, estFrom int) Status {
	if sec.plan {
		return Target
	}
	st := Actual
	if estFrom >= 0 && q > estFrom {
		st = Estimate
	}
	best := -1
	// A status word rules its sentence; a window keeps run-on sentences
	// (tables, lists without full stops) from costing quadratic time.
	s := string(text[max(sent.start, q-maxLookBack):q])
	for _, w := range statusWords {
		i := strings.LastIndex(s, w.word)
		if i < 0 {
			continue
		}
		ri := len([]rune(s[:i]))
		if w.word == "预期" && (strings.HasPrefix(s[i+len(w.word):], "寿命") || strings.HasSuffix(s[:i], "稳")) {
			continue // 人均预期寿命 is a name; 稳就业、稳预期 a policy
		}
		if w.word == "争取" && !strings.HasPrefix(s[i+len(w.word):], "实现") && !strings.HasPrefix(s[i+len(w.word):], "达到") &&
			!strings.HasPrefix(s[i+len(w.word):], "完成") && !strings.HasPrefix(s[i+len(w.word):], "全年") {
			continue // 争取政策资金170亿元: obtained, a result
		}
		if strings.HasPrefix(w.word, "目标") && strings.ContainsAny(s[i:], "，,：:") && !strings.HasPrefix(s[i:], "目标是") && !strings.HasPrefix(s[i:], "目标为") {
			continue // 目标 rules its own clause only ("…目标任务体系，生产总值增长5.6%")
		}
		if w.word == "目标" {
			pre := s[:i]
			if strings.HasSuffix(pre, "完成年度") || strings.HasSuffix(pre, "完成") || strings.HasSuffix(pre, "实现") ||
				strings.HasSuffix(pre, "实现年度") || strings.HasSuffix(pre, "完成全年") {
				continue
			}
			if strings.HasSuffix(pre, "绩效") || strings.HasPrefix(s[i+len(w.word):], "的") {
				continue // 编报绩效目标的项目20个: 目标 in a noun, the count a result
			}
		}
		if ri > best {
			best, st = ri, w.status
		}
	}
	return st
}

// estimatesFrom returns the rune offset of a "下同" that follows a 预计
// ("预计全年（下同）地区生产总值增长7.5%"), or -1.
func estimatesFrom(text string) int {
	i := strings.Index(text, "下同")
	if i < 0 {
		return -1
	}
	j := strings.LastIndex(text[:i], "预计")
	if j < 0 || i-j > 3*12 {
		return -1
	}
	return len([]rune(text[:i]))
}
