package enrich

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/lang"
)

// The adversarial set's contracts were written to dodge the words unbound
// looks for (house rules, ticket and parking conditions, an IOU, a photo
// licence by e-mail): each still reads as binding.
func TestUnboundKeepsAdversarialContracts(t *testing.T) {
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "eval", "testdata", "prose", "adversarial.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d struct{ ID, Text, Label string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if d.Label != "contract" {
			continue
		}
		n++
		doc := &document.Parsed{Text: d.Text, Language: lang.Detect(d.Text)}
		if unbound(doc, d.Text) {
			t.Errorf("%s reads as no binding text", d.ID)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Errorf("%d contracts in the set, want 30", n)
	}
}
