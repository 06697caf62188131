package extract

import (
	"reflect"

	"github.com/ledongthuc/pdf"
)

// ledongthuc/pdf keeps in unexported fields what this package needs to
// read a PDF without reading the same object twice: the number of the
// object a value came from, the references of a dictionary, where a
// stream's data lies, whether a reader decrypts. The functions below read
// those fields with reflect and modify nothing. Each returns "cannot
// tell" (0, false) when the library's values are not laid out as it
// expects, and its callers then take the library's own slower way;
// TestIndirect and TestStreamsAsLedongthuc fail if an upgrade moves the
// fields.

// objID returns the number and generation of the indirect object that
// holds v (v itself when it is indirect), 0 when it cannot tell.
func objID(v pdf.Value) uint64 {
	id, _ := objNumber(reflect.ValueOf(v).FieldByName("ptr"))
	return id
}

// indirect returns the object (as objID numbers it) that the entry key
// of dictionary v refers to, without reading it: v.Key reads and parses
// the object from the file each time it is asked (a 4 KB buffer and a
// parse for every font a page names). ok is false when the entry is not
// an indirect reference.
func indirect(v pdf.Value, key string) (uint64, bool) {
	m, ok := valueData(v)
	if !ok || m.Kind() != reflect.Map || m.Type().Key().Kind() != reflect.String {
		return 0, false
	}
	e := m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
	if !e.IsValid() || e.Kind() != reflect.Interface || e.IsNil() {
		return 0, false
	}
	if p := e.Elem(); p.Kind() == reflect.Struct && p.Type().Name() == "objptr" {
		return objNumber(p)
	}
	return 0, false
}

// streamOffset returns where the data of stream v starts in the file.
func streamOffset(v pdf.Value) (int64, bool) {
	s, ok := valueData(v)
	if !ok || s.Kind() != reflect.Struct {
		return 0, false
	}
	off := s.FieldByName("offset")
	if !off.IsValid() || off.Kind() != reflect.Int64 {
		return 0, false
	}
	return off.Int(), true
}

// plainReader reports whether ledongthuc/pdf reads r's streams as they
// are in the file, without decrypting them: mended bytes are never
// encrypted (see mend), and a reader whose key cannot be seen is taken
// for one that decrypts.
func plainReader(r *pdf.Reader) bool {
	key := reflect.ValueOf(r).Elem().FieldByName("key")
	return key.IsValid() && key.Kind() == reflect.Slice && key.Len() == 0
}

// valueData returns what v holds (a dictionary, a stream, a reference
// …).
func valueData(v pdf.Value) (reflect.Value, bool) {
	data := reflect.ValueOf(v).FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Interface || data.IsNil() {
		return reflect.Value{}, false
	}
	return data.Elem(), true
}

// objNumber numbers the object reference p (an objptr: number and
// generation) as objID does.
func objNumber(p reflect.Value) (uint64, bool) {
	if !p.IsValid() || p.Kind() != reflect.Struct {
		return 0, false
	}
	id, gen := p.FieldByName("id"), p.FieldByName("gen")
	if !id.IsValid() || !gen.IsValid() || !id.CanUint() || !gen.CanUint() {
		return 0, false
	}
	return id.Uint()<<16 | gen.Uint(), true
}
