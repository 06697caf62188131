package hostile_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/extract/hostile"
)

func ExamplePrevLoop() {
	// A one-page file, then the same file whose trailer's /Prev points at
	// its own cross-reference table: readers that follow /Prev without
	// remembering where they have been loop for ever.
	clean := hostile.Build(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		hostile.Stream("", []byte("BT /F1 12 Tf 72 700 Td (Revenue 15) Tj ET")),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	looped := hostile.PrevLoop(clean)
	doc, err := extract.NewReader(bytes.NewReader(looped), int64(len(looped)), "looped.pdf")
	fmt.Println(doc.Text, err)
	fmt.Println(len(doc.Repairs))

	bomb := hostile.ContentBomb(3<<20, 100, "0 0 m ", false)
	_, err = extract.NewReaderContext(context.Background(), bytes.NewReader(bomb), int64(len(bomb)), "bomb.pdf", extract.Limits{PageBytes: 4 << 20})
	fmt.Println(errors.Is(err, extract.ErrTooLarge))
	// Output:
	// Revenue 15 <nil>
	// 1
	// true
}
