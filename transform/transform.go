package transform

import "github.com/zhibiao/zhibiao/extract"

// Config tunes a Transformer. The zero Config is ready to use.
type Config struct {
	// Catalog is the path of an extra indicator catalog file whose entries
	// are added to the built-in one; "" uses the built-in catalog only.
	Catalog string
}

// A Transformer finds indicators in documents. Build it once with New;
// it is safe for concurrent use by multiple goroutines.
type Transformer struct {
	cfg Config
}

// New loads the segmenter dictionary and the catalog and returns a Transformer.
func New(cfg Config) (*Transformer, error) {
	// PLACEHOLDER: replaced by the transform pipeline (helper D).
	return &Transformer{cfg: cfg}, nil
}

// Indicators returns every figure of doc, in text order. It does not modify doc.
func (t *Transformer) Indicators(doc *extract.Document) []Indicator {
	// PLACEHOLDER: replaced by the transform pipeline (helper D).
	return nil
}

// ReportYear returns the year the report is about (a report on 2020 work
// published in 2021 gives 2020), or 0 when it cannot be told.
func ReportYear(doc *extract.Document) int {
	// PLACEHOLDER: replaced by period.go (helper D).
	return 0
}
