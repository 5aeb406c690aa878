package index

import (
	"context"
	"strings"
	"testing"
)

// word is the i-th of many distinct letter-only words (a number, even
// spelt with letters, would be analysed otherwise).
func word(i int) string {
	b := []byte("zq")
	for ; i > 0; i /= 26 {
		b = append(b, byte('a'+i%26))
	}
	return string(b) + "x"
}

// restText is a first MiB of log lines opening with quokkastart, then
// rest.
func restText(rest string) string {
	var b strings.Builder
	b.WriteString("opening quokkastart line\n")
	for b.Len() < 1<<20+5000 {
		b.WriteString("2024-03-09 13:00:00 INFO served request id=42 in 3 ms\n")
	}
	b.WriteString(rest)
	return b.String()
}

// Past the first MiB, the searchable text ends where its distinct terms
// would pass the cap (a million distinct words took 1.5 GB to index); a
// text that repeats its words any number of times is searchable to its
// end.
func TestRestTermsCapped(t *testing.T) {
	ix, err := Open(t.TempDir()+"/ix", Options{restTerms: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var many, few strings.Builder
	many.WriteString("wombatbefore ")
	for i := 1; i < 3000; i++ {
		many.WriteString(word(i) + " ")
	}
	many.WriteString("numbatafter\n")
	for i := 0; i < 20000; i++ {
		few.WriteString(word(i%500+5000) + " ")
	}
	few.WriteString("echidnaend\n")
	for _, r := range []struct{ id, text string }{{"many", restText(many.String())}, {"few", restText(few.String())}} {
		d := sample(r.id, r.id+".log", r.text, "log", "en")
		d.Summary = ""
		if err := ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]uint64{"quokkastart": 2, "wombatbefore": 1, word(100): 1, word(2500): 0, "numbatafter": 0,
		word(5499): 1, "echidnaend": 1} {
		res, err := ix.Search(context.Background(), Query{Q: q})
		if err != nil || res.Total != want {
			t.Errorf("%s: total %v (%v), want %d", q, res.Total, err, want)
		}
	}
}

// An index made before fieldBodyMore keeps the whole text in body: the
// cap cuts body past its first MiB.
func TestRestTermsCappedInBody(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	var many strings.Builder
	for i := 1; i < 3000; i++ {
		many.WriteString(word(i) + " ")
	}
	text := restText(many.String())
	body, more := capRest(ix.rest, text, "", 1000)
	if more != "" || len(body) <= 1<<20 || len(body) >= len(text) || !strings.HasSuffix(body, "x") ||
		!strings.Contains(body, " "+word(900)+" ") || strings.Contains(body, " "+word(1100)+" ") {
		t.Fatalf("body of %d bytes of %d, ending %q", len(body), len(text), body[len(body)-20:])
	}
	if b, m := capRest(ix.rest, "short text", "", 1); b != "short text" || m != "" {
		t.Fatalf("a text within its first MiB is kept whole: %q %q", b, m)
	}
}
