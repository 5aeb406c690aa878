package logs

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// timeLayouts are common timestamp shapes (ISO, syslog, Apache, Java
// logging, compact and dotted forms). They describe timestamp notations,
// not particular systems.
var timeLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05,999999999",
	"2006-01-02 15:04:05",
	"2006-01-02-15.04.05.999999999",
	"2006/01/02 15:04:05.999999999",
	"2006/01/02 15:04:05",
	"06/01/02 15:04:05",
	"06-01-02 15:04:05",
	"060102 150405",
	"060102 15:04:05", // MySQL 5.6's slow query log: "# Time: 141011 22:14:15"
	"Mon Jan _2 15:04:05 2006",
	"Mon Jan _2 15:04:05.999999999 2006",
	"02/Jan/2006:15:04:05 -0700",
	"02/Jan/2006 15:04:05", // Werkzeug's and Django's runserver: [13/May/2024 10:00:00]
	"Jan _2 2006 15:04:05",
	"02 Jan 2006 15:04:05.999999999", // Redis: "1:M 31 Dec 2024 23:50:00.123 * DB saved on disk"
	"02 Jan 2006 15:04:05",
	// PHP-FPM ("[03-Dec-2026 06:01:02] NOTICE: ...") and Tomcat's
	// catalina.out ("03-Dec-2026 06:01:02.123 SEVERE [main] ..."): read
	// as no time, their logs had no span
	"02-Jan-2006 15:04:05.999999999",
	"02-Jan-2006 15:04:05",
	// syslog with the year its writer added before or after the time
	// (rsyslog and syslog-ng templates, network devices): read without
	// it, such a log was yearless
	"2006 Jan _2 15:04:05.999999999",
	"2006 Jan _2 15:04:05",
	"Jan _2 15:04:05.999999999 2006",
	"Jan _2 15:04:05 2006",
	"Jan _2 15:04:05.999999999",
	"Jan _2 15:04:05",
	"Mon Jan _2 15:04:05",
	// the US 12-hour clock Windows writes in English (Event Viewer's
	// "Date: 10/11/2026 8:00:12 AM"): read as no time, an export of
	// events had no span
	"1/2/2006 3:04:05 PM",
	// the dotted day-first date Windows writes in most European locales
	// ("Date: 11.10.2026 09:10:01"): an Event Viewer copy made there had
	// no span
	"2.1.2006 15:04:05",
	"01-02 15:04:05.999999999",
	"01-02 15:04:05",
	"01.02 15:04:05",
	"01/02 15:04:05",
	"2006-01-02",
	"2006.01.02",
}

// noZone is the location of a time read without a zone or offset: the
// log's own clock, which may be any zone. It is written without an offset
// (formatTime), never as UTC, which it may well not be.
var noZone = time.FixedZone("", 0)

// layoutLiterals holds, per timeLayouts entry, the separators time.Parse
// matches as written ("--T::" of "2006-01-02T15:04:05Z07:00"): a value
// without them in that order cannot be read by the layout.
var layoutLiterals = func() []string {
	out := make([]string, len(timeLayouts))
	for i, l := range timeLayouts {
		out[i] = literals(l)
	}
	return out
}()

// literals returns the characters of layout that time.Parse matches
// literally, in order, leaving out anything that may be part of a layout
// element (digits, letters of month, day and zone names, a fraction's
// dot, a zone offset's sign and colon) and spaces (a run of which matches
// any run). Leaving out too much only weakens inOrder's test; a literal
// is kept only where time.Parse must meet it as written.
func literals(layout string) string {
	var b strings.Builder
	for i := 0; i < len(layout); {
		rest := layout[i:]
		switch c := layout[i]; {
		case strings.HasPrefix(rest, "Z07") || strings.HasPrefix(rest, "-07"):
			// Z07:00:00, Z07:00, Z0700, Z07 and the same with a sign
			i += len(rest) - len(strings.TrimLeft(rest[1:], "0123456789:"))
		case (c == '.' || c == ',') && fraction(rest):
			i += 1 + len(rest[1:]) - len(strings.TrimLeft(rest[1:], rest[1:2]))
		case c == ' ' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' && c != 'T':
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// fraction reports whether s opens with a fractional-second element:
// a dot or comma, a run of 0s or 9s, then no digit.
func fraction(s string) bool {
	if len(s) < 2 || s[1] != '0' && s[1] != '9' {
		return false
	}
	rest := strings.TrimLeft(s[1:], s[1:2])
	return rest == "" || rest[0] < '0' || rest[0] > '9'
}

// readableBytes reports whether time.Parse could consume every byte of s
// with layout: a layout's elements read only letters, digits, spaces,
// signs, dots, commas and colons (numbers, names, zones and fractions),
// so any other byte of s ("(" or "[" of "sshd(pam_unix)[20884]") must be
// one of the layout's own.
func readableBytes(s, layout string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || strings.IndexByte(" \t+-.,:", c) >= 0 {
			continue
		}
		if strings.IndexByte(layout, c) < 0 {
			return false
		}
	}
	return true
}

// inOrder reports whether every byte of lits occurs in s, in order.
func inOrder(s, lits string) bool {
	for i := 0; i < len(lits); i++ {
		k := strings.IndexByte(s, lits[i])
		if k < 0 {
			return false
		}
		s = s[k+1:]
	}
	return true
}

// apacheLayout is an Apache error log's bracketed date, with its
// literals.
const apacheLayout = "Mon Jan 02 15:04:05 2006"

var apacheLiterals = literals(apacheLayout)

// floating moves a time parsed without a zone into noZone; zoned says
// whether its layout had one.
func floating(t time.Time, layout string) time.Time {
	if strings.Contains(layout, "Z07") || strings.Contains(layout, "-07") || strings.Contains(layout, "MST") {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), noZone)
}

// findTime returns the first timestamp found in a window of consecutive
// header tokens and the index after its last token, or the zero time.
func findTime(toks []htok) (time.Time, int) {
	var buf [maxHeaderTokens]string
	parts := buf[:0]
	if len(toks) > len(buf) {
		parts = make([]string, 0, len(toks))
	}
	parts = parts[:len(toks)]
	for i, t := range toks {
		// Cisco marks a clock not (or no longer) synchronised with a
		// leading "*" or ".", and ends the time with a colon:
		// "*Dec 10 2024 06:55:00.123: %SYS-5-CONFIG_I: ..."
		parts[i] = strings.TrimRight(strings.Trim(t.text, "[]"), ",:")
		if t.kind == kID {
			parts[i] = strings.TrimLeft(parts[i], "*.")
		}
		if i == 0 && priLevel(parts[0]) != "" {
			// a syslog priority glued to an RFC 3164 time: "<34>Oct 11 22:14:15"
			parts[0] = parts[0][strings.IndexByte(parts[0], '>')+1:]
		}
		if k := strings.LastIndexByte(parts[i], ':'); i == 0 && k > 0 && isMonthOrDay(parts[i][k+1:]) {
			// a node glued to the time, as IOS XR writes it:
			// "RP/0/RSP0/CPU0:Dec 10 06:55:00.123 UTC: ..."
			parts[0] = parts[0][k+1:]
		}
	}
	for i := range parts {
		if toks[i].kind != kID && toks[i].kind != kBracket {
			continue // a timestamp starts with a digit or a month/day name
		}
		for n := 5; n >= 1; n-- {
			if i+n > len(parts) {
				continue
			}
			if ts, ok := parseTime(strings.Join(parts[i:i+n], " ")); ok {
				if ts, end, ok := zoneThenYear(ts, parts, i+n); ok {
					return ts, end
				}
				if i+n < len(parts) {
					if off, ok := zoneOffsets[parts[i+n]]; ok && ts.Location() == noZone {
						// "2024-01-02 10:00:00.123 CET" (PostgreSQL, Java)
						ts = time.Date(ts.Year(), ts.Month(), ts.Day(), ts.Hour(), ts.Minute(), ts.Second(), ts.Nanosecond(),
							time.FixedZone(parts[i+n], off))
						return ts, i + n + 1
					}
				}
				return ts, i + n
			}
		}
	}
	return time.Time{}, 0
}

// zoneThenYear completes a time read without a year or zone whose zone
// abbreviation and year follow it, as date(1) writes it by default
// ("Mon May 13 10:00:00 CEST 2024", shell and cron scripts): the time
// with its zone and year, and the index after the year. Read without
// them, such a log was yearless and unzoned.
func zoneThenYear(ts time.Time, parts []string, at int) (time.Time, int, bool) {
	if ts.Year() != 0 || ts.Location() != noZone || at+1 >= len(parts) {
		return ts, 0, false
	}
	off, ok := zoneOffsets[parts[at]]
	year, err := strconv.Atoi(parts[at+1])
	if !ok || err != nil || len(parts[at+1]) != 4 {
		return ts, 0, false
	}
	return time.Date(year, ts.Month(), ts.Day(), ts.Hour(), ts.Minute(), ts.Second(), ts.Nanosecond(),
		time.FixedZone(parts[at], off)), at + 2, true
}

// zoneOffsets are the time zone abbreviations that name one offset (CST
// and IST name several and are left out), in seconds east of UTC.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "WET": 0, "WEST": 3600, "BST": 3600, "CET": 3600, "CEST": 7200, "MET": 3600, "MEST": 7200,
	"EET": 7200, "EEST": 10800, "MSK": 10800, "EST": -5 * 3600, "EDT": -4 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "AKST": -9 * 3600, "HST": -10 * 3600,
	"JST": 9 * 3600, "KST": 9 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
	"NZST": 12 * 3600, "NZDT": 13 * 3600,
}

// parseTime tries the known layouts, then a Unix epoch in seconds,
// milliseconds or microseconds.
func parseTime(s string) (time.Time, bool) {
	if s == "" || !hasDigit(s) {
		return time.Time{}, false
	}
	letter := s[0] > '9'
	for k, l := range timeLayouts {
		if (l[0] > '9') != letter || len(s) < len(l)-12 || len(s) > len(l)+12 {
			continue // cheap shape test: time.Parse failures are costly
		}
		if !inOrder(s, layoutLiterals[k]) || !readableBytes(s, timeLayouts[k]) {
			// time.Parse would fail: each failure allocates its error
			// (some 200 bytes), and a log line's header windows failed
			// some sixty layouts (9M allocations for a 5 MB log)
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return floating(t, l), true
		}
	}
	// Bracketed Apache dates keep their own spacing ("Sun Dec 04").
	if inOrder(s, apacheLiterals) && readableBytes(s, apacheLayout) {
		if t, err := time.Parse(apacheLayout, s); err == nil {
			return floating(t, ""), true
		}
	}
	if (len(s) == 10 || len(s) == 13 || len(s) == 16) && s[0] == '1' {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return epoch(float64(n))
		}
	}
	if len(s) > 11 && len(s) <= 20 && s[0] == '1' && s[10] == '.' && allDigits(s[:10]) && allDigits(s[11:]) {
		// epoch seconds with a fraction: Squid's native access log,
		// "1735689010.123     45 10.0.0.1 TCP_MISS/200 ..."
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return epoch(f)
		}
	}
	return time.Time{}, false
}

// allDigits reports whether s is all ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
