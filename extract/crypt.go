package extract

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
)

// This file decrypts files protected by the standard security handler
// (PDF 32000 §7.6, ISO 32000-2 for AES-256) with the empty user password:
// most protected reports only restrict printing or copying with an owner
// password, and open without one. ledongthuc/pdf cannot decrypt 40-bit
// RC4 or AES-256, so encrypted files are always rewritten decrypted.

// A cryptMethod is how one kind of data (strings or streams) is encrypted.
type cryptMethod uint8

const (
	cryptNone cryptMethod = iota
	cryptRC4
	cryptAESV2 // AES-128, key derived per object
	cryptAESV3 // AES-256, the file key itself
)

// A decryptor holds the file key of an opened encrypted file.
type decryptor struct {
	key         []byte
	str, stm    cryptMethod
	encryptMeta bool
}

var passwordPadding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// errUnsupportedCrypt marks an encryption scheme this package cannot
// decrypt (a handler other than Standard, a revision above 6).
var errUnsupportedCrypt = errors.New("unsupported encryption")

// newDecryptor opens the encryption dictionary enc with the empty user
// password; id is the first string of the trailer's /ID. It returns
// ErrEncrypted when a password is needed.
func newDecryptor(enc pdfDict, id []byte) (*decryptor, error) {
	if enc["Filter"] != pdfName("Standard") {
		return nil, fmt.Errorf("%w: security handler %v", errUnsupportedCrypt, enc["Filter"])
	}
	v, _ := integer(enc["V"], 10)
	r, _ := integer(enc["R"], 10)
	o, _ := enc["O"].(pdfString)
	u, _ := enc["U"].(pdfString)
	p, _ := number(enc["P"])
	d := &decryptor{encryptMeta: enc["EncryptMetadata"] != false}
	switch v {
	case 1, 2:
		d.str, d.stm = cryptRC4, cryptRC4
	case 4, 5:
		d.str = cryptFilter(enc, enc["StrF"])
		d.stm = cryptFilter(enc, enc["StmF"])
	default:
		return nil, fmt.Errorf("%w: V %d", errUnsupportedCrypt, v)
	}
	switch {
	case r >= 2 && r <= 4:
		n := int64(5)
		if r >= 3 {
			if l, ok := integer(enc["Length"], 256); ok && l >= 40 && l <= 128 && l%8 == 0 {
				n = l / 8
			} else {
				n = 16
			}
		}
		if len(o) < 32 || len(u) < 32 {
			return nil, fmt.Errorf("%w: bad /O or /U", ErrDamaged)
		}
		key := rc4FileKey(nil, o[:32], uint32(int32(p)), id, int(r), int(n), d.encryptMeta)
		if !rc4UserOK(key, u, id, int(r)) {
			return nil, ErrEncrypted
		}
		d.key = key
	case r == 5 || r == 6:
		ue, _ := enc["UE"].(pdfString)
		if len(u) < 48 || len(ue) < 32 {
			return nil, fmt.Errorf("%w: bad /U or /UE", ErrDamaged)
		}
		if !bytes.Equal(hash2B(nil, u[32:40], nil, int(r)), u[:32]) {
			return nil, ErrEncrypted
		}
		ik := hash2B(nil, u[40:48], nil, int(r))
		block, _ := aes.NewCipher(ik)
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue[:32])
		d.key = key
	default:
		return nil, fmt.Errorf("%w: revision %d", errUnsupportedCrypt, r)
	}
	return d, nil
}

// cryptFilter resolves a crypt filter name of a V4/V5 dictionary.
// An absent name is the Identity filter: no encryption.
func cryptFilter(enc pdfDict, name any) cryptMethod {
	n, ok := name.(pdfName)
	if !ok || n == "Identity" {
		return cryptNone
	}
	cf, _ := enc["CF"].(pdfDict)
	f, _ := cf[n].(pdfDict)
	switch f["CFM"] {
	case pdfName("V2"):
		return cryptRC4
	case pdfName("AESV2"):
		return cryptAESV2
	case pdfName("AESV3"):
		return cryptAESV3
	}
	return cryptNone
}

// rc4FileKey is Algorithm 2 of PDF 32000 (revisions 2–4).
func rc4FileKey(pw, o []byte, p uint32, id []byte, r, n int, meta bool) []byte {
	h := md5.New()
	h.Write(pad32(pw))
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	if r >= 4 && !meta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	return key[:n]
}

func pad32(pw []byte) []byte {
	out := append([]byte{}, pw[:min(len(pw), 32)]...)
	return append(out, passwordPadding[:32-len(out)]...)
}

// rc4UserOK checks the key against /U (Algorithms 4 and 5).
func rc4UserOK(key, u, id []byte, r int) bool {
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		got := make([]byte, 32)
		c.XORKeyStream(got, passwordPadding)
		return bytes.Equal(got, u[:32])
	}
	h := md5.New()
	h.Write(passwordPadding)
	h.Write(id)
	got := h.Sum(nil)
	k := make([]byte, len(key))
	for i := range 20 {
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(got, got)
	}
	return bytes.Equal(got[:16], u[:16])
}

// hash2B is the password hash of revision 6 (ISO 32000-2 Algorithm 2.B),
// or plain SHA-256 for revision 5.
func hash2B(pw, salt, udata []byte, r int) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r == 5 {
		return k
	}
	for i := 0; ; i++ {
		k1 := bytes.Repeat(append(append(append([]byte{}, pw...), k...), udata...), 64)
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			k = s[:]
		case 1:
			s := sha512.Sum384(e)
			k = s[:]
		case 2:
			s := sha512.Sum512(e)
			k = s[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// objectKey derives the key of one object (Algorithm 1).
func (d *decryptor) objectKey(num uint32, gen uint16, m cryptMethod) []byte {
	if m == cryptAESV3 {
		return d.key
	}
	h := md5.New()
	h.Write(d.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if m == cryptAESV2 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(d.key)+5, 16)]
}

// decrypt returns the plain text of data, a string or stream of object
// num gen encrypted with m. Data too short or badly padded comes back
// as decrypted as it could be.
func (d *decryptor) decrypt(data []byte, num uint32, gen uint16, m cryptMethod) []byte {
	switch m {
	case cryptRC4:
		c, _ := rc4.NewCipher(d.objectKey(num, gen, m))
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	case cryptAESV2, cryptAESV3:
		if len(data) < 32 {
			return nil // an IV and no block: the empty string
		}
		block, err := aes.NewCipher(d.objectKey(num, gen, m))
		if err != nil {
			return data
		}
		out := bytes.Clone(data[16 : 16+(len(data)-16)/16*16])
		cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, out)
		if n := int(out[len(out)-1]); n >= 1 && n <= 16 && n <= len(out) {
			out = out[:len(out)-n]
		}
		return out
	}
	return data
}
