package extract

// A Glyph is one character drawn on a page, as the PDF reader decoded it.
// Coordinates are in PDF points in the page's default user space after
// the current transformation matrix was applied: X grows to the right,
// Y grows from the bottom of the page to the top.
type Glyph struct {
	// Text is the Unicode text of the glyph: usually one rune, sometimes
	// more (ligatures) and "\uFFFD" when the code could not be decoded.
	Text string
	// X, Y is the glyph origin on the baseline.
	X, Y float64
	// W is the advance width in points (>= 0).
	W float64
	// Size is the effective font size in points (its vertical extent).
	Size float64
	// Font names the font resource, for telling runs apart.
	Font string
	// Angle is the direction of the glyph's baseline in degrees,
	// counter-clockwise from the X axis, in (-180, 180]: 0 for ordinary
	// text, 45 for a typical diagonal watermark.
	Angle float64
	// Skew is how far, in degrees, the glyph's vertical axis leans from
	// the perpendicular to its baseline: 0 for upright glyphs, about 12
	// for a synthetic italic, 180 for a mirrored glyph.
	Skew float64
	// running marks a glyph of a running header, footer or watermark
	// that the producer tagged as a pagination artifact.
	running bool
}

// rawPage is what the PDF layer hands to the layout stage for one page.
type rawPage struct {
	Number        int     // 1-based
	Width, Height float64 // crop (or media) box size in points
	OffsetX       float64 // crop box lower-left corner; glyph coordinates are relative to the page origin
	OffsetY       float64
	Glyphs        []Glyph // in content-stream order
	Images        int     // number of images painted on the page
	Rules         []rule  // horizontal and vertical lines painted (table borders)
	Shapes        []shape // other filled areas, curves and slanted lines (charts)
	Err           error   // a problem decoding this page (glyphs read before it are kept)

	// The glyphs painted and those that could not be decoded (U+FFFD),
	// counted as the page is read: Glyphs is released once the page's
	// rows are built (see readPDFWith).
	nGlyphs, nUnknown int
}
