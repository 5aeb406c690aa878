package index

import (
	"errors"
	"strings"
	"testing"
)

// TestMarks checks what a document page marks for a query: the words,
// phrases and patterns search matched, as written in the text.
func TestMarks(t *testing.T) {
	ix, _ := openTemp(t)
	text := "5. INDEMNIFICATION\n5.1 The Supplier shall indemnify the Customer. A material breach, not cured within thirty (30) days, ends it. 个人信息保护法 规定个人信息处理者。"
	cases := []struct {
		q    string
		want []string
	}{
		{"indemnification", []string{"INDEMNIFICATION"}},
		{"supplier OR customer", []string{"Supplier", "Customer"}},
		{`"material breach"`, []string{"material breach"}},
		{"indemn*", []string{"INDEMNIFICATION", "indemnify"}},
		{"breach -supplier", []string{"breach"}},
		{"class:contract cured", []string{"cured"}},
		{"个人信息", []string{"个人信息", "个人信息"}},
		{"信", []string{"信", "信"}},
		{"*", nil},
		{"nothing", nil},
	}
	for _, c := range cases {
		spans, err := ix.Marks(c.q, text)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		var got []string
		for _, s := range spans {
			got = append(got, text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q marks %q, want %q", c.q, got, c.want)
		}
	}
	if _, err := ix.Marks("title:(", text); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a bad query: %v, want ErrBadQuery", err)
	}
}
