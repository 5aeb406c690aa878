package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/entities"
)

// CUAD entity protocol (EvalEntities).
//
// Data: a folder in cuad_contracts layout (contracts.jsonl {id, text};
// clauses.jsonl {doc_id, category, text, answer}). Categories and entity
// kinds: Parties -> party, Agreement Date -> agreement_date, Effective
// Date -> effective_date, Expiration Date -> expiration_date, Governing
// Law -> governing_law.
//
// Matching: text is lower-cased and cut into alphanumeric tokens, dropping
// a few stop words. A predicted entity matches a gold span when they share
// at least one token and the shared tokens are at least half of the
// smaller token set (overlap coefficient >= 0.5). A party's quoted alias
// (Value) counts as a second predicted span of that party. Precision:
// predicted spans matching some gold span of the same contract and
// category / predicted spans. Recall: gold spans matched by some
// prediction / gold spans. Contracts without a gold span for a category
// still count their predictions (as false positives). For the date
// categories, where CUAD's answer is a full m/d/yyyy date, ValueAccuracy is
// how often the ISO value of our first entity of that kind equals it. For
// Governing Law, where the answer names the jurisdiction ("New York",
// "Ontario, Canada", "Texas; Singapore"), ValueAccuracy is how often the
// Value of our first governing-law entity names one of the answer's parts
// (split at commas and semicolons; case and punctuation folded; a part
// that contains ours word for word, or the reverse, counts: "China" names
// "People's Republic of China").

// EntityCategory is one CUAD category's figures.
type EntityCategory struct {
	Kind      string  `json:"kind"`
	P         float64 `json:"precision"`
	R         float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Predicted int     `json:"predicted"`
	Gold      int     `json:"gold"`
	// ValueAccuracy and Values: date categories and Governing Law.
	ValueAccuracy float64 `json:"value_accuracy,omitempty"`
	Values        int     `json:"values,omitempty"`
}

// EntitiesResult is the outcome of EvalEntities.
type EntitiesResult struct {
	Task       string                    `json:"task"`
	Docs       int                       `json:"docs"`
	Categories map[string]EntityCategory `json:"categories"`
}

// CUADKinds maps CUAD's clause categories to entity kinds.
var CUADKinds = []struct{ Category, Kind string }{
	{"Parties", entities.KindParty},
	{"Agreement Date", entities.KindAgreementDate},
	{"Effective Date", entities.KindEffectiveDate},
	{"Expiration Date", entities.KindExpirationDate},
	{"Governing Law", entities.KindGoverningLaw},
}

type cuadContract struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type cuadClause struct {
	DocID    string `json:"doc_id"`
	Category string `json:"category"`
	Text     string `json:"text"`
	Answer   string `json:"answer"`
}

// EntityPrediction is one contract's extracted entities of the scored
// kinds, for --predictions.
type EntityPrediction struct {
	ID       string            `json:"id"`
	Entities []document.Entity `json:"entities"`
}

// EvalEntities scores the legal entity extractor against CUAD's clause
// annotations on the contracts under dir that keep (nil: all).
func EvalEntities(ctx context.Context, dir string, keep func(id string) bool, opt Options) (*EntitiesResult, error) {
	contracts, err := ReadJSONL[cuadContract](filepath.Join(dir, "contracts.jsonl"))
	if err != nil {
		return nil, err
	}
	clauses, err := ReadJSONL[cuadClause](filepath.Join(dir, "clauses.jsonl"))
	if err != nil {
		return nil, err
	}
	var docs []cuadContract
	for _, c := range contracts {
		if keep == nil || keep(c.ID) {
			docs = append(docs, c)
		}
	}
	docs = limit(docs, opt.Limit)
	if len(docs) == 0 {
		return nil, fmt.Errorf("no contracts to evaluate under %s", dir)
	}
	gold, answers := cuadGold(clauses)
	ents := make([][]document.Entity, len(docs))
	err = forEach(ctx, len(docs), opt, "entities", func(_ context.Context, i int) error {
		ents[i] = entities.Extract(docs[i].Text, "en")
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &EntitiesResult{Task: "entities", Docs: len(docs), Categories: map[string]EntityCategory{}}
	rows := make([]EntityPrediction, len(docs))
	for _, k := range CUADKinds {
		var c prCount
		valueOK, valueN := 0, 0
		for i, d := range docs {
			c.add(predictedSpans(ents[i], k.Kind), gold[d.ID][k.Category])
			if want := answers[d.ID+"\x00"+k.Category]; want != "" {
				valueN++
				if valueMatches(k.Kind, firstValue(ents[i], k.Kind), want) {
					valueOK++
				}
			}
		}
		res.Categories[k.Category] = c.report(k.Kind, valueOK, valueN)
	}
	for i, d := range docs {
		rows[i] = EntityPrediction{ID: d.ID, Entities: scoredKinds(ents[i])}
	}
	return res, writePredictions(opt.Predictions, rows)
}

// cuadGold indexes the clause spans (doc -> category -> token sets) and
// the ISO date answers (doc + NUL + category).
func cuadGold(clauses []cuadClause) (map[string]map[string][]map[string]bool, map[string]string) {
	gold := map[string]map[string][]map[string]bool{}
	answers := map[string]string{}
	for _, c := range clauses {
		if iso := answerISO(c.Answer); iso != "" {
			answers[c.DocID+"\x00"+c.Category] = iso
		} else if c.Category == "Governing Law" && strings.TrimSpace(c.Answer) != "" {
			answers[c.DocID+"\x00"+c.Category] = c.Answer
		}
		if gold[c.DocID] == nil {
			gold[c.DocID] = map[string][]map[string]bool{}
		}
		gold[c.DocID][c.Category] = append(gold[c.DocID][c.Category], matchTokens(c.Text))
	}
	return gold, answers
}

// valueMatches compares our value of an entity with CUAD's answer: ISO
// dates exactly, jurisdictions as the protocol above says.
func valueMatches(kind, ours, answer string) bool {
	if isDateKind(kind) {
		return ours == answer
	}
	o := foldWords(ours)
	if kind != entities.KindGoverningLaw || o == "" {
		return false
	}
	for _, part := range strings.FieldsFunc(answer, func(r rune) bool { return r == ',' || r == ';' }) {
		p := foldWords(part)
		if p != "" && (strings.Contains(" "+p+" ", " "+o+" ") || strings.Contains(" "+o+" ", " "+p+" ")) {
			return true
		}
	}
	return false
}

// foldWords lower-cases s and keeps its words separated by single spaces.
func foldWords(s string) string {
	return strings.Join(entityTokRe.FindAllString(strings.ToLower(s), -1), " ")
}

func isDateKind(kind string) bool {
	return kind == entities.KindAgreementDate || kind == entities.KindEffectiveDate || kind == entities.KindExpirationDate
}

// predictedSpans are the token sets of the entities of kind (a party's
// alias as a second span).
func predictedSpans(ents []document.Entity, kind string) []map[string]bool {
	var out []map[string]bool
	for _, e := range ents {
		if e.Kind != kind {
			continue
		}
		out = append(out, matchTokens(e.Text))
		if kind == entities.KindParty && e.Value != "" {
			out = append(out, matchTokens(e.Value))
		}
	}
	return out
}

func scoredKinds(ents []document.Entity) []document.Entity {
	out := []document.Entity{}
	for _, e := range ents {
		for _, k := range CUADKinds {
			if e.Kind == k.Kind {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// answerISO turns a CUAD date answer (m/d/yyyy) into YYYY-MM-DD; answers
// with blanks ("[]/[]/2006") give "".
func answerISO(a string) string {
	p := strings.Split(strings.TrimSpace(a), "/")
	if len(p) != 3 {
		return ""
	}
	m, e1 := strconv.Atoi(p[0])
	d, e2 := strconv.Atoi(p[1])
	y, e3 := strconv.Atoi(p[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// firstValue is the Value of the first entity of kind.
func firstValue(ents []document.Entity, kind string) string {
	for _, e := range ents {
		if e.Kind == kind {
			return e.Value
		}
	}
	return ""
}

var entityTokRe = regexp.MustCompile(`[\p{L}\p{N}]+`)

var matchStop = map[string]bool{"the": true, "of": true, "and": true, "a": true, "an": true, "this": true, "to": true, "in": true, "by": true, "be": true, "shall": true, "agreement": true}

func matchTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range entityTokRe.FindAllString(strings.ToLower(s), -1) {
		if !matchStop[t] {
			out[t] = true
		}
	}
	return out
}

// spansMatch applies the overlap-coefficient rule above.
func spansMatch(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for t := range a {
		if b[t] {
			shared++
		}
	}
	return shared > 0 && 2*shared >= min(len(a), len(b))
}

type prCount struct{ predOK, pred, goldOK, gold int }

func (c *prCount) add(preds, gold []map[string]bool) {
	c.pred += len(preds)
	c.gold += len(gold)
	for _, p := range preds {
		if matchesAny(p, gold) {
			c.predOK++
		}
	}
	for _, g := range gold {
		if matchesAny(g, preds) {
			c.goldOK++
		}
	}
}

func matchesAny(a map[string]bool, set []map[string]bool) bool {
	for _, b := range set {
		if spansMatch(a, b) {
			return true
		}
	}
	return false
}

func (c prCount) report(kind string, valueOK, valueN int) EntityCategory {
	p, r := ratio(c.predOK, c.pred), ratio(c.goldOK, c.gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return EntityCategory{Kind: kind, P: p, R: r, F1: f, Predicted: c.pred, Gold: c.gold,
		ValueAccuracy: ratio(valueOK, valueN), Values: valueN}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
