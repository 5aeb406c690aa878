package parse

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/internal/testpdf"
)

// rc4PDF writes a revision-3 (128-bit RC4) file whose content stream is
// encrypted under the user password pw, as PDF 32000-1 §7.6.3 describes.
func rc4PDF(t *testing.T, pw string) []byte {
	t.Helper()
	pad := []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")
	o := bytes.Repeat([]byte{0x42}, 32) // any owner entry: only the user password is checked
	id := []byte("0123456789abcdef")
	p := int32(-44)
	h := md5.New()
	h.Write(append([]byte(pw), pad[:32-len(pw)]...))
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key := h.Sum(nil)
	for range 50 {
		sum := md5.Sum(key)
		key = sum[:]
	}
	rc4With := func(k, data []byte) []byte {
		c, err := rc4.NewCipher(k)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	sum := md5.Sum(append(bytes.Clone(pad), id...))
	u := rc4With(key, sum[:])
	for i := 1; i <= 19; i++ {
		k := bytes.Clone(key)
		for j := range k {
			k[j] ^= byte(i)
		}
		u = rc4With(k, u)
	}
	u = append(u, make([]byte, 16)...)
	objKey := md5.Sum(append(bytes.Clone(key), 4, 0, 0, 0, 0))
	content := rc4With(objKey[:], []byte("BT /F1 12 Tf 72 720 Td (The Supplier shall deliver the Goods by 1 March.) Tj ET"))
	return testpdf.BuildTrailer("/Encrypt 6 0 R /ID [<"+hex.EncodeToString(id)+"> <"+hex.EncodeToString(id)+">] ",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		"<< /Length %d >>stream\n"+string(content)+"\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <"+hex.EncodeToString(o)+"> /U <"+hex.EncodeToString(u)+"> >>",
	)
}

// brokenXref points a file's startxref at garbage, as a text-mode
// transfer or a bad incremental save does, so that it reads only through
// the rebuilt cross-reference table.
func brokenXref(t *testing.T, data []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(data, []byte("startxref"))
	broken := append(bytes.Clone(data[:i]), []byte("startxref\n17\n%%EOF\n")...)
	if _, err := extractPDFOnce(broken, DefaultLimits(), nil); err == nil {
		t.Fatal("broken xref parsed without repair; the test proves nothing")
	}
	return broken
}

// An encrypted PDF whose cross-reference table is broken keeps its
// encryption through the repair: one without a user password reads, one
// with a password says so. The rebuilt trailer had left out /Encrypt and
// /ID, so both read as plain files of noise: "corrupt PDF (no page could
// be read)".
func TestPDFRepairKeepsEncryption(t *testing.T) {
	if p := mustParse(t, "rc4.pdf", rc4PDF(t, "")); !strings.Contains(p.Text, "The Supplier shall deliver the Goods") {
		t.Fatalf("the intact file does not read; the test proves nothing: %q", p.Text)
	}
	p := mustParse(t, "rc4-broken.pdf", brokenXref(t, rc4PDF(t, "")))
	if p.Meta["repaired"] == "" || !strings.Contains(p.Text, "The Supplier shall deliver the Goods") {
		t.Errorf("repaired encrypted file: meta %v text %q", p.Meta, p.Text)
	}
	e := parsePermanent(t, "locked-broken.pdf", brokenXref(t, rc4PDF(t, "secret")))
	if !strings.HasPrefix(e.Reason, "encrypted PDF (password required)") {
		t.Errorf("broken file with a user password: reason %q", e.Reason)
	}
}

// The same on the pdf.js corpus' damaged file with a user password.
func TestPDFRepairKeepsEncryptionCorpus(t *testing.T) {
	dir := datasets.Require(t, "pdfjs_test_pdfs")
	e := parsePermanent(t, "issue15893_reduced.pdf", mustRead(t, filepath.Join(dir, "pdfs", "issue15893_reduced.pdf")))
	if !strings.HasPrefix(e.Reason, "encrypted PDF (password required)") {
		t.Errorf("reason %q", e.Reason)
	}
}
