package load

// crc32Combine returns the CRC-32 (IEEE) of a followed by b, given the
// CRC-32 of a, that of b and the length of b: zlib's crc32_combine. The
// zip entry of a sheet whose rows were deflated ahead (splice.go) needs
// the CRC of the whole part, whose pieces are known at different times.
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	// The operator that appends one zero bit to a CRC, then two, four …
	// zero bits, squared each time; applied to crcA for each bit of lenB
	// counted in bytes (eight zero bits each).
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the reversed polynomial
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd) // eight, then 32, 128 …
		if lenB&1 != 0 {
			crcA = gf2Times(&even, crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
		gf2Square(&odd, &even)
		if lenB&1 != 0 {
			crcA = gf2Times(&odd, crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

// gf2Times multiplies the 32×32 matrix over GF(2) mat by the vector vec.
func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

// gf2Square sets square to mat × mat.
func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
