package extract

import (
	"bytes"
	"errors"
	"fmt"
)

// A mended file is what ledongthuc/pdf is given to read: the file itself
// when its structure is sound, else a rebuilt copy (see objectSet.write).
// repairs says, for a note, what was wrong; encryption and object
// streams are normal and are not mentioned.
type mended struct {
	b       []byte
	repairs []string
}

// mend checks the structure of a sanitized PDF and rebuilds what
// ledongthuc/pdf cannot read:
//
//   - a cross-reference table that cannot be read, or whose offsets do
//     not lead to their objects (shifted, zeroed, a garbage startxref), is
//     rebuilt by scanning the file for "num gen obj";
//   - a /Prev chain that loops is cut where it loops (the library would
//     follow it for ever);
//   - a stream whose /Length does not lead to its endstream is read up to
//     its endstream;
//   - hybrid-reference files, object streams (which the library reads
//     slowly and without a size limit) and encrypted files (it cannot
//     decrypt 40-bit RC4 or AES-256) are written out plain.
//
// It fails with ErrEncrypted when the empty user password does not open
// the file, and with the budget's error when a limit or the context
// stops it.
func mend(b []byte, bud *budget) (mended, error) {
	var repairs []string
	why := ""   // why the file is scanned for its objects
	badLen := 0 // streams whose /Length is wrong
	x, xerr := readXref(b, bud)
	if err := bud.stopped(); err != nil {
		return mended{}, err
	}
	s := newObjectSet(b, bud)
	fromXref := xerr == nil
	if fromXref {
		s.locate(x)
		// Check every object where the table says it is, and its
		// stream length, without keeping it: a sound file is given to
		// the library as it is.
		bad, total := 0, 0
		for num, l := range s.loc {
			if l.inStm {
				continue
			}
			if total++; total&255 == 0 && bud.cancelled() != nil {
				return mended{}, bud.stopped()
			}
			o, ok := parseObjectAt(b, l.off, s.length)
			switch {
			case !ok || o.num != num || o.gen != l.gen:
				bad++
			case o.stream && !o.lengthOK:
				badLen++
			}
		}
		if bad > 0 {
			why = fmt.Sprintf("%d of %d cross-reference offsets wrong", bad, total)
			fromXref = false
		}
	} else {
		why = "cross-reference table unreadable (" + shortErr(xerr) + ")"
	}
	if x != nil && x.loop {
		repairs = append(repairs, fmt.Sprintf("the cross-reference chain (/Prev) loops back to offset %d; the loop was cut", x.loopAt))
	}
	if fromXref {
		if err := s.decryptor(); err != nil {
			return mended{}, err
		}
		if !s.catalog() {
			why = "the trailer names no document catalog"
			fromXref = false
		}
	}
	if !fromXref {
		s = newObjectSet(b, bud)
		if err := scanObjects(s); err != nil {
			return mended{}, err
		}
		if err := s.decryptor(); err != nil {
			return mended{}, err
		}
		s.addObjectStreams()
		if len(s.loc) == 0 {
			return mended{}, errors.New("no objects found")
		}
		if !s.catalog() {
			return mended{}, errors.New("no document catalog found")
		}
		repairs = append(repairs, fmt.Sprintf("%s: rebuilt from the %d objects found in the file", why, len(s.loc)))
	}
	inStm := false
	if !fromXref { // the lengths of the objects found by scanning
		badLen = 0
		for num, l := range s.loc {
			if !l.inStm {
				if o := s.get(num); o != nil && o.stream && !o.lengthOK {
					badLen++
				}
			}
		}
	}
	for _, l := range s.loc {
		inStm = inStm || l.inStm
	}
	if err := bud.stopped(); err != nil {
		return mended{}, err
	}
	if badLen > 0 {
		repairs = append(repairs, fmt.Sprintf("%d stream lengths wrong; the streams were read to their endstream", badLen))
	}
	if fromXref && !x.loop && !x.hybrid && len(x.streams) == 0 && !inStm && s.dec == nil && badLen == 0 &&
		x.sizeOK(len(b)) && libraryOpens(b) {
		return mended{b: b}, nil
	}
	out := s.write()
	if err := bud.stopped(); err != nil {
		return mended{}, err
	}
	if out == nil {
		return mended{}, errors.New("no document catalog could be written")
	}
	return mended{b: out, repairs: repairs}, nil
}

// decryptor sets up decryption when the trailer names an /Encrypt
// dictionary.
func (s *objectSet) decryptor() error {
	ev, ok := s.trailer["Encrypt"]
	if !ok || ev == nil {
		return nil
	}
	if r, ok := ev.(pdfRef); ok {
		s.encNum = r.num
	}
	var id []byte
	if a, ok := s.resolve(s.trailer["ID"]).(pdfArray); ok && len(a) > 0 {
		id, _ = s.resolve(a[0]).(pdfString)
	}
	dec, err := newDecryptor(s.dict(ev), id)
	if err != nil {
		return err
	}
	s.dec = dec
	return nil
}

// sizeOK reports whether ledongthuc can size its table from the trailer:
// /Size covers every object, and no object number is out of bounds (see
// objNumOK).
func (x *xrefInfo) sizeOK(n int) bool {
	size, ok := integer(x.trailer["Size"], int64(max(n, 1<<20))+1)
	if !ok {
		return false
	}
	for num, e := range x.entries {
		if !objNumOK(num, n) || e.kind != 0 && int64(num) >= size {
			return false
		}
	}
	return true
}

// libraryOpens checks what ledongthuc/pdf requires of a file's first and
// last bytes: a %PDF-1.0 to 1.7 header line, and startxref and %%EOF on
// lines of their own within the last 100 bytes.
func libraryOpens(b []byte) bool {
	if len(b) < 9 || !bytes.HasPrefix(b, []byte("%PDF-1.")) || b[7] < '0' || b[7] > '7' || b[8] != '\r' && b[8] != '\n' {
		return false
	}
	tail := bytes.TrimRight(b[max(0, len(b)-100):], "\r\n\t ")
	if !bytes.HasSuffix(tail, []byte("%%EOF")) {
		return false
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	return i > 0 && (tail[i-1] == '\n' || tail[i-1] == '\r') &&
		i+9 < len(tail) && (tail[i+9] == '\n' || tail[i+9] == '\r')
}
