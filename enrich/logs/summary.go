package logs

import (
	"cmp"
	"iter"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Summary limits.
const (
	summaryTopTemplates = 10
	summaryErrorSamples = 5
	// summaryWorstTemplates is how many of the templates most logged as
	// errors a summary lists however rare they are.
	summaryWorstTemplates = 3
	// summaryTopUsers is how many user names a summary lists.
	summaryTopUsers  = 10
	sampleMaxChars   = 300
	templateMaxBytes = 2000
)

// Budget bounds how much of one log SummarizeText mines. Mining costs
// about a quarter of a microsecond per byte (a varied 60 MB log took 14.5
// s on an idle development machine; a busy one was reported at 95 s), so
// without a bound one huge log holds a worker slot for minutes. The bound is a count, not a clock: the
// same log gives the same summary on a busy machine and an idle one, on a
// retry and on a reprocess, and a source's persistent miner learns the
// same templates whatever the load; a wall-clock budget would give none
// of that and could not be tested exactly.
type Budget struct {
	// Lines is how many non-blank lines are mined (0: all).
	Lines int
	// Bytes stops the mining at the first line that starts this many
	// bytes or more into the text (0: no bound), so that a log of long
	// lines (JSON entries of kilobytes) does not escape the bound: the
	// cost follows the bytes more than the lines. The first line is
	// always mined.
	Bytes int
}

// Summarize mines lines with m and says what happened: line count, counts
// by level, the share of WARN-or-worse entries (ErrorShare), the time span,
// the most frequent templates with their counts, how many templates this
// document introduced, and a few error lines (one per template). Blank
// lines are skipped. A line that continues the entry above it (an
// indented stack frame, "Caused by: ...", "... 12 more") belongs to that
// entry: it is neither mined nor counted as an entry of its own, so a
// Java error with its trace is one error, not a dozen lines. Nor is a
// marker line (Header.Marker) an entry. A nil m uses
// a fresh in-memory miner. A log exported as CSV, with a header naming a
// level and a time column, is read by those columns (see csvLog); a
// record's message may run over several lines. Every line is mined;
// SummarizeText bounds it.
func Summarize(lines []string, m *Miner) *document.LogSummary {
	return summarize(slices.Values(lines), m, Budget{})
}

// SummarizeText is Summarize over a log's text that mines only the lines
// within b. The lines after the budget are counted (Lines is the whole
// log's) but not analysed: Analyzed then says how many were, and levels,
// entries, time span, templates and error samples describe those alone.
// The text is walked in place, not split into a slice of every line.
func SummarizeText(text string, m *Miner, b Budget) *document.LogSummary {
	return summarize(textLines(text), m, b)
}

// textLines yields the lines of text, from the first each time it is
// ranged over: summarize reads them twice (a CSV log's header and dates,
// then every line), and the sequence strings.SplitSeq returns resumes
// where a loop over it stopped.
func textLines(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for line := range strings.SplitSeq(text, "\n") {
			if !yield(line) {
				return
			}
		}
	}
}

func summarize(lines iter.Seq[string], m *Miner, b Budget) *document.LogSummary {
	if m == nil {
		m = NewMiner(DefaultConfig())
	}
	s := &document.LogSummary{Levels: map[string]int{}}
	mined, read := 0, 0
	over := false // the budget ran out: the remaining lines are only counted
	counts := map[string]int{}
	isNew := map[string]bool{}
	errTpl := map[string]bool{}
	errs := map[string]int{}  // entries at an error level, by template
	warns := map[string]int{} // entries at WARN, by template
	fatal := map[string]int{} // entries at FATAL, by template
	// the exception under each template's first error sample
	exceptions := map[string]string{}
	// the one message each template's entries logged; a template whose
	// entries differ is dropped, so that its later lines cost no trim
	messages := map[string]string{}
	var order []string
	// the text of templates the miner did not keep (their leaf full, or
	// its MaxTemplates reached): it cannot give it back when listed
	unkept := map[string]string{}
	var span timeSpan
	users := nameCounts{}
	var logins failedLogins
	var local localLogins            // failed local logins, by who tried what
	denied := nameCounts{}           // refused privilege requests, by who asked for what
	locked := nameCounts{}           // accounts locked out, by account
	var units failedUnits            // systemd units that failed, by name
	upstreams := nameCounts{}        // the upstreams nginx's errors name
	var access accessStats           // an access log's requests
	var errDated, errYearless bounds // the times of error entries, as span counts them
	bad, entries, succeeded := 0, 0, 0
	partial := false // the line above was split by the container runtime
	traced := false  // a Python traceback is open: its exception line is to come
	// the last error sample is the current entry's (sampleLine), and no
	// exception under it was added to it yet
	sampled, sampleLine, sampledID := false, "", ""
	// the sampled entry's exception was taken: a Java "Caused by:" under
	// it names the root cause
	caused := false
	table, body := detectCSVLog(lines)
	var blocks *blockLog
	var audit auditEvent // the Linux audit event whose records are being read
	var pod describedPod // the containers kubectl describe lists above its events
	var w3c *w3cLog      // an IIS log's fields, once its "#Fields:" is read
	if table == nil {
		blocks = detectBlockLog(lines)
	}
	// entry mines one entry: line is what an error sample shows, and a
	// structured one (a CSV or block record) is never a continuation
	entry := func(line string, h Header, content string, structured bool) {
		if h.Marker {
			span.add(h.Time) // a CI runner stamps its markers too
			return
		}
		if !structured && entries == 0 && banner(line, h, s.Lines) {
			return
		}
		final := traced && tracebackFinal(line, h)
		cont := !structured && entries > 0 && (partial || final || h.Continues || continuation(line, h))
		partial = h.Partial
		traced = strings.HasPrefix(line, tracebackOpening) || traced && cont && !final
		if cont {
			if sampled && (final || exceptionRe.MatchString(line)) {
				// the exception is what went wrong: "unhandled exception
				// in /orders" alone did not say it was a ValueError
				s.Errors[len(s.Errors)-1] = clip(sampleLine+" ⏎ "+strings.TrimSpace(line), sampleMaxChars)
				exceptions[sampledID] = clip(strings.TrimSpace(line), sampleMaxChars)
				sampled, caused = false, true
			} else if cause, ok := strings.CutPrefix(strings.TrimSpace(line), causedBy); ok && caused {
				// the deepest cause is what broke: "ResourceAccessException:
				// I/O error on POST" named the client, not the refused
				// connection under it
				s.Errors[len(s.Errors)-1] = clip(sampleLine+" ⏎ "+strings.TrimSpace(line), sampleMaxChars)
				exceptions[sampledID] = clip(cause, sampleMaxChars)
			}
			return
		}
		sampled, caused = false, false
		// a row that folded repeats (kubectl's "(x25 over 3m)") counts
		// each of them
		w := max(h.Repeat, 1)
		entries += w
		users.addUsers(line, content)
		if name, ok := windowsAccount(cmp.Or(h.Sample, content)); ok {
			users[name]++ // a Windows event: its account is no user= or "for"
		}
		if name, ok := lockedOutAccount(cmp.Or(h.Sample, line)); ok {
			locked[name] += w
		}
		proc := loginProcess(line, content, h.Component)
		addr, ok := failedLoginSource(line, content)
		if !ok && h.Sample != "" {
			// a Windows event's content is its message with its values
			// masked: its sample keeps the Source Network Address
			addr, ok = failedLoginSource(h.Sample, h.Sample)
		}
		if ok {
			logins.add(h.Time, proc, addr, content)
		} else {
			// sudo's "3 incorrect password attempts ; ... ; user NOT in
			// sudoers" is both a failed login and a denied request
			f, refused := deniedPrivilege(content)
			if refused {
				denied[f.name()]++
			}
			if !local.add(h.Time, h.Component, content) && !refused {
				logins.addressless(h.Time, proc, content)
			}
		}
		// a Windows event's content masks its values: the Result Code
		// that says a TGT was granted is in its sample
		if reportsSucceededLogin(content) || h.Sample != content && reportsSucceededLogin(h.Sample) {
			succeeded += w
		}
		units.add(h.Component, content)
		access.add(h, content)
		id, tpl, created := m.Add(content)
		if counts[id] == 0 {
			order = append(order, id)
			if _, kept := m.Template(id); !kept {
				unkept[id] = tpl
			}
			messages[id] = singleSpaced(content)
		} else if msg, one := messages[id]; one && msg != singleSpaced(content) {
			delete(messages, id) // its entries differ: read no further
		}
		counts[id] += w
		if _, unremembered := unkept[id]; created && !unremembered {
			// a template the miner did not remember (its bounds
			// reached) is no shape the source learned: counted new, a
			// free-text log past them added one per line, and
			// docmill_log_new_templates_total rose by the thousand
			// with every run of the same log
			isNew[id] = true
		}
		level := lineLevel(h, content)
		if (level == "INFO" || level == "NOTICE") && (ok || reportsFailedLogin(content)) {
			// a failed login is a failed audit whatever its exporter's
			// level says: Event Viewer's CSV writes a 4625 "An account
			// failed to log on" as Information, MySQL its "Access
			// denied" as a Note, and a password-guessing run read as
			// "0% warnings or errors"
			level = "WARN"
		}
		if level != "" {
			s.Levels[level] += w
		}
		if severe(level) {
			bad += w
		}
		if isError(level) {
			errs[id] += w
			if u, ok := failingUpstream(content); ok {
				upstreams[u] += w
			}
		}
		if level == "WARN" {
			warns[id] += w
		}
		if level == "FATAL" {
			fatal[id] += w
		}
		if isError(level) && !errTpl[id] && len(s.Errors) < summaryErrorSamples {
			errTpl[id] = true
			sample := line
			if h.Sample != "" {
				sample = h.Sample
			}
			s.Errors = append(s.Errors, clip(sample, sampleMaxChars))
			sampled, sampleLine, sampledID = true, sample, id
			if h.Exception != "" {
				// a structured record's error field: its message alone,
				// "charge failed", did not say why
				exceptions[id] = clip(h.Exception, sampleMaxChars)
			}
		}
		switch t := span.add(h.Time); {
		case !isError(level) || t.IsZero():
		case t.Year() < yearlessYears:
			errYearless.add(t)
		default:
			errDated.add(t)
		}
	}
	// block mines a block log's record
	block := func(rec []string) {
		if len(rec) == 1 && !blocks.opens(rec[0], nil) {
			h, content := SplitHeader(rec[0]) // a preamble line
			entry(rec[0], h, content, false)
			return
		}
		h, content, sample := blocks.split(rec)
		// the sample is the record whole, its content the message alone:
		// the account and address are read from the sample
		h.Sample = sample
		entry(sample, h, content, true)
	}
	i := -1
	for line := range lines {
		i++
		at := read // where the line starts in the text
		read += len(line) + 1
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		s.Lines++
		if !over && (b.Lines > 0 && mined == b.Lines || b.Bytes > 0 && at >= b.Bytes) {
			over = true
		}
		if over {
			continue
		}
		mined++
		if i < body {
			// a CSV log's header (and comments above it): no entry; a
			// container kubectl describe says failed, one
			if table != nil && table.starts != nil {
				if content, failed := pod.add(line); failed {
					entry(content, Header{Level: "ERROR"}, content, true)
				}
			}
			continue
		}
		if blocks != nil {
			if rec := blocks.add(line); rec != nil {
				block(rec)
			}
			continue
		}
		if table == nil && isW3CDirective(line) {
			if f := newW3CLog(line); f != nil {
				w3c = f
			}
			continue // an IIS log's directive is no entry
		}
		if w3c != nil {
			line, _ = w3c.rewrite(line)
		}
		var h Header
		var content string
		csvRecord := false
		if table != nil {
			rec, whole := table.add(line)
			if !whole {
				continue // a quoted message goes on on the next line
			}
			if h, content, csvRecord = table.split(rec); csvRecord {
				line = rec
			}
		}
		if !csvRecord {
			h, content = SplitHeader(line)
			done, absorbed := audit.take(line, h, content)
			for _, ev := range done {
				entry(ev.line, ev.h, ev.entry(), true)
			}
			if absorbed {
				continue
			}
		}
		entry(line, h, content, csvRecord)
	}
	for _, ev := range audit.flush() {
		entry(ev.line, ev.h, ev.entry(), true)
	}
	if blocks != nil {
		if rec := blocks.flush(); rec != nil {
			block(rec)
		}
	}
	if mined != s.Lines {
		s.Analyzed = mined
	}
	if entries != mined {
		s.Entries = entries
	}
	if entries > 0 {
		s.ErrorShare = float64(bad) / float64(entries)
	}
	start, end := span.bounds()
	s.Start, s.End = span.format(start), span.format(end)
	if e := span.datedBounds(errDated, errYearless); !e.start.IsZero() {
		s.ErrorsStart, s.ErrorsEnd = span.format(e.start), span.format(e.end)
	}
	s.Templates, s.NewTemplates = topTemplates(m, order, counts, isNew, errorCounts{errs, fatal, warns}, unkept)
	for i, t := range s.Templates {
		s.Templates[i].Exception = exceptions[t.ID]
		if msg := messages[t.ID]; msg != t.Template && strings.Contains(t.Template, Wildcard) {
			s.Templates[i].Message = clip(msg, templateMaxBytes)
		}
	}
	s.Users = users.top(summaryTopUsers)
	sources := logins.counts()
	s.FailedLoginSources = sources.top(summaryTopUsers)
	for _, n := range sources {
		s.FailedLogins += n
	}
	s.FailedLoginAddresses = len(sources)
	s.SucceededLogins = succeeded
	s.FailedLocalLogins = local.counts.top(summaryTopUsers)
	s.DeniedPrivileges = denied.top(summaryTopUsers)
	s.LockedOut = locked.top(summaryTopUsers)
	s.FailedUnits = units.counts().top(summaryTopUsers)
	s.FailingUpstreams = upstreams.top(summaryTopUsers)
	s.Access = access.summary(entries)
	return s
}

// singleSpaced returns content trimmed, each run of spaces or tabs in it
// one space: sudo pads its lines ("rhost=  user=bob", "COMMAND=/usr/bin/
// systemctl  restart nginx") and a template's message showed the padding
// its template, cut into tokens, does not have. A message with no such
// run, most of them, is only trimmed, without a copy.
func singleSpaced(content string) string {
	s := strings.TrimSpace(content)
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\v\f") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// nameCounts counts the entries that name each name (a user, an address).
type nameCounts map[string]int

// add counts the users an entry names (userAt), each once: in its
// message, and in the key=value fields of its line, which a logfmt
// header leaves out of the message ("level=info msg=\"login ok\"
// user=bob" is mined as "login ok").
// Users are who acted or tried to: in an entry that names who asked
// (PAM's ruser= or logname=), its user= is the account asked for and is
// not counted ("logname=bob ... ruser=bob rhost=  user=root" is bob
// trying to become root: root was listed beside bob as if it had tried).
func (u nameCounts) addUsers(line, content string) {
	var seen []string
	count := func(name string) {
		if !slices.Contains(seen, name) {
			seen = append(seen, name)
			u[name]++
		}
	}
	if mayNameUser(content) {
		fields := strings.Fields(content)
		asker := namesAsker(fields)
		for i := range fields {
			if name, _, _, ok := userAt(fields, i); ok && !(asker && isTargetField(fields[i])) {
				count(name)
			} else if name, ok := accountUser(fields, i); ok {
				count(name)
			}
		}
	}
	if line != content && strings.Contains(line, "=") {
		fields := strings.Fields(line)
		asker := namesAsker(fields)
		for _, f := range fields {
			if name, ok := keyedUser(f); ok && !(asker && isTargetField(f)) {
				count(name)
			}
		}
	}
}

// windowsLogonAccountRe is the account a Windows logon event is about:
// the one a failed logon (4625) was for, or a new logon's (4624), a
// Kerberos request's (4768, 4771: "Account Information:"), not the
// Subject's, which is the service that reported it.
var windowsLogonAccountRe = regexp.MustCompile(`(?:Account For Which Logon Failed|New Logon|Account Information):\s+(?:Security ID:[^\n]*\s+)?Account Name:[ \t]*([^\s]+)`)

// windowsAccount returns the account of a Windows logon event's sample
// (its message as logged): a log of failed logons listed the addresses
// they came from but no user, its content having the names masked.
func windowsAccount(sample string) (string, bool) {
	if sample == "" || !strings.Contains(sample, "Account Name:") {
		return "", false
	}
	m := windowsLogonAccountRe.FindStringSubmatch(sample)
	if m == nil || m[1] == "-" {
		return "", false
	}
	return m[1], true
}

// lockedOutRe is the account a lockout names: Windows' 4740 as its
// description reads ("Account That Was Locked Out: Security ID: ...
// Account Name: jsmith Additional Information: Caller Computer Name:
// WS-042"), its data in a saved event's XML ("EventID=4740 ...
// TargetUserName=jsmith ... TargetDomainName=WS-042", the caller computer
// being the target domain), and pam_faillock's "Consecutive login
// failures for user jsmith account temporarily locked".
var lockedOutRe = regexp.MustCompile(`Account That Was Locked Out:\s+(?:Security ID:\s*\S+\s+)?Account Name:[ \t]*(\S+)(?:\s+Additional Information:\s+Caller Computer Name:[ \t]*(\S+))?` +
	`|EventID=4740:?\s.*?\bTargetUserName=(\S+)(?:\s+TargetDomainName=(\S+))?` +
	`|Consecutive login failures for user (\S+) account temporarily locked`)

// lockedOutAccount returns the account a lockout entry names, with the
// computer the failures came from where it says ("jsmith from WS-042").
func lockedOutAccount(sample string) (string, bool) {
	if !strings.Contains(sample, "ocked") && !strings.Contains(sample, "4740") {
		return "", false // cheap test: most entries are no lockout
	}
	m := lockedOutRe.FindStringSubmatch(sample)
	if m == nil {
		return "", false
	}
	name, from := cmp.Or(m[1], m[3], m[5]), cmp.Or(m[2], m[4])
	if name == "" || name == "-" {
		return "", false
	}
	if from != "" && from != "-" {
		name += " from " + from
	}
	return name, true
}

// accountUser returns the user of a MySQL account after "user"
// ("Access denied for user 'app'@'10.0.0.5' (using password: YES)"):
// the quoted name with its host was no name, and the users of a
// password-guessing run went uncounted where the log's other lines
// named theirs. The field is left whole to masking, which makes it one
// variable with its host.
func accountUser(fields []string, i int) (string, bool) {
	if i == 0 || !strings.EqualFold(fields[i-1], "user") {
		return "", false
	}
	m := mysqlAccountRe.FindStringSubmatch(fields[i])
	if m == nil || !nameToken(m[1]) || notAName[m[1]] {
		return "", false
	}
	return m[1], true
}

// mysqlAccountRe is a MySQL account, 'user'@'host'.
var mysqlAccountRe = regexp.MustCompile(`^'([^'@\s]+)'@'[^'\s]*'[,;:.]?$`)

// namesAsker reports whether fields name who asked for an account, as
// PAM writes it: a user in ruser= or logname= (login's logname=LOGIN,
// before anyone logged in, names no one).
func namesAsker(fields []string) bool {
	for _, f := range fields {
		if strings.HasPrefix(f, "ruser=") || strings.HasPrefix(f, "logname=") {
			if _, ok := keyedUser(f); ok {
				return true
			}
		}
	}
	return false
}

// isTargetField reports whether f is PAM's user=, the account a request
// was for.
func isTargetField(f string) bool { return strings.HasPrefix(f, "user=") }

// mayNameUser is false for most messages, which name no user: they are
// spared the split.
func mayNameUser(content string) bool {
	for _, w := range []string{"ser", " for ", "TTY=", "acct=", "usr=", "logname=", " CMD ", "(to "} {
		if strings.Contains(content, w) {
			return true
		}
	}
	return false
}

// top returns the n names named most, ties by name.
func (u nameCounts) top(n int) []document.NameCount {
	var out []document.NameCount
	for name, c := range u {
		out = append(out, document.NameCount{Name: name, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out[:min(len(out), n)]
}

// failedLogins counts failed login attempts by the address they came
// from. One attempt is written several times: sshd's "Invalid user admin
// from", PAM's "authentication failure; ... rhost=", "Failed password
// for invalid user admin from", "Connection closed by invalid user
// admin": counted by line, one attempt read as four. The entries of one
// process (sshd forks one per connection: "sshd[1231]") from one address
// count as its "Failed <method> for" lines, each an attempt, or as one
// when it wrote none. An entry without a process id counts alone.
//
// A failure that names no address ("Disconnecting: Too many
// authentication failures for admin [preauth]") belongs to the address
// its process wrote on its other lines: one it reported a failure from
// already, else the next one it names ("Connection closed by
// 203.0.113.9 port 50122 [preauth]"). It was not counted, and a
// connection that wrote only it listed no source. Only lines within
// connWindow of each other are one connection's: a pid is reused, and a
// failure tied to whatever address its pid wrote hours later was listed
// from an address that never failed. Nor is a failure of a reused pid
// from the same address one connection with the failures hours before
// it: a connection that wrote only "Invalid user admin from" and one
// that failed two passwords read as two attempts, not three.
type failedLogins struct {
	byConn map[sshConn]int // a connection: its "Failed <method>" lines
	alone  nameCounts
	// how many times each process id was taken by a later connection
	reused map[string]int
	// the processes with a failure of no address, waiting for one, and
	// when they wrote it
	pending map[string]time.Time
	// the processes with a failure from an address, and when they last
	// wrote one
	known map[string]time.Time
	// the address each process's connection came from, as its opening
	// line said before any failure (PostgreSQL's "connection received:
	// host=203.0.113.9"), and when
	opened map[string]openedConn
}

// openedConn is the address a process's connection line named, and when.
type openedConn struct {
	addr string
	at   time.Time
}

// connWindow is how far apart two lines of one sshd process may be to be
// one connection's: an unauthenticated connection lasts LoginGraceTime
// (two minutes unless raised), so a failure and the address its process
// writes come seconds apart.
const connWindow = 10 * time.Minute

// sshConn is one sshd connection from an address: its process, and how
// many connections before it had the same process id.
type sshConn struct {
	component, addr string
	reuse           int
}

// conn returns component's current connection from addr.
func (l *failedLogins) conn(component, addr string) sshConn {
	return sshConn{component: component, addr: addr, reuse: l.reused[component]}
}

// stale reports whether component's last failure from an address is
// older than connWindow before at: the pid now is another connection's,
// which is then counted apart.
func (l *failedLogins) stale(component string, at time.Time) bool {
	last, ok := l.known[component]
	if !ok || within(last, at, connWindow) {
		return false
	}
	delete(l.known, component)
	l.reused[component]++
	return true
}

// add counts an entry of component at a time that reports a failed login
// from addr.
func (l *failedLogins) add(at time.Time, component, addr, content string) {
	l.init()
	if !strings.HasSuffix(component, "]") {
		l.alone[addr]++
		return
	}
	if _, waits := l.pending[component]; !waits {
		l.stale(component, at)
	}
	c := l.conn(component, addr)
	l.byConn[c] += 0
	l.known[component] = at
	delete(l.pending, component)
	if attemptRe.MatchString(content) {
		l.byConn[c]++
	}
}

func (l *failedLogins) init() {
	if l.byConn == nil {
		l.byConn, l.alone, l.reused = map[sshConn]int{}, nameCounts{}, map[string]int{}
		l.pending, l.known = map[string]time.Time{}, map[string]time.Time{}
		l.opened = map[string]openedConn{}
	}
}

// addressless reads an entry of component whose message reports no
// failed login from an address: a failure without one waits for its
// process's address, and an entry of a waiting process that names an
// address gives it, if it comes within connWindow.
func (l *failedLogins) addressless(at time.Time, component, content string) {
	if !strings.HasSuffix(component, "]") {
		return
	}
	if connOpenedRe.MatchString(content) {
		if addr, ok := messageAddr(content); ok {
			l.init()
			l.opened[component] = openedConn{addr, at}
		}
	}
	if c, ok := l.opened[component]; ok && within(c.at, at, connWindow) &&
		mayReportFailedLogin(content) && failedLoginRe.MatchString(content) {
		// PostgreSQL names its client once, when the connection opens:
		// "password authentication failed for user" comes after it
		l.add(at, component, c.addr, content)
		return
	}
	if since, ok := l.pending[component]; ok {
		if !within(since, at, connWindow) {
			delete(l.pending, component) // the pid's connection ended: another's
		} else {
			if addr, ok := messageAddr(content); ok {
				l.byConn[l.conn(component, addr)] += 0
				l.known[component] = at
				delete(l.pending, component)
			}
			return
		}
	}
	if mayReportFailedLogin(content) && failedLoginRe.MatchString(content) {
		l.init()
		if _, ok := l.known[component]; !ok || l.stale(component, at) {
			l.pending[component] = at
		}
	}
}

// counts returns the attempts by address.
func (l *failedLogins) counts() nameCounts {
	out := nameCounts{}
	for addr, n := range l.alone {
		out[addr] += n
	}
	for c, n := range l.byConn {
		out[c.addr] += max(n, 1)
	}
	return out
}

// attemptRe is sshd's line for one failed attempt to authenticate, or a
// database server's: PostgreSQL's "password authentication failed for
// user", MySQL's "Access denied for user", SQL Server's "Login failed
// for user".
var attemptRe = regexp.MustCompile(`(?i)^failed\s+(?:password|publickey|keyboard-interactive\S*|none|hostbased)\s+for\s|\b(?:(?:password\s+authentication|login)\s+failed\s+for\s+user\b|access\s+denied\s+for\s+user\b.*\(using\s+password:)`)

// connOpenedRe is a process's line for a connection it took, which names
// the client before any failure does: PostgreSQL's "connection received:
// host=203.0.113.9 port=51234", sshd's "Connection from 203.0.113.9".
var connOpenedRe = regexp.MustCompile(`(?i)\bconnection\s+(?:received|from)\b`)

// pgPidRe is the process id PostgreSQL's default log_line_prefix writes
// after the time ("2024-03-14 10:00:01.101 UTC [4242] LOG:  ").
var pgPidRe = regexp.MustCompile(`\[\d+\]\s*$`)

// loginProcess is the process an entry's failed logins are tied to: its
// component, else the bracketed process id its header ends with
// (PostgreSQL's "[4242]"), whose connection line named the client.
func loginProcess(line, content, component string) string {
	if component != "" || content == "" {
		return component
	}
	i := strings.Index(line, content)
	if i <= 0 {
		return ""
	}
	head := strings.TrimRight(line[:i], " ")
	if j := strings.LastIndexByte(head, ' '); j >= 0 && strings.HasSuffix(head, ":") {
		head = strings.TrimRight(head[:j], " ") // the level: "LOG:", "FATAL:"
	}
	return strings.TrimSpace(pgPidRe.FindString(head))
}

// failedLoginRe is a message that reports a failed login: sshd's
// "Failed password for root from 203.0.113.4", "Invalid user oracle from
// ...", PAM's "authentication failure; ... rhost=203.0.113.4", auditd's
// USER_AUTH or USER_LOGIN record with res=failed, a database server's
// (attemptRe), Windows' event 4625 "An account failed to log on. ...
// Source Network Address: 203.0.113.9" and a domain controller's 4771
// "Kerberos pre-authentication failed. ... Client Address:
// ::ffff:10.0.5.30" (a wrong domain password: read as no failure, a DC's
// password-guessing run was "0% warnings or errors"), and its 4768 "A
// Kerberos authentication ticket (TGT) was requested." with a Result Code
// other than 0x0 (0x6, an unknown account: a run of them is someone
// guessing user names), whose headline does not say it failed.
var failedLoginRe = regexp.MustCompile(`(?i)\b(?:failed\s+(?:password|publickey|keyboard-interactive|none)\b|kerberos\s+authentication\s+ticket\s+\(TGT\)\s+was\s+requested\..*\bResult\s+Code:\s*0x0*[1-9a-f]|(?:(?:password\s+authentication|login)\s+failed\s+for\s+user\b|access\s+denied\s+for\s+user\b.*\(using\s+password:)|an\s+account\s+failed\s+to\s+log\s+on\b|kerberos\s+pre-authentication\s+failed\b|(?:invalid|illegal)\s+user\b|authentication\s+failure\b|maximum\s+authentication\s+attempts\b|too\s+many\s+authentication\s+failures\b)|\bUSER_(?:AUTH|LOGIN|ERR)\b.*\bres=failed\b`)

// failedLoginSource returns the address a failed login came from: the
// first IP address in the entry's message ("from 203.0.113.4 port
// 33212", "rhost=203.0.113.4", auditd's addr=), else in a key=value field
// of its line that its message leaves out (logfmt's ip=). The header's
// fields are not read otherwise: a syslog host written as an address is
// where the log was written, not where the login came from.
func failedLoginSource(line, content string) (string, bool) {
	if !mayReportFailedLogin(content) || !failedLoginRe.MatchString(content) {
		return "", false
	}
	if addr, ok := messageAddr(content); ok {
		return addr, true
	}
	if line == content {
		return "", false
	}
	for _, f := range strings.Fields(line) {
		if strings.Contains(f, "=") {
			if addr, ok := fieldAddr(f); ok {
				return addr, true
			}
		}
	}
	return "", false
}

// pamFailureRe is PAM's report of a failed authentication, with the
// service that asked ("pam_unix(su:auth): authentication failure;").
var pamFailureRe = regexp.MustCompile(`\bpam_\w+\(([\w.-]+):auth\):\s+authentication\s+failure;`)

// oldPAMComponentRe is the component an older PAM wrote its messages
// under, the service first ("gdm(pam_unix)[2803]: authentication
// failure; ...").
var oldPAMComponentRe = regexp.MustCompile(`^([\w.-]+)\(pam_\w+\)`)

// localFailure is a failed login from no remote host: the service that
// asked (su, sudo, login), who asked and the account asked for, either
// unnamed.
type localFailure struct{ service, who, target string }

// name is how a local failure is listed: "bob → root (su)", or "carol
// (login)" when who asked is the account itself or is not named
// (login's logname=LOGIN), or its service alone when it names no one
// ("gdm").
func (f localFailure) name() string {
	switch {
	case f.who == "" && f.target == "":
		return f.service
	case f.who == "" || f.who == f.target:
		return f.target + " (" + f.service + ")"
	case f.target == "":
		return f.who + " (" + f.service + ")"
	}
	return f.who + " → " + f.target + " (" + f.service + ")"
}

// localLoginFailure returns a PAM failure with no remote host (an empty
// or absent rhost=): su, sudo, a console login. Such a failure has no
// address for FailedLoginSources, and it went unsaid: two failed su to
// root read as templates alone.
func localLoginFailure(component, content string) (localFailure, bool) {
	service, ok := pamFailureService(component, content)
	if !ok {
		return localFailure{}, false
	}
	f := localFailure{service: service}
	for _, field := range strings.Fields(content) {
		k, v, ok := strings.Cut(field, "=")
		switch {
		case !ok:
		case k == "rhost" && v != "":
			return localFailure{}, false // remote: FailedLoginSources, or an unreadable host
		case k == "ruser" || k == "logname" && f.who == "":
			if name, ok := keyedUser(field); ok {
				f.who = name
			}
		case k == "user":
			if name, ok := keyedUser(field); ok {
				f.target = name
			}
		}
	}
	return f, true
}

// localLogins counts failed local logins by who tried what. PAM writes
// one failure for a run of su or sudo, and the program writes its own
// line after it: su's "FAILED SU (to root) bob on pts/0", sudo's "bob :
// 3 incorrect password attempts ; ... USER=root ; ...". The program's
// line is the count: a failure that PAM did not log (pam_unix not in its
// stack) went unsaid, and sudo's three attempts read as one. It confirms
// the PAM failure of the same service and asker just before it, which
// then is not counted again.
type localLogins struct {
	counts nameCounts
	// the PAM failures no program line has confirmed yet, by service
	// and who asked
	pending map[[2]string]pamFailure
}

// pamFailure is a PAM failure awaiting its program's line: how it was
// counted, how many times, when the last was logged, the account it
// asked for and the process that logged it.
type pamFailure struct {
	name      string
	n         int
	at        time.Time
	target    string
	component string
}

// localConfirmWindow is how long after PAM's failure its program's line
// may come: su and sudo write theirs when the attempts end, seconds
// after (pam_faildelay); an older failure is another run.
const localConfirmWindow = 5 * time.Minute

// add counts an entry that reports a failed local login, and reports
// whether it was one.
func (l *localLogins) add(at time.Time, component, content string) bool {
	if l.counts == nil {
		l.counts, l.pending = nameCounts{}, map[[2]string]pamFailure{}
	}
	if f, ok := localLoginFailure(component, content); ok {
		key := [2]string{f.service, f.who}
		p := l.pending[key]
		if p.name != f.name() || !within(p.at, at, localConfirmWindow) {
			p = pamFailure{name: f.name(), target: f.target}
		}
		p.n++
		p.at, p.component = at, component
		l.pending[key] = p
		l.counts[f.name()]++
		return true
	}
	f, n, ok := programLoginFailure(content)
	if !ok {
		return false
	}
	key := l.confirms(at, component, f)
	if p := l.pending[key]; p.n > 0 && within(p.at, at, localConfirmWindow) {
		// the program's line counts this run: PAM's is taken back
		if l.counts[p.name]--; l.counts[p.name] == 0 {
			delete(l.counts, p.name)
		}
		p.n--
		l.pending[key] = p
	}
	l.counts[f.name()] += n
	return true
}

// confirms returns the key of the PAM failure that the program line of
// component at a time, reporting f, confirms: the one of its service and
// asker, else one that named no asker (su's "logname= ... ruser= ...
// user=root", from a session with no login name) for the same account
// from the same process. That one counted apart as "root (su)", and the
// failed su read as two.
func (l *localLogins) confirms(at time.Time, component string, f localFailure) [2]string {
	key := [2]string{f.service, f.who}
	if p := l.pending[key]; p.n > 0 && within(p.at, at, localConfirmWindow) {
		return key
	}
	unnamed := [2]string{f.service, ""}
	p := l.pending[unnamed]
	if f.who == "" || p.n == 0 || p.target != f.target || !samePID(p.component, component) {
		return key
	}
	return unnamed
}

// samePID reports whether two components name the same process id
// ("su[3310]", "su(pam_unix)[3310]"), or either names none.
func samePID(a, b string) bool {
	pa, pb := componentPID(a), componentPID(b)
	return pa == "" || pb == "" || pa == pb
}

// componentPID returns the process id of a component ("su[3310]":
// "3310"), or "" when it has none.
func componentPID(c string) string {
	if !strings.HasSuffix(c, "]") {
		return ""
	}
	i := strings.LastIndexByte(c, '[')
	if i < 0 {
		return ""
	}
	return c[i+1 : len(c)-1]
}

// within reports whether b is at most d from a, either way; a time not
// known (a line with none) is taken as near.
func within(a, b time.Time, d time.Duration) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	diff := b.Sub(a)
	return diff <= d && diff >= -d
}

var (
	// failedSuRe is su's own line for a failed attempt: util-linux's
	// "FAILED SU (to root) bob on pts/0", shadow's "FAILED su for root by
	// bob".
	failedSuRe = regexp.MustCompile(`^FAILED SU \(to (\S+)\) (\S+) on\b|^FAILED su for (\S+) by (\S+)`)
	// sudoAttemptsRe is sudo's line for a run with wrong passwords:
	// "bob : 3 incorrect password attempts ; TTY=pts/0 ; ... USER=root ;".
	sudoAttemptsRe = regexp.MustCompile(`^(\S+) : (\d+) incorrect password attempts? ;(?:.*?; USER=([^\s;]+))?`)
	// failedLoginLineRe is login's own line for a failed console login:
	// shadow's "FAILED LOGIN (1) on '/dev/tty1' FOR 'carol', ...",
	// util-linux's "FAILED LOGIN 1 FROM tty1 FOR carol, ...".
	failedLoginLineRe = regexp.MustCompile(`^FAILED LOGIN \(?\d+\)? (?:on|FROM) \S+ FOR '?([^',\s]+)'?,`)
)

// sudoLineRe is a line of sudo's: who ran it, then " : " and its
// fields, among them the account asked for ("USER=root").
var sudoLineRe = regexp.MustCompile(`^(\S+) : (?:(?:.*?; )?USER=([^\s;]+))?`)

// sudoDeniedRe is sudo's reason for a request it refused, whatever the
// password, as a field of its own: "user NOT in sudoers", "user NOT
// authorized on host", "command not allowed", and sudo -n's "a password
// is required" (no password could be asked, so none failed). sudo writes
// it first ("bob : user NOT in sudoers ; TTY=...") or, after wrong
// passwords, last ("bob : 3 incorrect password attempts ; ... ;
// COMMAND=/bin/su ; user NOT in sudoers").
var sudoDeniedRe = regexp.MustCompile(`(?:^\S+ : | ; )(?:user NOT in sudoers|user NOT authorized on host|command not allowed|a password is required)(?: ;|\s*$)`)

// deniedPrivilege returns the refused request for privilege that sudo's
// line reports: who asked, to run as whom. It was counted nowhere, being
// no failed password; sudo -n's "a password is required" and the refusal
// written after wrong passwords were not read as one either.
func deniedPrivilege(content string) (localFailure, bool) {
	if !strings.Contains(content, " NOT ") && !strings.Contains(content, "not allowed") && !strings.Contains(content, "password is required") {
		return localFailure{}, false
	}
	content = strings.TrimSpace(content)
	if !sudoDeniedRe.MatchString(content) {
		return localFailure{}, false
	}
	m := sudoLineRe.FindStringSubmatch(content)
	if m == nil {
		return localFailure{}, false
	}
	return localFailure{service: "sudo", who: m[1], target: m[2]}, true
}

// programLoginFailure returns the failed local login that su's, sudo's
// or login's own line reports, and how many attempts failed.
func programLoginFailure(content string) (localFailure, int, bool) {
	content = strings.TrimSpace(content)
	switch {
	case strings.HasPrefix(content, "FAILED LOGIN "):
		m := failedLoginLineRe.FindStringSubmatch(content)
		if m == nil {
			return localFailure{}, 0, false
		}
		return localFailure{service: "login", target: m[1]}, 1, true
	case strings.HasPrefix(content, "FAILED "):
		m := failedSuRe.FindStringSubmatch(content)
		if m == nil {
			return localFailure{}, 0, false
		}
		if m[1] != "" {
			return localFailure{service: "su", who: m[2], target: m[1]}, 1, true
		}
		return localFailure{service: "su", who: m[4], target: m[3]}, 1, true
	case strings.Contains(content, " incorrect password attempt"):
		m := sudoAttemptsRe.FindStringSubmatch(content)
		if m == nil {
			return localFailure{}, 0, false
		}
		n, err := strconv.Atoi(m[2])
		if err != nil || n < 1 {
			return localFailure{}, 0, false
		}
		return localFailure{service: "sudo", who: m[1], target: m[3]}, n, true
	}
	return localFailure{}, 0, false
}

// pamFailureService returns the service of a PAM authentication failure:
// named in its message ("pam_unix(su:auth): authentication failure;"),
// or, as an older PAM wrote it, in its component ("gdm(pam_unix)[2803]:
// authentication failure; ...").
func pamFailureService(component, content string) (string, bool) {
	if strings.Contains(content, "pam_") {
		if m := pamFailureRe.FindStringSubmatch(content); m != nil {
			return m[1], true
		}
	}
	if !strings.HasPrefix(content, "authentication failure;") {
		return "", false
	}
	if m := oldPAMComponentRe.FindStringSubmatch(component); m != nil {
		return m[1], true
	}
	return "", false
}

// messageAddr returns the first IP address among a message's fields.
func messageAddr(content string) (string, bool) {
	for _, f := range strings.Fields(content) {
		if addr, ok := fieldAddr(f); ok {
			return addr, true
		}
	}
	return "", false
}

// succeededLoginRe is a message that reports a login that succeeded:
// sshd's "Accepted publickey for", Windows' 4624, a domain controller's
// TGT granted (4768 with Result Code 0x0), without which its failed TGT
// requests had no share of all.
var succeededLoginRe = regexp.MustCompile(`(?i)\baccepted\s+(?:password|publickey|keyboard-interactive\S*|gssapi\S*|hostbased)\s+for\b|\ban\s+account\s+was\s+successfully\s+logged\s+on\b|kerberos\s+authentication\s+ticket\s+\(TGT\)\s+was\s+requested\..*\bResult\s+Code:\s*0x0+\b`)

// reportsSucceededLogin reports a message that says a login succeeded;
// most messages, which hold neither word of succeededLoginRe, are spared
// the regular expression.
func reportsSucceededLogin(content string) bool {
	return (strings.Contains(content, "ccepted") || strings.Contains(content, "uccessfully") || strings.Contains(content, "(TGT)")) &&
		succeededLoginRe.MatchString(content)
}

// reportsFailedLogin reports a message that says a login failed, with
// or without the address it came from.
func reportsFailedLogin(content string) bool {
	return mayReportFailedLogin(content) && failedLoginRe.MatchString(content)
}

// mayReportFailedLogin is false for most messages, which hold none of
// failedLoginRe's words: they are spared the regular expression, which
// every entry of a log would otherwise run.
func mayReportFailedLogin(content string) bool {
	for _, w := range []string{"ail", "AIL", "nvalid", "NVALID", "llegal", "aximum", "enied", "ENIED", "(TGT)"} {
		if strings.Contains(content, w) {
			return true
		}
	}
	return false
}

// fieldAddr returns the IP address a field holds, as its value when it is
// key=value, without punctuation or an address's port.
func fieldAddr(f string) (string, bool) {
	if _, v, ok := strings.Cut(f, "="); ok {
		f = v
	}
	if i := strings.Index(f, "]:"); i > 0 && strings.HasPrefix(f, "[") {
		if ap, err := netip.ParseAddrPort(strings.TrimRight(f, tokenPunct)); err == nil {
			return ap.Addr().Unmap().String(), true // [2001:db8::5]:443
		}
	}
	if i := strings.LastIndexByte(f, '@'); i >= 0 {
		f = f[i+1:] // MySQL's 'root'@'203.0.113.9', user@host
	}
	if strings.HasPrefix(f, "::") {
		// an IPv4-mapped address, as a domain controller writes its
		// clients ("Client Address: ::ffff:10.0.5.30"): its colons are
		// no punctuation to trim
		if a, err := netip.ParseAddr(strings.TrimRight(f, tokenPunct)); err == nil {
			return a.Unmap().String(), true
		}
	}
	f, _, _ = trimPunct(f)
	if host, _, ok := strings.Cut(f, ":"); ok && strings.Count(f, ":") == 1 {
		f = host // 203.0.113.4:51234
	}
	a, err := netip.ParseAddr(f)
	if err != nil {
		return "", false
	}
	return a.Unmap().String(), true
}

var (
	// moreFramesRe matches the "... 12 more" line that ends a Java cause.
	moreFramesRe = regexp.MustCompile(`^\s*\.\.\. \d+ more\b`)
	// causedBy opens the line of a Java exception's cause.
	causedBy = "Caused by: "
	// exceptionRe matches the line naming a thrown class, which Java
	// loggers print under the entry that logged it: unindented, or
	// indented by a tab, as Tomcat's catalina.out (JULI's
	// OneLineFormatter) writes its stack traces, whose exception was never
	// said beside the SEVERE entry that logged it.
	exceptionRe = regexp.MustCompile(`^\s*(?:[A-Za-z_$][\w$]*\.)+[\w$]*(?:Exception|Error|Throwable)\b`)
)

// banner reports whether line, the n-th above a log's first entry, is
// part of the banner a program prints as it starts (Spring Boot's and
// Redis's ASCII-art logos): a line of no letter or digit, or an indented
// one with no time or level. Read as an entry, the logo's first line was
// a template ("1× . ____ _ __ _ _.") said among the most logged.
func banner(line string, h Header, n int) bool {
	if n > bannerMaxLines {
		return false
	}
	if !strings.ContainsFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true
	}
	return (line[0] == ' ' || line[0] == '\t') && h.Time.IsZero() && h.Level == ""
}

// bannerMaxLines bounds how far down a log its start banner is looked
// for: a log of indented lines with no header is read from its
// bannerMaxLines-th line on.
const bannerMaxLines = 30

// continuation reports whether line continues the entry above it: it has
// no time or level of its own, and is indented (stack frames, wrapped
// text), opens a nested cause, or is part of a traceback (Python's, a Go
// panic's goroutine dump); or it is a detail line that a database writes
// under the entry with a header of its own (PostgreSQL's DETAIL:, HINT:,
// STATEMENT:).
func continuation(line string, h Header) bool {
	if detailComponents[h.Component] || h.Level == "" && detailRe.MatchString(line) {
		return true
	}
	if !h.Time.IsZero() || h.Level != "" {
		return false
	}
	return line[0] == ' ' || line[0] == '\t' || strings.HasPrefix(line, "Caused by: ") ||
		strings.HasPrefix(line, "at ") || moreFramesRe.MatchString(line) || exceptionRe.MatchString(line) ||
		tracebackRe.MatchString(line) || goDumpRe.MatchString(line) || closingRe.MatchString(line)
}

// detailComponents are the labels of lines that detail the entry above;
// detailRe finds one after a PostgreSQL line prefix ("... CET [4000]
// app@shop DETAIL:  Key (id)=(5) already exists.").
var (
	detailComponents = map[string]bool{"DETAIL": true, "HINT": true, "STATEMENT": true, "CONTEXT": true, "QUERY": true, "LOCATION": true}
	detailRe         = regexp.MustCompile(`^.{0,80}?\s(?:DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):\s`)
)

var (
	// tracebackRe matches the lines of a Python traceback that are not
	// indented frames: its opening, the chaining notes, and the final
	// exception ("ValueError: invalid literal ...").
	tracebackRe = regexp.MustCompile(`^(?:Traceback \(most recent call last\):|During handling of the above exception|The above exception was the direct cause|[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)(?::|$))`)
	// pyExceptionRe matches the line that ends a Python traceback: the
	// exception's name, dotted or not, and its message if any
	// ("KeyboardInterrupt", "SystemExit: 2",
	// "psycopg2.errors.UniqueViolation: duplicate key value ...").
	pyExceptionRe = regexp.MustCompile(`^[A-Za-z_][\w.]*(?::\s|:?$)`)
	// goDumpRe matches a Go panic's goroutine dump: the goroutine header,
	// the calls ("main.handler(0xc000, {0x1, 0x2})"), "created by" and
	// the exit status.
	goDumpRe = regexp.MustCompile(`^(?:goroutine \d+ \[[^\]]*\]:$|created by |exit status \d+$|\[signal |(?:[\w.-]+/)*[\w-]+\.[\w.*()\[\]-]+\(.*\)$)`)
	// closingRe is a line that only closes a bracket an entry opened (a
	// printed object).
	closingRe = regexp.MustCompile(`^[}\])]+[,;]?$`)
)

// tracebackOpening is the line Python opens a traceback with.
const tracebackOpening = "Traceback (most recent call last):"

// tracebackFinal reports whether line, met inside an open traceback, is
// the exception that ends it. tracebackRe knows the names that end in
// Error or Exception anywhere, but an exception may be named anything
// ("StopIteration", "requests.exceptions.ConnectTimeout"), and a name
// alone opens many a message: only where a traceback awaits its
// exception is the name's shape enough. A line with a level of its own
// is the next entry.
func tracebackFinal(line string, h Header) bool {
	return h.Level == "" && pyExceptionRe.MatchString(line)
}

// topTemplates ranks this document's templates by count (first seen wins
// ties) and counts the new ones. A new template is what an operator looks
// for in a source that has history, and a rare one would not make the
// top: those follow the top, in the order first seen, up to as many again.
// In a source's first document every template is new, and the top is all
// there is to show.
func topTemplates(m *Miner, order []string, counts map[string]int, isNew map[string]bool, errs errorCounts, unkept map[string]string) ([]document.TemplateCount, int) {
	firstSeen := slices.Clone(order)
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	var out []document.TemplateCount
	add := func(id string) {
		tpl, ok := m.Template(id)
		if !ok {
			tpl = unkept[id] // listed with an empty text before
		}
		// a template of a megabyte-long line made a result of several
		// megabytes, over the message limit, and its key phrases cost
		// gigabytes: the result shows the opening
		out = append(out, document.TemplateCount{ID: id, Template: clip(tpl, templateMaxBytes), Count: counts[id], New: isNew[id], Errors: errs.errors[id], Fatal: errs.fatal[id], Warnings: errs.warnings[id]})
	}
	for _, id := range order[:min(len(order), summaryTopTemplates)] {
		add(id)
	}
	// the templates most logged as errors are listed however rare: they
	// are what a reader of the log looks for, and a kernel's one OOM kill
	// is no less so beside a crash loop's hundred errors
	worst := errs.worst(order, summaryWorstTemplates)
	if len(worst) == 0 {
		// a log with no errors is read for its warnings: a kubectl event
		// dump's one FailedScheduling among a hundred Normal rows
		worst = errs.mostWarned(order, summaryWorstTemplates)
	}
	for _, id := range worst {
		if !slices.ContainsFunc(out, func(t document.TemplateCount) bool { return t.ID == id }) {
			add(id)
		}
	}
	if len(isNew) < len(order) {
		top := len(out)
		for _, id := range firstSeen {
			if len(out) == 2*summaryTopTemplates {
				break
			}
			if isNew[id] && !slices.ContainsFunc(out[:top], func(t document.TemplateCount) bool { return t.ID == id }) {
				add(id)
			}
		}
	}
	return out, len(isNew)
}

// errorCounts counts a log's entries at an error level by template, of
// those the FATAL ones, and its entries at WARN.
type errorCounts struct{ errors, fatal, warnings map[string]int }

// mostWarned is up to n templates of order logged as warnings, the most
// warned first, first seen winning ties.
func (e errorCounts) mostWarned(order []string, n int) []string {
	var ids []string
	for _, id := range order {
		if e.warnings[id] > 0 {
			ids = append(ids, id)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool { return e.warnings[ids[i]] > e.warnings[ids[j]] })
	return ids[:min(n, len(ids))]
}

// worst is up to n templates of order logged as errors, the most severe
// first: those with FATAL entries before the rest, then by errors, first
// seen winning ties.
func (e errorCounts) worst(order []string, n int) []string {
	var ids []string
	for _, id := range order {
		if e.errors[id] > 0 {
			ids = append(ids, id)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if (e.fatal[a] > 0) != (e.fatal[b] > 0) {
			return e.fatal[a] > 0
		}
		return e.errors[a] > e.errors[b]
	})
	return ids[:min(n, len(ids))]
}

// lineLevel is a line's level: its header's, else the one its message
// names (messageLevel).
func lineLevel(h Header, content string) string {
	level := h.Level
	if level == "" {
		level = messageLevel(content)
	}
	if (level == "INFO" || level == "NOTICE") && strings.Contains(content, " process (PID ") && childCrashRe.MatchString(content) {
		return "ERROR"
	}
	if level == "WARN" && strings.Contains(content, " ") && resourceErrorRe.MatchString(content) {
		return "ERROR"
	}
	if level == "WARN" && startBannerRe.MatchString(content) {
		return "NOTICE"
	}
	if (level == "INFO" || level == "NOTICE") && strings.Contains(content, "locked") && lockoutRe.MatchString(content) {
		return "WARN"
	}
	return level
}

// lockoutRe is a message that an account was locked out: Windows' 4740
// "A user account was locked out.", which Event Viewer's export writes
// as Information. Read at that level, a lockout among a domain
// controller's routine events was never said among its warnings.
var lockoutRe = regexp.MustCompile(`(?i)\baccount\s+(?:was\s+|has\s+been\s+|is\s+)?(?:temporarily\s+)?locked(?:\s+out)?\b`)

// startBannerRe is the start banner Redis writes at its warning sign
// ("# oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", "# Redis
// version=7.2.4, ..., just started", "# Configuration loaded"): read as
// warnings, a healthy Redis's start read as a log of 60% warnings.
var startBannerRe = regexp.MustCompile(`^(?:oO0OoO0OoO0Oo Redis is starting\b|Redis version=\S+, .*\bjust started$|Configuration loaded$)`)

// resourceErrorRe is a system call's failure for want of a resource:
// the disk full, the file descriptors or memory run out, the file system
// gone read-only. Redis writes every severe line at its warning level
// ("# Write error saving DB on disk: No space left on device"), and a
// summary of a Redis whose disk filled named its routine saves alone.
var resourceErrorRe = regexp.MustCompile(`(?i)\b(?:no\s+space\s+left\s+on\s+device|too\s+many\s+open\s+files|read-only\s+file\s+system|cannot\s+allocate\s+memory)\b`)

// childCrashRe is PostgreSQL's report of a server process that died:
// "server process (PID 2230) was terminated by signal 9: Killed",
// "autovacuum worker process (PID 77) exited with exit code 1". The
// postmaster writes it at LOG, its everyday level, and then ends every
// other session to recover: an OOM-killed backend that reset all of a
// database's connections read as information. A background worker's
// "exited with exit code 1" is left alone: the logical replication
// launcher writes it at every fast shutdown.
var childCrashRe = regexp.MustCompile(`\bprocess \(PID \d+\) (?:was terminated by (?:signal|exception)|exited with exit code [1-9])`)

// messageLevel finds a level that opens the message of a line whose header
// has none, as syslog programs write it ("sshd[812]: error: maximum
// authentication attempts exceeded", "app[7]: WARNING disk 91% full",
// after a kernel's uptime "[12345.678901] warning: ..."): a level word of
// three or more letters followed by a colon, or in capitals; or a logfmt
// field anywhere in it ("level=warning msg=...").
func messageLevel(content string) string {
	if m := logfmtLevelRe.FindStringSubmatch(content); m != nil {
		if lv := normLevel(strings.Trim(m[1], `"`)); lv != "" {
			return lv
		}
	}
	m := accessStatusRe.FindStringSubmatch(content)
	if m == nil {
		m = timersStatusRe.FindStringSubmatch(content)
	}
	if m != nil {
		// an access log line: the response status is its severity
		switch m[1][0] {
		case '5':
			return "ERROR"
		case '4':
			return "WARN"
		}
		return "INFO"
	}
	if m := pgSyslogRe.FindStringSubmatch(content); m != nil {
		return normLevel(strings.TrimRight(m[1], "12345"))
	}
	content = uptimeRe.ReplaceAllString(content, "")
	if errorEventRe.MatchString(content) {
		return "ERROR"
	}
	f := strings.Fields(content)
	if len(f) < 2 {
		return ""
	}
	if lv := programBracketLevel(f[0], f[1]); lv != "" {
		return lv
	}
	w := strings.TrimSuffix(f[0], ":")
	if len(w) < 3 || (w == f[0] && w != strings.ToUpper(w)) {
		return failureLevel(content)
	}
	if lv := normLevel(w); lv != "" && (w != "FAIL" || failVerdict(f[0], f[1])) {
		if lv == "FATAL" && strings.EqualFold(w, "alert") {
			return messageAlert
		}
		return lv // "FAIL: TestX", "FAIL github.com/acme/ledger"; not "FAIL count reset"
	}
	return failureLevel(content)
}

// programBracketLevel reads the level of a message that a program wrote
// to its standard error under its name, its level in brackets after it,
// as the journal keeps nginx's ("nginx: [emerg] bind() to 0.0.0.0:80
// failed"): the level nginx's error log gives the same line, FATAL for
// emerg, alert and crit as for a syslog priority of 0 to 2. It had none,
// and a web server that could not start read as no error.
func programBracketLevel(first, second string) string {
	if !strings.HasSuffix(first, ":") || !strings.HasPrefix(second, "[") || !strings.HasSuffix(second, "]") {
		return ""
	}
	return bracketLevel(second)
}

// messageAlert: "ALERT" opening a message is an error, not the fatal
// level syslog's alert priority is. That priority is never written in
// the text; a program that writes the word raises its own alarm about
// something that failed, as logrotate's cron job does through logger at
// notice priority ("logrotate: ALERT exited abnormally with [1]": one
// night's rotation failed, the system went on). Read as FATAL, every
// such night outranked the real errors of a syslog. A header's alert
// (nginx's "[alert]", a syslog PRI of 1) stays FATAL.
const messageAlert = "ERROR"

// failureLevel is the level of a message that reports a failure in words:
// a start that failed is an error, other failures are warnings.
func failureLevel(content string) string {
	switch {
	case startFailureRe.MatchString(content), errorReportRe.MatchString(content), jobFailureRe.MatchString(content):
		return "ERROR"
	case failureRe.MatchString(content), unitFailure(content), sudoRefusal(content):
		return "WARN"
	}
	return ""
}

// jobFailureRe is a scheduled job that failed, as cron and anacron
// report it without a level: cron's "(root) ERROR (failed to change
// user)" and anacron's "Job `cron.daily' terminated (exit status: 1)
// (mailing output)". A night whose daily jobs failed read "0% warnings
// or errors" and listed the routine CMD lines alone.
var jobFailureRe = regexp.MustCompile(`^\(\S+\) ERROR \(|\bterminated \(exit status: [1-9]\d*\)`)

// unitExitRe is systemd's report of how a unit's process ended ("docker.service:
// Main process exited, code=exited, status=1/FAILURE"), and unitFailedRe
// its other words for a unit that failed ("Unit entered failed state.",
// "Start request repeated too quickly."). systemd writes them at warning
// or notice priority, which a plain syslog file does not keep: the crash
// loop of a service read "0% warnings or errors" but for its "Failed
// with result".
var (
	unitExitRe   = regexp.MustCompile(`\b(?:Main|Control) process exited, code=(exited|killed|dumped), status=(\d+)(?:/(\w+))?`)
	unitFailedRe = regexp.MustCompile(`(?i)\b(?:entered failed state|start request repeated too quickly)\b`)
)

// unitFailure reports a unit's process that ended badly (a non-zero exit,
// a core dump, a signal other than one that asks a process to stop) or a
// unit said to have failed. A clean exit, or a stop by SIGTERM as systemd
// sends it, is no failure.
func unitFailure(content string) bool {
	if unitFailedRe.MatchString(content) {
		return true
	}
	m := unitExitRe.FindStringSubmatch(content)
	if m == nil {
		return false
	}
	switch m[1] {
	case "exited":
		return m[2] != "0"
	case "killed":
		return !stopSignals[m[3]]
	}
	return true // dumped: a core dump
}

// stopSignals are the signals that ask a process to stop, as systemd
// stops a unit: a process they killed did not fail.
var stopSignals = map[string]bool{"TERM": true, "INT": true, "HUP": true, "PIPE": true}

// errorEventRe is an event that the kernel or a runtime reports without a
// level and that is an error whatever wrote it: the OOM killer, a
// segfault, a panic, a disk's I/O error, a core dump, the JVM's report of
// an exception that no code caught and that ended a thread ("Exception in
// thread "main" java.lang...."). A syslog with 18 processes killed for
// want of memory read "no errors".
var errorEventRe = regexp.MustCompile(`(?i)\b(?:out\s+of\s+memory|oom[-_ ]killer|killed\s+process|segfault\s+at|kernel\s+panic|general\s+protection\s+fault|i/o\s+error|core\s+dumped|stack\s+overflow|exception\s+in\s+thread\s+")`)

// failureRe is a message that reports a failure in so many words, from a
// program that writes no level (sshd's "Failed password for root",
// "Failed none for invalid user admin", PAM's "authentication failure;
// ...", su's "FAILED SU (to root) bob on pts/0", systemd's
// "nginx.service: Failed with result 'exit-code'.", the disconnect of a
// client past MaxAuthTries, "Disconnecting invalid user admin
// 203.0.113.9 port 4242: Too many authentication failures [preauth]"):
// a warning. Without it a log of 19% failed logins read "2% warnings or
// errors", and a key-guessing client whose failed keys sshd logs only
// at VERBOSE read as no warning at all.
var failureRe = regexp.MustCompile(`(?i)^(?:\S+:\s+)?(?:failed\s+(?:password|publickey|none|keyboard-interactive|hostbased|login|to|with|su)|authentication\s+failure|invalid\s+user|connection\s+(?:refused|reset|timed\s+out)|permission\s+denied|access\s+denied)\b|\bauthentication\s+failure\b|\btoo\s+many\s+authentication\s+failures\b`)

// sudoRefusal reports sudo's line for a run it refused: wrong passwords
// ("bob : 3 incorrect password attempts ; TTY=...") or a request it
// denies ("bob : user NOT in sudoers ; ...", sudo -n's "a password is
// required"). sudo writes no level in the message, and both read as
// neither warning nor error.
func sudoRefusal(content string) bool {
	if !strings.Contains(content, " : ") {
		return false
	}
	if _, ok := deniedPrivilege(content); ok {
		return true
	}
	return sudoAttemptsRe.MatchString(strings.TrimSpace(content))
}

// errorReportRe is a message that reports an error by the word, past its
// start: "error" as a label ("host:5070 error : Could not connect",
// "read error: EOF") or naming where it came from ("TLS handshake error
// from 10.0.0.7:51234: EOF"). A message that opens with its level word
// keeps that level; without one, a log of such reports read "no errors".
var errorReportRe = regexp.MustCompile(`(?i)\berror(?:\s?:\s|\s+from\s)`)

// startFailureRe is a message that opens by saying something failed to
// start, as systemd reports a unit that did not come up ("Failed to start
// nginx.service.", at its error priority): a service down is an error,
// not the warning other failures are.
var startFailureRe = regexp.MustCompile(`(?i)^(?:\S+:\s+)?failed\s+to\s+start\b`)

var (
	// logfmtLevelRe finds a logfmt level field.
	logfmtLevelRe = regexp.MustCompile(`(?:^|\s)(?:level|lvl|severity)=("?[A-Za-z]+"?)`)
	// accessStatusRe finds the status after the request of an access log
	// line (Common and Combined Log Format: "GET /x HTTP/1.1" 503 0).
	accessStatusRe = regexp.MustCompile(`"[A-Z]+ \S+ HTTP/[\d.]+" ([1-5]\d\d) `)
	// timersStatusRe finds the status of an access log line that writes
	// it before the request, after its timers (HAProxy's HTTP log:
	// "[13/May/2024:10:00:00.123] fe be/srv 0/0/1/20/21 503 212 ...").
	timersStatusRe = regexp.MustCompile(`\] \S+ \S+/\S+ -?\d+/-?\d+/-?\d+/-?\d+/\+?\d+ ([1-5]\d\d) `)
	// pgSyslogRe finds the severity of a PostgreSQL line sent to syslog:
	// after its line number ("[3-1]") and its own line prefix if one is
	// set, the severity and a colon with two spaces ("[3-1] FATAL:  ...",
	// "[5-1] user=app,db=shop WARNING:  ...").
	pgSyslogRe = regexp.MustCompile(`^\[\d+-\d+\]\s(?:.{0,100}?\s)?(DEBUG[1-5]?|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC):  `)
	// uptimeRe is a kernel message's leading uptime stamp.
	uptimeRe = regexp.MustCompile(`^\s*\[\s*\d+\.\d+\]\s*`)
)

func severe(level string) bool { return level == "WARN" || isError(level) }

func isError(level string) bool { return level == "ERROR" || level == "FATAL" }

// timeSpan is the first and last time of a log, read in file order.
// Timestamps without a year (syslog) that jump back by more than a day
// have crossed a new year ("Dec 31 23:59" then "Jan  1 00:00"): later
// ones count a year on, so the span runs from December to January
// rather than backwards. A log that mixes them with dated lines (a
// journal beside an application's ISO times) knows its year: the
// year-less times take it from the first dated line met next to one
// (anchor), so that the span is dated throughout rather than runs from
// year 0.
type timeSpan struct {
	dated, yearless bounds
	last            time.Time // the last year-less time, its years counted on
	years           int
	lastDated       time.Time
	anchor          [2]time.Time // a year-less time and a dated one next to it
	// offset is the UTC offset of the first time read with a zone, and
	// mixed is set when another had a different one
	offset      int
	zoned       bool
	mixedOffset bool
}

// zone notes t's UTC offset, when it was read with one.
func (sp *timeSpan) zone(t time.Time) {
	if t.Location() == noZone {
		return
	}
	_, off := t.Zone()
	if !sp.zoned {
		sp.offset, sp.zoned = off, true
	} else if off != sp.offset {
		sp.mixedOffset = true
	}
}

// format writes t as formatTime does; in a log whose times were written
// with different offsets, a zoned time in UTC: "from 06:00:00 +01:00 to
// 05:03:00 UTC, errors at 00:02:00 -05:00" read as hours apart, and said
// an error at midnight that was five hours later.
func (sp *timeSpan) format(t time.Time) string {
	if sp.mixedOffset && !t.IsZero() && t.Location() != noZone {
		t = t.UTC()
	}
	return formatTime(t)
}

// bounds is the earliest and latest of some times.
type bounds struct{ start, end time.Time }

func (b *bounds) add(t time.Time) {
	if b.start.IsZero() || t.Before(b.start) {
		b.start = t
	}
	if b.end.IsZero() || t.After(b.end) {
		b.end = t
	}
}

// add counts t in the span and returns it as counted: a year-less time
// with the New Years it crossed (see date).
func (sp *timeSpan) add(t time.Time) time.Time {
	switch {
	case t.IsZero():
		return t
	case t.Year() != 0:
		sp.zone(t)
		sp.dated.add(t)
		sp.lastDated = t
		if sp.anchor[0].IsZero() && !sp.last.IsZero() {
			sp.anchor = [2]time.Time{sp.last, t}
		}
		return t
	}
	t = t.AddDate(sp.years, 0, 0)
	if !sp.last.IsZero() && sp.last.Sub(t) > 24*time.Hour {
		sp.years++
		t = t.AddDate(1, 0, 0)
	}
	sp.last = t
	sp.yearless.add(t)
	if sp.anchor[0].IsZero() && !sp.lastDated.IsZero() {
		sp.anchor = [2]time.Time{t, sp.lastDated}
	}
	return t
}

// yearlessYears bounds the years a year-less time counts on (New Years
// crossed): a time with a year below it was read without one.
const yearlessYears = 100

// bounds returns the span: the year-less times dated when a line gave
// the year.
func (sp *timeSpan) bounds() (time.Time, time.Time) {
	b := sp.datedBounds(sp.dated, sp.yearless)
	return b.start, b.end
}

// datedBounds joins bounds of dated times and of year-less ones (as add
// counted them, within the span): the year-less dated when a line gave
// the log its year.
func (sp *timeSpan) datedBounds(dated, yearless bounds) bounds {
	if sp.dated.start.IsZero() {
		return yearless
	}
	b := dated
	if !yearless.start.IsZero() {
		y := yearsTo(sp.anchor[0], sp.anchor[1])
		b.add(yearless.start.AddDate(y, 0, 0))
		b.add(yearless.end.AddDate(y, 0, 0))
	}
	return b
}

// yearsTo returns the years to add to the year-less time r to bring it
// nearest the dated time d: the year of d, or the one either side of it
// where the two straddle a New Year ("Dec 31 23:59" beside
// 2025-01-01T00:00:30 is 2024).
func yearsTo(r, d time.Time) int {
	best, gap := 0, time.Duration(-1)
	for y := d.Year() - r.Year() - 1; y <= d.Year()-r.Year()+1; y++ {
		g := r.AddDate(y, 0, 0).Sub(d).Abs()
		if gap < 0 || g < gap {
			best, gap = y, g
		}
	}
	return best
}

// formatTime writes t as RFC 3339, or, read without a zone, as ISO 8601
// local time without an offset ("2024-05-13T13:30:00": the log's clock,
// not UTC); timestamps without a year (syslog), in a log with no dated
// line to give them one, are written as ISO 8601 "--MM-DDThh:mm:ss".
func formatTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Year() < yearlessYears:
		// no year in the log (a later year only when it crossed one)
		return t.Format("--01-02T15:04:05")
	case t.Location() == noZone:
		return t.Format("2006-01-02T15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return lang.Clip(s, n) + "…"
}
