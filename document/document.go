// Package document holds the types that flow through docmill: a parsed
// document, the analysis a tier produces for it, and the result that is
// indexed and published.
package document

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Content types docmill recognises after sniffing.
const (
	TypeText     = "text/plain"
	TypeMarkdown = "text/markdown"
	TypeHTML     = "text/html"
	TypePDF      = "application/pdf"
	TypeDOCX     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeRTF      = "application/rtf"
	TypeEmail    = "message/rfc822"
	TypeXML      = "application/xml"
	TypeLog      = "text/x-log"
	// TypeCSV is a delimited table saved as text (an export, a register);
	// TypeJSON one JSON document (a configuration, an API response). Both
	// are data, not prose: no sentences to summarise, no log lines.
	TypeCSV  = "text/csv"
	TypeJSON = "application/json"
)

// ID returns the document id for raw content: the hex sha256, so the same
// bytes ingested twice are one document.
func ID(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// MinIDPrefix is the fewest hex digits of a document id that name a
// document (IsIDPrefix): fewer would match too many in a large archive.
const MinIDPrefix = 8

// IsIDPrefix reports whether s may be the opening of a document id that
// names one document among many: MinIDPrefix to 63 lower-case hex digits.
// docmill prints ids shortened to 12 characters, and a user types them back.
func IsIDPrefix(s string) bool {
	return len(s) >= MinIDPrefix && len(s) < 64 && isHex(s)
}

// IsShortIDPrefix reports whether s is the opening of a document id too
// short to name one (1 to MinIDPrefix-1 hex digits), so that a caller can
// ask for more of it rather than answer "document not found".
func IsShortIDPrefix(s string) bool {
	return len(s) > 0 && len(s) < MinIDPrefix && isHex(s)
}

func isHex(s string) bool { return strings.Trim(s, "0123456789abcdef") == "" }

// CheckFilename returns an error naming the first control character in a
// file name (C0, DEL or C1, as unicode.IsControl has them), nil when it
// has none. Such a name is no file's a person gave: a NUL or an escape
// sequence shows garbled or cut short in the UI, the logs and a CSV
// export, and a NUL ends the name in C tools.
func CheckFilename(name string) error {
	for i, c := range name {
		if unicode.IsControl(c) {
			return fmt.Errorf("file name %q holds a control character (%U at byte %d); name the file without it", name, c, i)
		}
	}
	return nil
}

// CleanFilename is name without its control characters (CheckFilename).
func CleanFilename(name string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return -1
		}
		return c
	}, name)
}

// FoldID returns s in lower case when it is hex digits in any case, and s
// as it is otherwise. Ids are lower-case hex, but a user types or pastes
// them back as they come (a tool that prints hex in capitals, a mixed-case
// copy), and a text that is no id must stay what it was.
func FoldID(s string) string {
	if l := strings.ToLower(s); isHex(l) {
		return l
	}
	return s
}

// Parsed is a document after parsing: its plain text and what the parser
// learned about it. Sentences are those of the text's first 4 MiB
// (parse.MaxSentenceBytes), the last cut there when it runs on: analysis
// reads no further.
type Parsed struct {
	ID          string            `json:"id"`
	Filename    string            `json:"filename"`
	Source      string            `json:"source"`
	ContentType string            `json:"content_type"`
	Encoding    string            `json:"encoding,omitempty"`
	Title       string            `json:"title"`
	Text        string            `json:"text"`
	Sentences   []string          `json:"sentences,omitempty"`
	Language    string            `json:"language"` // ISO 639-1 ("en", "zh") or "und"
	Pages       int               `json:"pages,omitempty"`
	Size        int               `json:"size"`
	Meta        map[string]string `json:"meta,omitempty"`
	// Aside is what the document carries beside its body, one labelled
	// paragraph each: a DOCX's headers and footers ("Header:
	// CONFIDENTIAL") and its reviewers' comments ("Comment by Jane Doe on
	// “liability cap”: ..."). Search finds it (a Result's Text is the body
	// and then the aside) but analysis reads Text and Sentences only, so a
	// page footer or a reviewer's question is no keyword, entity or
	// summary sentence of the document.
	Aside string `json:"aside,omitempty"`
	// Attachments are files the document carries (an e-mail's), to be
	// ingested as documents of their own; not part of the result.
	Attachments []Attachment `json:"-"`
}

// Attachment is a file carried inside a document.
type Attachment struct {
	Filename string
	Data     []byte
}

// IsLog reports whether the parser recognised the document as a log file.
func (p *Parsed) IsLog() bool { return p.ContentType == TypeLog }

// IsData reports whether the parser read the document as data: a table
// (TypeCSV) or a JSON document (TypeJSON). Its rows read as log lines to a
// text classifier, and as sentences to a summariser.
func (p *Parsed) IsData() bool { return p.ContentType == TypeCSV || p.ContentType == TypeJSON }

// IsEmail reports whether the parser read the document as an e-mail. Its
// header lines ("Date: Tue, 2 Jan 2024 10:00:00") look like a log's to a
// text classifier; an e-mail is never a log.
func (p *Parsed) IsEmail() bool { return p.ContentType == TypeEmail }

// Keyword is a key phrase with its score (higher is more relevant).
type Keyword struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// KeywordTexts returns the texts of ks, in order.
func KeywordTexts(ks []Keyword) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Text
	}
	return out
}

// Entity is a typed span found in a document (a party, a date, a citation).
type Entity struct {
	Kind  string `json:"kind"`            // party, agreement_date, effective_date, expiration_date, compliance_date, date, money, percentage, interest_rate, duration, governing_law, defined_term, citation, obligation
	Text  string `json:"text"`            // the span as written
	Value string `json:"value,omitempty"` // normalised value when there is one (ISO date, amount)
	// Role is what a duration is the length of, where the text says it:
	// term, renewal, notice, probation, payment, payment_frequency, warranty, non_compete,
	// non_solicit, confidentiality, cure or leave. A register needs the notice
	// period apart from the probation period and the term, which share a
	// kind. A date that is not the contract's own has one too: an order
	// form's subscription_start or subscription_end, a renewal's
	// renewal_start or renewal_end; a compliance date what it is the
	// deadline for (delivery, payment); an amount rent, deposit or
	// minimum_purchase; a percentage escalation (a rent's rise); a
	// judgment's case number neutral_citation when it is its own neutral
	// citation, a citation appealed_from when it is the decision
	// appealed from, and a filing's jury_demand the demanding party's
	// role (plaintiff), none when only a heading demands one.
	Role string `json:"role,omitempty"`
	// From is the event a warranty period runs from, where the text
	// names it ("12 months from the date of acceptance",
	// 自验收合格之日起十二个月): acceptance, delivery, installation,
	// commissioning, shipment, completion or sale. A register needs it
	// beside the length: twelve months from delivery end sooner.
	From string `json:"from,omitempty"`
}

// TemplateCount is a mined log template and how many lines matched it.
type TemplateCount struct {
	ID       string `json:"id"`
	Template string `json:"template"`
	Count    int    `json:"count"`
	New      bool   `json:"new,omitempty"` // first seen in this document
	// Errors is how many of its entries were logged at an error level.
	Errors int `json:"errors,omitempty"`
	// Fatal is how many of its entries were logged at FATAL (of Errors).
	Fatal int `json:"fatal,omitempty"`
	// Warnings is how many of its entries were logged at WARN (a failed
	// login whatever its exporter's level, an access log's 4xx).
	Warnings int `json:"warnings,omitempty"`
	// Exception, when set, is the exception its first error entry logged
	// under it ("java.lang.NullPointerException: Cannot invoke ..."): a
	// template such as "Request processing failed" does not say what.
	Exception string `json:"exception,omitempty"`
	// Message, when set, is the one message all its entries in this
	// document logged, the template's variables filled ("(alice) CMD
	// (/home/alice/bin/backup.sh)" for "(<*>) CMD (<*>)"): a summary
	// that showed only the shape did not say who ran what. Empty where
	// the entries differ or the template has no variable.
	Message string `json:"message,omitempty"`
}

// LogSummary says what happened in a log file.
type LogSummary struct {
	Lines int `json:"lines"`
	// Analyzed, when not zero, is how many of the Lines (the first ones)
	// were analysed: the analysis budget (pipeline.max_log_lines) ended
	// there. Entries, Levels, ErrorShare, Start, End, Templates,
	// NewTemplates and Errors then describe those lines only; the text
	// itself is not cut.
	Analyzed int `json:"analyzed,omitempty"`
	// Entries, when not the number of lines analysed, is the number of
	// log entries: lines that continue the one above (stack frames,
	// "Caused by:") belong to it. Levels, ErrorShare and Templates count
	// entries.
	Entries    int            `json:"entries,omitempty"`
	Levels     map[string]int `json:"levels"`
	ErrorShare float64        `json:"error_share"`
	Start      string         `json:"start,omitempty"`
	End        string         `json:"end,omitempty"`
	// ErrorsStart and ErrorsEnd are the times of the first and last
	// entry at an error level (ERROR or FATAL), written as Start and End
	// are: where an incident sits in a long log.
	ErrorsStart  string          `json:"errors_start,omitempty"`
	ErrorsEnd    string          `json:"errors_end,omitempty"`
	Templates    []TemplateCount `json:"templates"`
	NewTemplates int             `json:"new_templates"`
	Errors       []string        `json:"errors,omitempty"` // sample error lines, each with its exception after " ⏎ " when a stack follows
	// Users are the user names the log's messages name most ("Accepted
	// password for alice", "session opened for user bob"), the most
	// frequent first: who logged in, or tried to, is what an on-call
	// reader of an auth log asks first. They are who acted, not the
	// account acted on: a PAM line that names who asked (ruser=,
	// logname=) does not count its user= (su's "ruser=bob ... user=root"
	// counts bob).
	Users []NameCount `json:"users,omitempty"`
	// FailedLoginSources are the addresses failed logins came from
	// ("Failed password for root from 203.0.113.4", PAM's
	// "authentication failure; ... rhost=203.0.113.4"), the most
	// frequent first: which hosts are guessing passwords. Count is the
	// attempts, not the lines: the lines an sshd connection writes of
	// one attempt count once. A failure from no remote host (su's, a
	// console login's: PAM's empty rhost=) has no address and is not
	// listed here but in FailedLocalLogins; who tried is in Users.
	FailedLoginSources []NameCount `json:"failed_login_sources,omitempty"`
	// FailedLogins is how many failed logins came from an address, and
	// FailedLoginAddresses from how many: FailedLoginSources lists ten,
	// and a password spray's sixty attempts from sixty addresses read as
	// ten single ones.
	FailedLogins         int `json:"failed_logins,omitempty"`
	FailedLoginAddresses int `json:"failed_login_addresses,omitempty"`
	// SucceededLogins is how many logins succeeded (sshd's "Accepted
	// password for", Windows' 4624 "An account was successfully logged
	// on"): beside FailedLogins, the share of logins that failed, which
	// tells a password spray that got in from one that did not.
	SucceededLogins int `json:"succeeded_logins,omitempty"`
	// FailingUpstreams are the upstreams nginx's error entries name
	// (`upstream: "http://10.0.2.11:8080/api/orders"`, read without the
	// path: "http://10.0.2.11:8080"), each with its errors, the most
	// frequent first: which backend timed out or refused connections.
	FailingUpstreams []NameCount `json:"failing_upstreams,omitempty"`
	// FailedLocalLogins are the failed logins from no remote host (PAM's
	// authentication failure with an empty rhost=: su, sudo, a console
	// login), by who tried to become whom and through which service
	// ("bob → root (su)", "carol (login)": who asked is the account, or
	// is not named; "gdm", the service alone, when it names no one), each
	// with its failures, the most frequent first.
	FailedLocalLogins []NameCount `json:"failed_local_logins,omitempty"`
	// DeniedPrivileges are the requests for privilege that were refused
	// whatever the password (sudo's "bob : user NOT in sudoers ; ...
	// USER=root ; COMMAND=/bin/bash", "user NOT authorized on host",
	// "command not allowed", sudo -n's "a password is required"), by
	// who asked to run as whom ("bob → root (sudo)"), the most frequent
	// first. They are not failed logins: the password may have been
	// right, and an on-call reader asks about them apart. sudo's wrong
	// passwords followed by "user NOT in sudoers" count here and in
	// FailedLocalLogins.
	DeniedPrivileges []NameCount `json:"denied_privileges,omitempty"`
	// LockedOut are the accounts locked out after failed logins
	// (Windows' 4740 "A user account was locked out.", named with the
	// computer the failures came from, "jsmith from WS-042";
	// pam_faillock's "account temporarily locked"), each with its
	// lockouts, the most frequent first: the event that says only "A
	// user account was locked out." in its first line named no one.
	LockedOut []NameCount `json:"locked_out,omitempty"`
	// FailedUnits are the systemd units that failed ("Failed to start
	// nginx.service - ...", "nginx.service: Failed with result
	// 'exit-code'."), each with its failures (a failed start, written in
	// both lines, counts once), the most frequent first: a service down
	// is what an on-call reader of a journal looks for first. An older
	// systemd that names only a unit's description in "Failed to start"
	// with no "Failed with result" before it is listed by the
	// description.
	FailedUnits []NameCount `json:"failed_units,omitempty"`
	// Access is what an access log's requests say (Common and Combined
	// Log Format lines, at least half of its entries); nil for other
	// logs.
	Access *AccessSummary `json:"access,omitempty"`
}

// AccessSummary counts an access log's requests: by status class, and
// the failing ones (4xx and 5xx) by request and by client.
type AccessSummary struct {
	// Requests is how many entries were requests.
	Requests int `json:"requests"`
	// Statuses counts the requests by status class ("2xx", "4xx", "5xx").
	Statuses map[string]int `json:"statuses"`
	// FailingPaths are the failing requests by method, path (its ids
	// masked, its query dropped, as templates read it) and status ("GET
	// /.env 404", "POST /api/orders/<*> 502"): server errors (5xx)
	// first, then client errors (4xx), each the most frequent first, up
	// to ten, each class given five at least when the other has more.
	FailingPaths []NameCount `json:"failing_paths,omitempty"`
	// FailingClients are the addresses the failing requests came from,
	// the most frequent first, up to ten: a scan's few sources.
	FailingClients []NameCount `json:"failing_clients,omitempty"`
}

// NameCount is a name found in a log and how many entries named it.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Depth names how deep the model ran for a task.
type Depth string

// Depths a task may run at.
const (
	DepthNone    Depth = "none" // model-free tier
	DepthShallow Depth = "shallow"
	DepthFull    Depth = "full"
	DepthAuto    Depth = "auto" // requests only: let the router decide
)

// ParseDepth reads a requested depth in any case: shallow, full or auto.
func ParseDepth(s string) (Depth, error) {
	switch d := Depth(strings.ToLower(strings.TrimSpace(s))); d {
	case DepthShallow, DepthFull, DepthAuto:
		return d, nil
	}
	return "", fmt.Errorf("depth %q is not shallow, full or auto", s)
}

// TaskTrace records how one task was computed.
type TaskTrace struct {
	Depth      Depth   `json:"depth"`
	ExitLayer  int     `json:"exit_layer,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Ms         float64 `json:"ms"`
	// Note says what else decided the task ("parser: log lines"), or why
	// it fell back to the model-free tier.
	Note string `json:"note,omitempty"`
}

// ModelInfo names the analyser that produced a result.
type ModelInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Tier    string `json:"tier"` // "free" or "model"
}

// Analysis is what an analysis tier produces for a parsed document.
type Analysis struct {
	Class             string               `json:"class"` // contract, regulation, log, other
	Confidence        float64              `json:"confidence"`
	Subtype           string               `json:"subtype,omitempty"`
	SubtypeConfidence float64              `json:"subtype_confidence,omitempty"`
	Keywords          []Keyword            `json:"keywords"`
	Summary           string               `json:"summary"`
	Entities          []Entity             `json:"entities,omitempty"`
	Log               *LogSummary          `json:"log,omitempty"`
	Tasks             map[string]TaskTrace `json:"tasks"` // keyed by task: classify, keywords, summary, entities, logs
	Model             ModelInfo            `json:"model"`
}

// StageTrace is one stage's part in processing a document.
type StageTrace struct {
	Stage string  `json:"stage"`
	Ms    float64 `json:"ms"`
}

// Result is a processed document as published on docmill.results.<class>
// and stored in the index.
type Result struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	Title       string `json:"title"`
	Source      string `json:"source"`
	ContentType string `json:"content_type"`
	Language    string `json:"language"`
	Pages       int    `json:"pages,omitempty"`
	Size        int    `json:"size"`
	Text        string `json:"text,omitempty"` // body, then the Parsed's Aside, for the indexer; omitted on the wire when empty
	// TextObject names the object ("bucket/name") that holds the body when
	// the result would not fit in one message; Text is then empty.
	TextObject string            `json:"text_object,omitempty"`
	Meta       map[string]string `json:"meta,omitempty"`
	Analysis
	Depth       Depth        `json:"depth"` // deepest exit used for this document
	Trace       []StageTrace `json:"trace"`
	IngestedAt  time.Time    `json:"ingested_at"`
	ProcessedAt time.Time    `json:"processed_at"`
	// PublishedAt is when the result entered the results stream, by the
	// broker's clock, as the indexer saw it; zero in the published result
	// itself. Removals compare it with their own stream time, so clocks
	// that differ between machines do not decide them.
	PublishedAt time.Time `json:"published_at,omitzero"`
}
