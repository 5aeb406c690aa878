package keywords

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// zhDomainData is the document frequency of Chinese candidate phrases over
// the train split of csl_zh_keywords (Apache-2.0), built by cmd/buildzhdf.
// It tells the phrases every abstract uses ("本文", "实验结果") from the
// ones that name a topic.
//
//go:embed data/zh_domain_df.tsv.gz
var zhDomainData []byte

// domainDF is a background document-frequency table.
type domainDF struct {
	n  int
	df map[string]int
}

var (
	zhDomainOnce sync.Once
	zhDomainTab  *domainDF
)

func zhDomain() *domainDF {
	zhDomainOnce.Do(func() { zhDomainTab = parseDomainDF(zhDomainData) })
	return zhDomainTab
}

func parseDomainDF(data []byte) *domainDF {
	t := &domainDF{df: map[string]int{}}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return t
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(v)
		if k == "" {
			t.n = n
			continue
		}
		t.df[k] = n
	}
	return t
}

// weight is (idf/maxIDF)^exp: 1 for a phrase the background never saw,
// smaller for phrases common across documents.
func (t *domainDF) weight(key string, exp float64) float64 {
	if t == nil || t.n == 0 || exp == 0 {
		return 1
	}
	maxIDF := math.Log(float64(t.n + 1))
	idf := math.Log(float64(t.n+1) / float64(t.df[key]+1))
	return math.Pow(idf/maxIDF, exp)
}

// ChineseCandidateKeys returns the distinct candidate keys of a Chinese
// text, for building the background table.
func ChineseCandidateKeys(text string) []string {
	var out []string
	for _, c := range chineseCandidatesRaw(text) {
		out = append(out, c.Key)
	}
	return out
}

// BuildDomainDF serialises a document-frequency table (gzip TSV, the
// document count on a line with an empty key), keeping keys seen in at
// least minDF documents.
func BuildDomainDF(docs int, df map[string]int, minDF int) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	w.WriteString("\t" + strconv.Itoa(docs) + "\n")
	keys := make([]string, 0, len(df))
	for k, v := range df {
		if v >= minDF {
			keys = append(keys, k)
		}
	}
	sortStrings(keys)
	for _, k := range keys {
		w.WriteString(k + "\t" + strconv.Itoa(df[k]) + "\n")
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
