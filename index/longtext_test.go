package index

import (
	"context"
	"strings"
	"testing"
)

// A long text: the first MiB is stored and highlighted, the rest up to
// MaxTextBytes is searchable, and what lies beyond is not indexed.
func TestLongTextHeadRestAndCap(t *testing.T) {
	ix, err := Open(t.TempDir()+"/ix", Options{MaxTextBytes: 2 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var b strings.Builder
	b.WriteString("opening quokkastart line\n")
	for b.Len() < 1<<20+5000 {
		b.WriteString("2024-03-09 13:00:00 INFO served request id=42 in 3 ms\n")
	}
	b.WriteString("middle wombatmiddle line: the emerald unicorn clause of 第三十七条 applies from 2025年6月30日\n")
	for b.Len() < 3<<20 {
		b.WriteString("2024-03-09 13:00:01 INFO served request id=43 in 4 ms\n")
	}
	b.WriteString("closing numbatend line\n")
	r := sample("long", "app.log", b.String(), "log", "en")
	r.Summary = ""
	if err := ix.Put(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]uint64{"quokkastart": 1, "wombatmiddle": 1, "numbatend": 0, "+served +wombatmiddle": 1,
		// phrases past the first MiB, where no positions are kept: all
		// their words, as a phrase needs positions (tailed)
		`"emerald unicorn"`: 1, "第三十七条": 1, "第37条": 1, "2025年6月30日": 1, "2025-06-30": 1, `"unicorn emerald"`: 1, `"emerald dragon"`: 0,
		`served -"emerald unicorn"`: 0} {
		res, err := ix.Search(context.Background(), Query{Q: q})
		if err != nil || res.Total != want {
			t.Fatalf("%s: total %v (%v), want %d", q, res, err, want)
		}
		if q == "quokkastart" && !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>quokkastart</mark>") {
			t.Errorf("no highlight in the stored head: %q", res.Hits[0].Fragments)
		}
	}
	got, err := ix.Get(context.Background(), "long")
	if err != nil || got.Title != "app.log" {
		t.Fatalf("get: %+v %v", got, err)
	}
}

func TestSplitTextCutsAtWords(t *testing.T) {
	text := strings.Repeat("héllo wörld ", 200000) // 2.6 MB, two-byte runes
	head, more := splitText(text, 2<<20, true)
	if len(head) > bodyHeadBytes || len(head)+len(more) > 2<<20 || !strings.HasSuffix(head, "wörld") || !strings.HasPrefix(more, " héllo") {
		t.Fatalf("head %d bytes ending %q, more %d bytes starting %q", len(head), head[len(head)-8:], len(more), more[:8])
	}
	if h, m := splitText("short text", 100, true); h != "short text" || m != "" {
		t.Fatalf("short: %q %q", h, m)
	}
	if h, m := splitText(text, -1+1<<62, false); h != text || m != "" {
		t.Fatal("an index without body_more keeps the whole text in body")
	}
}

// BenchmarkPutLongText indexes one 60 MB log, capped at the default
// (8 MiB searchable) and whole: time and bytes allocated per document.
//
//	go test ./index -run '^$' -bench PutLongText -benchtime 1x
func BenchmarkPutLongText(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 60<<20; i++ {
		sb.WriteString("2024-03-09 13:00:00 INFO http.server served request id=")
		sb.WriteString(strings.Repeat("x", i%7))
		sb.WriteString(" user=u")
		sb.WriteString(string(rune('a' + i%26)))
		sb.WriteString(" in 3 ms\n")
	}
	text := sb.String()
	for _, c := range []struct {
		name string
		max  int
	}{{"capped", 0}, {"whole", -1}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				ix, err := Open(b.TempDir()+"/ix", Options{MaxTextBytes: c.max})
				if err != nil {
					b.Fatal(err)
				}
				r := sample("big", "big.log", text, "log", "en")
				r.Summary = "a log"
				if err := ix.Put(context.Background(), r); err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
	}
}

// BenchmarkPutOneWord indexes 8 MiB without a space (a base64 blob), cut
// to MaxTermRunes as new indexes do and whole as indexes made before
// TruncateName did: go test ./index -run '^$' -bench PutOneWord -benchtime 1x
func BenchmarkPutOneWord(b *testing.B) {
	text := strings.Repeat("word", 2<<20)
	for _, c := range []struct {
		name string
		cut  bool
	}{{"cut", true}, {"whole", false}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				m, err := Mapping(Options{})
				if err != nil {
					b.Fatal(err)
				}
				if !c.cut {
					m = uncutMapping(b)
				}
				ix := openWithMapping(b, b.TempDir()+"/ix", m)
				if err := ix.Put(context.Background(), sample("blob", "blob.txt", text, "other", "en")); err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
	}
}

// A summary that quotes the text gives the same fragment as the body:
// a hit shows it once.
func TestHitFragmentsUnique(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	if err := ix.Put(context.Background(), sample("s", "Memo", "The indemnification clause survives termination.", "contract", "en")); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "indemnification"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	seen := map[string]bool{}
	for _, f := range res.Hits[0].Fragments {
		if seen[f] {
			t.Errorf("fragment twice: %q", f)
		}
		seen[f] = true
	}
}

// The same passage from the summary and the body, spaced or cut apart
// differently, shows once (GDPR art. 33 showed it twice).
func TestHitFragmentsSamePassageOnce(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	r := sample("s", "Article 33", "In the case of a personal data breach, the controller shall without undue delay and, where feasible, not later than 72 hours after having become aware of it, notify the supervisory authority.", "regulation", "en")
	r.Summary = "In the case of a personal data breach,  the controller shall without undue delay and, where feasible, not later than 72 hours after having become aware of it, notify the supervisory authority."
	if err := ix.Put(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "data breach 72 hours"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if n := len(res.Hits[0].Fragments); n != 1 {
		t.Errorf("%d fragments: %q", n, res.Hits[0].Fragments)
	}
}

// A match past the first 64 KiB that highlighting reads still gets a
// passage: the window starts a little before the first place the query's
// words occur. A log's hit showed none as often as not.
func TestHighlightFindsLaterMatch(t *testing.T) {
	ix, _ := openTemp(t)
	defer ix.Close()
	var b strings.Builder
	for b.Len() < 150<<10 {
		b.WriteString("2024-03-09 13:00:00 INFO served request id=42 in 3 ms\n")
	}
	b.WriteString("2024-03-09 13:00:01 ERROR pod billing-7 OOMKilled by the kubelet\n")
	for b.Len() < 200<<10 {
		b.WriteString("2024-03-09 13:00:02 INFO served request id=43 in 4 ms\n")
	}
	r := sample("k8s", "k8s.log", b.String(), "log", "en")
	r.Summary = ""
	if err := ix.Put(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Q: "oomkilled"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if f := strings.Join(res.Hits[0].Fragments, " "); !strings.Contains(f, "<mark>OOMKilled</mark>") {
		t.Errorf("no passage for the later match: %q", f)
	}
	// a word in the opening still takes its passage from there
	res, err = ix.Search(context.Background(), Query{Q: "served"})
	if err != nil || len(res.Hits) != 1 || !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>served</mark>") {
		t.Errorf("opening match: %+v %v", res, err)
	}
}
