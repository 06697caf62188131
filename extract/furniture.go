package extract

import (
	"regexp"
	"strings"
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
var siteLine = regexp.MustCompile(`^(?:` +
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
	`(?:网站地图|联系我们|设为首页|加入收藏|无障碍|无障碍浏览|长者模式|关怀版|适老化|English|繁體|繁体|简体|登录|注册|搜索|站内搜索|返回首页|网站首页)` +
	`)$`)

// siteFooter matches a footer line anywhere in it: the ICP licence and
// public-security filing numbers, the site code, copyright, the office
// that runs the site. Footers run long, so there is no length limit below
// maxFooter runes.
var siteFooter = regexp.MustCompile(`ICP备|ICP证|公网安备|网安备|网站标识码|网站识别码|政府网站标识|版权所有|Copyright|All Rights Reserved|©|` +
	`(?:^|\s)(?:主办|承办|协办|主管|技术支持|运行维护|维护)(?:单位)?[:：]|建议使用.{0,30}(?:浏览器|分辨率)`)

// siteNotice matches the disclaimer of a document-sharing site ("申明敬告:
// 本站不保证该用户上传的文档完整性…"), however long.
var siteNotice = regexp.MustCompile(`^(?:申明敬告|免责声明|版权声明|特别声明|声明|温馨提示)\s*[:：].*(?:本站|本网|网站|用户上传|下载|转载)`)

const (
	maxSiteLine = 64  // runes of the longest short furniture line
	maxFooter   = 200 // runes of the longest footer line
)

// isSiteFurniture reports whether s, one trimmed line, is site furniture.
func isSiteFurniture(s string) bool {
	n := utf8.RuneCountInString(s)
	return n <= maxSiteLine && siteLine.MatchString(s) ||
		n <= maxFooter && siteFooter.MatchString(s) && !strings.HasSuffix(s, "。") ||
		n <= 2*maxFooter && siteNotice.MatchString(s)
}

// docExtension matches a file extension that a document-sharing site
// shows after a report's title ("…工作思路.docx").
var docExtension = regexp.MustCompile(`(?i)\.(?:docx?|wps|pdf|txt|pptx?|xlsx?)$`)

// trimDocExtension removes such an extension from a title line.
func trimDocExtension(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		return s
	}
	return docExtension.ReplaceAllString(s, "")
}
