// Package classify is the model-free tier's document classifier: a
// multinomial logistic regression over hashed word and character n-grams
// that tells contract, regulation, log and other apart with a calibrated
// confidence (temperature scaling on a development split), plus one
// subtype head per class (contract type, regulation topic, log source).
// The weights are trained by cmd/train and embedded (weights.bin).
package classify

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Buckets is the hashed feature space of the class model; SubBuckets that
// of the subtype heads.
const (
	Buckets    = 1 << 18
	SubBuckets = 1 << 16
)

// Head is one softmax classifier over hashed features.
type Head struct {
	Labels  []string
	Buckets int
	W       [][]float32 // [label][bucket]
	B       []float32
	Temp    float64 // softmax temperature fitted on held-out data
}

// Model is the class head and the subtype heads keyed by class.
type Model struct {
	Class *Head
	Sub   map[string]*Head
}

// Prediction is a classification with calibrated confidences.
type Prediction struct {
	Class             string
	Confidence        float64
	Subtype           string
	SubtypeConfidence float64
	Probs             map[string]float64 // class probabilities
}

// Predict classifies text.
func (m *Model) Predict(text string) Prediction {
	p := m.Class.probs(Features(text, m.Class.Buckets))
	best := argmax(p)
	pred := Prediction{Class: m.Class.Labels[best], Confidence: p[best], Probs: map[string]float64{}}
	for i, l := range m.Class.Labels {
		pred.Probs[l] = p[i]
	}
	if pred.Class == "other" {
		if c := chineseLegal(text); c != "" {
			// the subtype heads know no Chinese legal text either: a
			// contract's sub-type is what its name says
			pred.Class, pred.Confidence = c, RuleConfidence
			pred.Subtype, pred.SubtypeConfidence = m.SubtypeOf(text, c)
			return pred
		}
		if latin, ok := latinHalf(text); ok {
			// a bilingual text: its Chinese characters, features the model
			// never learned, drowned the English half's
			lp := m.Class.probs(Features(latin, m.Class.Buckets))
			if b := argmax(lp); m.Class.Labels[b] != "other" && lp[b] >= 0.5 {
				pred.Class, pred.Confidence = m.Class.Labels[b], lp[b]
				pred.Subtype, pred.SubtypeConfidence = m.SubtypeOf(latin, pred.Class)
				return pred
			}
		}
	}
	pred.Subtype, pred.SubtypeConfidence = m.SubtypeOf(text, pred.Class)
	return pred
}

// latinHalf is a text's words in Latin script, the Han characters left
// out, when the text holds both (at least 10 Han characters and 100
// letters of the rest); ok is false otherwise.
func latinHalf(text string) (string, bool) {
	text = head(text, maxWordBytes)
	if han, letters := script(text); han < 10 || letters < 100 {
		return "", false
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return ' '
		}
		return r
	}, text), true
}

// SubtypeOf names the sub-type of text within class (a contract type, a
// regulation topic, a log source) with its confidence; "" when the class
// has no sub-type head.
func (m *Model) SubtypeOf(text, class string) (string, float64) {
	if (class == "contract" || class == "regulation") && mostlyHan(head(text, maxWordBytes)) {
		if st := ChineseSubtype(text); st != "" && class == "contract" {
			return st, RuleConfidence
		}
		if st := ChineseTopic(text); st != "" && class == "regulation" {
			return st, RuleConfidence
		}
		return "", 0 // the heads learned no Chinese legal text
	}
	h := m.Sub[class]
	if h == nil || len(h.Labels) == 0 {
		return "", 0
	}
	sp := h.probs(Features(text, h.Buckets))
	// Labels that differ only in case are one sub-type learned from two
	// sources ("contract/License" from CUAD, "contract/license" from the
	// licence texts): their probabilities add up, under the first name.
	merged := map[string]float64{}
	var names []string
	for k, l := range h.Labels {
		key := strings.ToLower(l)
		if _, ok := merged[key]; !ok {
			names = append(names, l)
		}
		merged[key] += sp[k]
	}
	if class == "regulation" && !euAct(text) {
		// the head learned its topics from EU acts' words (topics.go)
		if l := cueTopic(text, names); l != "" {
			return l, max(merged[strings.ToLower(l)], RuleConfidence)
		}
		return "", 0
	}
	if l := namedSubtype(text, names); l != "" {
		return l, max(merged[strings.ToLower(l)], RuleConfidence)
	}
	if class == "contract" {
		if offerLetterRe.MatchString(head(text, 3000)) {
			return namedOnly["employment"], RuleConfidence
		}
		if l := roleSubtype(text); l != "" {
			return l, RuleConfidence
		}
	}
	best, bestP := "", -1.0
	for _, l := range names {
		if l == jsonLines && !mostlyJSON(text) {
			continue // the n-gram head took a logcat or a long line for JSON
		}
		if p := merged[strings.ToLower(l)]; p > bestP {
			best, bestP = l, p
		}
	}
	if class == "contract" && (best == termsOfService || bestP < MinSubtypeConfidence) {
		if l := operativeSubtype(text); l != "" {
			return l, RuleConfidence
		}
	}
	if class == "log" && slices.Contains(names, pythonApp) && pythonDevServer(text) {
		return pythonApp, max(merged[pythonApp], RuleConfidence)
	}
	if class == "log" && bestP < sureLogSource {
		if l := formatSubtype(text, names); l != "" {
			return l, RuleConfidence
		}
		if nonBlankLines(text, minLogLines) < minLogLines {
			return "", 0 // too few lines to tell one source's from another's
		}
	}
	if bestP < MinSubtypeConfidence {
		return "", 0
	}
	return best, bestP
}

// sureLogSource is the log head's probability above which its source
// stands; under it a log whose lines are written in a documented format
// the head never learned is named by that format (formatSubtype).
const sureLogSource = 0.5

// minLogLines is the fewest lines a log needs for the source head's
// unsure answer to stand: two "DATE LEVEL message" lines were named a
// Python application's log at 0.38 although any program writes them.
// Every log the head was trained and tuned on has 8 lines or more.
const minLogLines = 5

// nonBlankLines counts text's non-blank lines, up to limit.
func nonBlankLines(text string, limit int) int {
	n := 0
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n++; n == limit {
			break
		}
	}
	return n
}

// logFormats are the line formats that name a log's source, from each
// program's documentation, tried in order: Apache httpd's and nginx's
// error logs, the database servers' own logs (Redis's "pid:role date
// time.ms mark", MySQL 8's "[System] [MY-010116]", PostgreSQL's default
// prefix "%m [%p] LOG:"), Python's tracebacks and logging default,
// Hadoop's packages, and Java logging (log4j, logback: a fully qualified
// class, or log4j's Class@line, beside a level; stack frames). A Redis
// log was log/syslog at 0.28.
var logFormats = []struct {
	label string
	re    *regexp.Regexp
}{
	{"log/web_error", regexp.MustCompile(`^\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} [\d:.]+ \d{4}\] \[[\w:]+\]|^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(?:debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+:`)},
	{"log/database", regexp.MustCompile(`^\d+:[XCSM] \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} [.*#-] |^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d) \d+ \[(?:System|Warning|ERROR|Note)\] \[MY-\d+\]|^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [A-Z]{2,5} \[\d+\] (?:LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|DETAIL|HINT|STATEMENT|CONTEXT): `)},
	{"log/python_app", regexp.MustCompile(`^Traceback \(most recent call last\)|^\s+File "[^"]+", line \d+|^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\w.]+:`)},
	{"log/hadoop", regexp.MustCompile(`\borg\.apache\.hadoop\.`)},
	{"log/java_app", regexp.MustCompile(`\b(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\b.*(?:\b(?:[a-z]\w*\.){2,}[A-Z][\w$]*\b|[A-Z]\w+@\d+\])|^\s+at [\w.$]+\([\w.]+:\d+\)`)},
}

// pythonApp is the sub-type of a Python application's log.
const pythonApp = "log/python_app"

// pythonRequestRe is a request line as Python's http.server writes it,
// which Django's runserver and Flask's Werkzeug write too: the time in
// brackets with a space before the clock and no zone ("[28/Nov/2026
// 10:15:02]"), where Apache and nginx write "[28/Nov/2026:10:15:02
// +0000]"; Werkzeug's has the client before it.
var pythonRequestRe = regexp.MustCompile(`^(?:\S+ - \S+ )?\[\d\d/[A-Z][a-z]{2}/\d{4} \d\d:\d\d:\d\d\] "[^"]*" \d{3} (?:\d+|-)\s*$`)

// pythonServerRe is a line that Django's or Werkzeug's development server
// writes besides its requests (its start, its reloader, Django's request
// errors), or a Python application's own (a traceback, logging's
// default).
var pythonServerRe = regexp.MustCompile(`^(?:Watching for file changes with |Performing system checks\.\.\.|System check identified |Django version \d|Starting (?:development|ASGI/\S+ version \S+ development) server at |Quit the server with |\S+\.py changed, reloading\.|(?:Internal Server Error|Not Found|Bad Request|Forbidden(?: \(.*\))?): /| \* (?:Serving Flask app|Debug mode:|Running on |Debugger is active|Debugger PIN|Restarting with |Detected change in ))|^Traceback \(most recent call last\)|^\s+File "[^"]+", line \d+|^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[\w.]+:`)

// pythonDevServer says whether text is a Python web framework's
// development server log: at least half of its first 50 lines are
// requests in Python's format or the server's and application's own
// lines, and it has both. The source head learned access logs from
// Apache's format only and took the requests for one, however sure
// (0.69); requests alone could be any server built on http.server, and
// keep the head's answer.
func pythonDevServer(text string) bool {
	lines, requests, server := 0, 0, 0
	for line := range strings.Lines(text) {
		if line = strings.TrimRight(line, "\r\n"); strings.TrimSpace(line) == "" {
			continue
		}
		switch {
		case pythonRequestRe.MatchString(line):
			requests++
		case pythonServerRe.MatchString(line):
			server++
		}
		if lines++; lines == 50 {
			break
		}
	}
	return requests > 0 && server > 0 && 2*(requests+server) >= lines
}

// formatSubtype is the log source whose format at least half of text's
// first 50 lines are written in, among labels; "" when none is.
func formatSubtype(text string, labels []string) string {
	var lines []string
	for line := range strings.Lines(text) {
		if line = strings.TrimRight(line, "\r\n"); strings.TrimSpace(line) != "" {
			if lines = append(lines, line); len(lines) == 50 {
				break
			}
		}
	}
	for _, f := range logFormats {
		if !slices.Contains(labels, f.label) {
			continue
		}
		n := 0
		for _, l := range lines {
			if f.re.MatchString(l) {
				n++
			}
		}
		if len(lines) > 0 && 2*n >= len(lines) {
			return f.label
		}
	}
	return ""
}

// MinSubtypeConfidence is the least probability a sub-type head's choice
// needs to be given: under it the document is of a kind the head never
// learned (a commercial lease read 0.24 Non-Compete, an NDA 0.23 terms of
// service) and a guess would publish it on another kind's subject. On the
// corpus test split 2 of the 622 sub-types fall under it, 1 of them wrong
// (0.3 took 5, 3 of them right).
const MinSubtypeConfidence = 0.25

// agreementNameRe is a contract's name as its opening states it ("THIS
// STRATEGIC ALLIANCE AGREEMENT", "Software Maintenance Agreement"): up to
// five words before "Agreement" or "Contract".
var agreementNameRe = regexp.MustCompile(`\b((?:[A-Za-z][A-Za-z-]*,?\s+(?:(?:and|AND|&)\s+)?){1,5})(?:AGREEMENT|Agreement|CONTRACT|Contract)\b`)

// nameWords are the words of a contract's name that say its sub-type when
// they differ from the label ("distribution" for Distributor).
var nameWords = map[string]string{"distribution": "distributor", "licensing": "license", "services": "service",
	"co-branding": "co-branding", "cobranding": "co-branding", "non-competition": "non-compete/non-solicit", "non-compete": "non-compete/non-solicit",
	"saas": "service"} // "SaaS Subscription Agreement"

// britishNameWords are name words of British drafting ("SOFTWARE LICENCE
// AGREEMENT", "CONSULTANCY AGREEMENT"), read in a contract's first name
// only, its title: a CUAD hosting contract's schedule cites "the Licence
// Agreement" of another deal, after a name of its own ("ESCROW
// AGREEMENT") that says no kind.
var britishNameWords = map[string]string{"licence": "license", "consultancy": "consulting"}

// namedSubtype is the sub-type a contract names itself by in its first
// 2,000 characters: the label nearest "Agreement" in the first name that
// holds one ("MANUFACTURING, DESIGN AND MARKETING AGREEMENT" is Marketing,
// "MASTER JOINT DEVELOPMENT AGREEMENT" Development); "" when none does.
// A contract's name is chosen by its parties, who know what they sign.
func namedSubtype(text string, labels []string) string {
	byWord := map[string]string{}
	for _, l := range labels {
		if name, ok := strings.CutPrefix(l, "contract/"); ok && !strings.Contains(name, "_") {
			byWord[strings.ToLower(name)] = l
		}
	}
	if len(byWord) == 0 {
		return ""
	}
	for w, l := range namedOnly {
		if _, ok := byWord[w]; !ok {
			byWord[w] = l
		}
	}
	if leaseTitleRe.MatchString(head(text, 300)) {
		return namedOnly["lease"] // "DEED OF LEASE", "LEASE", named without "Agreement"
	}
	for k, m := range agreementNameRe.FindAllStringSubmatch(head(text, 2000), -1) {
		words := strings.Fields(strings.ToLower(strings.NewReplacer(",", " ", "&", " ").Replace(m[1])))
		generic := ""
		for i := len(words) - 1; i >= 0; i-- {
			w := words[i]
			if alias, ok := nameWords[w]; ok {
				w = alias
			} else if alias, ok := britishNameWords[w]; ok && k == 0 {
				w = alias
			}
			if i > 0 {
				if l, ok := byWord[words[i-1]+" "+w]; ok { // "strategic alliance", "joint venture"
					return l
				}
			}
			l, ok := byWord[w]
			switch {
			case ok && genericNames[w]:
				generic = l // "Transportation Services": the services are of a kind
			case ok:
				return l
			}
		}
		if generic != "" {
			return generic
		}
	}
	return ""
}

// leaseTitleRe is a lease's title in capitals that says no "Agreement".
var leaseTitleRe = regexp.MustCompile(`(?:^|\n|\s{2,})(?:DEED\s+OF\s+)?(?:[A-Z]+\s+){0,2}(?:SUB)?LEASE\s*(?:\n|\s{2,}|$)`)

// namedOnly are the sub-types that only a contract's name gives: common
// kinds that CUAD, which taught the heads, has none of. The Chinese rules
// (zhSubtypes) use the same labels.
var namedOnly = map[string]string{
	"lease": "contract/Lease", "sublease": "contract/Lease", "tenancy": "contract/Lease", "rental": "contract/Lease",
	"employment": "contract/Employment", "loan": "contract/Loan", "credit": "contract/Loan",
	"sale": "contract/Sales", "sales": "contract/Sales", "purchase": "contract/Sales",
	"non-disclosure": "contract/Non-Disclosure", "nondisclosure": "contract/Non-Disclosure",
	"confidentiality": "contract/Non-Disclosure",
}

// offerLetterRe is an offer of employment, which names itself a letter,
// not an agreement: the heads, which never learned one, called it terms
// of service.
var offerLetterRe = regexp.MustCompile(`(?i)\b(?:offer\s+letter|letter\s+of\s+(?:offer|appointment)|offer\s+of\s+employment|employment\s+offer|(?:pleased|delighted|happy)\s+to\s+offer\s+you\s+(?:the\s+|a\s+)?(?:position|role|post|employment|job)\b)`)

// rolePairs are the parties' roles that say a contract's kind when its
// name does not: a contract with a Landlord and a Tenant is a lease.
var rolePairs = []struct{ a, b, label string }{
	{"Landlord|Lessor", "Tenant|Lessee", "contract/Lease"},
	{"Employer|Company", "Employee|Executive", "contract/Employment"},
	{"Lender", "Borrower", "contract/Loan"},
	{"Disclosing Party|Discloser", "Receiving Party|Recipient", "contract/Non-Disclosure"},
	{"Seller|Vendor", "Buyer|Purchaser", "contract/Sales"},
}

var roleRes = func() [][2]*regexp.Regexp {
	out := make([][2]*regexp.Regexp, len(rolePairs))
	for i, p := range rolePairs {
		out[i] = [2]*regexp.Regexp{regexp.MustCompile(`\b(?:` + p.a + `)\b`), regexp.MustCompile(`\b(?:` + p.b + `)\b`)}
	}
	return out
}()

// roleSubtype is the sub-type of namedOnly that a contract's two roles
// give, each written as a name (capitalised) at least three times in its
// opening: "" when no pair is. The heads never learned these kinds and
// call them terms of service, however sure (an NDA read 0.95), so roles
// come before the heads' guess; on the corpus's train split they renamed
// 1 of 527 contracts (an endorsement deal with a Disclosing and a
// Receiving Party), on its test split none.
func roleSubtype(text string) string {
	h := head(text, 6000)
	for i, p := range rolePairs {
		if len(roleRes[i][0].FindAllStringIndex(h, 3)) == 3 && len(roleRes[i][1].FindAllStringIndex(h, 3)) == 3 {
			return p.label
		}
	}
	return ""
}

// termsOfService is the sub-type of a website's or an app's terms, which
// the contract head learned from hundreds of them and gives any contract
// it cannot place.
const termsOfService = "contract/terms_of_service"

// operativeRe is a contract's operative clause in English drafting: one
// party, named by its role, supplies or performs the Services or the
// Goods (defined terms, in capitals) for the other ("the Supplier shall
// supply the Services to the Customer"). A website's terms speak to
// "you" instead (youRe).
var operativeRe = regexp.MustCompile(`\b[Tt]he\s+(?:[A-Z][\w-]*\s+){1,2}?(?:shall|will|agrees\s+to|undertakes\s+to)\s+(?:supply|provide|perform|sell|deliver)\s+(?:the\s+)?(Services|Goods|Products)\b`)

// youRe is a word that addresses the reader, as a website's terms do.
var youRe = regexp.MustCompile(`(?i)\byour?\b`)

// operativeSubtype is the sub-type a contract's operative clause gives in
// its first 20,000 characters: Service for services, Supply for goods,
// Non-Disclosure for keeping information confidential when it supplies
// nothing; "" when it has none, or speaks to "you" three times in its
// opening.
// UK agreements are named "THIS AGREEMENT", with no kind in the name
// (namedSubtype), and their parties are a Supplier and a Customer, which
// say no kind either: the head called a B2B services agreement terms of
// service. On the corpus's train and dev contracts the clause is in one
// text, which the head names otherwise.
func operativeSubtype(text string) string {
	h := head(text, 20000)
	if len(youRe.FindAllStringIndex(head(text, 6000), 3)) == 3 {
		return ""
	}
	m := operativeRe.FindStringSubmatch(h)
	switch {
	case m != nil && m[1] == "Services":
		return "contract/Service"
	case m != nil:
		return "contract/Supply"
	case confidenceRe.MatchString(h):
		return namedOnly["non-disclosure"]
	}
	return ""
}

// confidenceRe is a non-disclosure agreement's operative clause when it
// supplies nothing else: a party keeps the other's Confidential
// Information confidential ("Each party shall keep the other party's
// Confidential Information confidential", "The Recipient undertakes to
// keep the Confidential Information secret"). A UK NDA between two
// companies named by their own names, not as Discloser and Recipient
// (roleSubtype), was terms of service (0.82).
var confidenceRe = regexp.MustCompile(`\b(?:shall|will|must|undertakes?\s+to|agrees?\s+to)\s+(?:at\s+all\s+times\s+)?(?:keep|hold|treat|maintain)\s+(?:all\s+|any\s+|the\s+|such\s+)?(?:other\s+party's\s+|other\s+party’s\s+|Disclosing\s+Party's\s+|Discloser's\s+)?Confidential\s+Information\s+(?:in\s+(?:strict\s+)?confidence|(?:strictly\s+)?(?:secret|confidential))`)

// genericNames are sub-types a name gives only when it names no other:
// "Transportation Services Agreement" is Transportation.
var genericNames = map[string]bool{"service": true}

// jsonLines is the sub-type of structured logs, one JSON object a line.
const jsonLines = "log/json_lines"

// mostlyJSON reports whether most of the first non-empty lines of text
// are JSON objects, which a log must be to be JSON lines.
func mostlyJSON(text string) bool {
	lines, objects := 0, 0
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		if strings.HasPrefix(line, "{") {
			objects++
		}
		if lines == 20 {
			break
		}
	}
	return lines > 0 && objects*2 > lines
}

func (h *Head) logits(fs []feature) []float64 {
	z := make([]float64, len(h.Labels))
	for k := range z {
		s := float64(h.B[k])
		w := h.W[k]
		for _, f := range fs {
			s += float64(w[f.idx] * f.val)
		}
		z[k] = s
	}
	return z
}

func (h *Head) probs(fs []feature) []float64 {
	z := h.logits(fs)
	t := h.Temp
	if t <= 0 {
		t = 1
	}
	for i := range z {
		z[i] /= t
	}
	return softmax(z)
}

func softmax(z []float64) []float64 {
	m := math.Inf(-1)
	for _, v := range z {
		m = math.Max(m, v)
	}
	var sum float64
	out := make([]float64, len(z))
	for i, v := range z {
		out[i] = math.Exp(v - m)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

func argmax(p []float64) int {
	best := 0
	for i := range p {
		if p[i] > p[best] {
			best = i
		}
	}
	return best
}

// qhead is a head quantised to int8 for storage, one scale per label.
type qhead struct {
	Labels  []string
	Buckets int
	W       [][]int8
	Scale   []float32
	B       []float32
	Temp    float64
}

type qmodel struct {
	Version int
	Class   qhead
	Sub     map[string]qhead
}

const formatVersion = 1

func quantise(h *Head) qhead {
	q := qhead{Labels: h.Labels, Buckets: h.Buckets, B: h.B, Temp: h.Temp}
	for _, w := range h.W {
		var m float32
		for _, v := range w {
			m = max(m, float32(math.Abs(float64(v))))
		}
		scale := m / 127
		if scale == 0 {
			scale = 1
		}
		qw := make([]int8, len(w))
		for i, v := range w {
			qw[i] = int8(math.Round(float64(v / scale)))
		}
		q.W = append(q.W, qw)
		q.Scale = append(q.Scale, scale)
	}
	return q
}

func (q qhead) head() *Head {
	h := &Head{Labels: q.Labels, Buckets: q.Buckets, B: q.B, Temp: q.Temp}
	for k, qw := range q.W {
		w := make([]float32, len(qw))
		for i, v := range qw {
			w[i] = float32(v) * q.Scale[k]
		}
		h.W = append(h.W, w)
	}
	return h
}

// Marshal encodes the model quantised to int8 and gzip-compressed.
func (m *Model) Marshal() ([]byte, error) {
	q := qmodel{Version: formatVersion, Class: quantise(m.Class), Sub: map[string]qhead{}}
	for k, h := range m.Sub {
		q.Sub[k] = quantise(h)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(q); err != nil {
		return nil, fmt.Errorf("encode classifier: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress classifier: %w", err)
	}
	return buf.Bytes(), nil
}

// Unmarshal decodes a model written by Marshal.
func Unmarshal(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read classifier: %w", err)
	}
	var q qmodel
	if err := gob.NewDecoder(zr).Decode(&q); err != nil {
		return nil, fmt.Errorf("decode classifier: %w", err)
	}
	if q.Version != formatVersion {
		return nil, fmt.Errorf("classifier format %d, want %d", q.Version, formatVersion)
	}
	m := &Model{Class: q.Class.head(), Sub: map[string]*Head{}}
	for k, h := range q.Sub {
		m.Sub[k] = h.head()
	}
	return m, nil
}

//go:embed weights.bin
var weights []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Unmarshal(weights) })
	return defaultModel, defaultErr
}
