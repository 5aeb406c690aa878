// Package config describes a whole docmill deployment in one YAML file:
// sources, pipeline, model, index, HTTP, NATS and auth. Every key has a
// default, so `docmill serve` needs no file; every key can be overridden by
// an environment variable named DOCMILL_ plus its path in upper case joined
// by underscores (nats.url -> DOCMILL_NATS_URL).
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the whole configuration. Field comments are the reference
// documentation of each key (docmill.example.yaml repeats them).
type Config struct {
	// Data is the folder for the embedded JetStream store and the index.
	Data  string `yaml:"data"`
	NATS  NATS   `yaml:"nats"`
	HTTP  HTTP   `yaml:"http"`
	Model Model  `yaml:"model"`
	// Pipeline tunes consumers, retries and parsing limits.
	Pipeline Pipeline `yaml:"pipeline"`
	Sources  Sources  `yaml:"sources"`
	Index    Index    `yaml:"index"`
	Log      Log      `yaml:"log"`
}

// NATS says which broker to use and how to authenticate.
type NATS struct {
	// URL of an external NATS server or cluster (comma-separated); empty runs
	// the embedded server.
	URL string `yaml:"url"`
	// Listen is the embedded server's client address ("" = in-process only).
	Listen    string `yaml:"listen"`
	User      string `yaml:"user"`
	Password  string `yaml:"password"`
	Token     string `yaml:"token"`
	NKeyFile  string `yaml:"nkey_file"`
	CredsFile string `yaml:"creds_file"`
	CAFile    string `yaml:"ca_file"`
	CertFile  string `yaml:"cert_file"`
	KeyFile   string `yaml:"key_file"`
	// Replicas of docmill's streams (3 on a 3-node cluster).
	Replicas int `yaml:"replicas"`
	// MaxAge of stream messages (0 keeps them until limits).
	MaxAge time.Duration `yaml:"max_age"`
	// MaxPayloadMB is the embedded server's largest message (default 8).
	// Larger documents and results travel through the object store; an
	// external server's own max_payload applies instead.
	MaxPayloadMB int `yaml:"max_payload_mb"`
}

// HTTP configures the API and UI server.
type HTTP struct {
	Listen string `yaml:"listen"`
	// AuthToken, when set, is required on the API and UI (Bearer token),
	// and by the embedded NATS server's client address when nats.token
	// and nats.user are not set: the broker carries every document.
	AuthToken   string `yaml:"auth_token"`
	MaxUploadMB int    `yaml:"max_upload_mb"`
	// MaxUploadFiles bounds the files of one multipart upload: each is a
	// document to analyse and index, and 20,000 tiny files fit in 3 MB.
	// The files after it are not taken (207 names them as the rest).
	MaxUploadFiles int `yaml:"max_upload_files"`
	// AllowedHosts are host names, besides IP addresses and localhost, a
	// server without an auth token answers to (DNS-rebinding guard).
	AllowedHosts []string `yaml:"allowed_hosts"`
	// CertFile and KeyFile, PEM, serve HTTPS instead of HTTP (both or
	// neither): an auth token must not cross a network in clear text.
	CertFile string `yaml:"cert_file"`
	KeyFile  string `yaml:"key_file"`
}

// Model selects the neural tier.
type Model struct {
	// Dir is a model bundle; empty means the default docmill-mini bundle.
	Dir string `yaml:"dir"`
	// ORTLib is the ONNX Runtime shared library (libonnxruntime.so.1).
	ORTLib string `yaml:"ort_lib"`
	// Disabled forces the model-free tier.
	Disabled bool `yaml:"disabled"`
	// Threads for ONNX Runtime's intra-op pool.
	Threads int `yaml:"threads"`
	// Int8 runs the quantised segments when the bundle has them.
	Int8 bool `yaml:"int8"`
	// Threshold: shallow-exit confidence under which a document escalates to full depth.
	Threshold float64 `yaml:"threshold"`
	// Shadow is a candidate bundle run on the same traffic with its own
	// durable consumer; its results go to docmill.shadow.<model>.> and are
	// compared with the primary's (agreement metrics), never indexed.
	// "free" shadows the model-free tier.
	Shadow string `yaml:"shadow"`
	// MaxBatch documents per model call and MaxWait to fill a batch.
	MaxBatch int           `yaml:"max_batch"`
	MaxWait  time.Duration `yaml:"max_wait"`
	// Summaries says who writes summaries beside a model: "statistical"
	// (the model-free tier's scorer; the model is not run to full depth
	// for a summary) or "salience" (the model's full-depth salience head).
	// docmill-mini 0.2.0's head scores below the scorer on the train and
	// dev splits (model/MODEL_CARD.md), hence the default.
	Summaries string `yaml:"summaries"`
}

// Values of Model.Summaries.
const (
	SummariesStatistical = "statistical"
	SummariesSalience    = "salience"
)

// Pipeline tunes the stream stages.
type Pipeline struct {
	WorkerConcurrency  int           `yaml:"worker_concurrency"`
	IndexerConcurrency int           `yaml:"indexer_concurrency"`
	MaxDeliver         int           `yaml:"max_deliver"`
	AckWait            time.Duration `yaml:"ack_wait"`
	MaxAckPending      int           `yaml:"max_ack_pending"`
	DrainTimeout       time.Duration `yaml:"drain_timeout"`
	// KeepOriginals stores each document's original bytes in the object
	// store bucket docmill-originals (download and reprocess in the UI).
	KeepOriginals bool `yaml:"keep_originals"`
	// OriginalsMaxAge expires kept originals after this long (0: never);
	// OriginalsMaxMB caps their bucket (0: no cap; when full, new
	// originals are not kept and the worker logs it).
	OriginalsMaxAge time.Duration `yaml:"originals_max_age"`
	OriginalsMaxMB  int64         `yaml:"originals_max_mb"`
	// Parse limits per document.
	MaxDocumentMB int           `yaml:"max_document_mb"`
	ParseTimeout  time.Duration `yaml:"parse_timeout"`
	MaxPages      int           `yaml:"max_pages"`
	// MaxAttachments bounds the attachments of one e-mail ingested as
	// documents of their own (the rest stay listed in the e-mail and its
	// metadata attachments_not_ingested names them); attachments nested
	// deeper than 3 e-mails are not ingested.
	MaxAttachments int `yaml:"max_attachments"`
	// MaxAttachmentsTotal bounds the documents one top-level document's
	// attachments bring at all depths together (attached e-mails'
	// attachments too); attachments_not_ingested names what it leaves out.
	MaxAttachmentsTotal int `yaml:"max_attachments_total"`
	// OCR reads scanned PDFs (pages that are images) with pdftoppm and
	// tesseract: "auto" when both are installed, "off" never.
	OCR string `yaml:"ocr"`
	// OCRMaxPages is how many pages of one scanned PDF OCR reads.
	OCRMaxPages int `yaml:"ocr_max_pages"`
	// MaxLogLines is the analysis budget of one log: the log template
	// miner reads its first MaxLogLines lines (and at most 16 MiB of
	// them), so that a huge log does not hold a worker for minutes; the
	// log summary and the result's task notes say how many of how many
	// lines were analysed, and the whole text is still parsed and indexed.
	// 0 analyses whole logs.
	MaxLogLines int `yaml:"max_log_lines"`
}

// Sources lists where documents come from besides NATS subjects and HTTP.
type Sources struct {
	// Folders watched for new files.
	Folders []string `yaml:"folders"`
	// CreateFolders lets serve and worker create a watched folder that
	// does not exist. Off, they refuse to start: a mistyped --watch path
	// was created and watched, empty, while files went to the real one.
	CreateFolders bool `yaml:"create_folders"`
	// Buckets are NATS Object Store buckets watched for new objects.
	Buckets []string `yaml:"buckets"`
	// AfterIngest says what happens to a bucket object once ingested: ""
	// keeps it, "delete" removes it, any other value is a bucket to move it to.
	AfterIngest string `yaml:"after_ingest"`
	// Settle is how long a file in a watched folder must keep its size and
	// time before it is taken as complete.
	Settle time.Duration `yaml:"settle"`
	// MirrorDeletes makes the index follow deletions: a watched file or
	// object that is deleted takes its document out of the index, unless
	// another watched file or object holds the same bytes. Off, folders
	// and buckets are inboxes and deleting a file removes nothing.
	MirrorDeletes bool `yaml:"mirror_deletes"`
	// MaxPerHour bounds the documents each watched folder or bucket takes
	// in any hour, in each process that watches it; 0 takes everything.
	// Past it, files wait in their folder and objects in their bucket
	// until the hour has room.
	MaxPerHour int `yaml:"max_per_hour"`
	// MaxMBPerHour bounds the MiB of content each watched folder or
	// bucket takes in any hour, as MaxPerHour does; 0: no bound.
	MaxMBPerHour int `yaml:"max_mb_per_hour"`
}

// Index configures Bleve.
type Index struct {
	// Scoring is "tf-idf" (default) or "bm25", fixed when the index is
	// created.
	Scoring string `yaml:"scoring"`
	// MaxTextMB is how much of each document's text is searchable, in MiB;
	// 0 searches all of it. Indexing takes some 40 times the text's size
	// in memory, so the default keeps a 60 MB log from needing gigabytes.
	MaxTextMB int `yaml:"max_text_mb"`
	// SearchTimeout bounds one search; past it the API answers 503.
	SearchTimeout time.Duration `yaml:"search_timeout"`
	// Consumer names the indexer's durable consumer. Indexers on one name
	// share the results between them, so with an index each, each holds
	// part of the documents; an indexer keeping a complete index of its
	// own (a second search replica) needs a name of its own.
	Consumer string `yaml:"consumer"`
	// Retention takes documents out of the index (with their stored
	// copies, announced as "expired") once they were first ingested this
	// long ago, per class: contract, regulation, log, other, and "*" for
	// the classes not named. Empty keeps every document.
	Retention map[string]time.Duration `yaml:"retention"`
}

// RetentionClasses are the keys index.retention takes.
var RetentionClasses = []string{"contract", "regulation", "log", "other", "*"}

// Log configures structured logs.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // json or text
}

// Default returns the configuration used when no file is given.
func Default() *Config {
	return &Config{
		Data:  "data",
		NATS:  NATS{Listen: "127.0.0.1:4222", Replicas: 1, MaxPayloadMB: 8},
		HTTP:  HTTP{Listen: "127.0.0.1:8080", MaxUploadMB: 64, MaxUploadFiles: 1000},
		Model: Model{Threads: 2, Threshold: DefaultThreshold, MaxBatch: 8, MaxWait: 5 * time.Millisecond, Summaries: SummariesStatistical},
		Pipeline: Pipeline{WorkerConcurrency: 2, IndexerConcurrency: 64, MaxDeliver: 5, AckWait: time.Minute,
			MaxAckPending: 256, DrainTimeout: 20 * time.Second, KeepOriginals: true, MaxAttachments: 100, MaxAttachmentsTotal: 1000, MaxDocumentMB: 64, ParseTimeout: 30 * time.Second, MaxPages: 2000,
			OCR: "auto", OCRMaxPages: 20, MaxLogLines: 100_000},
		Sources: Sources{Buckets: []string{"docmill-inbox"}, Settle: 3 * time.Second},
		Index:   Index{Scoring: "tf-idf", MaxTextMB: 8, SearchTimeout: 10 * time.Second, Consumer: "docmill-indexer"},
		Log:     Log{Level: "info", Format: "json"},
	}
}

// DefaultThreshold is the shallow-exit confidence under which auto depth
// escalates to full depth, for serve (model.threshold) and for the
// measurements (docmill eval, bench) alike, so the published router and
// model-tier figures are those of the default deployment.
const DefaultThreshold = 0.6

// bucketName is what the NATS Object Store accepts as a bucket name.
var bucketName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// durableName is what JetStream accepts as a durable consumer name and
// docmill as a heartbeat key prefix.
var durableName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// Load is Read followed by Validate.
func Load(path string) (*Config, error) {
	c, err := Read(path)
	if err != nil {
		return nil, err
	}
	return c, c.Validate()
}

// Read reads path (empty: defaults only) and applies environment
// overrides, without validating: a caller with command-line flags applies
// them first, since a flag may correct a value the file or environment
// got wrong.
func Read(path string) (*Config, error) {
	c := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		if errs := decode(data, c); len(errs) > 0 {
			// the values' ranges are checked only once the file decodes:
			// say where to see every problem at once
			errs = append(errs, fmt.Errorf("(`docmill config check %s` lists these with the file's other problems)", path))
			return nil, fmt.Errorf("config %s: %w", path, errors.Join(errs...))
		}
	}
	if err := applyEnvironment(c); err != nil {
		return nil, err
	}
	return c, nil
}

// AuthTokenAlias is the client commands' token variable. A server reads
// it too, as http.auth_token when nothing else sets that: an indexer
// started with it (the name the README gives for the CLI) served search
// to anyone, since it read DOCMILL_HTTP_AUTH_TOKEN only.
const AuthTokenAlias = "DOCMILL_AUTH_TOKEN"

// applyEnvironment applies the DOCMILL_* overrides, then AuthTokenAlias.
// The alias only fills an empty token: a token set by the file or by
// DOCMILL_HTTP_AUTH_TOKEN is never replaced by one exported for clients.
func applyEnvironment(c *Config) error {
	if err := applyEnv(reflect.ValueOf(c).Elem(), "DOCMILL"); err != nil {
		return err
	}
	if c.HTTP.AuthToken == "" {
		c.HTTP.AuthToken = os.Getenv(AuthTokenAlias)
	}
	return nil
}

// Check reports every problem in a config file (path empty: none, the
// defaults), each with its line number: unknown keys and values of the
// wrong type, then the values that decoded but are out of range (all of
// them, not only the first). The
// DOCMILL_* environment applies as it does when docmill starts; a problem
// in a value the environment set names the variable instead of a line.
func Check(path string) []error { return CheckWith(path, nil) }

// CheckWith is Check of the configuration a process runs once flags,
// applied by flags after the environment as at startup, have set their
// keys: a worker's cluster comes from --nats, which neither its file nor
// its environment names.
func CheckWith(path string, flags func(*Config)) []error {
	var data []byte
	if path != "" { // none: the defaults with the environment, as Read
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return []error{err}
		}
	}
	c := Default()
	errs := decode(data, c)
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return errs // a syntax error: decode reported it
	}
	if err := applyEnvironment(c); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, misspeltEnv(os.Environ())...)
	if flags != nil {
		flags(c)
	}
	for _, e := range c.problems() {
		if name := envName(e.path); name != "" {
			errs = append(errs, fmt.Errorf("%s (environment): %s", name, e))
			continue
		}
		if line := keyLine(&root, e.path); line > 0 {
			errs = append(errs, fmt.Errorf("line %d: %s", line, e))
			continue
		}
		errs = append(errs, e)
	}
	// in file order: the reader fixes them top to bottom
	sort.SliceStable(errs, func(i, j int) bool { return lineOf(errs[i]) < lineOf(errs[j]) })
	return errs
}

// envName is the DOCMILL_* variable of a dotted key ("nats.max_age" is
// DOCMILL_NATS_MAX_AGE) when the environment sets it, else "".
func envName(path string) string {
	name := "DOCMILL_" + strings.ToUpper(strings.ReplaceAll(path, ".", "_"))
	if _, ok := os.LookupEnv(name); ok {
		return name
	}
	return ""
}

// lineOf reads the "line N:" an error starts with (yaml's errors and
// Check's own); errors without one sort last.
func lineOf(err error) int {
	var n int
	if _, e := fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: "), "line %d:", &n); e != nil {
		return 1 << 30
	}
	return n
}

// keyLine returns the line of a dotted key ("nats.max_payload_mb") in a
// YAML document, or 0 when the key is not written there (a default).
func keyLine(n *yaml.Node, path string) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, key := range strings.Split(path, ".") {
		if n.Kind != yaml.MappingNode {
			return 0
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
				if !strings.Contains(path, key+".") {
					return n.Content[i].Line
				}
			}
		}
		if next == nil {
			return 0
		}
		n = next
	}
	return n.Line
}

// decode parses YAML strictly: unknown keys and wrong types are errors
// that carry the line number.
func decode(data []byte, c *Config) []error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(c)
	if err == nil || errors.Is(err, io.EOF) {
		return secondDocument(dec)
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var root yaml.Node
		_ = yaml.Unmarshal(data, &root)
		out := make([]error, 0, len(te.Errors))
		for _, e := range te.Errors {
			out = append(out, errors.New(withKey(&root, e)))
		}
		return append(out, secondDocument(dec)...)
	}
	return []error{syntaxError(err)}
}

// secondDocument refuses a document after the first (a file with ---
// between two): docmill reads one, and the second's keys, however wrong,
// were ignored while the file checked ok and serve ran without them. An
// empty document (a trailing ---) is harmless.
func secondDocument(dec *yaml.Decoder) []error {
	var doc yaml.Node
	err := dec.Decode(&doc)
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return []error{fmt.Errorf("a second YAML document (after ---): %w", syntaxError(err))}
	case len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null":
		return nil
	}
	return []error{fmt.Errorf("line %d: a second YAML document (after ---): docmill reads one document per file, so its settings would be ignored; merge them into the first",
		doc.Content[0].Line)}
}

// parserProblems are the syntax errors yaml.v3 reports from its parser
// rather than its scanner. For those it writes the mark's 0-based line as
// "line N", one too low (bad indentation on line 6 read "line 5"), and no
// line at all on the first line; the scanner's it numbers from 1.
var parserProblems = []string{"did not find expected key", "did not find expected node content",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "found duplicate %YAML directive", "found duplicate %TAG directive",
	"found incompatible YAML document", "found undefined tag handle"}

// syntaxErrLine reads a yaml.v3 syntax error: "yaml: [line N: ]problem".
var syntaxErrLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxError numbers a yaml.v3 parser error's line from 1, as its other
// errors are; any other error is returned as it is.
func syntaxError(err error) error {
	m := syntaxErrLine.FindStringSubmatch(err.Error())
	if m == nil || !slices.Contains(parserProblems, m[2]) {
		return err
	}
	n, _ := strconv.Atoi(m[1]) // 0 when yaml.v3 wrote no line: the first
	return fmt.Errorf("yaml: line %d: %s", n+1, m[2])
}

// typeErrLine reads yaml.v3's "line N: ..." error prefix.
var typeErrLine = regexp.MustCompile(`^line (\d+): (.*)$`)

// withKey names the key a yaml.v3 error at a line is about, in the
// file's terms ("http.max_upload_mb") rather than Go's ("into int",
// "in type config.NATS"), and says how a duration is written.
func withKey(root *yaml.Node, msg string) string {
	m := typeErrLine.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	line, _ := strconv.Atoi(m[1])
	rest := m[2]
	path := pickKey(keysAt(root, line, ""), rest)
	if path == "" {
		return msg
	}
	if strings.HasPrefix(rest, "field ") && strings.Contains(rest, " not found in type ") {
		return fmt.Sprintf("line %d: unknown key %s%s (see docmill.example.yaml for every key)", line, path, didYouMean(path))
	}
	if strings.Contains(rest, "time.Duration") {
		value := ""
		if m := yamlErrValue.FindStringSubmatch(rest); m != nil {
			value = m[2]
		}
		rest += " (" + durationHint(value) + ")"
	}
	return fmt.Sprintf("line %d: %s: %s", line, path, rest)
}

// didYouMean is "; did you mean X?" for the setting an unknown key's path
// nearly names (http.max_uplod_mb) or names at another level
// (max_upload_mb at the top, under http in the file's schema), else "".
// The error named only the unknown key, and the reader searched the
// 180-line example file for the spelling.
func didYouMean(path string) string {
	known := settingPaths()
	best, dist := "", 3
	for _, k := range known {
		if d := editDistance(path, k); d < dist {
			best, dist = k, d
		}
	}
	if best == "" {
		last := path[strings.LastIndex(path, ".")+1:]
		var same []string
		for _, k := range known {
			if k[strings.LastIndex(k, ".")+1:] == last {
				same = append(same, k)
			}
		}
		if len(same) == 1 {
			best = same[0]
		}
	}
	if best == "" {
		return ""
	}
	return "; did you mean " + best + "?"
}

// settingPaths is the dotted path of every key a config file may hold,
// sections ("http") as well as settings ("http.listen").
func settingPaths() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			path := strings.TrimPrefix(prefix+"."+tag, ".")
			out = append(out, path)
			if ft := t.Field(i).Type; ft.Kind() == reflect.Struct && ft != reflect.TypeOf(time.Duration(0)) {
				walk(ft, path)
			}
		}
	}
	walk(reflect.TypeOf(Config{}), "")
	return out
}

// keyHit is a key written on a line: its dotted path, and its key and
// value nodes.
type keyHit struct {
	path   string
	key, v *yaml.Node
}

// keysAt lists the innermost keys on line (or whose value is): one in
// block style, every key of a flow mapping ("{log: 720h, contract: 1y}")
// written on it.
func keysAt(n *yaml.Node, line int, prefix string) []keyHit {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return keysAt(n.Content[0], line, prefix)
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	var hits []keyHit
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		path := strings.TrimPrefix(prefix+"."+k.Value, ".")
		if sub := keysAt(v, line, path); len(sub) > 0 {
			hits = append(hits, sub...)
		} else if k.Line == line || v.Line == line {
			hits = append(hits, keyHit{path, k, v})
		}
	}
	return hits
}

// yamlErrField and yamlErrValue read what a yaml.v3 error names: the
// unknown field ("field foo not found in type ..."), or the tag and the
// value, shortened past 10 characters, it could not decode ("cannot
// unmarshal !!str `1y` into ...", "cannot unmarshal !!seq into ...").
var (
	yamlErrField = regexp.MustCompile("^field (\\S+) not found in type ")
	yamlErrValue = regexp.MustCompile("^cannot unmarshal (!!\\w+)(?: `(.*)`)? into ")
)

// pickKey is the path of the key among hits, all on an error's line, that
// the error (rest, past its line number) is about. yaml.v3 gives no
// column, so several keys of a flow mapping share the line: the one is
// told by its name (an unknown key) or by the value the error quotes; the
// first key of the line was named for every one of them.
func pickKey(hits []keyHit, rest string) string {
	if len(hits) == 0 {
		return ""
	}
	if m := yamlErrField.FindStringSubmatch(rest); m != nil {
		for _, h := range hits {
			if h.key.Value == m[1] {
				return h.path
			}
		}
	}
	if m := yamlErrValue.FindStringSubmatch(rest); m != nil {
		for _, h := range hits {
			if h.v.ShortTag() == m[1] && (h.v.Kind != yaml.ScalarNode || shortValue(h.v.Value) == m[2]) {
				return h.path
			}
		}
	}
	return hits[0].path
}

// shortValue is a scalar as yaml.v3's type errors quote it.
func shortValue(v string) string {
	if len(v) > 10 {
		return v[:7] + "..."
	}
	return v
}

// Validate checks values that YAML types cannot.
func (c *Config) Validate() error {
	var errs []error
	for _, p := range c.problems() {
		errs = append(errs, p)
	}
	return errors.Join(errs...)
}

// problem is a value out of range, with its key path.
type problem struct {
	path, msg string
}

func (p problem) Error() string { return p.path + ": " + p.msg }

// problems lists every value out of range.
func (c *Config) problems() []problem {
	var out []problem
	bad := func(ok bool, path, format string, args ...any) {
		if !ok {
			out = append(out, problem{path, fmt.Sprintf(format, args...)})
		}
	}
	bad(c.Index.Scoring == "bm25" || c.Index.Scoring == "tf-idf", "index.scoring", "%q is not bm25 or tf-idf", c.Index.Scoring)
	bad(durableName.MatchString(c.Index.Consumer), "index.consumer", "%q is not a consumer name (letters, digits, - and _)", c.Index.Consumer)
	bad(c.Index.MaxTextMB >= 0, "index.max_text_mb", "%d is negative (0 searches whole texts)", c.Index.MaxTextMB)
	bad(c.Index.SearchTimeout >= 0, "index.search_timeout", "%v is negative", c.Index.SearchTimeout)
	bad(c.Model.Threshold > 0 && c.Model.Threshold <= 1, "model.threshold", "%v is outside (0,1] (1 always escalates)", c.Model.Threshold)
	bad(c.Model.Threads >= 0, "model.threads", "%d is negative (0 means one per core)", c.Model.Threads)
	bad(c.Model.MaxBatch >= 0, "model.max_batch", "%d is negative", c.Model.MaxBatch)
	bad(c.NATS.MaxPayloadMB >= 1 && c.NATS.MaxPayloadMB <= 64, "nats.max_payload_mb", "%d is outside [1,64]", c.NATS.MaxPayloadMB)
	bad(c.NATS.Replicas >= 0 && c.NATS.Replicas <= 5, "nats.replicas", "%d is outside [0,5] (JetStream allows at most 5)", c.NATS.Replicas)
	bad(c.NATS.MaxAge >= 0, "nats.max_age", "%v is negative", c.NATS.MaxAge)
	bad(c.Sources.Settle >= 0, "sources.settle", "%v is negative", c.Sources.Settle)
	bad(c.Sources.MaxPerHour >= 0, "sources.max_per_hour", "%d is negative (0 takes everything)", c.Sources.MaxPerHour)
	bad(c.Sources.MaxMBPerHour >= 0, "sources.max_mb_per_hour", "%d is negative (0: no bound)", c.Sources.MaxMBPerHour)
	// the streams drop a re-sent document within 10 minutes, and JetStream
	// refuses a de-duplication window longer than the retention
	bad(c.NATS.MaxAge <= 0 || c.NATS.MaxAge >= 10*time.Minute, "nats.max_age", "%v is under 10m, the ingest de-duplication window (0 keeps messages)", c.NATS.MaxAge)
	if p := addrProblem(c.NATS.Listen); p != "" {
		bad(false, "nats.listen", "%q %s (127.0.0.1:4222 serves this machine, \"\" the process alone)", c.NATS.Listen, p)
	}
	p := addrProblem(c.HTTP.Listen)
	if c.HTTP.Listen == "" {
		p = "is not host:port"
	}
	if p != "" {
		bad(false, "http.listen", "%q %s (127.0.0.1:8080 serves this machine, 0.0.0.0:8080 the network)", c.HTTP.Listen, p)
	}
	bad(c.HTTP.MaxUploadMB >= 0, "http.max_upload_mb", "%d is negative", c.HTTP.MaxUploadMB)
	bad(c.HTTP.MaxUploadFiles >= 0, "http.max_upload_files", "%d is negative", c.HTTP.MaxUploadFiles)
	bad((c.HTTP.CertFile == "") == (c.HTTP.KeyFile == ""), "http.cert_file", "needs http.key_file beside it (both or neither)")
	for _, f := range []struct{ path, key string }{{c.HTTP.CertFile, "http.cert_file"}, {c.HTTP.KeyFile, "http.key_file"}} {
		if f.path != "" {
			_, err := os.Stat(f.path)
			bad(err == nil, f.key, "%v", err)
		}
	}
	if sh := c.Model.Shadow; sh != "" && sh != "free" {
		// a worker runs no shadow without it; a check that said ok misled
		// (docmill config check also loads the bundle found there)
		_, err := os.Stat(sh)
		bad(err == nil, "model.shadow", "%v (a model bundle folder, or \"free\")", err)
	}
	bad(c.Pipeline.MaxDeliver >= 1, "pipeline.max_deliver", "must be at least 1")
	bad(c.Pipeline.WorkerConcurrency >= 0, "pipeline.worker_concurrency", "%d is negative", c.Pipeline.WorkerConcurrency)
	bad(c.Pipeline.IndexerConcurrency >= 0, "pipeline.indexer_concurrency", "%d is negative", c.Pipeline.IndexerConcurrency)
	bad(c.Pipeline.AckWait >= 0, "pipeline.ack_wait", "%v is negative", c.Pipeline.AckWait)
	bad(c.Pipeline.MaxAckPending >= 0, "pipeline.max_ack_pending", "%d is negative", c.Pipeline.MaxAckPending)
	bad(c.Pipeline.DrainTimeout >= 0, "pipeline.drain_timeout", "%v is negative", c.Pipeline.DrainTimeout)
	bad(c.Pipeline.OriginalsMaxAge >= 0, "pipeline.originals_max_age", "%v is negative (0 keeps originals)", c.Pipeline.OriginalsMaxAge)
	bad(c.Pipeline.OriginalsMaxMB >= 0, "pipeline.originals_max_mb", "%d is negative (0: no cap)", c.Pipeline.OriginalsMaxMB)
	bad(c.Model.MaxWait >= 0, "model.max_wait", "%v is negative", c.Model.MaxWait)
	bad(c.Model.Summaries == "" || c.Model.Summaries == SummariesStatistical || c.Model.Summaries == SummariesSalience, "model.summaries", "%q is neither %q nor %q", c.Model.Summaries, SummariesStatistical, SummariesSalience)
	bad(c.NATS.URL != "" || c.NATS.Replicas <= 1 || c.NATS.Replicas > 5, "nats.replicas", "%d needs a NATS cluster (nats.url, or --nats on the command line: `docmill config check --nats URL` checks as such a process); the embedded server keeps one copy", c.NATS.Replicas)
	for _, b := range c.Sources.Buckets {
		bad(bucketName.MatchString(b), "sources.buckets", "%q is not a bucket name (letters, digits, - and _)", b)
	}
	if to := c.Sources.AfterIngest; to != "" && to != "delete" {
		bad(bucketName.MatchString(to), "sources.after_ingest", "%q is not \"\", delete, or a bucket name (letters, digits, - and _)", to)
		// a watched bucket ingests what is moved into it and moves it
		// onto itself, which deleted every object
		bad(!slices.Contains(c.Sources.Buckets, to), "sources.after_ingest",
			"%q is a watched bucket (sources.buckets); objects are moved to a bucket docmill does not watch", to)
	}
	bad(!c.Sources.MirrorDeletes || c.Sources.AfterIngest == "", "sources.mirror_deletes",
		"needs after_ingest \"\" (%q takes every object out of the bucket once ingested, which would remove its document)", c.Sources.AfterIngest)
	bad(c.Pipeline.MaxDocumentMB >= 0, "pipeline.max_document_mb", "%d is negative", c.Pipeline.MaxDocumentMB)
	bad(c.Pipeline.ParseTimeout >= 0, "pipeline.parse_timeout", "%v is negative", c.Pipeline.ParseTimeout)
	bad(c.Pipeline.MaxPages >= 0, "pipeline.max_pages", "%d is negative", c.Pipeline.MaxPages)
	bad(c.Pipeline.OCR == "auto" || c.Pipeline.OCR == "off", "pipeline.ocr", "%q is not auto or off", c.Pipeline.OCR)
	bad(c.Pipeline.OCRMaxPages >= 0, "pipeline.ocr_max_pages", "%d is negative", c.Pipeline.OCRMaxPages)
	for class, age := range c.Index.Retention {
		bad(slices.Contains(RetentionClasses, class), "index.retention", "%q is no class (%s)", class, strings.Join(RetentionClasses, ", "))
		bad(age > 0, "index.retention", "%s: %v keeps nothing; leave the class out to keep everything", class, age)
	}
	bad(c.Pipeline.MaxAttachments >= 0, "pipeline.max_attachments", "%d is negative", c.Pipeline.MaxAttachments)
	bad(c.Pipeline.MaxAttachmentsTotal >= 0, "pipeline.max_attachments_total", "%d is negative", c.Pipeline.MaxAttachmentsTotal)
	bad(c.Pipeline.MaxLogLines >= 0, "pipeline.max_log_lines", "%d is negative (0 analyses whole logs)", c.Pipeline.MaxLogLines)
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		bad(false, "log.level", "%q is not debug, info, warn or error", c.Log.Level)
	}
	bad(c.Log.Format == "json" || c.Log.Format == "text", "log.format", "%q is not json or text", c.Log.Format)
	return out
}

// addrProblem says what is wrong with a listen address, or "" when it is
// empty (the embedded broker serves this process alone) or host:port with a
// port a socket can have. "is not host:port" alone misled for
// 0.0.0.0:80800, which is host:port with a port out of range.
func addrProblem(a string) string {
	if a == "" {
		return ""
	}
	_, port, err := net.SplitHostPort(a)
	if err != nil {
		return "is not host:port"
	}
	n, err := strconv.Atoi(port)
	switch {
	case err != nil:
		return fmt.Sprintf("has port %q, not a number", port)
	case n < 0 || n > 65535:
		return fmt.Sprintf("has port %d, outside 0-65535", n)
	}
	return ""
}

// misspeltEnv reports the DOCMILL_* variables of environ that name no
// setting but nearly name one (DOCMILL_NATS_LISEN): ignored, they leave
// the setting at its default, which looks like docmill ignoring it.
// Variables far from every setting's name are other tools' (the ONNX
// Runtime's path, a test's flag) and are not reported.
func misspeltEnv(environ []string) []error {
	known := envNames()
	var errs []error
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "DOCMILL_") || slices.Contains(known, name) {
			continue
		}
		best, dist := "", 3
		for _, k := range known {
			if d := editDistance(name, k); d < dist {
				best, dist = k, d
			}
		}
		if best != "" {
			errs = append(errs, fmt.Errorf("%s (environment): no such setting, so it does nothing; did you mean %s?", name, best))
		}
	}
	return errs
}

// MisspeltEnvironment is misspeltEnv of this process's environment, for
// a process to warn about at start: what config check reports, a serve
// started with DOCMILL_HTTP_LISEN also says, instead of running on the
// default address without a word.
func MisspeltEnvironment() []error { return misspeltEnv(os.Environ()) }

// envNames is every DOCMILL_* variable that sets a field of Config.
func envNames() []string {
	var out []string
	_ = envFields(reflect.ValueOf(&Config{}).Elem(), "DOCMILL", func(name string, _ reflect.Value) error {
		out = append(out, name)
		return nil
	})
	return out
}

// envFields calls fn with each leaf field of v and the DOCMILL_<PATH>
// variable that sets it, until fn fails.
func envFields(v reflect.Value, prefix string, fn func(name string, field reflect.Value) error) error {
	return envFieldsAt(v, prefix, "", func(name, _ string, fv reflect.Value) error { return fn(name, fv) })
}

// envFieldsAt is envFields that also gives fn the field's dotted key
// (pipeline.ack_wait) under path.
func envFieldsAt(v reflect.Value, prefix, path string, fn func(name, key string, field reflect.Value) error) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		name := prefix + "_" + strings.ToUpper(tag)
		key := tag
		if path != "" {
			key = path + "." + tag
		}
		fv := v.Field(i)
		var err error
		if fv.Kind() == reflect.Struct && fv.Type() != reflect.TypeOf(time.Duration(0)) {
			err = envFieldsAt(fv, name, key, fn)
		} else {
			err = fn(name, key, fv)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// EnvOverrides names each setting a DOCMILL_* variable of this
// environment sets, as "key = value (from NAME)", secrets redacted.
// config check applied them silently: its "ok" did not say that the
// container's environment, not the file, set the listen address.
func EnvOverrides() []string {
	var out []string
	_ = envFieldsAt(reflect.ValueOf(&Config{}).Elem(), "DOCMILL", "", func(name, key string, _ reflect.Value) error {
		raw, ok := os.LookupEnv(name)
		if !ok {
			return nil
		}
		if secretKey(key) && raw != "" {
			raw = Redacted
		}
		out = append(out, fmt.Sprintf("%s = %q (from %s)", key, raw, name))
		return nil
	})
	return out
}

// secretKey reports whether the setting at key holds a credential.
func secretKey(key string) bool {
	return strings.HasSuffix(key, "token") || strings.HasSuffix(key, "password")
}

// editDistance is the Levenshtein distance of a and b (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// applyEnv sets fields from DOCMILL_<PATH> variables.
func applyEnv(v reflect.Value, prefix string) error {
	return envFields(v, prefix, func(name string, fv reflect.Value) error {
		raw, ok := os.LookupEnv(name)
		if !ok {
			return nil
		}
		if err := setValue(fv, raw); err != nil {
			return fmt.Errorf("%s=%q: %w", name, raw, err)
		}
		return nil
	})
}

// dayUnits are the units beyond hours that a retention or an age is
// said in ("30d", "1y") and Go durations lack, in hours.
var dayUnits = map[string]int{"d": 24, "w": 7 * 24, "y": 365 * 24}

// dayDuration is a count of days, weeks or years.
var dayDuration = regexp.MustCompile(`^\s*([0-9]+)\s*([dwy])\s*$`)

// durationHint says how to write the duration v that did not parse: in
// hours where it counts days, weeks or years (the error said "unknown
// unit d", or offered 5s, 2m or 1h30m to someone keeping logs 30 days).
func durationHint(v string) string {
	m := dayDuration.FindStringSubmatch(v)
	if m == nil {
		return "write a duration such as 5s, 2m or 1h30m"
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return "write a duration such as 5s, 2m or 1h30m"
	}
	return fmt.Sprintf("durations go up to hours: write %s as %dh", strings.TrimSpace(v), n*dayUnits[m[2]])
}

// parseDuration is time.ParseDuration with durationHint on its error.
func parseDuration(raw string) (time.Duration, error) {
	d, err := time.ParseDuration(raw)
	if err != nil {
		return 0, fmt.Errorf("%w (%s)", err, durationHint(raw))
	}
	return d, nil
}

func setValue(fv reflect.Value, raw string) error {
	switch fv.Interface().(type) {
	case time.Duration:
		d, err := parseDuration(raw)
		if err != nil {
			return err
		}
		fv.SetInt(int64(d))
		return nil
	case map[string]time.Duration:
		// class=age pairs, DOCMILL_INDEX_RETENTION=log=720h,*=8760h, or the
		// YAML the example file teaches, '{log: 720h}'
		m := map[string]time.Duration{}
		if t := strings.TrimSpace(raw); strings.HasPrefix(t, "{") {
			var y map[string]string
			if err := yaml.Unmarshal([]byte(t), &y); err != nil {
				return fmt.Errorf("%q: %w", raw, err)
			}
			for k, v := range y {
				d, err := parseDuration(v)
				if err != nil {
					return fmt.Errorf("%s: %w", k, err)
				}
				m[k] = d
			}
			fv.Set(reflect.ValueOf(m))
			return nil
		}
		for _, p := range strings.Split(raw, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				return fmt.Errorf("%q: want class=age pairs (log=720h,*=8760h) or {log: 720h}", p)
			}
			d, err := parseDuration(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			m[strings.TrimSpace(k)] = d
		}
		fv.Set(reflect.ValueOf(m))
		return nil
	case []string:
		var parts []string
		for _, p := range strings.Split(raw, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		fv.Set(reflect.ValueOf(parts))
		return nil
	}
	switch fv.Kind() {
	case reflect.String:
		fv.SetString(raw)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return err
		}
		fv.SetInt(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return err
		}
		fv.SetBool(b)
	case reflect.Float64:
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return err
		}
		fv.SetFloat(f)
	default:
		return fmt.Errorf("unsupported kind %s", fv.Kind())
	}
	return nil
}
