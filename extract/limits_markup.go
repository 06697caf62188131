package extract

import "time"

// markupLimits are the bounds of [Limits] that the readers of Word files
// and web pages apply, so that a hostile or broken file becomes a failed
// input with ErrTooLarge rather than taking the machine's memory or
// time. They are enforced where the work happens: in the zip reader, the
// XML and HTML walkers, the table grids and the LibreOffice conversion.
type markupLimits struct {
	markupFile  int64         // bytes of an OLE (.doc, .wps) file read whole
	htmlFile    int64         // bytes of a web page
	elements    int           // elements of a web page
	part        int64         // bytes one part of a .docx may inflate to
	inflated    int64         // bytes all the parts read from one .docx may inflate to
	ratio       int64         // inflated bytes per compressed byte beyond which a part is a bomb
	depth       int           // nesting of XML or HTML elements
	cells       int           // positions of one table's grid
	columns     int           // columns of one table's grid
	convertTime time.Duration // one conversion by LibreOffice
}

// markup returns the bounds of l (defaults filled in) that the markup
// readers apply.
func (l Limits) markup() markupLimits {
	l = l.withDefaults()
	return markupLimits{
		markupFile:  l.MarkupBytes,
		htmlFile:    min(l.MarkupBytes, 32<<20),
		elements:    300000,
		part:        l.PartBytes,
		inflated:    l.InflatedBytes,
		ratio:       200,
		depth:       l.Nesting,
		cells:       l.TableCells,
		columns:     1000,
		convertTime: l.ConvertTime,
	}
}
