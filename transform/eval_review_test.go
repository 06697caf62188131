package transform_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// Floors of TestEvalReview: the share of wrong records that carry a
// review reason must not fall under minWrongFlagged, the share of right
// ones must not rise over maxRightFlagged (issue 12: ≥ 60 % and ≤ 10 %).
const (
	minWrongFlagged = 0.60
	maxRightFlagged = 0.10
)

// A flagCount counts records and those of them with a review reason.
type flagCount struct{ n, flagged int }

func (c *flagCount) add(flagged bool) {
	c.n++
	if flagged {
		c.flagged++
	}
}

func (c flagCount) String() string {
	return fmt.Sprintf("%d/%d (%.1f%%)", c.flagged, c.n, 100*ratio(c.flagged, c.n))
}

// TestEvalReview measures the review reasons (Indicator.Review) on the
// labelled reports: a record that matches no label (by name, value and
// unit, as TestEval matches) is wrong, a matched one is right; matched
// records with a wrong attribute are counted apart and in neither floor.
// With -v it lists each reason with the right and wrong records it flags,
// and the wrong records no reason flags.
//
//	go test ./transform -run EvalReview -v
func TestEvalReview(t *testing.T) {
	sets, tr := evalSetup(t)
	var right, wrong, wrongAttr flagCount
	type perReason struct{ right, wrong, wrongAttr int }
	reasons := map[string]*perReason{}
	var missed []string
	for _, ls := range sets {
		if _, err := os.Stat(ls.source); err != nil {
			continue
		}
		doc, lineSpans := loadDoc(t, ls.source, ls.spans)
		recs := labelledRecords(tr, ls, doc, lineSpans)
		label := make([]int, len(recs)) // index of the matched label, -1 if none
		for j := range label {
			label[j] = -1
		}
		for i, j := range match(ls.labels, recs, true, paragraphOf(doc)) {
			if j >= 0 {
				label[j] = i
			}
		}
		for j := range recs {
			r := &recs[j]
			flagged := r.Review != ""
			heads := reviewHeads(r.Review)
			switch {
			case label[j] < 0:
				wrong.add(flagged)
				if !flagged {
					missed = append(missed, fmt.Sprintf("%s: %s", ls.name, recString(r)))
				}
				for _, h := range heads {
					reasonOf(reasons, h).wrong++
				}
			case len(scoreAttrs(attrScore{}, &ls.labels[label[j]], r)) > 0:
				wrongAttr.add(flagged)
				for _, h := range heads {
					reasonOf(reasons, h).wrongAttr++
				}
			default:
				right.add(flagged)
				for _, h := range heads {
					reasonOf(reasons, h).right++
				}
			}
		}
	}
	if right.n+wrong.n == 0 {
		t.Skip("no records")
	}
	names := make([]string, 0, len(reasons))
	for h := range reasons {
		names = append(names, h)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s %6s %6s %10s\n", "reason", "right", "wrong", "wrong attr")
	for _, h := range names {
		c := reasons[h]
		fmt.Fprintf(&b, "%-24s %6d %6d %10d\n", h, c.right, c.wrong, c.wrongAttr)
	}
	t.Logf("review reasons on the labelled reports:\n%s", b.String())
	t.Logf("flagged: wrong records %v, right records %v, records with a wrong attribute %v", wrong, right, wrongAttr)
	for _, m := range missed {
		t.Logf("not flagged: %s", m)
	}
	if wrong.n > 0 && ratio(wrong.flagged, wrong.n) < minWrongFlagged {
		t.Errorf("%v of wrong records flagged, want at least %.0f%%", wrong, 100*minWrongFlagged)
	}
	if ratio(right.flagged, right.n) > maxRightFlagged {
		t.Errorf("%v of right records flagged, want at most %.0f%%", right, 100*maxRightFlagged)
	}
}

// reasonOf returns the counter of reason head h, adding it.
func reasonOf[T any](m map[string]*T, h string) *T {
	if m[h] == nil {
		m[h] = new(T)
	}
	return m[h]
}

// reviewHeads returns the reasons of a review without their evidence in
// brackets: "疑为列举（四项）；名称过泛" → 疑为列举, 名称过泛.
func reviewHeads(review string) []string {
	if review == "" {
		return nil
	}
	var heads []string
	for _, r := range strings.Split(review, "；") {
		h, _, _ := strings.Cut(r, "（")
		heads = append(heads, h)
	}
	return heads
}
