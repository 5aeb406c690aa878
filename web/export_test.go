package web

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/web/internal/uitest"
)

// GET /api/export streams every match as JSON lines of whole results, with
// the filters /api/search takes, and refuses page parameters.
func TestExportAPI(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	_, body := get(t, s, "/api/search?class=contract&size=0")
	var counts index.Result
	if err := json.Unmarshal([]byte(body), &counts); err != nil || counts.Total == 0 {
		t.Fatalf("contracts: %v %s", err, body)
	}
	resp, body := get(t, s, "/api/export?class=contract&text=true")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	n := 0
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var line struct {
			ID, Class, Text string
			Keywords        []any
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if line.ID == "" || line.Class != "contract" || line.Text == "" || line.Keywords == nil {
			t.Errorf("line %d: %.200s", n+1, sc.Text())
		}
		n++
	}
	if uint64(n) != counts.Total {
		t.Errorf("%d lines, %d contracts", n, counts.Total)
	}
	_, body = get(t, s, "/api/export?class=contract")
	var first map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(body, "\n", 2)[0]), &first); err != nil || first["id"] == nil {
		t.Fatalf("first line: %v %.200s", err, body)
	} else if _, ok := first["text"]; ok {
		t.Error("texts exported without text=true")
	}
	for path, reason := range map[string]string{
		"/api/export?size=10":    "no pages or order",
		"/api/export?text=maybe": "is not true or false",
		"/api/export?since=soon": "is not a date",
	} {
		if resp, body := get(t, s, path); resp.StatusCode != 400 || !strings.Contains(body, reason) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, body)
		}
	}
}
