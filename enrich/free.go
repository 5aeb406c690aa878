package enrich

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/enrich/entities"
	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/enrich/summarize"
	"github.com/docmill/docmill/lang"
)

// FreeVersion is the model-free tier's version; bump it whenever its
// output for the same document changes, so stored results can be told
// apart and reprocessed.
const FreeVersion = "1.35.0"

// Defaults of the model-free tier.
const (
	DefaultTopKeywords  = 10
	DefaultSummaryChars = summarize.DefaultMaxChars
	// DefaultMaxLogLines is how many lines of one log the template miner
	// reads: some 12 MB of typical lines, about 3 s of mining on the
	// idle development machine, where a whole 60 MB log took 14.5 s. It
	// is 50 times the largest log of the loghub benchmark, whose
	// 2,000-line files are mined whole.
	DefaultMaxLogLines = 100_000
)

// maxLogBytes bounds the mined text of a log beside the line count (the
// mining cost follows bytes, and a log of long JSON lines would otherwise
// read far more than DefaultMaxLogLines typical lines cost); it lifts with
// the line bound (FreeOptions.MaxLogLines < 0).
const maxLogBytes = 16 << 20

// FreeOptions configure the model-free tier.
type FreeOptions struct {
	// Logs holds the per-source template miners; nil mines every log
	// document with a fresh miner.
	Logs *logs.Registry
	// TopKeywords is the number of key phrases (DefaultTopKeywords when 0).
	TopKeywords int
	// SummaryChars is the summary budget (DefaultSummaryChars when 0).
	SummaryChars int
	// MaxLogLines is the analysis budget of one log: the template miner
	// reads its first MaxLogLines non-blank lines (and at most 16 MiB of
	// them); the rest is counted, not analysed, and the log summary and
	// the task traces say so. DefaultMaxLogLines when 0; negative mines
	// whole logs.
	MaxLogLines int
}

// Free is the model-free analysis tier: the embedded linear classifier,
// the statistical keyword extractor, the extractive summariser, the Drain
// log miner and the rule-based legal entity extractor. It is safe for
// concurrent use.
type Free struct {
	o       FreeOptions
	clfOnce sync.Once
	clf     *classify.Model
	clfErr  error
}

// NewFree returns the model-free tier.
func NewFree(o FreeOptions) *Free {
	if o.TopKeywords <= 0 {
		o.TopKeywords = DefaultTopKeywords
	}
	if o.SummaryChars <= 0 {
		o.SummaryChars = DefaultSummaryChars
	}
	if o.MaxLogLines == 0 {
		o.MaxLogLines = DefaultMaxLogLines
	}
	return &Free{o: o}
}

// Info names the tier.
func (f *Free) Info() document.ModelInfo {
	return document.ModelInfo{Name: "docmill-free", Version: FreeVersion, Tier: "free"}
}

// Analyze runs the tasks req asks for. The class is computed whenever
// classification or entities are wanted (entities are only extracted from
// contracts and regulations); the log summary only for log documents.
func (f *Free) Analyze(ctx context.Context, doc *document.Parsed, req Request) (*document.Analysis, error) {
	if doc == nil {
		return nil, fmt.Errorf("free analysis: nil document")
	}
	a := &document.Analysis{Tasks: map[string]document.TaskTrace{}, Model: f.Info(), Keywords: []document.Keyword{}}
	filing := req.courtFiling(doc)
	language := doc.Language
	if language == "" || language == lang.Undetermined {
		language = lang.Detect(doc.Text)
	}
	entityNote := ""
	steps := []struct {
		task string
		want func() bool // asked when the step's turn comes: later steps depend on the class
		run  func() error
	}{
		{TaskClassify, func() bool { return req.Wants(TaskClassify) || req.Wants(TaskEntities) }, func() error {
			if req.Class != "" && !req.Wants(TaskClassify) {
				a.Class = req.Class // settled by the caller (Request.Class)
				return nil
			}
			return f.classify(doc, a, filing)
		}},
		// a log's key phrases come from its templates, so keywords mine them too
		{TaskLogs, func() bool { return (req.Wants(TaskLogs) || req.Wants(TaskKeywords)) && f.isLog(doc, a) }, func() error { f.logs(doc, a, req.Wants(TaskLogs)); return nil }},
		{TaskKeywords, func() bool { return req.Wants(TaskKeywords) }, func() error { f.keywords(doc, language, a); return nil }},
		{TaskSummary, func() bool { return req.Wants(TaskSummary) }, func() error { f.summary(doc, language, a, filing); return nil }},
		{TaskEntities, func() bool { return req.Wants(TaskEntities) && (legalClass(a.Class) || filing) }, func() error {
			text, clipped := entityText(doc.Text)
			if filing {
				a.Entities = entities.CourtEntities(text, language)
			} else {
				a.Entities = entities.ForClass(entities.Extract(text, language), a.Class)
			}
			if clipped {
				entityNote = fmt.Sprintf("entities read the first %d and last %d bytes of %d (analysis budget)", maxEntityHead, maxEntityTail, len(doc.Text))
			}
			return nil
		}},
	}
	for _, s := range steps {
		if !s.want() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("free analysis of %s: %w", doc.ID, err)
		}
		start := time.Now()
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("free analysis of %s, %s: %w", doc.ID, s.task, err)
		}
		tr := document.TaskTrace{Depth: document.DepthNone, Ms: float64(time.Since(start).Microseconds()) / 1000}
		if s.task == TaskClassify {
			tr.Confidence = a.Confidence
		}
		a.Tasks[s.task] = tr
	}
	if a.Log != nil && a.Log.Analyzed > 0 {
		noteLogBudget(a)
	}
	if tr, ok := a.Tasks[TaskEntities]; ok && entityNote != "" {
		tr.Note = entityNote
		a.Tasks[TaskEntities] = tr
	}
	if !req.Wants(TaskLogs) && a.Log != nil {
		a.Log = nil // mined for the key phrases only
		delete(a.Tasks, TaskLogs)
	}
	a.Keywords = completeNames(a.Keywords, a.Entities)
	return a, nil
}

func (f *Free) model() (*classify.Model, error) {
	f.clfOnce.Do(func() { f.clf, f.clfErr = classify.Default() })
	return f.clf, f.clfErr
}

// classify fills the class fields. A document the parser recognised as a
// log is a log whatever the text model says (the sniffer looks at line
// structure, which is decisive); the model still names its source.
func (f *Free) classify(doc *document.Parsed, a *document.Analysis, filing bool) error {
	if dataClass(doc, a) {
		return nil
	}
	m, err := f.model()
	if err != nil {
		return err
	}
	text := withTitle(doc)
	p := m.Predict(text)
	a.Class, a.Confidence = p.Class, p.Confidence
	a.Subtype, a.SubtypeConfidence = p.Subtype, p.SubtypeConfidence
	if doc.IsLog() && p.Class != "log" {
		a.Class, a.Confidence = "log", 1
		a.Subtype, a.SubtypeConfidence = "", 0
		// name the source with the log head even when the class head disagreed
		a.Subtype, a.SubtypeConfidence = m.SubtypeOf(text, "log")
	}
	if doc.IsEmail() && a.Class == "log" {
		a.Class, a.Confidence, a.Subtype, a.SubtypeConfidence = "other", 1-a.Confidence, "", 0
	}
	if c := structureClass(doc, text, a.Class, filing); c != a.Class {
		a.Class, a.Confidence, a.Subtype, a.SubtypeConfidence = c, classify.RuleConfidence, "", 0
		if c != "other" {
			a.Subtype, a.SubtypeConfidence = m.SubtypeOf(text, c)
		}
	}
	if !filingSubtype(doc, a, filing) {
		internalSubtype(doc, a)
	}
	return nil
}

// filingSubtype names a court filing's kind as the sub-type of its class
// "other" ("other/judgment", "other/order", "other/complaint", ...), so
// that a register can tell a judgment from a pleading; the sub-type heads
// learned none of them. It reports whether it named one; filing is
// courtFiling(doc).
func filingSubtype(doc *document.Parsed, a *document.Analysis, filing bool) bool {
	if a.Class != "other" || !filing {
		return false
	}
	a.Subtype, a.SubtypeConfidence = "other/"+entities.FilingKind(doc.Text), classify.RuleConfidence
	return true
}

// ClassOf is the model-free classifier's class for doc and its confidence;
// ok is false when the classifier cannot load.
func (f *Free) ClassOf(doc *document.Parsed) (string, float64, bool) {
	m, err := f.model()
	if err != nil {
		return "", 0, false
	}
	p := m.Predict(withTitle(doc))
	return p.Class, p.Confidence, true
}

// legalClass reports the classes whose entities are extracted.
func legalClass(class string) bool { return class == "contract" || class == "regulation" }

// courtFiling reports an order, a judgment or a pleading, whatever its
// class: the classifier knows contracts, regulations and logs, and a
// filing is "other" (or, citing an act, a regulation), yet a litigation
// register needs its parties, court, case number and dates. Its entities
// are a filing's, not a contract's (entities.CourtEntities).
//
// It reads the document's opening with a dozen patterns; an analysis
// reads it once (Request.courtFiling) and hands the answer on.
var courtFiling = func(doc *document.Parsed) bool {
	return !doc.IsLog() && !doc.IsEmail() && entities.CourtFiling(doc.Text)
}

// courtFiling is courtFiling(doc), read once: the caller's when it read it
// already (a composed tier asking its fallback), else read now.
func (r Request) courtFiling(doc *document.Parsed) bool {
	if r.filing != filingUnread {
		return r.filing == filingYes
	}
	return courtFiling(doc)
}

// filingRead is whether a Request's caller found its document a court
// filing already.
type filingRead int8

const (
	filingUnread filingRead = iota
	filingYes
	filingNo
)

// readFiling is filing as a Request carries it.
func readFiling(filing bool) filingRead {
	if filing {
		return filingYes
	}
	return filingNo
}

// filingBody is where a court filing's body starts, after its caption;
// 0 for any other document. filing is courtFiling(doc).
func filingBody(doc *document.Parsed, filing bool) int {
	if !filing {
		return 0
	}
	return entities.CaptionEnd(doc.Text)
}

// attachmentRe is an attachment's cover line after a filing's body, a
// line of its own: "EXHIBIT A", "Exhibit 3", "ATTACHMENT 1".
var attachmentRe = regexp.MustCompile(`(?m)^[ \t]*(?:EXHIBIT|Exhibit|ATTACHMENT|Attachment)[ \t]+(?:[A-Z]{1,2}|\d{1,3})[ \t]*$`)

// attachmentStart is where a filing's first attachment starts after its
// body starts at body, or len(text) where none does. A motion's summary
// read on into the declaration filed with it ("I am the Director of
// Engineering at ..."), which is no part of what the motion asks.
func attachmentStart(text string, body int) int {
	if m := attachmentRe.FindStringIndex(text[body:]); m != nil {
		return body + m[0]
	}
	return len(text)
}

// articleHeadingRe is a numbered article's heading line: with an
// agreement's preamble (preambleRe), what makes a message a contract or an
// act of its own.
var articleHeadingRe = regexp.MustCompile(`(?im)^\s*article\s+\d+\s*$`)

// correspondence reports an e-mail given a legal class for what it says
// about a contract or a law ("we will suspend the service under clause 9.2
// of the Master Subscription Agreement"): a message is correspondence, and
// its dates are no agreement's, unless its body is a contract or an act
// itself.
func correspondence(doc *document.Parsed, class string) bool {
	return doc.IsEmail() && legalClass(class) && !preambleRe.MatchString(doc.Text) && !articleHeadingRe.MatchString(doc.Text)
}

// NameSubtype names doc's sub-type within class, a class another tier
// chose, with the model-free tier's per-class heads. ok is false when the
// classifier cannot load.
func (f *Free) NameSubtype(doc *document.Parsed, class string) (subtype string, confidence float64, ok bool) {
	m, err := f.model()
	if err != nil {
		return "", 0, false
	}
	subtype, confidence = m.SubtypeOf(withTitle(doc), class)
	return subtype, confidence, true
}

func (f *Free) isLog(doc *document.Parsed, a *document.Analysis) bool {
	return doc.IsLog() || a.Class == "log"
}

// logs mines doc's templates. Only a digest that was asked for updates the
// source's persistent miner; mining for key phrases alone uses a fresh one,
// so it does not use up the "new template" signal.
func (f *Free) logs(doc *document.Parsed, a *document.Analysis, persist bool) {
	var m *logs.Miner
	if f.o.Logs != nil && persist {
		var release func()
		m, release = f.o.Logs.Use(doc.Source)
		defer release()
	} else {
		m = logs.NewMiner(logs.DefaultConfig())
	}
	var b logs.Budget
	if f.o.MaxLogLines > 0 {
		b = logs.Budget{Lines: f.o.MaxLogLines, Bytes: maxLogBytes}
	}
	a.Log = logs.SummarizeText(doc.Text, m, b)
	if f.o.Logs != nil && persist {
		// before the result is published and the message acked: a crash
		// after that must not lose the templates it reported as new
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		_ = f.o.Logs.SaveShapes(ctx, doc.Source) // failed: Flush retries, and reports it
	}
}

// saveTimeout bounds the save of a source's new templates.
const saveTimeout = 5 * time.Second

// noteLogBudget says in the trace of each task that a log's mining
// decided (its digest, and the key phrases and summary drawn from it)
// how much of the log was analysed, so that a reader of the result does
// not take the template counts and time span for the whole file's.
func noteLogBudget(a *document.Analysis) {
	note := fmt.Sprintf("analysis budget (pipeline.max_log_lines, 16 MiB at most): templates, levels and time span cover the first %d of %d lines", a.Log.Analyzed, a.Log.Lines)
	for _, task := range []string{TaskLogs, TaskKeywords, TaskSummary} {
		if tr, ok := a.Tasks[task]; ok {
			tr.Note = note
			a.Tasks[task] = tr
		}
	}
}

// qualifiedClass is a class named with its package (com.example.OrderService,
// org.apache.hadoop.hdfs.StateChange): a log's key phrases take the class
// alone, since the package's parts ("com", "example", "org") were key
// phrases of every Java log.
var qualifiedClass = regexp.MustCompile(`\b(?:[a-z][a-z0-9_]*\.)+([A-Z][A-Za-z0-9_$]*)`)

// keywords extracts key phrases; for a log they come from its most
// frequent templates, since raw log lines are mostly numbers and ids.
func (f *Free) keywords(doc *document.Parsed, language string, a *document.Analysis) {
	if a.Log == nil {
		if kws := f.extractKeywords(doc, language, a.Class); kws != nil {
			a.Keywords = kws
		}
		return
	}
	var b strings.Builder
	for _, t := range a.Log.Templates {
		b.WriteString(strings.ReplaceAll(qualifiedClass.ReplaceAllString(t.Template, "$1"), "<*>", ","))
		b.WriteString(".\n")
	}
	if kws := keywords.Extract(clip(b.String(), maxAnalysisBytes), keywords.Options{Top: f.o.TopKeywords, Language: language}); kws != nil {
		a.Keywords = kws
	}
}

// extractKeywords returns a document's (not a log's) key phrases as the
// keyword task finds them. A contract's or a regulation's (class) list
// each Chinese term once, not beside its own pieces: they serve as facets.
func (f *Free) extractKeywords(doc *document.Parsed, language, class string) []document.Keyword {
	return keywords.Extract(clipWithTitle(doc, maxAnalysisBytes), keywords.Options{Top: f.o.TopKeywords, Language: language, Distinct: legalClass(class)})
}

// summary is the extractive summary; for a log, a sentence on what
// happened built from its log summary.
func (f *Free) summary(doc *document.Parsed, language string, a *document.Analysis, filing bool) {
	if a.Log != nil {
		a.Summary = logSentence(a.Log, f.o.SummaryChars)
		return
	}
	if doc.IsData() {
		a.Summary = dataSummary(doc, f.o.SummaryChars)
		return
	}
	sentences := doc.Sentences
	if len(sentences) == 0 {
		sentences = lang.Sentences(clip(doc.Text, maxAnalysisBytes), language)
	}
	if body := filingBody(doc, filing); body > 0 {
		// a filing's caption is its parties over their roles and the case
		// number, no sentence: the summary opened with "Plaintiff,
		// COMPLAINT FOR DAMAGES v. MEGACORP, INC., a Delaware corporation;"
		end := attachmentStart(doc.Text, body)
		sentences = lang.Sentences(clip(withoutFootnotes(doc.Text[body:end]), maxAnalysisBytes), language)
		sentences = slices.DeleteFunc(sentences, entities.JuryDemand)
		sentences = slices.DeleteFunc(sentences, handDownNotice)
	}
	if start, end := entities.DecisionSpan(doc.Text); filing && end > start {
		// a Chinese judgment's caption and history are every judgment's;
		// its reasons and orders are what it decided
		sentences = lang.Sentences(clip(doc.Text[start:end], maxAnalysisBytes), language)
	}
	sentences = clipSentences(sentences, maxAnalysisBytes)
	// The summary weighs the key phrases; when they were not asked for,
	// they are extracted here, so a summary does not depend on which other
	// tasks ran.
	kws := a.Keywords
	if len(kws) == 0 {
		kws = f.extractKeywords(doc, language, a.Class)
	}
	budget := f.o.SummaryChars
	lead := invoiceLead(doc.Text)
	if lead == "" {
		// a glossary says it is one and names its terms; its definitions
		// follow in what is left
		if lead = glossaryLead(clip(doc.Text, maxAnalysisBytes), language); lead != "" {
			sentences = glossaryDefinitions(sentences)
		}
	}
	if lead == "" {
		sentences = rowSentences(sentences)
	}
	sentences = withoutBullets(sentences)
	if lead != "" {
		// an invoice's fields first, its small print in what is left
		if budget -= utf8.RuneCountInString(lead) + 1; budget < minInvoiceRest {
			a.Summary = lead
			return
		}
	}
	// an organisation's own paper (a memo, a staff policy) is written by
	// it as a letter is: its "we" is the council or the company, which
	// the summary called "the service" ("Social media helps the service
	// talk to residents")
	letter := doc.IsEmail() || internalDocument(doc, doc.Text[:min(len(doc.Text), structureHead)])
	a.Summary = strings.TrimSpace(lead + " " + summarize.Summarize(sentences, summarize.Options{MaxChars: budget, Language: language, Keywords: kws, Letter: letter}))
}

// minInvoiceRest is the smallest budget an invoice's lead leaves for the
// rest of its summary.
const minInvoiceRest = 40

// maxAnalysisBytes bounds the text that keywords and summaries read: the
// opening megabyte of a document says what it is about, and the cost of
// both grows with the text.
const maxAnalysisBytes = 1 << 20

// maxEntityHead and maxEntityTail bound the text that entity extraction
// reads, which costs about a second a megabyte: a contract names its
// parties and dates at its opening and its governing law and signatories
// at its end, so a text over both reads as its head and its tail. The
// longest CUAD contract is 109 KB.
const (
	maxEntityHead = 3 << 20
	maxEntityTail = 1 << 20
)

// entityText is what entity extraction reads of text, and whether that
// is less than all of it.
func entityText(text string) (string, bool) {
	if len(text) <= maxEntityHead+maxEntityTail {
		return text, false
	}
	tail := lang.Tail(text, maxEntityTail)
	if i := strings.IndexByte(tail, '\n'); i >= 0 && i < maxEntityTail/2 {
		tail = tail[i+1:]
	}
	return clip(text, maxEntityHead) + "\n\n" + tail, true
}

// withTitle prefixes the title when the text does not start with it: a
// title is the densest statement of a document's topic.
func withTitle(doc *document.Parsed) string {
	if titled(doc) {
		return doc.Title + "\n\n" + doc.Text
	}
	return doc.Text
}

// titled reports whether withTitle prefixes doc's title.
func titled(doc *document.Parsed) bool {
	return doc.Title != "" && !strings.HasPrefix(strings.TrimSpace(doc.Text), doc.Title)
}

// clipWithTitle is clip(withTitle(doc), n) without building the whole
// titled text: clip reads no further than byte n, so the text's first
// n+1 bytes give the same result, and a 20 MB text is not copied (twice,
// with the summary's own key phrases) to keep its first MiB.
func clipWithTitle(doc *document.Parsed, n int) string {
	text := doc.Text
	if len(text) > n {
		text = text[:n+1]
	}
	if titled(doc) && !namedByFile(doc) {
		return clip(doc.Title+"\n\n"+text, n)
	}
	return clip(text, n)
}

// namedByFile reports a title that is only doc's file name, the parser's
// fallback for a text with no title line. Its words are no content: a
// note saved as en.txt had "txt" as its first key phrase, and a scan
// saved as scan_0042.pdf would list "scan". The classifier still reads
// it (withTitle): "lease.docx" says what the file is.
func namedByFile(doc *document.Parsed) bool {
	return doc.Filename != "" && (doc.Title == doc.Filename || doc.Title == filepath.Base(doc.Filename))
}

// clip returns at most n bytes of s, cut at a line or rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], '\n'); i > n/2 {
		return s[:i]
	}
	return lang.Clip(s, n)
}

// clipSentences keeps the sentences that start within the first n bytes.
func clipSentences(s []string, n int) []string {
	total := 0
	for i, x := range s {
		total += len(x)
		if total > n {
			return s[:i]
		}
	}
	return s
}

// readableSpan writes a log's time span for a reader: "2026-05-01
// 09:00:32 to 10:12:27" when both ends fall on one day, the date again
// otherwise; syslog's year-less stamps ("--05-01T09:00:32" in the
// structured fields) as "May 1 09:00:32". Empty when either end is unknown.
func readableSpan(start, end string) string {
	a, yearA, okA := parseStamp(start)
	z, yearZ, okZ := parseStamp(end)
	if !okA || !okZ {
		return ""
	}
	from := stampDay(a, yearA) + " " + stampClock(a, start)
	if sameDay(a, z) {
		return from + " to " + stampClock(z, end)
	}
	return from + " to " + stampDay(z, yearZ) + " " + stampClock(z, end)
}

// stampDay writes t's day, with its year when the log gave one.
func stampDay(t time.Time, year bool) string {
	if year {
		return t.Format("2006-01-02")
	}
	return t.Format("Jan 2")
}

// stampClock writes t's time of day: a time read without a zone (no
// offset in its stamp) is the log's own clock and shown bare; a zoned one
// says its zone.
func stampClock(t time.Time, stamp string) string {
	switch {
	case !zoned(stamp):
		return t.Format("15:04:05")
	case strings.HasSuffix(stamp, "Z"):
		return t.Format("15:04:05") + " UTC"
	}
	return t.Format("15:04:05 -07:00")
}

func sameDay(a, z time.Time) bool { return a.YearDay() == z.YearDay() && a.Year() == z.Year() }

// zoned says whether a log summary's time stamp has a zone: "Z" or an
// offset after the clock.
func zoned(stamp string) bool {
	i := strings.LastIndexByte(stamp, 'T')
	return i >= 0 && strings.ContainsAny(stamp[i:], "Z+-")
}

func parseStamp(s string) (t time.Time, hasYear, ok bool) {
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, true
		}
	}
	if t, err := time.Parse("--01-02T15:04:05", s); err == nil {
		return t, false, true
	}
	return time.Time{}, false, false
}

// percent writes a share so that a few errors among many lines do not
// read as "0%".
func percent(share float64) string {
	if share > 0 && share < 0.005 {
		return "<1%"
	}
	return fmt.Sprintf("%.0f%%", 100*share)
}

// templateSentence is "N× template", ended with a stop: a message that
// ends its own sentence keeps its stop ("... state."). A template whose
// entries all logged one message shows that message: "6× (alice) CMD
// (/home/alice/bin/backup.sh)" says who ran what, "6× (<*>) CMD (<*>)"
// did not.
func templateSentence(t document.TemplateCount) string {
	text := templateText(t)
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "…") {
		return fmt.Sprintf("%d× %s", t.Count, text)
	}
	return fmt.Sprintf("%d× %s.", t.Count, text)
}

// templateText is what the sentence says of a template: its one message
// where it has one, and the gist of an event's description (eventGist).
// A run of wildcards is said as one: the kernel's OOM kill read "Killed
// process <*> (php-fpm) <*>, <*>, <*>, <*>, <*>", its memory figures
// each a wildcard that said nothing and took the sentence's room.
func templateText(t document.TemplateCount) string {
	text := t.Template
	if t.Message != "" {
		text = t.Message
	} else {
		text = wildcardRun.ReplaceAllString(text, "<*>")
		// a bracketed wildcard opening the message is a stamp the miner
		// masked (the kernel's uptime "[79255.347495]", a thread id):
		// "18× [<*>] Out of memory" read as if the error had no name
		for rest, ok := strings.CutPrefix(text, "[<*>] "); ok && strings.ContainsFunc(strings.ReplaceAll(rest, "<*>", ""), unicode.IsLetter); rest, ok = strings.CutPrefix(rest, "[<*>] ") {
			text = rest
		}
	}
	return eventGist(withoutNginxContext(withoutLogger(text)))
}

// nginxContextRe is the context nginx's error log writes after a message
// (", client: <*>, server: <*>, request: "GET <*>", upstream: "<*>",
// host: "<*>"), and nginxErrnoRe the masked errno before a system error's
// text ("(<*>: Connection refused)"). Masked, they said nothing in the
// sentence but took its room: "connect() failed (<*>: Connection
// refused) while connecting to upstream, client: <*>, server: <*>,
// request: ..." was cut after the request; the upstream is named apart
// (failing upstreams).
var (
	nginxContextRe = regexp.MustCompile(`, client: [^,\s]+(?:, (?:server|request|upstream|host|referrer): .*)?$`)
	nginxErrnoRe   = regexp.MustCompile(`\(<\*>: ([A-Z])`)
)

// withoutNginxContext drops both from a template.
func withoutNginxContext(text string) string {
	if !strings.Contains(text, ", client: ") {
		return text
	}
	return nginxErrnoRe.ReplaceAllString(nginxContextRe.ReplaceAllString(text, ""), "($1")
}

// javaLoggerRe is a fully qualified Java logger name opening a message,
// as Tomcat's catalina.out and log4j's "%c - %m" write it
// ("org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service()
// ..."): a package of two or more parts, a class, maybe a method, then a
// space or " - ". An exception's name is followed by a colon, and stays;
// so does Logback's abbreviated name ("c.a.orders.OrderController"),
// short enough to say which part of a service logged.
var javaLoggerRe = regexp.MustCompile(`^(?:[a-z][a-z0-9_]+\.){2,}[A-Z][\w$]*(?:\.[a-z][\w$]*)?(?: -)? `)

// withoutLogger drops the Java logger name that opens a template: it took
// some fifty of the sentence's characters, and an error's template was
// cut before it said what failed.
func withoutLogger(text string) string {
	loc := javaLoggerRe.FindStringIndex(text)
	if loc == nil || !strings.ContainsFunc(text[loc[1]:], unicode.IsLetter) {
		return text
	}
	return text[loc[1]:]
}

// wildcardRun is two or more template wildcards apart by spaces or commas.
var wildcardRun = regexp.MustCompile(`<\*>(?:,? <\*>)+`)

// eventFailureReason is the reason field of an event's description,
// up to the end of its sentence: "Failure Reason: Unknown user name or
// bad password.".
var eventFailureReason = regexp.MustCompile(`\b(?:Failure )?Reason: [^:]+?\.(?:\s|$)`)

// eventGist shortens a long event description, as Windows writes one (a
// headline sentence, then labelled fields: "An account failed to log on.
// Subject: Security ID: NULL SID Account Name: - ..."), to its headline
// and its reason field. Cut at a length, the 4625 of a security log read
// as its empty Subject fields and never said why the logons failed.
func eventGist(text string) string {
	if utf8.RuneCountInString(text) <= errorTemplateRunes {
		return text
	}
	head, rest, ok := strings.Cut(text, ". ")
	if !ok || utf8.RuneCountInString(head) > eventHeadlineRunes || strings.Count(rest, ": ") < eventGistFields {
		return text
	}
	gist := head + "."
	if reason := eventFailureReason.FindString(rest); reason != "" {
		gist += " " + strings.TrimSpace(reason)
	}
	return gist
}

// eventHeadlineRunes bounds an event description's headline sentence,
// and eventGistFields is how many labelled fields must follow it: a long
// message whose first sentence goes on is prose, said as it is.
const (
	eventHeadlineRunes = 100
	eventGistFields    = 4
)

// errorWindow is ", errors from X to Y" when the log's error entries have
// times: where the incident sits, which the share alone does not say. The
// day is left out where the log's span already said it.
func errorWindow(s *document.LogSummary) string {
	a, yearA, okA := parseStamp(s.ErrorsStart)
	z, yearZ, okZ := parseStamp(s.ErrorsEnd)
	if !okA || !okZ {
		return ""
	}
	from := stampClock(a, s.ErrorsStart)
	if start, _, ok := parseStamp(s.Start); !ok || !sameDay(a, start) {
		from = stampDay(a, yearA) + " " + from
	}
	if s.ErrorsStart == s.ErrorsEnd {
		return ", errors at " + from
	}
	to := stampClock(z, s.ErrorsEnd)
	if !sameDay(a, z) {
		to = stampDay(z, yearZ) + " " + to
	}
	return ", errors from " + from + " to " + to
}

// errorCount and warningCount are how many of a template's entries were
// logged as errors, and as warnings.
func errorCount(t document.TemplateCount) int   { return t.Errors }
func warningCount(t document.TemplateCount) int { return t.Warnings }

// severeLead opens the list of the templates logged as errors
// (" Errors (47 in all):") or, in a log with none, as warnings.
func severeLead(s *document.LogSummary, named []document.TemplateCount) string {
	if named[0].Errors == 0 {
		return " Warnings" + inAll(s.Levels["WARN"], named, warningCount) + ":"
	}
	return " Errors" + errorsInAll(s, named) + ":"
}

// warnedTemplates are the templates logged as warnings, up to three, the
// most warned first. A log with no errors named none of them: a kubectl
// event dump's BackOff and FailedScheduling rows were lost among its
// hundred Normal ones, which "Most logged" named instead.
func warnedTemplates(all []document.TemplateCount) []document.TemplateCount {
	var warned []document.TemplateCount
	for _, t := range all {
		if t.Warnings > 0 {
			warned = append(warned, t)
		}
	}
	slices.SortStableFunc(warned, func(a, b document.TemplateCount) int { return b.Warnings - a.Warnings })
	return warned[:min(3, len(warned))]
}

// inAll is " (N in all)" when all outnumbers the count of the templates
// named.
func inAll(all int, named []document.TemplateCount, count func(document.TemplateCount) int) string {
	shown := 0
	for _, t := range named {
		shown += count(t)
	}
	if all > shown {
		return fmt.Sprintf(" (%d in all)", all)
	}
	return ""
}

// errorsInAll is " (47 in all)" when the log's error entries outnumber
// those of the templates the sentence names: an outage that failed every
// API route of an access log read "Most errors: 12× "GET /api/cart" 5xx",
// one route's share of 47 errors, as if it were the whole incident. Like
// the rest of the sentence, the count is of the lines analysed.
func errorsInAll(s *document.LogSummary, named []document.TemplateCount) string {
	return inAll(s.Levels["ERROR"]+s.Levels["FATAL"], named, errorCount)
}

// failedLoginsSentence names the addresses most failed logins came from
// (" Failed logins from 203.0.113.4 (3×), 198.51.100.7 (1×)."), up to
// three: a search hit for an auth log says who is guessing passwords
// without opening it. When they came from more addresses than it names,
// it says how many, and how many logins failed (" Failed logins: 60 from
// 58 addresses, most from ..."): a password spray read as three single
// attempts. Where logins also succeeded, it says which share failed
// (" Failed logins: 40 of 60 (67%) from 4 addresses, ..."): forty
// failures read the same among sixty logins as among ten thousand.
func failedLoginsSentence(s *document.LogSummary) string {
	if len(s.FailedLoginSources) == 0 {
		return ""
	}
	share := ""
	if s.SucceededLogins > 0 {
		all := s.FailedLogins + s.SucceededLogins
		share = fmt.Sprintf(" %d of %d (%s)", s.FailedLogins, all, percent(float64(s.FailedLogins)/float64(all)))
	}
	if s.FailedLoginAddresses <= 3 {
		if share != "" {
			return countsSentence(" Failed logins:"+share+" from ", "%s (%d×)", s.FailedLoginSources)
		}
		return countsSentence(" Failed logins from ", "%s (%d×)", s.FailedLoginSources)
	}
	if share == "" {
		share = fmt.Sprintf(" %d", s.FailedLogins)
	}
	if s.FailedLoginSources[0].Count == 1 {
		// no address stands out (a spray, or a botnet): "most from
		// 198.51.100.0 (1×), 198.51.100.1 (1×)" named three of many alike
		lead := fmt.Sprintf(" Failed logins:%s from %d addresses, one each: ", share, s.FailedLoginAddresses)
		var named []string
		for _, n := range s.FailedLoginSources[:min(3, len(s.FailedLoginSources))] {
			named = append(named, n.Name)
		}
		return lead + strings.Join(named, ", ") + fmt.Sprintf(" and %d more.", s.FailedLoginAddresses-len(named))
	}
	lead := fmt.Sprintf(" Failed logins:%s from %d addresses, most from ", share, s.FailedLoginAddresses)
	return countsSentence(lead, "%s (%d×)", s.FailedLoginSources)
}

// failedLocalLoginsSentence names the failed logins from no remote host
// (" Failed local logins: bob → root (su) 2×, carol (login) 1×."), up
// to three: a failed su to root is what an on-call reader of an auth
// log looks for, and it has no address for failedLoginsSentence.
func failedLocalLoginsSentence(logins []document.NameCount) string {
	return countsSentence(" Failed local logins: ", "%s %d×", logins)
}

// deniedPrivilegesSentence names the refused requests for privilege
// (" Denied privilege requests: bob → root (sudo) 2×."), up to three: a
// user not in sudoers asking for a root shell is what an on-call reader
// of an auth log wants said, apart from mistyped passwords.
func deniedPrivilegesSentence(denied []document.NameCount) string {
	return countsSentence(" Denied privilege requests: ", "%s %d×", denied)
}

// failedUnitsSentence names the systemd units that failed (" Failed
// units: nginx.service 1×, postgresql@15-main.service 1×."), up to
// three. It comes before the templates: a unit that failed is what an
// on-call reader of a journal looks for first, and among many routine
// templates its "Failed to start" was said only when it was the most
// frequent error, and was cut off with the sentence's length otherwise.
func failedUnitsSentence(units []document.NameCount) string {
	return countsSentence(" Failed units: ", "%s %d×", units)
}

// countsSentence is lead and the first three names with their counts,
// each written by format, ended with a stop; nothing for no names.
func countsSentence(lead, format string, names []document.NameCount) string {
	if len(names) == 0 {
		return ""
	}
	var parts []string
	for _, n := range names[:min(3, len(names))] {
		parts = append(parts, fmt.Sprintf(format, n.Name, n.Count))
	}
	return lead + strings.Join(parts, ", ") + "."
}

// logSentence says what a log holds in one line of text under max runes.
func logSentence(s *document.LogSummary, max int) string {
	var b strings.Builder
	if s.Analyzed > 0 {
		// the rest of the sentence is about the lines analysed
		fmt.Fprintf(&b, "First %d of %d lines", s.Analyzed, s.Lines)
	} else {
		fmt.Fprintf(&b, "%d lines", s.Lines)
	}
	switch read := cmp.Or(s.Analyzed, s.Lines); {
	case s.Entries > read:
		// rows that fold repeats (kubectl's "(x25 over 10m)") stand for
		// more events than they are: "6 lines (65 entries)" read as a
		// contradiction
		fmt.Fprintf(&b, ", standing for %d events", s.Entries)
	case s.Entries > 0:
		fmt.Fprintf(&b, " (%d entries)", s.Entries)
	}
	if span := readableSpan(s.Start, s.End); span != "" {
		b.WriteString(" from " + span)
	}
	newTemplates := fmt.Sprintf("%d new templates", s.NewTemplates)
	if s.NewTemplates == 1 {
		newTemplates = "1 new template"
	}
	if failing := failingRequests(s.Access); failing != "" {
		fmt.Fprintf(&b, "; %s%s; %s.", failing, errorWindow(s), newTemplates)
		b.WriteString(countsSentence(" Failing requests: ", "%s %d×", failingNamed(s.Access.FailingPaths)))
		b.WriteString(countsSentence(" Failing clients: ", "%s (%d×)", s.Access.FailingClients))
		return clipEllipsis(b.String(), max)
	}
	fmt.Fprintf(&b, "; %s warnings or errors%s; %s.", percent(s.ErrorShare), errorWindow(s), newTemplates)
	// what a service down or an account under attack is comes before the
	// templates, which are long and would clip it away
	b.WriteString(failedUnitsSentence(s.FailedUnits))
	b.WriteString(countsSentence(" Failing upstreams: ", "%s (%d×)", s.FailingUpstreams))
	b.WriteString(failedLoginsSentence(s))
	b.WriteString(failedLocalLoginsSentence(s.FailedLocalLogins))
	b.WriteString(deniedPrivilegesSentence(s.DeniedPrivileges))
	b.WriteString(countsSentence(" Locked out: ", "%s (%d×)", s.LockedOut))
	worst, count := worstTemplates(s.Templates), errorCount
	routine := s.Templates
	if len(worst) == 0 && s.Access == nil {
		worst, count = warnedTemplates(s.Templates), warningCount
	}
	if len(worst) > 0 {
		b.WriteString(severeLead(s, worst))
		routine = slices.DeleteFunc(slices.Clone(routine), func(t document.TemplateCount) bool { return slices.Contains(worst, t) })
		reserve := 0
		if len(routine) > 0 {
			reserve = min(routineReserveRunes, utf8.RuneCountInString(" Most logged: "+templateSentence(routine[0])))
		}
		for i, part := range errorSentences(worst, count, max-utf8.RuneCountInString(b.String())-reserve) {
			appendFitting(&b, part, max, i == 0)
		}
		if len(routine) > 0 {
			appendFitting(&b, " Most logged:", max, false)
		}
	}
	for i, t := range routine[:min(3, len(routine))] {
		appendFitting(&b, " "+templateSentence(t), max, i == 0 && len(worst) == 0)
	}
	appendFitting(&b, minorFailures(s.Access), max, false)
	return strings.TrimSuffix(clipEllipsis(b.String(), max), " Most logged:")
}

// appendFitting writes part after what b holds when the two fit in max
// runes, or when must: a sentence of whole templates reads better than
// one cut inside the last, and the first error or template is said
// even cut.
func appendFitting(b *strings.Builder, part string, max int, must bool) {
	if must || utf8.RuneCountInString(b.String())+utf8.RuneCountInString(part) <= max {
		b.WriteString(part)
	}
}

// worstTemplates are the templates logged as errors, up to three, the
// most severe first: those with FATAL entries, then by errors. They are
// said before the routine templates, each: a kubelet journal whose top
// templates held a crash loop's errors never named the kernel's one OOM
// kill, an SRE's first question.
func worstTemplates(all []document.TemplateCount) []document.TemplateCount {
	var worst []document.TemplateCount
	for _, t := range all {
		if t.Errors > 0 {
			worst = append(worst, t)
		}
	}
	slices.SortStableFunc(worst, func(a, b document.TemplateCount) int {
		if (a.Fatal > 0) != (b.Fatal > 0) {
			if a.Fatal > 0 {
				return -1
			}
			return 1
		}
		return b.Errors - a.Errors
	})
	return worst[:min(3, len(worst))]
}

// errorSentences are the sentences of the worst templates, each cut
// short enough (errorTemplateCuts) that all of them fit in room runes
// where they can: three long Java errors, each with its exception, said
// the first alone and left room for the routine templates but not for
// the other two errors, which an on-call reader wants named first.
func errorSentences(worst []document.TemplateCount, count func(document.TemplateCount) int, room int) []string {
	var parts []string
	for _, cut := range errorTemplateCuts {
		parts = parts[:0]
		n := 0
		for _, t := range worst {
			part := " " + errorSentence(t, count(t), cut)
			parts = append(parts, part)
			n += utf8.RuneCountInString(part)
		}
		if n <= room {
			break
		}
	}
	return parts
}

// errorTemplateCuts are the lengths errorSentences tries for an error's
// template and exception, the longest first.
var errorTemplateCuts = []int{errorTemplateRunes, 100, 70, 50}

// routineReserveRunes is room errorSentences leaves for the first
// routine template: what a log mostly says is said too, though short.
const routineReserveRunes = 80

// errorSentence is a template logged as an error, as templateSentence
// writes it, with its error count and the exception its first error
// logged under it: "Request processing failed" alone did not say it was
// a NullPointerException. Its text and exception are cut at cut runes
// so that one long template does not crowd the others out.
func errorSentence(t document.TemplateCount, n, cut int) string {
	text := templateText(t)
	text = clipEllipsis(strings.TrimRight(text, "."), cut)
	if exc := t.Exception; exc != "" {
		if utf8.RuneCountInString(exc) > cut {
			exc = shortClassName(exc)
		}
		text += " (" + clipEllipsis(exc, cut) + ")"
	}
	return templateSentence(document.TemplateCount{Template: text, Count: n})
}

// shortClassName drops the package of the class an exception line opens
// with ("org.springframework.web.client.HttpServerErrorException: 504"
// reads "HttpServerErrorException: 504"): cut short, the package alone
// was said and the class lost.
func shortClassName(exc string) string {
	name, rest, colon := strings.Cut(exc, ":")
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ContainsAny(name, " \t") {
		return exc
	}
	if colon {
		return name[i+1:] + ":" + rest
	}
	return name[i+1:]
}

// errorTemplateRunes is how much of an error template, and of its
// exception, the log sentence shows.
const errorTemplateRunes = 140

// clipEllipsis keeps the first max runes of s, ending with "…" where it
// cut. It cuts at a word's end where one is in the second half: an
// exception cut mid-word ("Connection is not availa…") read as a typo
// and hid where the text went on.
func clipEllipsis(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	out := []rune(s)[:max]
	kept := out[:max-1]
	if !unicode.IsSpace(out[max-1]) {
		// the cut falls inside a word: drop the word's start
		if i := lastSpace(kept); i >= max/2 {
			kept = kept[:i]
		}
	}
	return strings.TrimRight(string(kept), " \t,;:(-") + "…"
}

// lastSpace is the index of the last space among r, or -1.
func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}

// clipRunes keeps the first max runes of s.
func clipRunes(s string, max int) string {
	out := []rune(s)
	if len(out) > max {
		out = out[:max]
	}
	return string(out)
}

// failingRequests is an access log's share of failed requests by class
// ("16% 5xx, 23% 4xx"), worst first, when they are what the log is about
// (failingMatters); "" otherwise, and for a log that is no access log.
// An access log's summary then says which requests failed and for whom
// instead of its templates: they are its routine 2xx traffic ("182×
// "GET /api/orders/<*>" 2xx"), and a scan or an outage read as a list
// of what was served.
func failingRequests(a *document.AccessSummary) string {
	if !failingMatters(a) {
		return ""
	}
	var parts []string
	for _, class := range []string{"5xx", "4xx"} {
		if n := a.Statuses[class]; n > 0 {
			parts = append(parts, percent(float64(n)/float64(a.Requests))+" "+class)
		}
	}
	return strings.Join(parts, ", ") + " of " + strconv.Itoa(a.Requests) + " requests"
}

// failingClientShare is the share of an access log's requests that
// failed with a 4xx from which its failures, not its templates, are
// what its summary says.
const failingClientShare = 0.1

// failingNamed picks the three failing requests the sentence names from
// an access log's (server errors first): two server errors and the
// client error most made where both failed, so that an outage's 5xx are
// said before a scanner's hundreds of 404s and the scan is said too.
func failingNamed(paths []document.NameCount) []document.NameCount {
	if len(paths) <= 3 || !serverError(paths[0].Name) {
		return paths
	}
	i := slices.IndexFunc(paths, func(p document.NameCount) bool { return !serverError(p.Name) })
	if i < 3 {
		return paths
	}
	return []document.NameCount{paths[0], paths[1], paths[i]}
}

// serverError reports a failing request whose status ("GET /x 503") is
// a server error.
func serverError(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	return i >= 0 && strings.HasPrefix(name[i+1:], "5")
}

// failingMatters says whether an access log's failed requests are what
// its summary leads with: any 5xx (the server failed), or 4xx for at
// least failingClientShare of its requests (a scan, a broken client). A
// site's few 404s for /favicon.ico are no incident: its summary read as
// those alone, and what it served went unsaid.
func failingMatters(a *document.AccessSummary) bool {
	if a == nil || len(a.FailingPaths) == 0 || a.Requests == 0 {
		return false
	}
	return a.Statuses["5xx"] > 0 || float64(a.Statuses["4xx"]) >= failingClientShare*float64(a.Requests)
}

// minorFailures is " Failing requests: GET /favicon.ico 404 6×." for an
// access log whose few failures its summary does not lead with: they
// are said after its templates, where they fit.
func minorFailures(a *document.AccessSummary) string {
	if a == nil || failingMatters(a) {
		return ""
	}
	return countsSentence(" Failing requests: ", "%s %d×", a.FailingPaths)
}
