// Command buildzhdf builds the Chinese domain background table the keyword
// extractor embeds (enrich/keywords/data/zh_domain_df.tsv.gz): the document
// frequency of candidate phrases over the TRAIN split of csl_zh_keywords
// (Apache-2.0) under the project's split rule (key "csl_zh_keywords/<id>",
// int(sha256(key)[:8],16) % 10: 0-1 test, 2 dev, else train). Test and dev
// documents are never read into the table.
//
//	go run ./enrich/keywords/cmd/buildzhdf -out enrich/keywords/data/zh_domain_df.tsv.gz
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/internal/datasets"
)

type record struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

func main() {
	in := flag.String("in", datasets.Path("csl_zh_keywords", "csl_kg_devtest.jsonl"), "csl_zh_keywords JSONL")
	out := flag.String("out", "enrich/keywords/data/zh_domain_df.tsv.gz", "output table")
	minDF := flag.Int("min-df", 3, "keep phrases seen in at least this many documents")
	flag.Parse()
	if err := run(*in, *out, *minDF); err != nil {
		log.Fatal(err)
	}
}

func isTrain(id string) bool {
	sum := sha256.Sum256([]byte("csl_zh_keywords/" + id))
	v, _ := strconv.ParseUint(hex.EncodeToString(sum[:])[:8], 16, 64)
	return v%10 >= 3
}

func run(in, out string, minDF int) error {
	recs, err := eval.ReadJSONL[record](in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	df := map[string]int{}
	docs := 0
	for _, r := range recs {
		if !isTrain(r.ID) {
			continue
		}
		docs++
		seen := map[string]bool{}
		for _, k := range keywords.ChineseCandidateKeys(r.Title + "\n" + r.Text) {
			if !seen[k] {
				seen[k] = true
				df[k]++
			}
		}
	}
	b, err := keywords.BuildDomainDF(docs, df, minDF)
	if err != nil {
		return fmt.Errorf("build table: %w", err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Printf("%d train documents, %d phrases, %d bytes", docs, len(df), len(b))
	return nil
}
