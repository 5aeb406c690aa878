package parse

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/testpdf"
	"github.com/ledongthuc/pdf"
)

// aesEncrypt is what a PDF writer does to a string or stream under AESV3:
// IV || AES-256-CBC(PKCS#5-padded data).
func aesEncrypt(t *testing.T, key, iv []byte, plain string) string {
	t.Helper()
	pad := 16 - len(plain)%16
	data := append([]byte(plain), bytes.Repeat([]byte{byte(pad)}, pad)...)
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, len(data))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, data)
	return string(iv) + string(out)
}

// escapeLiteral writes bytes as a PDF literal string body.
func escapeLiteral(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`).Replace(s)
}

// aes256PDF writes a revision-5 AES-256 file encrypted with fileKey whose
// title and content stream are encrypted; u is its /U entry.
func aes256PDF(t *testing.T, fileKey, u, ue []byte) []byte {
	content := aesEncrypt(t, fileKey, []byte("0123456789abcdef"), "BT /F1 12 Tf 72 720 Td (The Licensee shall keep the Software confidential.) Tj ET")
	title := aesEncrypt(t, fileKey, []byte("fedcba9876543210"), "Restricted (owner) Licence")
	return testpdf.BuildTrailer("/Encrypt 6 0 R /Info 7 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Length %d >>stream\n"+content+"\nendstream",
		"<< /Filter /Standard /V 5 /R 5 /Length 256 /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"+
			" /StmF /StdCF /StrF /StdCF /P -1340 /U <"+hex.EncodeToString(u)+"> /UE <"+hex.EncodeToString(ue)+">"+
			" /O <"+strings.Repeat("00", 48)+"> /OE <"+strings.Repeat("00", 32)+"> >>",
		"<< /Title ("+escapeLiteral(title)+") >>",
	)
}

// An AES-256 file that opens without a password, as a PDF restricted only
// by an owner password does. The library alone refuses it.
func TestPDFAES256EmptyUserPassword(t *testing.T) {
	fileKey := bytes.Repeat([]byte{0x5a}, 32)
	valSalt, keySalt := []byte("valsalt1"), []byte("keysalt1")
	h := sha256.Sum256(valSalt)
	u := append(append(h[:], valSalt...), keySalt...)
	wrap := sha256.Sum256(keySalt)
	block, _ := aes.NewCipher(wrap[:])
	ue := make([]byte, 32)
	cipher.NewCBCEncrypter(block, make([]byte, 16)).CryptBlocks(ue, fileKey)

	data := aes256PDF(t, fileKey, u, ue)
	if _, err := pdf.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		t.Fatal("the PDF library opened the AES-256 file by itself; the test proves nothing")
	}
	p := mustParse(t, "restricted.pdf", data)
	if !strings.Contains(p.Text, "The Licensee shall keep the Software confidential.") {
		t.Errorf("text %q", p.Text)
	}
	if p.Title != "Restricted (owner) Licence" {
		t.Errorf("title %q", p.Title)
	}

	// With a user password the empty one fails validation: refused, and
	// the reason says so.
	locked := bytes.Clone(u)
	locked[0] ^= 1
	e := parsePermanent(t, "locked.pdf", aes256PDF(t, fileKey, locked, ue))
	if !strings.HasPrefix(e.Reason, "encrypted PDF (password required)") {
		t.Errorf("reason %q", e.Reason)
	}
}

// Revision 6 (the password hash of PDF 2.0) and the empty owner password,
// on real files of the pdf.js corpus.
func TestPDFAES256Corpus(t *testing.T) {
	dir := datasets.Require(t, "pdfjs_test_pdfs")
	for file, want := range map[string]string{
		"issue7665.pdf":          "Issue 7665",                          // R6, empty user password
		"pr6531_2.pdf":           "Bluebeam should be encrypting this.", // empty owner password
		"auth-event-ef-open.pdf": "Example",                             // only embedded files encrypted
	} {
		p := mustParse(t, file, mustRead(t, filepath.Join(dir, "pdfs", file)))
		if !strings.Contains(p.Text, want) {
			t.Errorf("%s: text %q, want %q", file, p.Text, want)
		}
	}
	// a user password, and the encryption dictionary written inline,
	// which docmill's AES-256 decryption does not read
	e := parsePermanent(t, "issue6010_1.pdf", mustRead(t, filepath.Join(dir, "pdfs", "issue6010_1.pdf")))
	if !strings.HasPrefix(e.Reason, "encrypted PDF (AES-256) that docmill cannot open: it may need a password") {
		t.Errorf("a file with a user password: reason %q", e.Reason)
	}
	// RC4 through a crypt filter (V=4, CFM /V2), which the library does
	// not decrypt; no password is needed
	e = parsePermanent(t, "issue19484_1.pdf", mustRead(t, filepath.Join(dir, "pdfs", "issue19484_1.pdf")))
	if e.Reason != "encrypted PDF in a form docmill cannot decrypt" || strings.Contains(e.Error(), "<<") {
		t.Errorf("V=4 RC4: reason %q (%v)", e.Reason, e)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A dead letter tells a PDF that needs a password from one encrypted in a
// way docmill cannot decrypt, and carries no binary key bytes.
func TestEncryptionReasons(t *testing.T) {
	for msg, want := range map[string]string{
		"encrypted PDF: invalid password": "encrypted PDF (password required)",
		"unsupported PDF: encryption version V=4; <</CF <</StdCF <</CFM /V2>>>> /O \"\\x8a\\x1d\\xae.\\xb4\">>": "encrypted PDF in a form docmill cannot decrypt",
		"malformed PDF: 40-bit encryption key": "encrypted PDF in a form docmill cannot decrypt",
		"malformed PDF: missing xref table":    reasonUnreadable,
	} {
		reason, err := encryptionReason(errors.New(msg))
		if reason != want {
			t.Errorf("%q: reason %q, want %q", msg, reason, want)
		}
		if strings.Contains(err.Error(), "\\x") || strings.Contains(err.Error(), "<<") {
			t.Errorf("%q: detail %q keeps the encryption dictionary", msg, err)
		}
	}
	if reason, _ := encryptionReason(fmt.Errorf("AES-256: %w", errNeedsPassword)); reason != "encrypted PDF (password required)" {
		t.Errorf("AES-256 with a user password: %q", reason)
	}
}

// A cross-reference section whose /Prev points back to itself is refused
// before the library sees it: the library followed the loop for good, a
// core lost per 644-byte upload. testdata/xrefloop.pdf is a one-page file
// whose trailer says /Prev 450, its own table's offset.
func TestXrefPrevLoopRefused(t *testing.T) {
	e := parsePermanent(t, "xrefloop.pdf", readFixture(t, "xrefloop.pdf"))
	if !strings.Contains(e.Reason, "hostile") || !strings.Contains(e.Error(), "/Prev loop") {
		t.Errorf("reason %q: %v", e.Reason, e)
	}
}

// An encryption dictionary written in the trailer is named as such, not
// as "no /Encrypt reference", which read as a file without encryption.
func TestInlineEncryptReason(t *testing.T) {
	_, err := decryptAES256([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R/Encrypt<</Filter/Standard/V 5/R 6>>>>\n%%EOF\n"))
	if err == nil || !strings.Contains(err.Error(), "inside the trailer") {
		t.Errorf("inline encryption dictionary: %v", err)
	}
}
