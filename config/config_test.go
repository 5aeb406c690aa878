package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestExampleFileIsValidAndMatchesDefaults(t *testing.T) {
	c, err := Load(filepath.Join("..", "docmill.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d := Default()
	if c.HTTP.Listen != d.HTTP.Listen || c.Pipeline.AckWait != d.Pipeline.AckWait || c.Model.Threshold != d.Model.Threshold ||
		len(c.Sources.Buckets) != 1 || c.Pipeline.MaxAckPending != d.Pipeline.MaxAckPending || c.NATS.MaxPayloadMB != d.NATS.MaxPayloadMB ||
		c.Pipeline.MaxLogLines != d.Pipeline.MaxLogLines {
		t.Fatalf("example differs from defaults: %+v", c)
	}
}

func TestCheckReportsLineNumbers(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	bad := "data: x\nnats:\n  urll: nats://x\nhttp:\n  max_upload_mb: lots\n"
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := Check(p)
	if len(errs) != 2 {
		t.Fatalf("want 2 errors, got %v", errs)
	}
	if !strings.Contains(errs[0].Error(), "line 3") || !strings.Contains(errs[1].Error(), "line 5") {
		t.Fatalf("errors lack line numbers: %v", errs)
	}
}

func TestEnvOverrides(t *testing.T) {
	t.Setenv("DOCMILL_NATS_URL", "nats://a:4222,nats://b:4222")
	t.Setenv("DOCMILL_PIPELINE_ACK_WAIT", "90s")
	t.Setenv("DOCMILL_MODEL_INT8", "true")
	t.Setenv("DOCMILL_SOURCES_FOLDERS", "/in, /in2")
	t.Setenv("DOCMILL_INDEX_RETENTION", "log=720h, *=87600h")
	c, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if c.NATS.URL != "nats://a:4222,nats://b:4222" || c.Pipeline.AckWait != 90*time.Second || !c.Model.Int8 || len(c.Sources.Folders) != 2 {
		t.Fatalf("overrides not applied: %+v", c)
	}
	if want := map[string]time.Duration{"log": 720 * time.Hour, "*": 87600 * time.Hour}; !reflect.DeepEqual(c.Index.Retention, want) {
		t.Errorf("retention %v, want %v", c.Index.Retention, want)
	}
	// the YAML form the example file teaches works too; a form neither
	// reads is an error, not retention quietly off
	t.Setenv("DOCMILL_INDEX_RETENTION", "{log: 720h}")
	if c, err := Load(""); err != nil || c.Index.Retention["log"] != 720*time.Hour {
		t.Errorf("YAML retention: %v %v", c, err)
	}
	t.Setenv("DOCMILL_INDEX_RETENTION", "log: 720h")
	if _, err := Load(""); err == nil || !strings.Contains(err.Error(), "DOCMILL_INDEX_RETENTION") {
		t.Errorf("retention in neither form: %v", err)
	}
	t.Setenv("DOCMILL_INDEX_RETENTION", "")
	t.Setenv("DOCMILL_PIPELINE_MAX_DELIVER", "many")
	if _, err := Load(""); err == nil || !strings.Contains(err.Error(), "DOCMILL_PIPELINE_MAX_DELIVER") {
		t.Fatalf("bad env value not reported: %v", err)
	}
}

func TestValidate(t *testing.T) {
	c := Default()
	c.Index.Scoring = "magic"
	c.Model.Threshold = 3
	c.NATS.MaxPayloadMB = 0
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "index.scoring") || !strings.Contains(err.Error(), "model.threshold") ||
		!strings.Contains(err.Error(), "nats.max_payload_mb") {
		t.Fatalf("validate: %v", err)
	}
	c = Default()
	c.Model.Shadow = "/nonexistent/shadow"
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "model.shadow") {
		t.Errorf("a missing shadow bundle: %v", err)
	}
	// values that used to pass and fail later, or quietly do harm
	c = Default()
	c.HTTP.Listen = "" // would listen on every interface
	c.Pipeline.MaxAckPending, c.Pipeline.DrainTimeout, c.Pipeline.OriginalsMaxMB = -5, -time.Second, -3
	c.Pipeline.OriginalsMaxAge, c.Model.MaxWait = -2*time.Hour, -time.Millisecond
	c.Model.Summaries = "abstractive"
	c.Sources.Buckets = []string{"good-bucket", "bad name"}
	c.NATS.Replicas = 3             // with the embedded server
	c.NATS.MaxAge = 5 * time.Minute // JetStream refused it 2 minutes into start-up
	c.Index.Retention = map[string]time.Duration{"logs": time.Hour, "contract": 0}
	c.Sources.MirrorDeletes, c.Sources.AfterIngest = true, "delete"
	err = c.Validate()
	for _, key := range []string{"http.listen", "pipeline.max_ack_pending", "pipeline.drain_timeout", "pipeline.originals_max_mb",
		"pipeline.originals_max_age", "model.max_wait", `model.summaries: "abstractive"`, `"bad name"`, "nats.replicas", "nats.max_age",
		`index.retention: "logs" is no class`, "index.retention: contract: 0s keeps nothing", "sources.mirror_deletes"} {
		if err == nil || !strings.Contains(err.Error(), key) {
			t.Errorf("validate does not report %s: %v", key, err)
		}
	}
	if strings.Contains(err.Error(), "good-bucket") {
		t.Errorf("a good bucket name reported: %v", err)
	}
	// a watched bucket as the one ingested objects move to: each object
	// was moved onto itself, and deleted
	for _, buckets := range [][]string{{"loop-a", "loop-b"}, {"loop-b"}} {
		c = Default()
		c.Sources.Buckets, c.Sources.AfterIngest = buckets, "loop-b"
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), `sources.after_ingest: "loop-b" is a watched bucket`) {
			t.Errorf("after_ingest naming a watched bucket (%v): %v", buckets, err)
		}
	}
	c = Default()
	c.Sources.Buckets, c.Sources.AfterIngest = []string{"loop-a"}, "archive"
	if err := c.Validate(); err != nil {
		t.Errorf("after_ingest naming an unwatched bucket: %v", err)
	}
	c.Sources.AfterIngest = "no such/bucket"
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "sources.after_ingest") {
		t.Errorf("after_ingest naming no bucket: %v", err)
	}
	c = Default()
	c.NATS.URL, c.NATS.Replicas = "nats://n1:4222", 3
	if err := c.Validate(); err != nil {
		t.Errorf("replicas on a cluster: %v", err)
	}
	// every kind of key can come from the environment (originals_max_mb is int64)
	t.Setenv("DOCMILL_PIPELINE_ORIGINALS_MAX_MB", "100")
	if c, err := Load(""); err != nil || c.Pipeline.OriginalsMaxMB != 100 {
		t.Errorf("int64 from the environment: %v", err)
	}
}

// Check reports every problem at once, in file order, each with its line:
// an unknown key does not hide the values that are out of range.
func TestCheckReportsEveryProblem(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	bad := "nats:\n  max_payload_mb: 100\n  replicas: 7\nhttp:\n  listen: \":x\"\nmodel:\n  threads: -2\nunknown_key: 1\nlog:\n  level: verbose\n"
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := Check(p)
	want := []string{"line 2: nats.max_payload_mb", "line 3: nats.replicas", "line 5: http.listen", "line 7: model.threads",
		"line 8: unknown key unknown_key", "line 10: log.level"}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(want), errs)
	}
	for i, w := range want {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want %q", i, errs[i], w)
		}
	}
	// the defaults and the documented example are valid
	if err := Default().Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
	if errs := Check(filepath.Join("..", "docmill.example.yaml")); len(errs) > 0 {
		t.Errorf("docmill.example.yaml: %v", errs)
	}
}

// A value of the wrong type is reported with its key as the file names it.
func TestCheckNamesKeyOfTypeErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "types.yaml")
	os.WriteFile(path, []byte("http:\n  listen: 127.0.0.1:8080\n  max_upload_mb: lots\npipeline:\n  ack_wait: 5\n"), 0o644)
	var all []string
	for _, e := range Check(path) {
		all = append(all, e.Error())
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"line 3: http.max_upload_mb:", "line 5: pipeline.ack_wait:", "duration such as 5s"} {
		if !strings.Contains(joined, want) {
			t.Errorf("check lacks %q:\n%s", want, joined)
		}
	}
}

// In a flow mapping several keys share a line, and yaml.v3 gives only the
// line: the key named is the one whose value the error quotes (or whose
// name it gives), not the line's first. "{log: 720h, contract: 1y}" said
// index.retention.log was no duration.
func TestCheckNamesKeyInFlowMapping(t *testing.T) {
	for yml, want := range map[string]string{
		"index:\n  retention: {log: 720h, contract: 1y}\n":          "line 2: index.retention.contract: cannot unmarshal !!str `1y`",
		"index: {retention: {log: 720h, contract: 1y}}\n":           "line 1: index.retention.contract: cannot unmarshal !!str `1y`",
		"http: {listen: \"127.0.0.1:8080\", max_upload_mb: lots}\n": "line 1: http.max_upload_mb:",
		"pipeline: {ack_wait: 30s, max_deliver: [1, 2]}\n":          "line 1: pipeline.max_deliver: cannot unmarshal !!seq",
		"nats: {max_payload_mb: 8, colour: blue}\n":                 "line 1: unknown key nats.colour",
		// a value past 10 characters is quoted shortened
		"index:\n  retention: {log: 720h, other: tenthousandyears}\n": "line 2: index.retention.other:",
		// block style as before
		"index:\n  retention:\n    log: 720h\n    contract: 1y\n": "line 4: index.retention.contract:",
	} {
		path := filepath.Join(t.TempDir(), "flow.yaml")
		if err := os.WriteFile(path, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, e := range Check(path) {
			all = append(all, e.Error())
		}
		if joined := strings.Join(all, "\n"); !strings.Contains(joined, want) {
			t.Errorf("%q: check says\n%s\nwant %q", yml, joined, want)
		}
	}
}

// The log analysis budget is on by default, and a negative one is
// reported at its line (0, which analyses whole logs, is valid).
func TestMaxLogLines(t *testing.T) {
	if n := Default().Pipeline.MaxLogLines; n <= 0 {
		t.Fatalf("no default log analysis budget: %d", n)
	}
	p := filepath.Join(t.TempDir(), "budget.yaml")
	if err := os.WriteFile(p, []byte("pipeline:\n  max_log_lines: -1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := Check(p); len(errs) != 1 || !strings.Contains(errs[0].Error(), "line 2: pipeline.max_log_lines") {
		t.Errorf("negative budget: %v", errs)
	}
	if err := os.WriteFile(p, []byte("pipeline:\n  max_log_lines: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := Check(p); len(errs) != 0 {
		t.Errorf("whole logs refused: %v", errs)
	}
	t.Setenv("DOCMILL_PIPELINE_MAX_LOG_LINES", "5000")
	if c, err := Load(""); err != nil || c.Pipeline.MaxLogLines != 5000 {
		t.Errorf("budget from the environment: %v", err)
	}
}

// `docmill config check` judges the configuration docmill would run with:
// the DOCMILL_* environment applies, and a bad value from it names the
// variable (check said ok while serve refused to start).
func TestCheckAppliesEnvironment(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ok.yaml")
	if err := os.WriteFile(p, []byte("nats:\n  max_age: 24h\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := Check(p); len(errs) != 0 {
		t.Fatalf("a good file: %v", errs)
	}
	t.Setenv("DOCMILL_NATS_MAX_AGE", "1m")
	errs := Check(p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "DOCMILL_NATS_MAX_AGE (environment)") {
		t.Fatalf("max_age under 10m from the environment: %v", errs)
	}
	if _, err := Load(p); err == nil {
		t.Fatal("Load accepts what Check refused")
	}
	t.Setenv("DOCMILL_NATS_MAX_AGE", "soon")
	if errs := Check(p); len(errs) == 0 || !strings.Contains(errs[0].Error(), "DOCMILL_NATS_MAX_AGE") {
		t.Fatalf("an unreadable value from the environment: %v", errs)
	}
}

// A DOCMILL_* variable that nearly names a setting is reported: ignored,
// it left the setting at its default as if docmill ignored it. Other
// tools' variables are not.
func TestCheckNamesMisspeltEnvironment(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ok.yaml")
	if err := os.WriteFile(p, []byte("nats:\n  max_age: 24h\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCMILL_NATS_LISEN", "127.0.0.1:4223")
	t.Setenv("DOCMILL_ORT_LIB", "/opt/ort/libonnxruntime.so.1")
	t.Setenv("DOCMILL_NATS_LISTEN", "127.0.0.1:4223")
	errs := Check(p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "DOCMILL_NATS_LISEN (environment): no such setting") ||
		!strings.Contains(errs[0].Error(), "did you mean DOCMILL_NATS_LISTEN?") {
		t.Fatalf("errors %v, want one naming DOCMILL_NATS_LISEN", errs)
	}
}

// A file that does not decode stops docmill before its values' ranges
// are checked: the error says where to see every problem at once.
func TestReadPointsToCheck(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(p, []byte("pipeline:\n  ack_wait: soon\n  max_deliver: -1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p)
	if err == nil || !strings.Contains(err.Error(), "docmill config check "+p) {
		t.Fatalf("Read: %v, want a pointer to config check", err)
	}
	if errs := Check(p); len(errs) < 2 {
		t.Errorf("Check lists %v, want the type error and the range error", errs)
	}
}

// DOCMILL_AUTH_TOKEN, the name the client commands read, protects a
// server too: an indexer started with it served search without a token.
// It fills an empty http.auth_token only, so a token the file or
// DOCMILL_HTTP_AUTH_TOKEN sets is never replaced by one meant for clients.
func TestAuthTokenAlias(t *testing.T) {
	t.Setenv("DOCMILL_AUTH_TOKEN", "client-side")
	c, err := Read("")
	if err != nil || c.HTTP.AuthToken != "client-side" {
		t.Fatalf("DOCMILL_AUTH_TOKEN alone: token %q, %v", c.HTTP.AuthToken, err)
	}
	f := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(f, []byte("http:\n  auth_token: from-file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Read(f); err != nil || c.HTTP.AuthToken != "from-file" {
		t.Errorf("with http.auth_token in the file: token %q, %v", c.HTTP.AuthToken, err)
	}
	t.Setenv("DOCMILL_HTTP_AUTH_TOKEN", "server-side")
	if c, err := Read(""); err != nil || c.HTTP.AuthToken != "server-side" {
		t.Errorf("with DOCMILL_HTTP_AUTH_TOKEN too: token %q, %v", c.HTTP.AuthToken, err)
	}
}

// A second YAML document is refused, with its line: docmill reads one, so
// its keys (wrong ones included) were ignored and the file checked ok. A
// trailing --- is harmless.
func TestCheckRefusesSecondDocument(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "two.yaml")
	if err := os.WriteFile(f, []byte("nats:\n  url: nats://a:4222\n---\nnats:\n  url: 5\n  bogus_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := Check(f)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "line 4: a second YAML document") {
		t.Errorf("second document: %v", errs)
	}
	if _, err := Read(f); err == nil || !strings.Contains(err.Error(), "second YAML document") {
		t.Errorf("serve reads the file: %v, want it refused", err)
	}
	trailing := filepath.Join(dir, "trailing.yaml")
	if err := os.WriteFile(trailing, []byte("nats:\n  url: nats://a:4222\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := Check(trailing); len(errs) != 0 {
		t.Errorf("a trailing ---: %v", errs)
	}
}

// Syntax errors found by yaml.v3's parser name the line they are on; it
// numbered them from 0 (bad indentation on line 6 read "line 5").
func TestCheckSyntaxErrorLine(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"indent", "data: /tmp/x\nnats:\n  url: nats://a:4222\nhttp:\n  listen: 127.0.0.1:18681\n pipeline:\n  max_deliver: 3\n", "line 6: did not find expected key"},
		{"flow", "data: /tmp/x\nindex:\n  retention: {log: 720h, contract: 720h\nlog:\n  level: info\n", "line 3: did not find expected ',' or '}'"},
		{"list", "a: 1\nlog:\n  - 1\n level: info\n", "line 4: did not find expected key"},
		// the scanner's errors were right, and stay so
		{"scanner", "data: /tmp/x\nlog:\n  level: info: debug\n", "line 3: mapping values are not allowed"},
	} {
		f := filepath.Join(t.TempDir(), c.name+".yaml")
		if err := os.WriteFile(f, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if errs := Check(f); len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, errs, c.want)
		}
	}
}

// An unknown key that nearly names a setting, or names one at another
// level, says which: "unknown key http.max_uplod_mb" left the reader to
// find the spelling in the example file, and serve refused to start.
func TestUnknownKeySuggestsTheSetting(t *testing.T) {
	for yml, want := range map[string]string{
		"http:\n  max_uplod_mb: 5\n":          "line 2: unknown key http.max_uplod_mb; did you mean http.max_upload_mb?",
		"pipeline:\n  worker_concurency: 3\n": "line 2: unknown key pipeline.worker_concurency; did you mean pipeline.worker_concurrency?",
		"max_upload_mb: 5\n":                  "line 1: unknown key max_upload_mb; did you mean http.max_upload_mb?",
		"natss:\n  url: nats://x:4222\n":      "line 1: unknown key natss; did you mean nats?",
	} {
		path := filepath.Join(t.TempDir(), "typo.yaml")
		if err := os.WriteFile(path, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, e := range Check(path) {
			all = append(all, e.Error())
		}
		if joined := strings.Join(all, "\n"); !strings.Contains(joined, want) {
			t.Errorf("%q: check says\n%s\nwant %q", yml, joined, want)
		}
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: load says %v, want %q", yml, err, want)
		}
	}
	// a key far from every setting gets no guess
	path := filepath.Join(t.TempDir(), "far.yaml")
	if err := os.WriteFile(path, []byte("colour: blue\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := Check(path); len(errs) != 1 || strings.Contains(errs[0].Error(), "did you mean") {
		t.Errorf("colour: %v, want one error without a guess", errs)
	}
}

// A duration in days, weeks or years ("30d", the way retention is said)
// is no Go duration: the error says what to write instead, in hours, from
// a file and from the environment alike. It said only "write a duration
// such as 5s, 2m or 1h30m" (the file) or `unknown unit "d"` (a variable).
func TestDurationInDaysSaysHours(t *testing.T) {
	for _, c := range []struct {
		name, file, env, value, want string
	}{
		{"file", "nats:\n  max_age: 7d\n", "", "", "write 7d as 168h"},
		{"file map", "index:\n  retention: {log: 2w}\n", "", "", "write 2w as 336h"},
		{"environment", "", "DOCMILL_NATS_MAX_AGE", "30d", "write 30d as 720h"},
		{"environment map", "", "DOCMILL_INDEX_RETENTION", "log=1y", "write 1y as 8760h"},
		{"environment yaml map", "", "DOCMILL_INDEX_RETENTION", "{log: 30d}", "write 30d as 720h"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(p, []byte(c.file), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.env != "" {
				t.Setenv(c.env, c.value)
			}
			errs := Check(p)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
				t.Errorf("Check: %v, want one error saying %q", errs, c.want)
			}
		})
	}
}

// A listen address says what is wrong with it: 0.0.0.0:80800 is host:port
// and was reported as "not host:port", which sent users looking for the
// wrong mistake.
func TestListenAddressProblems(t *testing.T) {
	for _, tc := range []struct{ http, nats, want string }{
		{"0.0.0.0:80800", "", `http.listen: "0.0.0.0:80800" has port 80800, outside 0-65535`},
		{"localhost:http8080", "", `http.listen: "localhost:http8080" has port "http8080", not a number`},
		{"8080", "", `http.listen: "8080" is not host:port`},
		{"", "", `http.listen: "" is not host:port`},
		{"127.0.0.1:8080", "0.0.0.0:99999", `nats.listen: "0.0.0.0:99999" has port 99999, outside 0-65535`},
		{"127.0.0.1:8080", "4222", `nats.listen: "4222" is not host:port`},
		{"[::1]:8080", "", ""},
	} {
		c := Default()
		c.HTTP.Listen, c.NATS.Listen = tc.http, tc.nats
		err := c.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("http %q nats %q: %v", tc.http, tc.nats, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("http %q nats %q: %v, want %s", tc.http, tc.nats, err, tc.want)
		}
	}
}
