package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Site furniture: the lines that web pages and document-sharing sites put
// around a report and that text copied from them (or an HTML page read
// whole) carries — upload details, toolbars, previous/next links, the
// site's notice, and the footer with its ICP number, telephone, postcode
// and visitor counter. None of them is report text; their numbers must
// never become records. isBoilerplate (text.go) has the toolbar words;
// these are the longer lines.

// siteLine matches a short line of furniture, whole.
var siteLine = lazyRegexp(`^(?:` +
	// "- 2021-04-15 发布 |", "2021-04-15 10:30 上传", "- 5页", "- 37.5 KB |"
	`[-–—•·]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?.{0,16}|` +
	`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:发布|上传|更新|发表|[|｜]).{0,12}|` +
	`[-–—•·]\s*[0-9]+\s*页.{0,8}|[0-9]+\s*页\s*[|｜].{0,8}|` +
	`[-–—•·]\s*[0-9.]+\s*[KMG]B.{0,8}|` +
	// previous/next, toolbars in brackets
	`(?:上一篇|下一篇|上一条|下一条|上一页|下一页)[:：].*|` +
	`(?:[【\[]\s*(?:打印|关闭|收藏|分享|返回|顶部|保存|下载|打印本页|关闭窗口|返回顶部|打印此页|我要打印|我要纠错|纠错|字体|大|中|小)\s*[】\]]\s*)+|` +
	// document-site details
	`(?:内容提供方|上传者|上传时间|上传日期|文档格式|文件格式|文件大小|文档大小|页数|下载积分|所需积分|文档分类|文档标签|文档介绍|文档简介|文档描述|文档评论|相关文档|相关推荐|猜你喜欢|热门文档)(?:[:：].{0,40}|\s*[（(]\d*[）)])?|` +
	// counters, contacts and site links
	`.{0,6}(?:浏览|阅读|访问|点击)(?:次数|量|数|人次)\s*[:：]\s*\d+\s*次?|.{0,8}您是第\s*\d+\s*位.{0,10}|` +
	`(?:联系电话|咨询电话|电话|传真|邮编|邮政编码|地址|联系地址|通讯地址|电子邮箱|邮箱|E-?mail)[:：].{0,60}|` +
	`分享到[:：]?.{0,30}|(?:相关链接|相关文章|相关新闻|相关阅读|相关信息|相关稿件|延伸阅读|推荐阅读|热点推荐|图片新闻)\s*[:：>》]?|` +
	`(?:网站地图|联系我们|设为首页|加入收藏|无障碍|无障碍浏览|长者模式|关怀版|适老化|English|繁體|繁体|简体|登录|注册|搜索|站内搜索|返回首页|网站首页)` +
	`)$`)

// siteFooter matches a footer line anywhere in it: the ICP licence and
// public-security filing numbers, the site code, copyright, the office
// that runs the site. Footers run long, so there is no length limit below
// maxFooter runes.
var siteFooter = lazyRegexp(`ICP备|ICP证|公网安备|网安备|网站标识码|网站识别码|政府网站标识|版权所有|Copyright|All Rights Reserved|©|` +
	`(?:^|\s)(?:主办|承办|协办|主管|技术支持|运行维护|维护)(?:单位)?[:：]|建议使用.{0,30}(?:浏览器|分辨率)|` +
	`(?:电话|传真|邮编|邮政编码)\s*[:：]\s*[0-9（(]`)

// footerWords are literal parts of siteFooter, one of which every line it
// matches holds. The expression has no anchor, so it is tried at every
// place of a line (13 µs a line, a sixth of the time of reading a text);
// almost no line of a report holds one of these words.
var footerWords = []string{"ICP", "网安备", "网站标识码", "网站识别码", "政府网站标识", "版权所有", "Copyright",
	"All Rights Reserved", "©", "主办", "承办", "协办", "主管", "技术支持", "维护", "建议使用",
	"电话", "传真", "邮编", "邮政编码"}

// isFooter reports whether siteFooter matches s, trying it only on a line
// that holds one of footerWords.
func isFooter(s string) bool {
	for _, w := range footerWords {
		if strings.Contains(s, w) {
			return siteFooter().MatchString(s)
		}
	}
	return false
}

// siteNotice matches the disclaimer of a document-sharing site ("申明敬告:
// 本站不保证该用户上传的文档完整性…"), however long.
var siteNotice = lazyRegexp(`^(?:申明敬告|免责声明|版权声明|特别声明|声明|温馨提示)\s*[:：].*(?:本站|本网|网站|用户上传|下载|转载)`)

const (
	maxSiteLine = 64  // runes of the longest short furniture line
	maxFooter   = 200 // runes of the longest footer line
)

// isSiteFurniture reports whether s, one trimmed line, is site furniture.
func isSiteFurniture(s string) bool {
	n := utf8.RuneCountInString(s)
	return n <= maxSiteLine && siteLine().MatchString(s) ||
		n <= maxFooter && isFooter(s) && !strings.HasSuffix(s, "。") ||
		n <= 2*maxFooter && siteNotice().MatchString(s)
}

// docExtension matches a file extension that a document-sharing site
// shows after a report's title ("…工作思路.docx").
var docExtension = lazyRegexp(`(?i)\.(?:docx?|wps|pdf|txt|pptx?|xlsx?)$`)

// trimDocExtension removes such an extension from a title line.
func trimDocExtension(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		return s
	}
	return docExtension().ReplaceAllString(s, "")
}

// trailSep matches a breadcrumb trail written on one line ("首页 > 政务公开
// > 统计数据").
var trailSep = lazyRegexp(`^(?:[^>»›]{1,16}\s*[>»›]\s*){2,}[^>»›]{0,40}$`)

// isTrail reports whether s is a breadcrumb trail.
func isTrail(s string) bool {
	return utf8.RuneCountInString(s) <= 100 && trailSep().MatchString(s) && !strings.ContainsAny(s, "。；")
}

// toolbarWords are the words of share and print bars.
var toolbarWords = map[string]bool{
	"打印": true, "关闭": true, "收藏": true, "分享": true, "分享到": true, "返回顶部": true, "关闭窗口": true,
	"打印本页": true, "打印此页": true, "下载": true, "纠错": true, "我要纠错": true, "字号": true, "字体": true,
	"大": true, "中": true, "小": true, "默认": true, "复制链接": true, "微信": true, "微博": true,
	"QQ空间": true, "QQ": true, "更多": true, "保存": true, "返回": true, "顶部": true, "新浪微博": true,
	"腾讯微博": true, "微信朋友圈": true, "朋友圈": true, "扫一扫": true, "听全文": true, "朗读": true,
}

// isToolbar reports whether s is made only of toolbar words, separated by
// spaces, bars, brackets or colons.
func isToolbar(s string) bool {
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|｜【】[]（）()：:、/·•-", r)
	})
	for _, w := range words {
		if !toolbarWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// metaWords are the labels of a publication line.
var metaWords = lazyRegexp(`(?:发布时间|发布日期|发表时间|更新时间|信息来源|来源|作者|编辑|责任编辑|审核|浏览次数|点击数|阅读次数|访问量|阅读量|字号|字体|发布机构|文章来源|时间)\s*[:：]`)

// hasMetaLabels reports whether s is a publication line: a short line with
// two or more of its labels ("发布时间：2021-04-15 来源：区政府办 浏览次数：123").
func hasMetaLabels(s string) bool {
	return utf8.RuneCountInString(s) <= 100 && len(metaWords().FindAllStringIndex(s, 3)) >= 2 && !strings.HasSuffix(s, "。")
}
