package logs

import (
	"regexp"
	"strconv"
	"strings"
)

// cefRe finds the opening of an ArcSight Common Event Format record,
// "CEF:0|", alone on its line or after a syslog header.
var cefRe = regexp.MustCompile(`(?:^|\s)CEF:\d\|`)

// IsCEF reports whether line is a CEF record (after a syslog header or
// none), as firewalls, IDSs and SIEMs forward their events.
func IsCEF(line string) bool {
	return strings.Contains(line, "CEF:") && cefRe.MatchString(line)
}

// splitCEF reads a CEF record: "CEF:Version|Device Vendor|Device
// Product|Device Version|Signature ID|Name|Severity|Extension". The
// product and the event's name are the content, with the signature ID
// where it is a word (PAN-OS's THREAT, TRAFFIC), not a number that
// varies with the rule; the severity (0-10, or Low to Very-High) the
// level; the extension's rt (receipt time) the time, else the syslog
// header's. The extension, addresses and ports, is left out: read whole,
// the vendor's name was masked with the syslog header and the event's
// name ran into its neighbours across the pipes.
func splitCEF(line string) (Header, string, bool) {
	if !IsCEF(line) {
		return Header{}, "", false
	}
	loc := cefRe.FindStringIndex(line)
	start := loc[0]
	if line[start] != 'C' {
		start++
	}
	fields := cefFields(line[start:])
	if len(fields) < 8 {
		return Header{}, "", false
	}
	product, sig, name := fields[2], fields[4], fields[5]
	h := Header{Raw: line, Component: product, Level: cefLevel(fields[6])}
	if rt, ok := cefExtension(fields[7], "rt"); ok {
		if n, err := strconv.ParseFloat(rt, 64); err == nil {
			h.Time, _ = epoch(n)
		} else {
			// "Mar 01 2024 10:00:00 GMT": read as a header's time is,
			// with its zone
			h.Time, _ = findTime(headerTokens(nil, rt, maxHeaderTokens))
		}
	}
	if h.Time.IsZero() && start > 0 {
		syslog, _ := SplitHeader(line[:start])
		h.Time = syslog.Time
	}
	content := product
	if sig != "" && !hasDigit(sig) {
		content += " " + sig
	}
	return h, content + ": " + name, true
}

// cefFields splits a CEF record at its first seven unescaped pipes (the
// extension may hold pipes of its own), undoing "\|" and "\\".
func cefFields(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case len(out) == 7:
			return append(out, s[i:])
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == '|' || s[i+1] == '\\'):
			i++
			b.WriteByte(s[i])
		case s[i] == '|':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, b.String())
}

// cefExtension returns the value of key in a CEF extension ("rt=Mar 01
// 2024 10:00:00 GMT src=10.0.0.5 ..."): values may hold spaces, and run
// to the next "key=".
func cefExtension(ext, key string) (string, bool) {
	i := strings.Index(" "+ext, " "+key+"=")
	if i < 0 {
		return "", false
	}
	v := ext[i+len(key)+1:]
	if next := cefNextKey.FindStringIndex(v); next != nil {
		v = v[:next[0]]
	}
	return strings.TrimSpace(v), true
}

// cefNextKey is the key that ends an extension value.
var cefNextKey = regexp.MustCompile(`\s[A-Za-z][A-Za-z0-9_.]*=`)

// cefLevel maps a CEF severity to a level: 0-3 (Low) information, 4-6
// (Medium) warning, 7-8 (High) error, 9-10 (Very-High) fatal.
func cefLevel(sev string) string {
	if n, err := strconv.Atoi(sev); err == nil {
		switch {
		case n < 0 || n > 10:
			return ""
		case n <= 3:
			return "INFO"
		case n <= 6:
			return "WARN"
		case n <= 8:
			return "ERROR"
		}
		return "FATAL"
	}
	switch strings.ToLower(sev) {
	case "low":
		return "INFO"
	case "medium":
		return "WARN"
	case "high":
		return "ERROR"
	case "very-high":
		return "FATAL"
	}
	return ""
}
