package extract

import (
	"encoding/binary"
	"unicode/utf8"
)

// This file reads just enough of an embedded TrueType font program to
// decode a CID font that has no ToUnicode map: the font's own cmap, turned
// around, gives the character each glyph draws. poppler does the same;
// PDFs from some server-side generators and printer drivers need it.

// maxFontGlyphs caps the glyph index space read from a font program.
const maxFontGlyphs = 1 << 16

// trueTypeUnicode returns, for each glyph index of the TrueType (or
// OpenType with glyf outlines) font program b, the character its
// Unicode cmap maps to it; 0 where none. It returns nil when the font
// has no usable Unicode cmap (a (3,1) format 4 or a (3,10)/(0,x) format
// 12 subtable). Where several characters share a glyph, the lowest wins.
func trueTypeUnicode(b []byte) []rune {
	if len(b) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(b[4:6]))
	var cmap []byte
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil
		}
		if string(b[rec:rec+4]) != "cmap" {
			continue
		}
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		ln := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || ln < 0 || off > len(b) || ln > len(b)-off {
			return nil
		}
		cmap = b[off : off+ln]
	}
	if len(cmap) < 4 {
		return nil
	}
	var best []byte
	bestRank := 0
	ns := int(binary.BigEndian.Uint16(cmap[2:4]))
	for i := range ns {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off < 0 || off+2 > len(cmap) {
			continue
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = cmap[off:], rank
		}
	}
	if best == nil {
		return nil
	}
	out := make([]rune, 0, 256)
	budget := 1 << 20 // mappings read at most: a hostile cmap cannot spin
	set := func(gid uint32, r rune) {
		budget--
		if gid == 0 || gid >= maxFontGlyphs || !utf8.ValidRune(r) || r < 0x20 {
			return
		}
		for uint32(len(out)) <= gid {
			out = append(out, 0)
		}
		if out[gid] == 0 || r < out[gid] {
			out[gid] = r
		}
	}
	switch binary.BigEndian.Uint16(best) {
	case 4:
		if len(best) < 14 {
			return nil
		}
		segs := int(binary.BigEndian.Uint16(best[6:])) / 2
		end := 14
		start := end + 2*segs + 2
		delta := start + 2*segs
		rangeOff := delta + 2*segs
		if rangeOff+2*segs > len(best) {
			return nil
		}
		u16 := func(p int) int { return int(binary.BigEndian.Uint16(best[p:])) }
		for s := range segs {
			lo, hi := u16(start+2*s), u16(end+2*s)
			d, ro := u16(delta+2*s), u16(rangeOff+2*s)
			for c := lo; c <= hi && c != 0xFFFF && budget > 0; c++ {
				var gid int
				if ro == 0 {
					gid = (c + d) & 0xFFFF
				} else {
					p := rangeOff + 2*s + ro + 2*(c-lo)
					if p+2 > len(best) {
						break
					}
					if gid = u16(p); gid != 0 {
						gid = (gid + d) & 0xFFFF
					}
				}
				set(uint32(gid), rune(c))
			}
		}
	case 12:
		if len(best) < 16 {
			return nil
		}
		groups := int(binary.BigEndian.Uint32(best[12:]))
		for g := range groups {
			p := 16 + 12*g
			if p+12 > len(best) {
				break
			}
			lo, hi := binary.BigEndian.Uint32(best[p:]), binary.BigEndian.Uint32(best[p+4:])
			gid := binary.BigEndian.Uint32(best[p+8:])
			if hi < lo || hi-lo > maxFontGlyphs {
				continue
			}
			for c := lo; c <= hi && budget > 0; c++ {
				set(gid+(c-lo), rune(c))
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// A glyphMap decodes the CIDs of a CID font without ToUnicode through its
// embedded TrueType program.
type glyphMap struct {
	uni      []rune // by glyph index (trueTypeUnicode)
	cidToGID []byte // the CIDToGIDMap stream, 2 bytes a CID; nil for Identity
}

// text returns the character of a CID, or 0.
func (m *glyphMap) text(cid uint32) rune {
	gid := cid
	if m.cidToGID != nil {
		p := 2 * int(cid)
		if p+2 > len(m.cidToGID) {
			return 0
		}
		gid = uint32(binary.BigEndian.Uint16(m.cidToGID[p:]))
	}
	if gid >= uint32(len(m.uni)) {
		return 0
	}
	return m.uni[gid]
}
