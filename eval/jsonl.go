package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// maxLine bounds one JSONL line: contracts run to a few hundred KiB.
const maxLine = 64 << 20

// ReadJSONL decodes every non-blank line of the file at path into a T.
func ReadJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError names the path already
	}
	defer f.Close()
	out, err := DecodeJSONL[T](f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// DecodeJSONL decodes every non-blank line of r into a T.
func DecodeJSONL[T any](r io.Reader) ([]T, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	var out []T
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(trimSpace(b)) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r' || b[len(b)-1] == '\n') {
		b = b[:len(b)-1]
	}
	return b
}

// KeywordPrediction is one line of a keyword predictions file:
// {"id","keywords":[ranked]}.
type KeywordPrediction struct {
	ID       string   `json:"id"`
	Keywords []string `json:"keywords"`
}

// ReadKeywordPredictions reads a predictions JSONL file into id -> ranked
// phrases.
func ReadKeywordPredictions(path string) (map[string][]string, error) {
	rows, err := ReadJSONL[KeywordPrediction](path)
	if err != nil {
		return nil, err
	}
	m := make(map[string][]string, len(rows))
	for _, r := range rows {
		m[r.ID] = r.Keywords
	}
	return m, nil
}
