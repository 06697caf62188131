package load

import (
	"math"
	"reflect"
	"testing"

	"github.com/zhibiao/zhibiao/transform"
)

// TestSpoolRoundTrip checks that both codecs give back what was spooled,
// in order: texts shared with the record before or not, numbers unset,
// zero, negative, NaN and infinite, tables with every field.
func TestSpoolRoundTrip(t *testing.T) {
	recs := sample()
	recs = append(recs, recs[0], transform.Indicator{}, transform.Indicator{
		Doc: "b.txt", Page: -1, Offset: math.MaxInt32 + 1, Value: f64(math.NaN()), StdValue: f64(math.Inf(-1)),
		YoY: f64(0), Max: f64(math.Copysign(0, -1)), Review: "同名指标另有单位",
	})
	var rs spool[transform.Indicator]
	rs.dir, rs.codec = t.TempDir(), newRecordCodec
	defer rs.remove()
	for i := range recs {
		if err := rs.add(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	var got []transform.Indicator
	if err := rs.each(func(r *transform.Indicator) error { got = append(got, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(recs) {
		t.Fatalf("%d records back, want %d", len(got), len(recs))
	}
	for i := range recs {
		if !sameRecord(got[i], recs[i]) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got[i], recs[i])
		}
	}

	tables := []transform.Table{countyTable(), {}, countyTable()}
	var ts spool[transform.Table]
	ts.dir = t.TempDir()
	defer ts.remove()
	for i := range tables {
		if err := ts.add(&tables[i]); err != nil {
			t.Fatal(err)
		}
	}
	i := 0
	err := ts.each(func(tb *transform.Table) error {
		if !reflect.DeepEqual(*tb, tables[i]) {
			t.Errorf("table %d:\n got %+v\nwant %+v", i, *tb, tables[i])
		}
		i++
		return nil
	})
	if err != nil || i != len(tables) {
		t.Errorf("%d tables back, err %v; want %d", i, err, len(tables))
	}
}

// sameRecord compares two records field by field, numbers by their bits
// (NaN equals NaN, -0 differs from 0).
func sameRecord(a, b transform.Indicator) bool {
	num := func(x, y *float64) bool {
		return x == nil && y == nil || x != nil && y != nil && math.Float64bits(*x) == math.Float64bits(*y)
	}
	for _, f := range recordNumbers {
		if !num(*f(&a), *f(&b)) {
			return false
		}
		*f(&a), *f(&b) = nil, nil
	}
	return reflect.DeepEqual(a, b)
}
