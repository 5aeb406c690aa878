package parse

import (
	"strings"
	"testing"
)

// Text from a font with no Unicode map, whose codes were read as a
// standard encoding, is a substitution cipher with no U+FFFD in it; such
// a PDF is not decodable (and goes to OCR) rather than indexed as
// garbage. Text read right, in prose, code, tables or Chinese, is not.
// Over the 943 PDFs of pdf.js's test files, CUAD and samples/, the rule
// flagged one more file than before: the cipher it was written for.
func TestSubstitutedText(t *testing.T) {
	cipherText := strings.Repeat("2BCM#=G;1N;H>;L>>?@CH?M NB? 1IOL=?G;J @ILG;N# OM?> @IL G;JJCha NL;HMJCF?> MIOL=? =I>? <;=E NI NB? ILCaCH;F MIOL=?M# ", 3)
	read := map[string]string{
		"prose": strings.Repeat("This Ecma Standard defines the Source map format, used for mapping transpiled source code back to the original sources. ", 3),
		"code":  strings.Repeat("func main() { fmt.Println(\"hello, world\"); if err != nil { return err } } // the entry point of the program, which prints a greeting. ", 3),
		"table": strings.Repeat("Invoice 7026 Total USD 4,500.00 Net 30 days; Item A-17 qty 3 @ $1,500.00 each (incl. VAT 20%) ", 3),
		"zh":    strings.Repeat("本合同自双方签字盖章之日起生效，有效期为两年。甲方应于每月五日前支付租金。 ", 30),
	}
	if !substituted(cipherText) {
		t.Errorf("cipher text not flagged: %.60q", cipherText)
	}
	for name, text := range read {
		if substituted(text) {
			t.Errorf("%s flagged as a cipher: %.60q", name, text)
		}
	}
	if substituted("NB? 1IOL=?G;J") {
		t.Error("too few tokens to tell, flagged")
	}
}
