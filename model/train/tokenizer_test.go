package train

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
	"github.com/docmill/docmill/model/tokenizer"
)

// TestTokenizerMatchesPython checks that the Go tokenizer reading the
// shipped tokenizer.json gives the ids the Python encoder used in training.
func TestTokenizerMatchesPython(t *testing.T) {
	requirePython(t)
	root, err := datasets.RepoRoot()
	if err != nil {
		t.Fatalf("repo root: %v", err)
	}
	path := filepath.Join(root, "model", "bundles", "docmill-mini", "tokenizer.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no committed bundle: %v", err)
	}
	texts := []string{
		"The Licensee shall pay the Fees (\"Fees\") within thirty (30) days.",
		"Café naïve résumé Ångström ﬁnance Straße İstanbul",
		"修正的Rodrigues参数(MRP),建立了飞行器姿态控制系统的数学模型；仿真结果表明.",
		"2024-01-02 10:00:01,123 ERROR [main] com.acme.Foo - failed\n\tat com.acme.Foo.run(Foo.java:42)",
		"non\u00a0breaking\u2009thin\u3000ideographic\ttab\r\nline \u200bzero-width \u0007bell",
		"emoji 🙂 mixed 日本語カタカナ 한국어 Ελληνικά русский",
		"{\"ts\":\"2025-12-04T17:24:58.049Z\",\"level\":\"info\",\"msg\":\"ok\"}",
		"averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordthatexceedsonehundredcharacters x",
	}
	for _, f := range [][2]string{{"csl_zh_keywords", "csl_kg_devtest.jsonl"}, {"eu_digital_acquis_articles", "articles.jsonl"}, {"legal_plain_english_summaries", "pairs.jsonl"}} {
		texts = append(texts, sampleTexts(t, datasets.Path(f[0], f[1]), 40)...)
	}
	in, _ := json.Marshal(texts)
	cmd := exec.Command(python, "-c", `import sys, json
sys.path.insert(0, ".")
import tokenizer as T
wp = T.WordPiece.load(sys.argv[1])
print(json.dumps([wp.encode(t) for t in json.load(sys.stdin)]))`, path)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python encoder: %v", err)
	}
	var want [][]int
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("parse python ids: %v", err)
	}
	tok, err := tokenizer.Load(path)
	if err != nil {
		t.Fatalf("load tokenizer: %v", err)
	}
	bad := 0
	for i, text := range texts {
		got := tok.Encode(text, false).IDs
		if fmt.Sprint(got) != fmt.Sprint(want[i]) {
			bad++
			if bad <= 3 {
				t.Errorf("text %d %.60q:\n go     %v\n python %v", i, text, head(got), head(want[i]))
			}
		}
	}
	t.Logf("%d of %d texts identical", len(texts)-bad, len(texts))
}

func head(x []int) []int {
	if len(x) > 40 {
		return x[:40]
	}
	return x
}

// sampleTexts returns up to n "text" fields from a JSONL dataset file, or none when it is absent.
func sampleTexts(t *testing.T, path string, n int) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Logf("dataset %s not found, skipped: %v", path, err)
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(out) < n {
		var r struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Text != "" {
			out = append(out, r.Text)
		}
	}
	return out
}
