package entities

import (
	"bufio"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/datasets"
)

// windowedExprs are the expressions read in windows, by name.
func windowedExprs() map[string]windowed {
	ws := map[string]windowed{"durationRe": durationWin, "partialDateRe": partialDateWin, "zhDateRe": zhDateWin}
	for i, w := range moneyWins {
		ws["moneyRes["+string(rune('0'+i))+"]"] = w
	}
	for i, w := range dateWins {
		ws["dateRes["+string(rune('0'+i))+"]"] = w
	}
	return ws
}

// windowCorpus is the text the windowed scans are checked on: the
// samples' text files, the CUAD contracts where the shared datasets are
// (datasets.Path; DOCMILL_CUAD names contracts.jsonl elsewhere; not with -short), and strings built to
// sit on a window's edges.
func windowCorpus(t *testing.T) []string {
	var texts []string
	filepath.Walk("../../samples", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		switch filepath.Ext(p) {
		case ".txt", ".md", ".html", ".htm", ".log", ".json", ".jsonl", ".csv", ".xml":
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	cuad := os.Getenv("DOCMILL_CUAD")
	if cuad == "" {
		cuad = datasets.Path("cuad_contracts", "contracts.jsonl")
	}
	if testing.Short() {
		cuad = "" // a minute of whole-text scans
	}
	if f, err := os.Open(cuad); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var c struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &c) == nil {
				texts = append(texts, c.Text)
			}
		}
	} else {
		t.Logf("no CUAD contracts (%v): samples and built strings only", err)
	}
	texts = append(texts, edgeStrings()...)
	return texts
}

// edgeStrings are dates and durations at a text's ends, across long runs
// of spaces, with runes that case folding matches to ASCII letters ("ſ"
// for s, the Kelvin sign for k), and random mixes of the pieces the
// expressions read.
func edgeStrings() []string {
	pieces := []string{"June", "JUNE", "Sept.", "ſeptember", "Auguſt", "may", "Dec", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\f", "\v", "\u00a0",
		strings.Repeat(" ", 300), strings.Repeat("\n", 120), "1", "21", "31", "1999", "2020", "2019", "1899", "12", "05", "/", "-", ".", ",", "st", "nd",
		"s t", "th", "day of", "day", "days", "DAYS", "of", "in the year", "the", "first", "twenty-first", "this", "___", "_", "[ ]", "[", "]",
		"(", ")", "(30)", "thirty", "thirty six", "and", "six", "weeks", "wee\u212As", "years", "Month", "months", "calendar", "business", "consecutive",
		"年", "月", "日", "二〇二四", "民国", "113", "一百一十三", "三", "十二", "号", "______", "_", "__", "x", "é", "a1", "1.2.", "01.05.2024", "5/17/12", "3-31-16", "2020-03-01", "old", "ago", "$", "US$", "USD", "C$", "CAD $", "€", "£", "¥", "￥", "₹", "Rs.", "rs", "million", "m", "k", "\u212a", "lakhs",
		"dollars", "Canadian dollars", "euros", "pounds sterling", "yen", "RMB", "1,000", "10,00,000", "1.250.000", "7,5", "12'000", "12’000",
		"20\u00a0000", "20\u202f000", "0.5", "/100", "No/100", "ſwiss francs", "U.S.", "United States"}
	out := []string{"", "1999", "June 21, 1999", "21 June 1999", "the first day of July, 2017", "2020-03-01", "03/01/2020", "5/17/12",
		"01.05.2024", "x01.05.2024", "1.2.2020.5", "July 2013", "2020年3月1日", "二〇二四年三月一日", "民国113年1月1日", "中华民国一百一十三年三月一日", "年" + strings.Repeat(" ", 900) + "3月1日", "this ___ day of ______, 2004", "[ ], 2020", "this " + strings.Repeat("_", 5000) + " day of " + strings.Repeat("_", 3000) + ", 2004",
		strings.Repeat("_", 4000) + "12, 2020",
		"thirty (30) days", "30 days", "five years", "twelve (12) calendar months", "thirty six (36) months", "ten wee\u212As", "ſix monthſ",
		"June" + strings.Repeat(" ", 5000) + "21," + strings.Repeat("\n", 3000) + "1999",
		"twenty" + strings.Repeat(" ", 2000) + "and" + strings.Repeat(" ", 2000) + "six (36)" + strings.Repeat("\t", 999) + "months",
		strings.Repeat("x", 1000) + "June 21, 1999" + strings.Repeat("y", 1000), strings.Repeat("1999 ", 2000), "$" + strings.Repeat("1,000", 3000) + " million", strings.Repeat("9", 5000) + " dollars",
		"USD" + strings.Repeat(" ", 800) + "5", "$1", "1 euros"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(40); n >= 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if r.Intn(3) == 0 {
				b.WriteString(" ")
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestWindowedSameMatches proves the windowed scans skip nothing: on
// each text they find exactly what the expression finds over the whole
// text.
func TestWindowedSameMatches(t *testing.T) {
	texts := windowCorpus(t)
	for name, w := range windowedExprs() {
		if w.reach < 0 {
			t.Errorf("%s: unbounded, scanned whole", name)
			continue
		}
		found := 0
		for _, text := range texts {
			want := w.re.FindAllStringSubmatchIndex(text, -1)
			found += len(want)
			if got := w.findAll(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.80q…: windowed %v, whole text %v", name, text, got, want)
			}
			if len(text) > 4096 {
				continue // findAllStrings is findAll's; its check on short texts is enough
			}
			if got, want := w.findAllStrings(text), w.re.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s strings on %.80q…: windowed %q, whole text %q", name, text, got, want)
			}
		}
		if found == 0 {
			t.Errorf("%s: no match in %d texts, nothing compared", name, len(texts))
		}
	}
}

// TestNonSpaceReach checks the bound on known expressions.
func TestNonSpaceReach(t *testing.T) {
	for _, c := range []struct {
		expr string
		n    int
		ok   bool
	}{
		{`abc`, 12, true}, {`a\s*b`, 8, true}, {`\s+`, 0, true}, {`a+`, 0, false}, {`(?:ab|c)\s?d{1,3}`, 20, true},
		{`\d{2,}`, 0, false}, {`\bx\b`, 4, true}, {`[\t ]*`, 0, true}, {`[\t\v]*`, 0, false},
	} {
		w := newWindowed(regexpMust(c.expr), hasYearAt)
		if got := w.reach >= 0; got != c.ok || (c.ok && w.reach != c.n) {
			t.Errorf("%s: reach %d, want %d (bounded %v)", c.expr, w.reach, c.n, c.ok)
		}
	}
}

func regexpMust(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }

// A window before the term's end in which a party may object to the
// renewal is a notice period (the non-renewal notice), the renewal the
// length after it; 三十日内 was a renewal.
func TestObjectionWindowIsNotice(t *testing.T) {
	for text, lang := range map[string]string{
		"本合同期限为两年。期满前三十日内双方未提出异议的，本协议自动续期一年。":                                                                                                                 "zh",
		"This Agreement renews automatically for one (1) year unless either party objects in writing at least sixty (60) days before the expiry of the Term.": "en",
	} {
		ents := Extract(text, lang)
		notice, renewal := "P30D", "P1Y"
		if lang == "en" {
			notice = "P60D"
		}
		if !withRole(ents, KindDuration, notice, RoleNonRenewalNotice) || !withRole(ents, KindDuration, renewal, RoleRenewal) || withRole(ents, KindDuration, notice, RoleRenewal) {
			t.Errorf("%.40q: want notice %s and renewal %s: %+v", text, notice, renewal, ents)
		}
	}
}
