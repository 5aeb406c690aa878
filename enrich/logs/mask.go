package logs

import (
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Wildcard stands for a variable part in a template.
const Wildcard = "<*>"

// maskRules replace variable substrings that can hold spaces or
// punctuation before the line is cut into tokens. They are generic shapes
// (addresses, identifiers, paths), the same for every source.
var maskRules = []*regexp.Regexp{
	regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s,;"'<>\\]+`),                                                                                                                                             // URL
	regexp.MustCompile(`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`),                                                                                                       // UUID
	regexp.MustCompile(`\b(?:[0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}\b`),                                                                                                                                           // MAC
	regexp.MustCompile(`\[?[0-9A-Fa-f]{0,4}(?::(?:\d{1,3}(?:\.\d{1,3}){3}\b|[0-9A-Fa-f]{0,4})){2,7}(?:%[0-9A-Za-z_.]+)?\]?(?::\d+)?`),                                                                           // IPv6 compressed, IPv4-mapped, [bracketed]:port (checked by maskIPv6), before IPv4
	regexp.MustCompile(`\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b`),                                                                                                                                                  // IPv4[:port]
	regexp.MustCompile(`\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b`),                                                                                                                                        // IPv6-ish
	regexp.MustCompile(`\b(?:[A-Za-z0-9-]+\.)+(?:com|net|org|edu|gov|mil|int|io|info|biz|uk|de|cn|hk|jp|fr|ru|us|eu|ca|au|in|br|nl|local|localdomain|lan)(?:\.[a-z]{2})?(?::\d+)?\b`),                           // host name
	regexp.MustCompile(`(?:^|[\s=:(\[,])(?:[A-Za-z]:)?(?:[\\/][\w.\-@+~$#]+){2,}[\\/]?`),                                                                                                                        // path
	regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?`),                                                                                                      // ISO time
	regexp.MustCompile(`\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{4})?)?\b`), // written date
	regexp.MustCompile(`\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b`),                                                                                                                                                   // clock time
	regexp.MustCompile(`[<>~]?\b\d+(?:[.,]\d+)?\s*(?:[KMGT]i?B|[KMG]bytes|bytes?|ms|us|µs|ns|sec|secs|seconds?|mins?|minutes?|hours?)\b`),                                                                       // quantity
}

// parenQuantity is a parenthesised amount with a unit.
var parenQuantity = regexp.MustCompile(`\(\s*[<>~]?\d+(?:[.,]\d+)?\s*(?:[KMGT]i?B|[KMG]bytes|bytes?|ms|us|µs|ns|sec|secs|seconds?|mins?|minutes?|hours?|%)\s*\)`)

// pathRule is the index of the path rule, whose match may start with a
// delimiter that must be kept.
const pathRule = 7

// hostRule is the index of the host name rule, whose match may be the
// opening of a dotted class or service name ("java.io.IOException").
const hostRule = 6

// ipv6Rule is the index of the rule for IPv6 addresses written short
// ("2001:db8::5") or with a port ("[2001:db8::5]:443"), whose matches
// are only candidates: "std::vector" and "a:b:c" have the same shape.
// It runs before the IPv4 rule: an IPv4-mapped address
// ("[::ffff:192.0.2.1]:80") had its IPv4 tail masked first and was left
// as "[::ffff:<*>]:80", a template per listener's notation.
const ipv6Rule = 3

// ruleNeeds lists, per rule, bytes of which a line must hold at least one
// for the rule to apply, and whether it needs a digit: a cheap test that
// skips most regular-expression passes.
var ruleNeeds = []struct {
	anyOf string
	digit bool
}{
	{"/", false}, {"-", true}, {":-", false}, {":", false}, {".", true}, {":", false},
	{".", false}, {"/\\", false}, {"-", true}, {"JFMASOND", true}, {":", true},
	{"bBsmhiu", true},
}

// tokenPunct is trimmed from a token before deciding whether it is a
// variable, and put back around the wildcard.
const tokenPunct = `[](){},;:"'.!?`

// mask turns content into template tokens: variable substrings and any
// token holding a digit become Wildcard, key=value keeps the key.
func mask(content string, c Config) []string {
	s, path, status, request := maskRequest(content)
	digit := hasDigit(s)
	if digit && strings.IndexByte(s, '(') >= 0 {
		// A quantity in parentheses restates the one before it ("2048
		// bytes (2 KB)"); drop it so that an optional restatement does
		// not change the message's length.
		s = parenQuantity.ReplaceAllString(s, "")
	}
	for i, re := range maskRules {
		if n := ruleNeeds[i]; (n.digit && !digit) || !strings.ContainsAny(s, n.anyOf) || !re.MatchString(s) {
			// Replace copies the line twice even when nothing matches
			continue
		}
		if i == pathRule {
			s = re.ReplaceAllStringFunc(s, keepLead)
			continue
		}
		if i == hostRule {
			s = maskHosts(s, re)
			continue
		}
		if i == ipv6Rule {
			s = maskIPv6(s, re)
			continue
		}
		s = re.ReplaceAllString(s, Wildcard)
	}

	fields := strings.Fields(s)
	cmd := cronCommandFields(content, len(fields))
	out := fields[:0]
	for i, f := range fields {
		t := maskToken(f)
		if cmd != nil && i >= 2 && commandPath(cmd[i]) {
			t = cmd[i]
		}
		if c.CollapseWildcards && t == Wildcard && len(out) > 0 && out[len(out)-1] == Wildcard {
			continue
		}
		out = append(out, t)
	}
	if request {
		restoreRequest(out, path, status)
	}
	return out
}

// maskHosts masks the host names re finds in s, except a match that a
// dotted name goes on after ("java.io" in "java.io.IOException",
// "com.example.net" in "com.example.net.Client"): a class or service name
// whose part happens to be a top-level domain, not a host. (A host's
// country code after its domain, "wsi.edu.pl", is part of the match.)
func maskHosts(s string, re *regexp.Regexp) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		if end := m[1]; end+1 < len(s) && s[end] == '.' && isLetter(s[end+1]) {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(Wildcard)
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// maskIPv6 masks the IPv6 addresses among re's matches in s, with their
// brackets and port ("[2001:db8::5]:443"): the generic rule above wants
// four groups and no "::", and the token rule left "[<*>" of a bracketed
// address, its "]:443" taken into the wildcard. A match inside a word
// ("std::vector", "Foo::Bar") or that netip does not read is left.
func maskIPv6(s string, re *regexp.Regexp) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		lo, hi := m[0], m[1]
		if lo > 0 && (isWordByte(s[lo-1]) || s[lo-1] == ':' || s[lo-1] == '.') || hi < len(s) && isWordByte(s[hi]) {
			continue
		}
		if s[hi-1] == ':' {
			hi-- // "from fe80::1: reset"
		}
		if !isIPv6(s[lo:hi]) {
			continue
		}
		b.WriteString(s[last:lo])
		b.WriteString(Wildcard)
		last = hi
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isIPv6 reports whether a is an IPv6 address, bare, in brackets, or in
// brackets with a port.
func isIPv6(a string) bool {
	if strings.HasPrefix(a, "[") {
		if ap, err := netip.ParseAddrPort(a); err == nil {
			return ap.Addr().Is6()
		}
		if !strings.HasSuffix(a, "]") {
			return false
		}
		a = a[1 : len(a)-1]
	}
	addr, err := netip.ParseAddr(a)
	return err == nil && addr.Is6()
}

func isWordByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// keepLead replaces a path match but keeps its leading delimiter.
func keepLead(m string) string {
	if m != "" && strings.IndexByte(" \t=:([,", m[0]) >= 0 {
		return m[:1] + Wildcard
	}
	return Wildcard
}

// maskToken masks one whitespace-free token.
func maskToken(f string) string {
	if f == Wildcard || isEventIDToken(f) {
		return f
	}
	if unspaced(f) {
		return unspacedVar.ReplaceAllStringFunc(f, maskRun)
	}
	if m := uidOwnerRe.FindStringSubmatch(f); m != nil {
		return Wildcard + "(uid=" + Wildcard + ")" + m[1]
	}
	if k := strings.IndexByte(f, '='); k > 0 && k < len(f)-1 {
		val := f[k+1:]
		core, pre, suf := trimPunct(val)
		if core != "" && (hasDigit(core) || strings.Contains(core, Wildcard)) {
			if named, ok := maskDotted(core); ok {
				return f[:k+1] + pre + named + suf
			}
			return f[:k+1] + pre + Wildcard + suf
		}
		return f
	}
	core, pre, suf := trimPunct(f)
	if core == "" {
		return f
	}
	if hasDigit(core) || (strings.Contains(core, Wildcard) && core != Wildcard) {
		if namedUnit(core) {
			return f
		}
		if named, ok := maskDotted(core); ok {
			return pre + named + suf
		}
		return pre + Wildcard + suf
	}
	return f
}

// namedUnitRe is a systemd service, socket, timer, target or path unit.
// Its digits are a version or an instance ("php8.2-fpm.service",
// "postgresql@15-main.service"), not a value of the event: masked, a
// journal's "<*>: Scheduled restart job" never said which service was
// restarting. A scope, slice or mount (session-412.scope) is one of
// many and stays masked.
var namedUnitRe = regexp.MustCompile(`^[A-Za-z][\w@:.\\-]*\.(?:service|socket|timer|target|path)$`)

// namedUnit reports a unit name that names the event (namedUnitRe)
// without a number of four or more digits in it (a uid's "user@1000",
// a generated id).
func namedUnit(core string) bool {
	return namedUnitRe.MatchString(core) && !longDigitRun.MatchString(core)
}

// longDigitRun is a number of four or more digits.
var longDigitRun = regexp.MustCompile(`\d{4}`)

// uidOwnerRe is an account named with its uid, as PAM writes who a
// session is for and who opened it ("session opened for user
// alice(uid=1000) by bob(uid=1001)"): the name is as variable as the
// uid. Kept, it made a template per user where two names differed in one
// line (su's and sudo's "user root(uid=0) by alice(uid=1000)" against
// "user postgres(uid=114) by bob(uid=1001)"). A name in capitals is no
// account but login's placeholder ("by LOGIN(uid=0)"), another event,
// and stays.
var uidOwnerRe = regexp.MustCompile(`^[a-z_][a-z0-9_.-]*\$?\(uid=\d+\)([,;:.]?)$`)

// dottedName is a reverse-DNS service or class name
// ("org.freedesktop.systemd1", "com.apple.xpc.launchd",
// "org.apache.hadoop.mapreduce.v2.app"): three or more parts that open
// with a letter, a number only at the end of a part past the first (a
// host's numbered first label, "web1.prod.example", stays a variable).
var dottedName = regexp.MustCompile(`^[A-Za-z][A-Za-z_\-]*(?:\.[A-Za-z][A-Za-z_\-]*[0-9]*[A-Za-z_]*){2,}`)

// maskDotted keeps a dotted service name that holds a digit, which names
// the event rather than varying with it: masking it whole made every
// D-Bus and launchd message about some service one template. A pid or
// number after the name ("com.apple.mdworker.bundles[12345",
// "...mdmclient.12345") is masked. ok is false when core is no such name.
func maskDotted(core string) (string, bool) {
	loc := dottedName.FindStringIndex(core)
	if loc == nil {
		return "", false
	}
	name, rest := core[:loc[1]], core[loc[1]:]
	switch {
	case rest == "":
		return name, true
	case strings.IndexByte("[(.:@/", rest[0]) >= 0:
		closer := "" // trimPunct keeps the bracket rest opens: "bundles[12345]"
		if n := len(rest); n > 1 && closesInside(rest[:n-1], rest[n-1]) {
			closer = rest[n-1:]
		}
		return name + rest[:1] + Wildcard + closer, true
	}
	return "", false
}

// trimPunct splits s into leading punctuation, core and trailing
// punctuation.
func trimPunct(s string) (core, pre, suf string) {
	i, j := 0, len(s)
	for i < j {
		if s[i] == '\\' && i+1 < j && s[i+1] == '"' {
			i += 2 // an escaped quote, in a quoted value: \"api\"
			continue
		}
		if strings.IndexByte(tokenPunct, s[i]) < 0 {
			break
		}
		i++
	}
	for j > i {
		if s[j-1] == '"' && j-2 >= i && s[j-2] == '\\' {
			j -= 2
			continue
		}
		if strings.IndexByte(tokenPunct, s[j-1]) < 0 || closesInside(s[i:j-1], s[j-1]) {
			break
		}
		j--
	}
	return s[i:j], s[:i], s[j:]
}

// closesInside reports whether c closes a bracket that core opens
// ("prod(<*>" and ")"): the bracket is part of the value, and trimming it
// left the template "pod=<*>)\"\"" of "pod=api-7d9_prod(5f1e...)\"\"".
func closesInside(core string, c byte) bool {
	var open byte
	switch c {
	case ')':
		open = '('
	case ']':
		open = '['
	case '}':
		open = '{'
	default:
		return false
	}
	return strings.Count(core, string(open)) > strings.Count(core, string(c))
}

// unspacedVar is a run of Latin letters, digits and the signs that join
// them inside a token of a script written without spaces: the numbers,
// ids and English words of a Chinese message ("订单号=202405130001",
// "（30000毫秒）", "用户ID=10086").
var unspacedVar = regexp.MustCompile(`[0-9A-Za-z_.+#:/\-]+`)

// unspaced reports a token holding Chinese or Japanese, whose words no
// space parts: the token is a whole clause or message
// ("数据库连接失败：连接超时（30000毫秒）"), and masking all of it for the
// one number in it left the template "<*>", and two messages that differ
// in a number two templates.
func unspaced(f string) bool {
	for _, r := range f {
		if r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// maskRun masks a run of an unspaced token that holds a digit, keeping
// the punctuation around it ("2.", "v3:").
func maskRun(run string) string {
	core, pre, suf := trimPunct(run)
	if !hasDigit(core) {
		return run
	}
	return pre + Wildcard + suf
}

// shownTokens are a template's tokens as they are shown, a user's name
// (userSlot) as a variable: the name is a value, as an id is, and the
// first user's name stood in the template of an event seen once
// ("session opened for user alice", "Accepted publickey for deploy
// from"). Mining still compares the names themselves: masked before,
// "session opened for user root by LOGIN(uid=0)" joined "session opened
// for user <*> by (uid=<*>)", another event of loghub's Linux log.
func shownTokens(toks []string) []string {
	var out []string
	for i := range toks {
		_, pre, suf, ok := userAt(toks, i)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[i] = pre + Wildcard + suf
	}
	if out == nil {
		return toks
	}
	return out
}

// userAt returns the user's name field i of a message holds, with what
// stands before and after it in the field: a name in a slot the words
// around it make (userSlot), the value of a key that names a user
// (userKeys: "user=bob", auditd's acct="alice"), or the user cron runs a
// command as ("(root) CMD (...)").
func userAt(fields []string, i int) (name, pre, suf string, ok bool) {
	f := fields[i]
	if k, v, found := strings.Cut(f, "="); found && userKeys[k] {
		name, ok := keyedUser(f)
		if !ok {
			return "", "", "", false
		}
		_, p, s := trimPunct(v)
		return name, k + "=" + p, s, true
	}
	if userSlot(fields, i) || cronUser(fields, i) {
		core, p, s := trimPunct(f)
		return core, p, s, true
	}
	return "", "", "", false
}

// keyedUser returns the user a key=value field names (userKeys).
func keyedUser(f string) (string, bool) {
	k, v, found := strings.Cut(f, "=")
	if !found || !userKeys[k] {
		return "", false
	}
	core, _, _ := trimPunct(v)
	return core, nameToken(core) && !notAName[core]
}

// userKeys are the keys whose values name a user. They are lower case:
// sudo's "USER=root" is the user a command ran as, not the one who ran it.
// PAM's logname= and ruser= name who asked ("pam_unix(su:auth):
// authentication failure; logname=bob ... ruser=bob rhost=  user=root":
// bob tried to become root), which is who an on-call reader looks for.
var userKeys = map[string]bool{"user": true, "username": true, "usr": true, "acct": true, "logname": true, "ruser": true}

// cronUser reports whether field i is the user cron runs a command as:
// "(root) CMD (/usr/lib/php/sessionclean)".
func cronUser(fields []string, i int) bool {
	f := fields[i]
	return i == 0 && len(fields) > 1 && fields[1] == "CMD" && len(f) > 2 && f[0] == '(' && f[len(f)-1] == ')' &&
		nameToken(f[1:len(f)-1])
}

// cronCommandFields returns the fields of content when it is cron's
// "(root) CMD (/usr/local/bin/backup.sh --full)" and masking kept its
// fields in place (n of them); nil otherwise. The paths of the command
// say which job ran: masked as variables, every job of a host read as one
// "(<*>) CMD (<*>)" template, and an on-call reader could not tell the
// backup from the session cleaner.
func cronCommandFields(content string, n int) []string {
	if !strings.Contains(content, " CMD (") {
		return nil
	}
	fields := strings.Fields(content)
	if len(fields) != n || len(fields) < 3 || !cronUser(fields, 0) {
		return nil
	}
	return fields
}

// commandPath reports whether a field of a cron command is a path with
// no digit: a script or program, which is content. A path with a digit
// (a dated dump, a PID file) stays a variable.
func commandPath(f string) bool {
	core, _, _ := trimPunct(f)
	return strings.HasPrefix(core, "/") && len(core) > 1 && !hasDigit(core)
}

// userSlot reports whether field i of a message is a user's name by the
// words around it: after "user" ("session opened for user alice",
// "Failed password for invalid user admin"), between sshd's "Accepted"
// or "Failed" with a method and "from" ("Accepted password for alice
// from ..."), after the "for" of sshd's refusals of a client that tried
// too many times ("maximum authentication attempts exceeded for root
// from", "Too many authentication failures for admin"), after the target
// of su's "(to root)", or first before sudo's ": TTY=".
func userSlot(fields []string, i int) bool {
	core, _, _ := trimPunct(fields[i])
	if !nameToken(core) || notAName[core] || finiteVerb(core) {
		return false
	}
	prev := func(k int) string {
		if i-k < 0 {
			return ""
		}
		w, _, _ := trimPunct(fields[i-k])
		return strings.ToLower(w)
	}
	next := ""
	if i+1 < len(fields) {
		next = fields[i+1]
	}
	switch {
	case prev(1) == "user":
		return true
	case prev(1) == "for" && next == "from" && (prev(3) == "accepted" || prev(3) == "failed"):
		return true
	case prev(1) == "for" && prev(2) == "exceeded" && next == "from":
		// sshd's "maximum authentication attempts exceeded for root from"
		return true
	case prev(1) == "for" && prev(2) == "failures" && prev(3) == "authentication":
		// sshd's "Too many authentication failures for admin [preauth]"
		return true
	case i == 0 && next == ":" && sudoFields(fields[2:]):
		return true
	case prev(2) == "to" && fields[i-2] == "(to" && strings.HasSuffix(fields[i-1], ")") && next == "on":
		// su's "FAILED SU (to root) bob on pts/0", "(to root) bob on pts/1"
		return true
	}
	return false
}

// sudoFields reports whether fields are what follows the user in a
// line of sudo's: its TTY= field, first ("alice : TTY=pts/0 ; PWD=...")
// or after what went wrong ("bob : 3 incorrect password attempts ;
// TTY=pts/0 ; ...", "bob : user NOT in sudoers ; TTY=..."). Only the
// first shape was read, and the name of the first user whose sudo
// failed stood in the template of every user's.
func sudoFields(fields []string) bool {
	for j, f := range fields {
		if strings.HasPrefix(f, "TTY=") {
			return j == 0 || fields[j-1] == ";"
		}
	}
	return false
}

// notAName are words that follow "user" in messages and name no user
// ("check pass; user unknown", "Closed due to user request", "user
// said ...", "exceeded per user quota").
var notAName = map[string]bool{
	"unknown": true, "request": true, "requests": true, "name": true, "names": true, "id": true, "ids": true,
	"agent": true, "data": true, "session": true, "sessions": true, "account": true, "accounts": true,
	"is": true, "was": true, "has": true, "not": true, "and": true, "or": true, "from": true, "to": true,
	"in": true, "on": true, "with": true, "by": true, "for": true, "of": true, "the": true, "a": true,
	"logged": true, "login": true, "logout": true, "authentication": true, "auth": true, "process": true,
	"mode": true, "space": true, "said": true, "says": true, "quota": true, "limit": true, "limits": true,
	"input": true, "interface": true, "profile": true, "settings": true, "group": true, "groups": true,
	"home": true, "directory": true, "list": true, "table": true, "namespace": true, "context": true,
	"service": true, "manager": true, "info": true, "details": true, "record": true, "role": true,
	"roles": true, "permissions": true, "privileges": true, "credentials": true, "password": true,
	"token": true, "tokens": true, "key": true, "keys": true, "database": true, "db": true, "cache": true,
	"LOGIN": true, // login's logname= before a user has logged in
}
