package parse

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"regexp"
	"strconv"
)

// ledongthuc/pdf decrypts RC4 and AES-128 but not AES-256 (security
// handler V5, revisions 5 and 6), which Acrobat has written by default
// since version X. Most such files carry only an owner password (they
// restrict printing or copying) and open in every viewer without asking:
// the user password is empty. docmill decrypts them in place, keeping
// every byte offset so the file's own cross-reference table still holds,
// and hands the library a plain PDF.

// errNeedsPassword means the user password is not empty.
var errNeedsPassword = errors.New("the user password is not empty")

var (
	reEncryptRef = regexp.MustCompile(`/Encrypt\s*(\d+)\s+(\d+)\s+R`)
	// reEncryptInline is an encryption dictionary written in place
	reEncryptInline = regexp.MustCompile(`/Encrypt\s*<<`)
	reObjHeader     = regexp.MustCompile(`(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b`)
	reLengthKey     = regexp.MustCompile(`/Length\s+(\d+)(\s+\d+\s+R)?`)
)

// decryptAES256 returns data decrypted with the empty user password, or
// an error: errNeedsPassword, or why the file cannot be read this way.
func decryptAES256(data []byte) ([]byte, error) {
	refs := reEncryptRef.FindAllSubmatchIndex(data, -1)
	if len(refs) == 0 {
		if reEncryptInline.Match(data) {
			return nil, errors.New("its encryption dictionary is written inside the trailer, which docmill does not read yet (only as an object of its own)")
		}
		return nil, errors.New("no /Encrypt reference")
	}
	last := refs[len(refs)-1]
	encNum := string(data[last[2]:last[3]])
	objs := pdfObjects(data)
	enc, ok := objs[encNum]
	if !ok {
		return nil, errors.New("encryption dictionary not found")
	}
	key, cfg, err := aes256Key(data[enc.start:enc.end])
	if err != nil {
		return nil, err
	}
	out := bytes.Clone(data)
	for num, o := range objs {
		if num == encNum {
			continue
		}
		decryptObject(out, o, key, cfg, objs)
	}
	// the file is plain now: drop the references to the encryption
	// dictionary from every trailer (classic or cross-reference stream)
	for _, r := range refs {
		for i := r[0]; i < r[1]; i++ {
			out[i] = ' '
		}
	}
	return out, nil
}

// pdfObj is the extent of one "N G obj ... endobj".
type pdfObj struct{ start, end int }

// pdfObjects finds the top-level objects of a file by their headers; a
// later definition of the same number (an incremental update) wins.
func pdfObjects(data []byte) map[string]pdfObj {
	out := map[string]pdfObj{}
	for _, m := range reObjHeader.FindAllSubmatchIndex(data, -1) {
		start := m[1]
		end := bytes.Index(data[start:], []byte("endobj"))
		if end < 0 {
			end = len(data) - start
		}
		out[string(data[m[2]:m[3]])] = pdfObj{start, start + end}
	}
	return out
}

// aesConfig says what an AES-256 file encrypts.
type aesConfig struct {
	strings, streams, metadata bool
}

// aes256Key validates the empty user password against the encryption
// dictionary and returns the file key (PDF 32000-2, 7.6.4.3.3 and
// 7.6.4.4.10).
func aes256Key(dict []byte) ([]byte, aesConfig, error) {
	var cfg aesConfig
	v, r := dictInt(dict, "V"), dictInt(dict, "R")
	if v != 5 || (r != 5 && r != 6) {
		return nil, cfg, errors.New("not AES-256 (V 5, R 5 or 6)")
	}
	// a crypt filter left out is Identity: that category is not encrypted
	cfg.strings = dictName(dict, "StrF") != "Identity" && dictName(dict, "StrF") != ""
	cfg.streams = dictName(dict, "StmF") != "Identity" && dictName(dict, "StmF") != ""
	cfg.metadata = !bytes.Contains(dict, []byte("/EncryptMetadata false"))
	if !cfg.strings && !cfg.streams {
		// only embedded files are encrypted (AuthEvent EFOpen): the
		// document itself is plain
		return nil, cfg, nil
	}
	u, ue := dictString(dict, "U"), dictString(dict, "UE")
	o, oe := dictString(dict, "O"), dictString(dict, "OE")
	if len(u) < 48 || len(ue) < 32 {
		return nil, cfg, errors.New("malformed U or UE entry")
	}
	hash := func(salt, udata []byte) []byte {
		if r == 5 {
			h := sha256.Sum256(append(bytes.Clone(salt), udata...))
			return h[:]
		}
		return hash2B(nil, salt, udata)
	}
	// The empty password opens the file as its user or, where the owner
	// password is the empty one, as its owner.
	var wrapKey, wrapped []byte
	switch {
	case bytes.Equal(hash(u[32:40], nil), u[:32]):
		wrapKey, wrapped = hash(u[40:48], nil), ue[:32]
	case len(o) >= 48 && len(oe) >= 32 && bytes.Equal(hash(o[32:40], u[:48]), o[:32]):
		wrapKey, wrapped = hash(o[40:48], u[:48]), oe[:32]
	default:
		return nil, cfg, errNeedsPassword
	}
	block, err := aes.NewCipher(wrapKey)
	if err != nil {
		return nil, cfg, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, wrapped)
	return key, cfg, nil
}

// hash2B is the password hash of revision 6 (PDF 32000-2, 7.6.4.3.4).
func hash2B(password, salt, udata []byte) []byte {
	k := sha256.Sum256(append(append(bytes.Clone(password), salt...), udata...))
	key := k[:]
	for i := 0; ; i++ {
		k1 := bytes.Repeat(append(append(bytes.Clone(password), key...), udata...), 64)
		block, _ := aes.NewCipher(key[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, key[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			h := sha256.Sum256(e)
			key = h[:]
		case 1:
			h := sha512.Sum384(e)
			key = h[:]
		default:
			h := sha512.Sum512(e)
			key = h[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i+1-32 {
			return key[:32]
		}
	}
}

// decryptObject decrypts, in place and without moving a byte, the strings
// of an object's dictionary and its stream. Cross-reference streams are
// never encrypted, nor is metadata when the dictionary says so.
func decryptObject(out []byte, o pdfObj, key []byte, cfg aesConfig, objs map[string]pdfObj) {
	body := out[o.start:o.end]
	dictEnd := len(body)
	streamAt := bytes.Index(body, []byte("stream"))
	if streamAt >= 0 {
		dictEnd = streamAt
	}
	dict := body[:dictEnd]
	if bytes.Contains(dict, []byte("/XRef")) && reTypeXRef.Match(dict) {
		return
	}
	if cfg.strings {
		decryptStrings(dict, key)
	}
	if streamAt < 0 || !cfg.streams || (!cfg.metadata && reTypeMetadata.Match(dict)) {
		return
	}
	dataAt := streamAt + len("stream")
	if dataAt < len(body) && body[dataAt] == '\r' {
		dataAt++
	}
	if dataAt < len(body) && body[dataAt] == '\n' {
		dataAt++
	}
	n := streamLength(dict, out, objs)
	if n < 0 || dataAt+n > len(body) {
		n = bytes.LastIndex(body, []byte("endstream")) - dataAt
		for n > 0 && (body[dataAt+n-1] == '\n' || body[dataAt+n-1] == '\r') {
			n--
		}
	}
	if n <= 0 {
		return
	}
	plain, ok := aesDecrypt(key, body[dataAt:dataAt+n])
	if !ok {
		return
	}
	copy(body[dataAt:], plain)
	// The rest of the old data stays behind the new; a direct /Length is
	// rewritten (same width) so readers stop at the plain data's end.
	for i := dataAt + len(plain); i < dataAt+n; i++ {
		body[i] = '\n'
	}
	if m := reLengthKey.FindSubmatchIndex(dict); m != nil && m[4] < 0 {
		width := m[3] - m[2]
		if s := strconv.Itoa(len(plain)); len(s) <= width {
			copy(dict[m[2]:m[3]], append([]byte(s), bytes.Repeat([]byte(" "), width-len(s))...))
		}
	}
}

var (
	reTypeXRef     = regexp.MustCompile(`/Type\s*/XRef\b`)
	reTypeMetadata = regexp.MustCompile(`/Type\s*/Metadata\b`)
)

// streamLength reads a stream dictionary's /Length, direct or indirect;
// -1 when it cannot.
func streamLength(dict, data []byte, objs map[string]pdfObj) int {
	m := reLengthKey.FindSubmatch(dict)
	if m == nil {
		return -1
	}
	if len(m[2]) == 0 {
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	o, ok := objs[string(m[1])]
	if !ok {
		return -1
	}
	n, err := strconv.Atoi(string(bytes.TrimSpace(data[o.start:o.end])))
	if err != nil {
		return -1
	}
	return n
}

// aesDecrypt decrypts IV || ciphertext with PKCS#5 padding.
func aesDecrypt(key, data []byte) ([]byte, bool) {
	if len(data) < 32 || len(data)%16 != 0 {
		return nil, false
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, false
	}
	plain := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(plain, data[16:])
	pad := int(plain[len(plain)-1])
	if pad < 1 || pad > 16 || pad > len(plain) {
		return nil, false
	}
	return plain[:len(plain)-pad], true
}

// decryptStrings rewrites every string of a dictionary in place: its
// plain text as a hex string, padded with spaces to the old width (a hex
// string of n bytes takes 2n+2 characters; the encrypted one held at least
// n+16 bytes, written as 2n+34 hex digits or n+18 literal characters, so a
// plain literal string is used when hex does not fit).
func decryptStrings(dict, key []byte) {
	for i := 0; i < len(dict); {
		c := dict[i]
		switch {
		case c == '<' && i+1 < len(dict) && dict[i+1] == '<':
			i += 2
		case c == '<':
			raw, n := hexString(dict[i+1:])
			end := i + 1 + n
			rewriteString(dict[i:end], []byte(raw), key)
			i = end
		case c == '(':
			raw, end := literalString(dict, i)
			rewriteString(dict[i:end], raw, key)
			i = end
		default:
			i++
		}
	}
}

func rewriteString(slot, encrypted, key []byte) {
	plain, ok := aesDecrypt(key, encrypted)
	if !ok {
		return
	}
	var w []byte
	if 2*len(plain)+2 <= len(slot) {
		w = append(w, '<')
		const hexDigits = "0123456789abcdef"
		for _, b := range plain {
			w = append(w, hexDigits[b>>4], hexDigits[b&15])
		}
		w = append(w, '>')
	} else {
		w = append(w, '(')
		for _, b := range plain {
			if b == '(' || b == ')' || b == '\\' {
				w = append(w, '\\')
			}
			w = append(w, b)
		}
		w = append(w, ')')
		if len(w) > len(slot) {
			return
		}
	}
	copy(slot, w)
	for i := len(w); i < len(slot); i++ {
		slot[i] = ' '
	}
}

// literalString reads a literal string starting at b[i] == '(' and returns
// its bytes and the index after its closing parenthesis.
func literalString(b []byte, i int) ([]byte, int) {
	var out []byte
	depth := 0
	for j := i; j < len(b); j++ {
		c := b[j]
		switch {
		case c == '\\' && j+1 < len(b):
			j++
			switch e := b[j]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
				if e == '\r' && j+1 < len(b) && b[j+1] == '\n' {
					j++
				}
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for ; k < 3 && j+k < len(b) && b[j+k] >= '0' && b[j+k] <= '7'; k++ {
						v = v*8 + int(b[j+k]-'0')
					}
					j += k - 1
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return out, j + 1
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out, len(b)
}

// dictValue returns where the value of a top-level key of a dictionary
// written as PDF source starts, or -1. Strings are skipped whole: the
// binary O and U strings of an encryption dictionary may hold "/R" or
// "/U" bytes.
func dictValue(dict []byte, key string) int {
	depth := 0
	for i := 0; i < len(dict); {
		switch c := dict[i]; {
		case c == '<' && i+1 < len(dict) && dict[i+1] == '<':
			depth++
			i += 2
		case c == '>' && i+1 < len(dict) && dict[i+1] == '>':
			depth--
			i += 2
		case c == '<':
			_, n := hexString(dict[i+1:])
			i += n + 1
		case c == '(':
			_, i = literalString(dict, i)
		case c == '/':
			j := i + 1
			for j < len(dict) && dict[j] > ' ' && !isDelim(dict[j]) {
				j++
			}
			if depth == 1 && string(dict[i+1:j]) == key {
				for j < len(dict) && (dict[j] == ' ' || dict[j] == '\r' || dict[j] == '\n' || dict[j] == '\t') {
					j++
				}
				return j
			}
			i = j
		default:
			i++
		}
	}
	return -1
}

// dictInt, dictName and dictString read a direct top-level entry.
func dictInt(dict []byte, key string) int {
	at := dictValue(dict, key)
	if at < 0 {
		return -1
	}
	j := at
	for j < len(dict) && dict[j] >= '0' && dict[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(dict[at:j]))
	if err != nil {
		return -1
	}
	return n
}

func dictName(dict []byte, key string) string {
	at := dictValue(dict, key)
	if at < 0 || at >= len(dict) || dict[at] != '/' {
		return ""
	}
	j := at + 1
	for j < len(dict) && dict[j] > ' ' && !isDelim(dict[j]) {
		j++
	}
	return string(dict[at+1 : j])
}

func dictString(dict []byte, key string) []byte {
	at := dictValue(dict, key)
	switch {
	case at < 0 || at >= len(dict):
		return nil
	case dict[at] == '<':
		s, _ := hexString(dict[at+1:])
		return []byte(s)
	case dict[at] == '(':
		s, _ := literalString(dict, at)
		return s
	}
	return nil
}
