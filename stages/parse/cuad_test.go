package parse

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/lang"
)

// TestCUADPDFText compares the text extracted from CUAD's 12 contract PDFs
// with CUAD's own text version of the same contracts: recall of the
// reference's distinct words and bag-of-words precision (extracted words in
// the reference). Recall counts distinct words because CUAD's text keeps
// every page's running header and footer, which the parser keeps once
// (dropPageFurniture); the bag-of-words recall is logged.
func TestCUADPDFText(t *testing.T) {
	dir := datasets.Require(t, "cuad_contracts")
	refs := cuadTexts(t, filepath.Join(dir, "contracts.jsonl"))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "pdf", "*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no CUAD PDFs")
	}
	sort.Strings(pdfs)
	var sumR, sumP float64
	for _, f := range pdfs {
		id := strings.TrimSuffix(filepath.Base(f), ".pdf")
		ref, ok := refs[id]
		if !ok {
			t.Errorf("%s: no reference text", id)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(context.Background(), Input{Filename: filepath.Base(f), Data: data}, DefaultLimits())
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		got, want := wordBag(p.Text), wordBag(ref)
		r, pr := overlap(got, want)
		vr, _ := overlap(distinct(got), distinct(want))
		sumR += r
		sumP += pr
		t.Logf("%s: pages %d, recall %.3f (distinct words %.3f), precision %.3f", id, p.Pages, r, vr, pr)
		if vr < 0.97 || pr < 0.95 {
			t.Errorf("%s: word overlap too low: distinct-word recall %.3f precision %.3f", id, vr, pr)
		}
	}
	n := float64(len(pdfs))
	t.Logf("CUAD PDFs: mean recall %.3f, mean precision %.3f over %d files", sumR/n, sumP/n, len(pdfs))
}

func cuadTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	for sc.Scan() {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		out[rec.ID] = rec.Text
	}
	return out
}

func wordBag(text string) map[string]int {
	bag := map[string]int{}
	for _, tk := range lang.Words(text, "en") {
		bag[strings.ToLower(tk.Text)]++
	}
	return bag
}

// distinct counts each word of bag once.
func distinct(bag map[string]int) map[string]int {
	out := make(map[string]int, len(bag))
	for w := range bag {
		out[w] = 1
	}
	return out
}

// overlap returns the recall of ref's words in got and the precision of
// got's words against ref, counting repeated words.
func overlap(got, ref map[string]int) (recall, precision float64) {
	common, nGot, nRef := 0, 0, 0
	for w, c := range ref {
		nRef += c
		common += min(c, got[w])
	}
	for _, c := range got {
		nGot += c
	}
	if nRef == 0 || nGot == 0 {
		return 0, 0
	}
	return float64(common) / float64(nRef), float64(common) / float64(nGot)
}
