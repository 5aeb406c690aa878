package index

import (
	"context"
	"testing"

	"github.com/docmill/docmill/document"
)

// A file name typed whole finds that file before a document quoting it.
func TestFileNameFirst(t *testing.T) {
	ctx := context.Background()
	ix, _ := openTemp(t)
	a := sample("notice", "NOTICE", "Samples: cuad-044-hosting.pdf is from CUAD. file | source cuad-044-hosting.pdf", "other", "en")
	a.Filename = "NOTICE.md"
	b := sample("hosting", "Hosting Agreement", "This Hosting Agreement is made between the parties for hosting services of the customer's applications over many months.", "contract", "en")
	b.Filename = "cuad-044-hosting.pdf"
	if err := ix.PutBatch(ctx, []*document.Result{a, b}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(ctx, Query{Q: "cuad-044-hosting.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || res.Hits[0].ID != "hosting" {
		t.Errorf("hits %+v", res.Hits)
	}
	for q, want := range map[string]bool{"cuad-044-hosting.pdf": true, "Lease-2024_final.pdf": true, "governing law": false, "party:acme.com": false, "v1.2": true, ".env": false, "report.": false} {
		if fileNameLike(q) != want {
			t.Errorf("fileNameLike(%q) = %v", q, !want)
		}
	}
}
