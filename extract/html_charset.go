package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// A web page's charset comes from its byte-order mark, else from what it
// declares (<meta charset>, <meta http-equiv="Content-Type">) in its
// head, else from its bytes: UTF-8 when they are valid UTF-8, else
// GB18030 (a superset of GBK and GB2312) or Big5, whichever decodes into
// the more common characters. A declaration that the bytes contradict (a
// page labelled gb2312 whose bytes are valid UTF-8 Chinese, as pages
// moved between content systems are) yields to the bytes.

// metaWindow is how much of a page is searched for its charset
// declaration: pages often put long scripts before it.
const metaWindow = 64 << 10

// decodeHTML returns the text of a web page as UTF-8 and the name of the
// charset it was read in.
func decodeHTML(b []byte) (string, string) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return string(bytes.ToValidUTF8(b[3:], []byte("\ufffd"))), "utf-8"
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b), "utf-16le"
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b), "utf-16be"
	}
	enc, name := declaredCharset(b[:min(len(b), metaWindow)])
	valid := utf8.Valid(b)
	switch {
	case enc != nil && name == "utf-8" && valid:
		return string(b), name
	case enc != nil && name != "utf-8" && !(valid && hasMultibyte(b)):
		if isGBFamily(name) {
			return decodeWith(simplifiedchinese.GB18030, b), "gb18030"
		}
		return decodeWith(enc, b), name
	case valid:
		return string(b), "utf-8"
	}
	gb := decodeWith(simplifiedchinese.GB18030, b)
	big5 := decodeWith(traditionalchinese.Big5, b)
	if commonShare(big5) > commonShare(gb) {
		return big5, "big5"
	}
	return gb, "gb18030"
}

func isGBFamily(name string) bool {
	switch strings.ToLower(name) {
	case "gbk", "gb2312", "gb18030", "x-gbk", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58":
		return true
	}
	return false
}

// decodeWith decodes b with enc; undecodable bytes become U+FFFD.
func decodeWith(enc encoding.Encoding, b []byte) string {
	d, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\ufffd")))
	}
	return string(d)
}

// hasMultibyte reports whether b holds UTF-8 sequences of two or more
// bytes: valid UTF-8 that is all ASCII tells nothing about the charset.
func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// declaredCharset finds the charset a page declares in its head: a
// <meta charset>, or a <meta http-equiv="Content-Type" content="…;
// charset=…">. It returns nil when there is none or it is unknown.
func declaredCharset(b []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return nil, ""
			case "meta":
			default:
				continue
			}
			var cs, content string
			var httpEquiv bool
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if cs == "" && httpEquiv {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					cs = strings.Trim(content[i+len("charset="):], `"'; `)
					if j := strings.IndexAny(cs, "; "); j >= 0 {
						cs = cs[:j]
					}
				}
			}
			if cs != "" {
				if enc, name := charset.Lookup(cs); enc != nil {
					return enc, name
				}
			}
		}
	}
}

// commonHan are the characters that make up most of any Chinese text, in
// both their simplified and their traditional forms. A decoding in the
// wrong charset turns text into rare characters and symbols.
const commonHan = "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并並提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別手角期根论論运運农農指几幾九区區强強放决決西被干做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复複容儿兒须須际際商非验驗连連断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往酸历歷市克何除消构構府称稱太准準精值号號率族维維划劃选選标標写寫存候毛亲親快效斯院查江型眼王按格养養易置派层層片始却卻专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴"

// commonShare returns the share of the Han characters of s that are common.
func commonShare(s string) float64 {
	han, common := 0, 0
	for _, r := range s {
		if han >= 20000 { // enough to tell
			break
		}
		if r >= 0x3400 && r <= 0x9FFF {
			han++
			if strings.ContainsRune(commonHan, r) {
				common++
			}
		}
	}
	if han == 0 {
		return 0
	}
	return float64(common) / float64(han)
}
