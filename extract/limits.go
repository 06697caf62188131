package extract

import "time"

// limits bound what reading one input may cost, so that a hostile or
// broken file becomes a failed input with ErrTooLarge rather than taking
// the machine's memory or time. They are enforced where the work happens:
// in the zip reader, the XML and HTML walkers, the table grids and the
// LibreOffice conversion.
type limits struct {
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

// defaultLimits returns the limits every reader applies. A real report
// stays far below each: the largest .docx bulletins inflate to a few tens
// of megabytes, government pages weigh a few megabytes.
func defaultLimits() limits {
	return limits{
		markupFile:  64 << 20,
		htmlFile:    32 << 20,
		elements:    300000,
		part:        128 << 20,
		inflated:    256 << 20,
		ratio:       200,
		depth:       400,
		cells:       1 << 20,
		columns:     1000,
		convertTime: 2 * time.Minute,
	}
}
