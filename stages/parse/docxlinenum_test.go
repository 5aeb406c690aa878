package parse

import (
	"fmt"
	"strings"
	"testing"
)

// A pleading template's margin numbers 1 to 28 leave a DOCX's text,
// whether they sit in a text box, in a cell beside the body, or in the
// first column of a table with a row a line; the caption under them is
// read. Before, 28 bare numbers stood in the attorney's block, or each
// row read "11 | JANE DOE, an individual,", and the caption lost its
// court and parties. A short numbered list of the document's own stays.
func TestDOCXPleadingLineNumbers(t *testing.T) {
	lines := []string{"KATHRYN MORALES (SBN 245781)", "Attorneys for Plaintiff JANE DOE", "",
		"SUPERIOR COURT OF THE STATE OF CALIFORNIA", "FOR THE COUNTY OF LOS ANGELES", "",
		"JANE DOE, an individual,", "Plaintiff,", "v.", "MEGACORP HOLDINGS, INC.,", "Defendants.", "",
		"Case No. 23STCV01234", "", "COMPLAINT FOR DAMAGES", "", "Plaintiff alleges as follows:", "1", "2", "3"}
	var nums, cell, rows string
	for i := 1; i <= 28; i++ {
		nums += wPara("", "", "", fmt.Sprint(i))
	}
	for i, l := range lines {
		cell += wPara("", "", "", l)
		rows += `<w:tr><w:tc>` + wPara("", "", "", fmt.Sprint(i+1)) + `</w:tc><w:tc>` + wPara("", "", "", l) + `</w:tc></w:tr>`
	}
	box := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + nums +
		`</w:txbxContent></w:drawing></mc:Choice></mc:AlternateContent></w:r>`
	boxed := `<w:p>` + box + `<w:r><w:t>` + lines[0] + `</w:t></w:r></w:p>` + strings.TrimPrefix(cell, wPara("", "", "", lines[0]))
	for name, body := range map[string]string{
		"box":   boxed,
		"cell":  `<w:tbl><w:tr><w:tc>` + nums + `</w:tc><w:tc>` + cell + `</w:tc></w:tr></w:tbl>`,
		"table": `<w:tbl>` + rows + `</w:tbl>`,
	} {
		p := mustParse(t, name+".docx", docxOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`}))
		if strings.Contains(p.Text, "\n28") || strings.Contains(p.Text, "| ") {
			t.Errorf("%s: line numbers kept:\n%s", name, p.Text)
		}
		if !strings.Contains(p.Text, "JANE DOE, an individual,") || !strings.Contains(p.Text, "COMPLAINT FOR DAMAGES") {
			t.Errorf("%s: body lost:\n%s", name, p.Text)
		}
		if name != "table" && !strings.Contains(p.Text, "follows:\n\n1\n\n2\n\n3") {
			t.Errorf("%s: the document's own short list lost:\n%s", name, p.Text)
		}
	}
}
