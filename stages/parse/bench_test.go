package parse

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
)

// BenchmarkParseMixed parses the testdata fixtures (text, Markdown, HTML,
// DOCX, logs, PDF) plus, when the dataset is present, three CUAD contract
// PDFs, round robin. MB/s is over the input bytes.
func BenchmarkParseMixed(b *testing.B) {
	names := []string{"plain.txt", "notes.md", "page.html", "license.docx", "service-output.txt", "events.jsonl", "syslog", "contract.pdf"}
	var inputs []Input
	var total int64
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, Input{Filename: n, Data: data})
		total += int64(len(data))
	}
	if _, err := os.Stat(datasets.Path("cuad_contracts", "pdf")); err == nil {
		for _, id := range []string{"cuad-042", "cuad-044", "cuad-104"} {
			data, err := os.ReadFile(datasets.Path("cuad_contracts", "pdf", id+".pdf"))
			if err != nil {
				b.Fatal(err)
			}
			inputs = append(inputs, Input{Filename: id + ".pdf", Data: data})
			total += int64(len(data))
		}
	}
	b.SetBytes(total / int64(len(inputs)))
	lim := DefaultLimits()
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Parse(ctx, inputs[i%len(inputs)], lim); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
