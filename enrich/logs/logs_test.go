package logs

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSplitHeader(t *testing.T) {
	cases := []struct {
		line, content, level, comp string
		hasTime                    bool
	}{
		{"2024-03-01 10:00:01,123 INFO [main] org.example.Server: Started in 12 ms", "Started in 12 ms", "INFO", "org.example.Server", true},
		{"2024-03-01T10:00:01Z ERROR db: connection refused", "connection refused", "ERROR", "db", true},
		{"Mar  1 10:00:01 web01 sshd[1234]: Accepted password for bob", "Accepted password for bob", "", "sshd[1234]", true},
		{"[Fri Mar 01 10:00:01 2024] [error] client denied by server configuration", "client denied by server configuration", "ERROR", "", true},
		{"03-01 10:00:01.250  1702  2395 W ActivityManager: Slow operation", "Slow operation", "WARN", "ActivityManager", true},
		{"240301 100001 77 WARN dfs.DataNode: disk almost full", "disk almost full", "WARN", "dfs.DataNode", true},
		{"2024-03-01 10:00:01 - INFO  [Worker-3@88] - job 7 done", "job 7 done", "INFO", "", true},
		{"2024-03-01 10:00:01, Info                  CBS    Loaded stack", "Loaded stack", "INFO", "CBS", true},
		{"[03.01 10:00:01] app.exe - host:80 open through proxy", "host:80 open through proxy", "", "", true},
		{"ERROR: disk /dev/sda1 full", "disk /dev/sda1 full", "ERROR", "", false},
		{"2024/03/01 10:00:01 listening on :8080", "listening on :8080", "", "", true},
		{"2024-03-01 10:00:01,123 - app.db - WARNING - slow query", "slow query", "WARN", "", true},
		{`{"level":"error","ts":1709287201.5,"msg":"dial tcp 10.0.0.1:80: refused","caller":"x.go:1"}`, "dial tcp 10.0.0.1:80: refused", "ERROR", "", true},
		{`{"time":"2024-03-01T10:00:01Z","level":"INFO","message":"started"}`, "started", "INFO", "", true},
		// No header: the whole line is content.
		{"just a message: with a colon", "just a message: with a colon", "", "", false},
		// A level word that is the whole message stays content.
		{"1709287201 1 warning", "warning", "", "", true},
	}
	for _, c := range cases {
		h, content := SplitHeader(c.line)
		if content != c.content || h.Level != c.level || h.Component != c.comp || h.Time.IsZero() == c.hasTime {
			t.Errorf("SplitHeader(%q) = (%+v, %q); want content %q level %q comp %q time %v",
				c.line, h, content, c.content, c.level, c.comp, c.hasTime)
		}
	}
	h, _ := SplitHeader("2024-03-01 10:00:01,123 INFO x: y")
	if want := time.Date(2024, 3, 1, 10, 0, 1, 123e6, time.UTC); !h.Time.Equal(want) {
		t.Errorf("time %v, want %v", h.Time, want)
	}
}

func TestMask(t *testing.T) {
	cases := map[string]string{
		"conn from 10.0.0.1:443 id=42 ok":                         "conn from <*> id=<*> ok",
		"open /var/lib/app/data.db failed":                        "open <*> failed",
		"req 3f2a9c1e-1b2c-4d5e-8f90-aabbccddeeff took 12ms":      "req <*> took <*>",
		"see https://example.com/a?b=1 now":                       "see <*> now",
		"addr 0xdeadbeef mapped":                                  "addr <*> mapped",
		"user=root retry":                                         "user=root retry",
		"at Fri Jun 17 07:07:00 2005 (x)":                         "at <*> (x)",
		"blocks [blk_123, blk_456] of ns1.example.com:8020 moved": "blocks [<*>, <*>] of <*> moved",
		// a Chinese message is one token: its numbers are masked, not all of it
		"DbPool - 数据库连接失败：连接超时（30000毫秒）":     "DbPool - 数据库连接失败：连接超时（<*>毫秒）",
		"订单创建成功，订单号=202405130001，用户ID=10086": "订单创建成功，订单号=<*>，用户ID=<*>",
		"第3次重试失败 code=E1001":                 "第<*>次重试失败 code=<*>",
	}
	for in, want := range cases {
		if got := strings.Join(mask(in, DefaultConfig()), " "); got != want {
			t.Errorf("mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMinerGroups(t *testing.T) {
	m := NewMiner(DefaultConfig())
	id1, _, new1 := m.Add("Accepted password for bob from 10.0.0.1 port 2222 ssh2")
	id2, tpl, new2 := m.Add("Accepted password for alice from 10.0.0.9 port 4444 ssh2")
	id3, _, new3 := m.Add("Connection closed by 10.0.0.9")
	if id1 != id2 || !new1 || new2 {
		t.Fatalf("same event got ids %s/%s new %v/%v", id1, id2, new1, new2)
	}
	if tpl != "Accepted password for <*> from <*> port <*>" {
		t.Errorf("template %q", tpl)
	}
	if id3 == id1 || !new3 {
		t.Errorf("different event merged")
	}
	ts := m.Templates()
	if len(ts) != 2 || ts[0].Count != 2 || ts[1].Count != 1 || ts[0].FirstSeen.IsZero() {
		t.Errorf("templates %+v", ts)
	}
}

// A Chinese message is one whitespace-free token: two events that hold a
// number each are two templates, and one event with another number the same.
func TestMinerChineseMessages(t *testing.T) {
	m := NewMiner(DefaultConfig())
	id1, _, _ := m.Add("ERROR DbPool 数据库连接失败：连接超时（30000毫秒）")
	id2, tpl, _ := m.Add("ERROR DbPool 数据库连接失败：连接超时（5000毫秒）")
	id3, _, _ := m.Add("ERROR DbPool 磁盘空间不足，剩余5%")
	if id1 != id2 || tpl != "ERROR DbPool 数据库连接失败：连接超时（<*>毫秒）" {
		t.Errorf("same event: ids %s/%s, template %q", id1, id2, tpl)
	}
	if id3 == id1 {
		t.Errorf("different events merged into %q", tpl)
	}
}

// After StableAfter messages a fixed word is part of the event: a message
// differing only there starts a new template.
func TestMinerStableTokens(t *testing.T) {
	c := DefaultConfig()
	c.StableAfter = 5
	m := NewMiner(c)
	var id string
	for i := 0; i < 5; i++ {
		id, _, _ = m.Add(fmt.Sprintf("Session %d initialized by client Agent", i))
	}
	other, _, isNew := m.Add("Session 9 initialized by client Other")
	if other == id || !isNew {
		t.Errorf("stable token ignored")
	}
	c.StableAfter = 0
	m = NewMiner(c)
	a, _, _ := m.Add("Session 1 initialized by client Agent")
	b, _, _ := m.Add("Session 2 initialized by client Other")
	if a != b {
		t.Errorf("without stability the word should be a variable")
	}
}

func TestMinerConcurrentAndSeen(t *testing.T) {
	m := NewMiner(DefaultConfig())
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				m.Add(fmt.Sprintf("worker %d finished job %d in %d ms", g, i, i*3))
			}
		}(g)
	}
	wg.Wait()
	ts := m.Templates()
	if len(ts) != 1 || ts[0].Count != 1600 {
		t.Fatalf("templates %+v", ts)
	}
	if m.Seen(ts[0].ID) || !m.Seen(ts[0].ID) {
		t.Errorf("Seen must be false once, then true")
	}
}

func TestSummarize(t *testing.T) {
	lines := []string{
		"2024-03-01 10:00:01,000 INFO [main] app.Server: started on port 8080",
		"2024-03-01 10:00:02,000 INFO [w1] app.Job: job 1 done in 5 ms",
		"2024-03-01 10:00:03,000 INFO [w2] app.Job: job 2 done in 7 ms",
		"2024-03-01 10:00:04,000 WARN [w1] app.Job: job 3 slow: 900 ms",
		"",
		"2024-03-01 10:00:05,000 ERROR [w2] app.Db: connection to 10.0.0.5:5432 lost",
		"2024-03-01 10:00:06,000 ERROR [w2] app.Db: connection to 10.0.0.6:5432 lost",
	}
	m := NewMiner(DefaultConfig())
	s := Summarize(lines, m)
	if s.Lines != 6 || s.Levels["INFO"] != 3 || s.Levels["WARN"] != 1 || s.Levels["ERROR"] != 2 {
		t.Fatalf("counts %+v", s)
	}
	if s.ErrorShare != 0.5 || s.NewTemplates != 4 || len(s.Errors) != 1 {
		t.Errorf("share %v new %d errors %q", s.ErrorShare, s.NewTemplates, s.Errors)
	}
	if s.Start != "2024-03-01T10:00:01" || s.End != "2024-03-01T10:00:06" {
		t.Errorf("span %s..%s", s.Start, s.End)
	}
	if s.Templates[0].Count != 2 || !s.Templates[0].New {
		t.Errorf("top template %+v", s.Templates[0])
	}
	// The same lines again: nothing is new for this source any more.
	if again := Summarize(lines, m); again.NewTemplates != 0 || again.Templates[0].New {
		t.Errorf("second pass reports new templates: %+v", again)
	}
}

// TestSummarizeListsNewTemplates: a rare new template in a source with
// history is listed though it is not in the top ten by count, which is
// what an operator looks at the digest for.
func TestSummarizeListsNewTemplates(t *testing.T) {
	msgs := []string{"cache warmed with %d entries", "user %d logged in", "order %d shipped to warehouse", "invoice %d sent by mail",
		"backup of volume %d started", "queue depth is %d", "retrying upload number %d", "session %d expired after idle",
		"report %d rendered as pdf", "token %d refreshed for client", "index shard %d merged", "mail relay accepted message %d"}
	var lines []string
	for k, msg := range msgs {
		for i := range 5 + k {
			lines = append(lines, fmt.Sprintf("2024-03-01 10:00:%02d,000 INFO [w1] app.Worker: "+msg, i, i))
		}
	}
	m := NewMiner(DefaultConfig())
	if first := Summarize(lines, m); len(first.Templates) != summaryTopTemplates {
		t.Fatalf("first document lists %d templates, want the top %d", len(first.Templates), summaryTopTemplates)
	}
	lines = append(lines, "2024-03-01 10:01:00,000 ERROR [w1] app.Disk: disk failure on /data/1")
	s := Summarize(lines, m)
	if s.NewTemplates != 1 {
		t.Fatalf("%d new templates, want 1", s.NewTemplates)
	}
	last := s.Templates[len(s.Templates)-1]
	if len(s.Templates) != summaryTopTemplates+1 || !last.New || !strings.Contains(last.Template, "disk failure") {
		t.Errorf("templates %+v: the new one is not listed", s.Templates)
	}
}

// TestSummarizeMessageLevels counts levels that syslog programs write at
// the start of their message, where the header has no level field.
func TestSummarizeMessageLevels(t *testing.T) {
	lines := []string{
		"May  1 09:00:01 web01 sshd[812]: error: maximum authentication attempts exceeded for root",
		"May  1 09:00:02 web01 sshd[812]: Accepted publickey for deploy from 10.0.0.7 port 52144 ssh2",
		"May  1 09:00:03 web01 app[77]: WARNING disk /var 91% full",
		"May  1 09:00:04 web01 CRON[901]: (root) CMD (run-parts /etc/cron.hourly)",
		"May  1 09:00:05 web01 app[77]: Errors are counted per request",
		"May  1 09:00:06 web01 kernel: fatal: unable to mount /data",
		"May  1 09:00:07 web01 kernel: [  12345.678901] warning: CPU3 temperature above threshold",
		`May  1 09:00:08 web01 dockerd[655]: time="2024-05-01T09:00:08Z" level=warning msg="image pull slow"`,
	}
	s := Summarize(lines, nil)
	if s.Levels["ERROR"] != 1 || s.Levels["WARN"] != 3 || s.Levels["FATAL"] != 1 || len(s.Levels) != 3 {
		t.Errorf("levels %v, want one ERROR, three WARN, one FATAL", s.Levels)
	}
	if s.ErrorShare != 5.0/8 || len(s.Errors) != 2 {
		t.Errorf("share %v errors %q", s.ErrorShare, s.Errors)
	}
}

// A Java error with its stack trace is one entry: the frames are neither
// templates nor lines that dilute the error share.
func TestSummarizeStackTraces(t *testing.T) {
	var lines []string
	for i := 0; i < 4; i++ {
		lines = append(lines, fmt.Sprintf("2024-03-01 10:00:0%d,000 INFO [main] app.Server: request %d served", i, i))
	}
	lines = append(lines,
		"2024-03-01 10:00:05,000 ERROR [main] app.Server: request 5 failed",
		"java.lang.IllegalStateException: pool exhausted",
		"\tat com.acme.Pool.take(Pool.java:42)",
		"\tat com.acme.Server.handle(Server.java:117)",
		"Caused by: java.net.SocketTimeoutException: connect timed out",
		"\tat java.net.Socket.connect(Socket.java:601)",
		"\t... 12 more",
		"2024-03-01 10:00:06,000 INFO [main] app.Server: request 6 served")
	s := Summarize(lines, nil)
	if s.Lines != 12 || s.Entries != 6 || s.Levels["ERROR"] != 1 || s.ErrorShare != 1.0/6 {
		t.Fatalf("lines %d entries %d levels %v share %v", s.Lines, s.Entries, s.Levels, s.ErrorShare)
	}
	for _, tc := range s.Templates {
		if strings.Contains(tc.Template, "at ") || strings.Contains(tc.Template, "more") || strings.HasPrefix(tc.Template, "Caused") {
			t.Errorf("stack frame mined as a template: %q", tc.Template)
		}
	}
	if len(s.Templates) != 2 {
		t.Errorf("templates %+v", s.Templates)
	}
}

// Syslog timestamps carry no year: a log that crosses New Year runs from
// December to January, not backwards.
func TestSummarizeYearRollover(t *testing.T) {
	lines := []string{
		"Dec 31 23:58:00 web01 app[1]: tick 1",
		"Dec 31 23:59:00 web01 app[1]: tick 2",
		"Dec 31 23:58:59 web01 app[1]: tick late", // a little out of order is not a new year
		"Jan  1 00:00:00 web01 app[1]: tick 3",
		"Jan  1 00:01:00 web01 app[1]: tick 4",
	}
	s := Summarize(lines, nil)
	if s.Start != "--12-31T23:58:00" || s.End != "--01-01T00:01:00" {
		t.Errorf("span %s .. %s", s.Start, s.End)
	}
}

// A journal's times carry no year, but a log that mixes it with dated
// lines has one: the span is dated throughout, the year-less times taking
// the year of the dated line nearest them, across New Year too.
func TestSummarizeJournalYearFromDatedLines(t *testing.T) {
	cases := []struct {
		name       string
		lines      []string
		start, end string
	}{
		{"dated line between", []string{
			"Mar 14 09:12:01 web03 nginx[812]: worker process started",
			"2024-03-14T10:00:00Z app: ready",
			"Mar 14 10:40:12 web03 nginx[812]: worker process exiting",
		}, "2024-03-14T09:12:01", "2024-03-14T10:40:12"},
		{"dated line first", []string{
			"2024-03-14 08:00:00 INFO app: ready",
			"Mar 14 09:12:01 web03 nginx[812]: worker process started",
			"Mar 14 10:40:12 web03 nginx[812]: worker process exiting",
		}, "2024-03-14T08:00:00", "2024-03-14T10:40:12"},
		{"dated line after New Year", []string{
			"Dec 31 23:59:00 web03 nginx[812]: worker process started",
			"Jan  1 00:01:00 web03 nginx[812]: reopening logs",
			"2025-01-01 00:02:00 INFO app: ready",
		}, "2024-12-31T23:59:00", "2025-01-01T00:02:00"},
		{"dated line before New Year", []string{
			"2024-12-31 23:58:00 INFO app: ready",
			"Dec 31 23:59:00 web03 nginx[812]: worker process started",
			"Jan  1 00:01:00 web03 nginx[812]: reopening logs",
		}, "2024-12-31T23:58:00", "2025-01-01T00:01:00"},
		{"January dated, December journal", []string{
			"Dec 31 23:59:00 web03 nginx[812]: worker process started",
			"2025-01-01 00:00:30 INFO app: ready",
		}, "2024-12-31T23:59:00", "2025-01-01T00:00:30"},
	}
	for _, c := range cases {
		s := Summarize(c.lines, nil)
		if s.Start != c.start || s.End != c.end {
			t.Errorf("%s: span %s .. %s, want %s .. %s", c.name, s.Start, s.End, c.start, c.end)
		}
	}
}

func TestRegistryMemory(t *testing.T) {
	r := NewRegistry(nil, DefaultConfig())
	a, b := r.Get("a"), r.Get("b")
	if a == b || r.Get("a") != a {
		t.Fatal("one miner per source expected")
	}
	if err := r.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func TestKVKey(t *testing.T) {
	if k := kvKey("ingest_web-1"); k != "templates.ingest_web-1" {
		t.Errorf("clean key %q", k)
	}
	a, b := kvKey("a.b"), kvKey("a/b")
	if a == b || strings.ContainsAny(a[len("templates."):], "./") && !strings.HasPrefix(a, "templates.a_b.") {
		t.Errorf("keys %q %q", a, b)
	}
}

func BenchmarkMinerAdd(b *testing.B) {
	lines := []string{
		"2024-03-01 10:00:01,123 INFO [main] app.Server: request 42 from 10.0.0.1:5555 served in 12 ms",
		"2024-03-01 10:00:01,124 WARN [w3] app.Cache: eviction of key user:1234 after 300 s",
		"Mar  1 10:00:01 web01 sshd[1234]: Accepted password for bob from 10.0.0.9 port 2222 ssh2",
		"2024-03-01 10:00:02 ERROR db: connection to /var/run/pg.sock lost (errno=104)",
	}
	m := NewMiner(DefaultConfig())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, content := SplitHeader(lines[i%len(lines)])
		m.Add(content)
	}
}

func TestEncodeWithin(t *testing.T) {
	var ts []Template
	for i := 0; i < 1000; i++ {
		ts = append(ts, Template{ID: fmt.Sprint(i), Template: strings.Repeat("word ", 20), Count: i})
	}
	b, err := encodeWithin(ts, 20000)
	if err != nil || len(b) > 20000 || len(b) < 10000 {
		t.Fatalf("encoded %d bytes, err %v", len(b), err)
	}
	if !strings.Contains(string(b), `"count":999`) || strings.Contains(string(b), `"count":0,`) {
		t.Errorf("least frequent templates should be dropped first")
	}
}

// budgetLog is a log whose first half is quiet and whose second half fails
// with a stack trace per error, so what the budget left unanalysed shows
// in the summary's levels, templates and span.
func budgetLog() string {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, "2024-03-01 10:00:%02d,000 INFO [main] app.Server: request %d served\n", i, i)
	}
	b.WriteString("\n") // blank lines are neither counted nor analysed
	for i := 10; i < 20; i++ {
		fmt.Fprintf(&b, "2024-03-01 10:00:%02d,000 ERROR [db] app.Pool: connection %d refused\n\tat com.acme.Pool.take(Pool.java:42)\n", i, i)
	}
	return b.String()
}

// The budget stops the mining after its lines; the rest is counted, and
// the summary says how many lines it covers and describes only those.
func TestSummarizeTextBudgetStopsMining(t *testing.T) {
	text := budgetLog()
	whole := SummarizeText(text, nil, Budget{})
	if whole.Lines != 30 || whole.Analyzed != 0 || whole.Entries != 20 || whole.Levels["ERROR"] != 10 || whole.End != "2024-03-01T10:00:19" {
		t.Fatalf("unbounded: %+v", whole)
	}
	// the same as Summarize over the split lines, which every test above uses
	if split := Summarize(strings.Split(text, "\n"), nil); fmt.Sprint(split) != fmt.Sprint(whole) {
		t.Errorf("SummarizeText %+v\nSummarize %+v", whole, split)
	}
	for _, c := range []struct {
		name           string
		b              Budget
		analyzed, errs int
		end            string
	}{
		{"lines", Budget{Lines: 10}, 10, 0, "2024-03-01T10:00:09"},
		{"lines into the errors", Budget{Lines: 14}, 14, 2, "2024-03-01T10:00:11"},
		// 10 lines of 60 bytes, the blank line, then the 11th line starts
		// past 600 bytes: mining stops there
		{"bytes", Budget{Bytes: 600}, 10, 0, "2024-03-01T10:00:09"},
		{"first line always", Budget{Bytes: 1}, 1, 0, "2024-03-01T10:00:00"},
	} {
		s := SummarizeText(text, NewMiner(DefaultConfig()), c.b)
		if s.Lines != 30 || s.Analyzed != c.analyzed || s.Levels["ERROR"] != c.errs || len(s.Errors) != min(c.errs, 1) || s.End != c.end {
			t.Errorf("%s: lines %d analysed %d levels %v errors %q end %s, want 30, %d, %d errors, end %s",
				c.name, s.Lines, s.Analyzed, s.Levels, s.Errors, s.End, c.analyzed, c.errs, c.end)
		}
		var mined int
		for _, tc := range s.Templates {
			mined += tc.Count
		}
		entries := s.Entries // when not the lines analysed
		if entries == 0 {
			entries = s.Analyzed
		}
		if mined != entries {
			t.Errorf("%s: templates count %d entries, want %d", c.name, mined, entries)
		}
	}
}

// memStore is a Store in memory, for registry tests without a broker.
type memStore map[string][]Template

func (s memStore) Load(_ context.Context, source string) ([]Template, error) { return s[source], nil }

func (s memStore) Save(_ context.Context, source string, ts []Template) error {
	s[source] = ts
	return nil
}

// A source's templates are one history in any case, as search and its
// facet see one source: "PAYMENTS-API" after "payments-api" found every
// template new. Templates saved under a name as typed before still load.
func TestRegistrySourceCaseFolded(t *testing.T) {
	lines := []string{"2024-03-01 10:00:00 INFO app: user 17 logged in", "2024-03-01 10:00:03 ERROR app: disk /dev/sda1 is full"}
	store := memStore{}
	r := NewRegistry(store, DefaultConfig())
	if r.Get("payments-api") != r.Get("PAYMENTS-API ") {
		t.Error("one source in two cases has two miners")
	}
	Summarize(lines, r.Get("payments-api"))
	if err := r.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	r = NewRegistry(store, DefaultConfig())
	if s := Summarize(lines, r.Get("PAYMENTS-API")); s.NewTemplates != 0 {
		t.Errorf("PAYMENTS-API after payments-api: %d new templates, want 0", s.NewTemplates)
	}
	legacy := memStore{"Legacy-Src": nil}
	m := NewMiner(DefaultConfig())
	Summarize(lines, m)
	legacy["Legacy-Src"], _ = m.snapshot()
	if s := Summarize(lines, NewRegistry(legacy, DefaultConfig()).Get("Legacy-Src")); s.NewTemplates != 0 {
		t.Errorf("templates saved under the name as typed: %d new, want 0", s.NewTemplates)
	}
}

// A syslog whose writer put the year before or after the time ("2024 Dec
// 10 06:55:00", "Dec 10 06:55:00 2024") is dated: its span was read
// yearless, "--12-10T06:55:00", the year in every line lost.
func TestSummarizeSyslogWithYear(t *testing.T) {
	for _, c := range []struct{ name, first, last string }{
		{"year first", "2024 Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root", "2024 Dec 10 06:56:01 LabSZ sshd[24201]: Accepted password for fred"},
		{"year after time", "Dec 10 06:55:46 2024 LabSZ sshd[24200]: Failed password for root", "Dec 10 06:56:01 2024 LabSZ sshd[24201]: Accepted password for fred"},
		{"fraction", "2024 Dec 10 06:55:46.120 LabSZ sshd[24200]: Failed password for root", "2024 Dec 10 06:56:01.500 LabSZ sshd[24201]: Accepted password for fred"},
	} {
		s := Summarize([]string{c.first, c.last}, nil)
		if !strings.HasPrefix(s.Start, "2024-12-10T06:55:46") || !strings.HasPrefix(s.End, "2024-12-10T06:56:01") {
			t.Errorf("%s: span %s .. %s", c.name, s.Start, s.End)
		}
		for _, tp := range s.Templates {
			if strings.Contains(tp.Template, "2024") || strings.Contains(tp.Template, "06:5") {
				t.Errorf("%s: time in template %q", c.name, tp.Template)
			}
		}
	}
}

// A Java error's cause chain names what broke last: the deepest "Caused
// by:" is the template's exception and its sample's, not the wrapper the
// logger caught ("ResourceAccessException: I/O error on POST request"
// hid the refused connection under it).
func TestJavaRootCauseNamed(t *testing.T) {
	tests := []struct {
		name      string
		trace     []string
		exception string
	}{
		{"one cause", []string{
			"org.springframework.web.client.ResourceAccessException: I/O error on POST request for \"http://payments:8080/charge\": Connection refused",
			"\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)",
			"Caused by: java.net.ConnectException: Connection refused",
			"\t... 12 common frames omitted",
		}, "java.net.ConnectException: Connection refused"},
		{"two causes", []string{
			"org.springframework.dao.DataAccessResourceFailureException: Failed to obtain JDBC Connection",
			"Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.",
			"\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
			"Caused by: org.postgresql.util.PSQLException: Connection to db:5432 refused.",
			"\t... 30 more",
		}, "org.postgresql.util.PSQLException: Connection to db:5432 refused."},
		{"no cause", []string{
			"java.lang.IllegalStateException: pool exhausted",
			"\tat com.acme.Pool.take(Pool.java:42)",
		}, "java.lang.IllegalStateException: pool exhausted"},
	}
	for _, tc := range tests {
		lines := append([]string{"2026-12-03 06:12:50.001 ERROR 1 --- [nio-8080-exec-7] c.e.OrderController : Order 4411 failed"}, tc.trace...)
		lines = append(lines, "2026-12-03 06:12:51.001  INFO 1 --- [nio-8080-exec-8] c.e.OrderController : Order 4412 placed")
		s := Summarize(lines, nil)
		var got string
		for _, tpl := range s.Templates {
			if tpl.Errors > 0 {
				got = tpl.Exception
			}
		}
		if got != tc.exception {
			t.Errorf("%s: exception %q, want %q", tc.name, got, tc.exception)
		}
		if len(s.Errors) != 1 || !strings.HasSuffix(s.Errors[0], tc.exception) {
			t.Errorf("%s: samples %q, want one ending in %q", tc.name, s.Errors, tc.exception)
		}
	}
}

// A JSON record's Java stack trace (logstash-logback-encoder's
// stack_trace) names its root cause too, as a plain log's trace does.
func TestJSONStackTraceRootCauseNamed(t *testing.T) {
	trace := `org.springframework.web.client.ResourceAccessException: I/O error on POST request: Connection refused\n\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:791)\nCaused by: java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n\t... 12 common frames omitted\n`
	tests := []struct{ name, line, exception string }{
		{"stack_trace with a cause", `{"@timestamp":"2026-12-03T06:10:00Z","level":"ERROR","message":"Order 4400 failed","stack_trace":"` + trace + `"}`, "java.net.ConnectException: Connection refused"},
		{"error without a cause", `{"@timestamp":"2026-12-03T06:10:00Z","level":"ERROR","msg":"charge failed","error":"stripe: card_declined"}`, "stripe: card_declined"},
	}
	for _, tc := range tests {
		if h, _ := SplitHeader(tc.line); h.Exception != tc.exception {
			t.Errorf("%s: exception %q, want %q", tc.name, h.Exception, tc.exception)
		}
	}
}

// Tomcat's catalina.out indents a stack trace by a tab, its exception
// line too: the exception under a SEVERE entry was never named, and the
// summary said "Servlet.service() ... threw exception" without the
// NullPointerException or the cause under it.
func TestTomcatIndentedExceptionNamed(t *testing.T) {
	lines := []string{
		"11-Oct-2026 10:30:00.123 SEVERE [http-nio-8080-exec-1] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [dispatcherServlet] threw exception",
		"\tjavax.servlet.ServletException: Request processing failed",
		"\t\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:231)",
		"\tCaused by: java.lang.NullPointerException: Cannot invoke \"com.shop.Order.getId()\" because \"order\" is null",
		"\t\tat com.shop.OrderService.place(OrderService.java:88)",
		"11-Oct-2026 10:30:01.001 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [3400] milliseconds",
	}
	want := `java.lang.NullPointerException: Cannot invoke "com.shop.Order.getId()" because "order" is null`
	s := Summarize(lines, nil)
	if len(s.Templates) != 2 || s.Templates[0].Errors != 1 || s.Templates[0].Exception != want {
		t.Fatalf("templates %+v, want the SEVERE one's exception %q", s.Templates, want)
	}
	if len(s.Errors) != 1 || !strings.HasSuffix(s.Errors[0], want) {
		t.Errorf("samples %q, want one ending in the cause", s.Errors)
	}
}
