package web

import (
	"regexp"
	"testing"

	"github.com/docmill/docmill/web/internal/uitest"
)

// The search page for ?size=0 writes its own hidden size field; submitting
// the page's form again must not be refused.
func TestSizeZeroPageFormRoundTrip(t *testing.T) {
	s := newServer(t, Options{Index: openIndex(t, uitest.Samples()...)})
	resp, body := get(t, s, "/?q=agreement&size=0")
	m := regexp.MustCompile(`name="size" value="([^"]*)"`).FindStringSubmatch(body)
	if resp.StatusCode != 200 {
		t.Fatalf("first page: %d", resp.StatusCode)
	}
	if m == nil {
		return
	}
	resp, body = get(t, s, "/?q=agreement&size="+m[1])
	if resp.StatusCode != 200 {
		t.Errorf("re-submitting the page's own form: status %d: %s", resp.StatusCode, between(body, `role="alert"`, "</"))
	}
}
