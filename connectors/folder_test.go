package connectors

import "testing"

func TestSkipName(t *testing.T) {
	for name, skip := range map[string]bool{
		"contract.docx": false, "~$ntract.docx": true, ".~lock.contract.docx#": true, ".DS_Store": true,
		"Thumbs.db": true, "desktop.ini": true, "report.pdf.part": true, "x.crdownload": true, "notes.txt~": true,
		"~draft.txt": false, "2026 budget.xlsx.tmp": true, "tmp.txt": false,
	} {
		if got := skipName(name); got != skip {
			t.Errorf("skipName(%q) = %v, want %v", name, got, skip)
		}
	}
}
