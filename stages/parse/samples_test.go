package parse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/datasets"
)

// TestSamples parses the demo folder that `make run` ingests: every file
// outside samples/bad must parse with the expected type and language, and
// every file in samples/bad must fail permanently (the dead-letter demo).
func TestSamples(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "samples")
	want := map[string]struct{ ct, lang string }{
		"contracts/cuad-044-hosting.pdf":                 {document.TypePDF, "en"},
		"contracts/cuad-187-strategic-alliance.docx":     {document.TypeDOCX, "en"},
		"regulations/gdpr-article-6.pdf":                 {document.TypePDF, "en"},
		"regulations/nis-2-directive-article-21.md":      {document.TypeMarkdown, "en"},
		"regulations/digital-markets-act-article-5.html": {document.TypeHTML, "en"},
		"logs/billing-service.log":                       {document.TypeLog, ""},
		"logs/nginx-access.log":                          {document.TypeLog, ""},
		"logs/syslog":                                    {document.TypeLog, ""},
		"logs/docmill-events.jsonl":                      {document.TypeLog, ""},
		"logs/billing-service-excerpt.pdf":               {document.TypeLog, ""},
		"chinese/csl-dev-0175.txt":                       {document.TypeText, "zh"},
		"chinese/csl-dev-0175-gbk.txt":                   {document.TypeText, "zh"},
		"chinese/csl-test-0154.pdf":                      {document.TypePDF, "zh"},
	}
	seen := 0
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if strings.HasPrefix(rel, "gen/") || strings.HasSuffix(rel, ".md") && !strings.HasPrefix(rel, "regulations/") {
			return nil // scripts and the NOTICE are not demo documents
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		seen++
		p, perr := Parse(context.Background(), Input{Filename: filepath.Base(path), Data: data}, DefaultLimits())
		if strings.HasPrefix(rel, "bad/") {
			if !IsPermanent(perr) {
				t.Errorf("%s: want a permanent error, got %v", rel, perr)
			} else {
				t.Logf("%s: %v", rel, perr)
			}
			return nil
		}
		if perr != nil {
			t.Errorf("%s: %v", rel, perr)
			return nil
		}
		w, ok := want[rel]
		if !ok {
			w.ct, w.lang = document.TypeText, "en"
			if strings.HasPrefix(rel, "contracts/") || strings.HasPrefix(rel, "regulations/") {
				w.ct = document.TypeText
			}
		}
		if p.ContentType != w.ct || w.lang != "" && p.Language != w.lang {
			t.Errorf("%s: type %s lang %s, want %s %s", rel, p.ContentType, p.Language, w.ct, w.lang)
		}
		t.Logf("%-48s %-22s %-3s %-12s pages=%d sentences=%d title=%.60q", rel, p.ContentType, p.Language, p.Encoding, p.Pages, len(p.Sentences), p.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 15 {
		t.Errorf("only %d sample files", seen)
	}
}
