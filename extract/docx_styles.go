package extract

import (
	"strconv"
	"strings"
)

// A docxStyle is what the reader needs of one paragraph style of
// styles.xml, its inheritance (w:basedOn) resolved.
type docxStyle struct {
	heading bool // a heading: outline level 0–8, or named Heading N / 标题 N
	title   bool // the document title: named Title / 标题
	toc     bool // a line of a table of contents (toc N / 目录 N)
	numID   int  // list it is numbered in (w:numPr), 0 for none
	ilvl    int  // list level
	hasNum  bool // numPr set (numID 0 then removes numbering)
}

// headingStyleName matches the names Word and WPS give heading styles, in
// English and Chinese, and the ids Chinese Word derives from them.
var headingStyleName = lazyRegexp(`(?i)^(?:heading|标题)\s*[1-9]$`)

// tocStyleName matches the styles of a table of contents.
var tocStyleName = lazyRegexp(`(?i)^(?:toc|目录)\s*[1-9]$|^(?i:toc heading)$`)

// rawStyle is a w:style as written.
type rawStyle struct {
	ID      string `xml:"styleId,attr"`
	Type    string `xml:"type,attr"`
	Default string `xml:"default,attr"`
	Name    struct {
		Val string `xml:"val,attr"`
	} `xml:"name"`
	BasedOn struct {
		Val string `xml:"val,attr"`
	} `xml:"basedOn"`
	PPr struct {
		OutlineLvl *struct {
			Val string `xml:"val,attr"`
		} `xml:"outlineLvl"`
		NumPr *struct {
			ILvl *struct {
				Val string `xml:"val,attr"`
			} `xml:"ilvl"`
			NumID *struct {
				Val string `xml:"val,attr"`
			} `xml:"numId"`
		} `xml:"numPr"`
	} `xml:"pPr"`
}

// A styleSheet maps paragraph style ids to their resolved styles.
type styleSheet struct {
	styles map[string]docxStyle
	def    string // id of the default paragraph style
}

// style returns the style of id, or the default paragraph style when id
// is "" or unknown.
func (s *styleSheet) style(id string) docxStyle {
	if st, ok := s.styles[id]; ok {
		return st
	}
	return s.styles[s.def]
}

// parseStyles resolves the paragraph styles of styles.xml.
func parseStyles(raw []rawStyle) *styleSheet {
	byID := map[string]*rawStyle{}
	ss := &styleSheet{styles: map[string]docxStyle{}}
	for i := range raw {
		r := &raw[i]
		if r.Type != "" && r.Type != "paragraph" {
			continue
		}
		byID[r.ID] = r
		if r.Default == "1" || r.Default == "true" {
			ss.def = r.ID
		}
	}
	var resolve func(id string, depth int) docxStyle
	resolve = func(id string, depth int) docxStyle {
		if st, ok := ss.styles[id]; ok {
			return st
		}
		r := byID[id]
		if r == nil || depth > 20 { // a basedOn loop
			return docxStyle{}
		}
		st := resolve(r.BasedOn.Val, depth+1)
		st.title, st.toc = false, false // not inherited: a style based on Title is body text
		name := strings.TrimSpace(r.Name.Val)
		if lvl := r.PPr.OutlineLvl; lvl != nil {
			n, err := strconv.Atoi(lvl.Val)
			st.heading = err == nil && n >= 0 && n <= 8
		}
		switch {
		case headingStyleName().MatchString(name), headingStyleName().MatchString(id):
			st.heading = true
		case strings.EqualFold(name, "title") || name == "标题" || strings.EqualFold(name, "subtitle") || name == "副标题":
			st.heading = true
			st.title = strings.EqualFold(name, "title") || name == "标题"
		case tocStyleName().MatchString(name):
			st.toc, st.heading = true, false
		}
		if np := r.PPr.NumPr; np != nil {
			st.hasNum = true
			if np.NumID != nil {
				st.numID, _ = strconv.Atoi(np.NumID.Val)
			}
			if np.ILvl != nil {
				st.ilvl, _ = strconv.Atoi(np.ILvl.Val)
			}
		}
		ss.styles[id] = st
		return st
	}
	for id := range byID {
		resolve(id, 0)
	}
	return ss
}
