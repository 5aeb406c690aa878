package parse

import (
	"regexp"
	"strings"
	"time"
)

// A meeting invitation says what, when and where in a text/calendar part
// (an iCalendar VEVENT: SUMMARY, DTSTART, LOCATION) or, as Outlook saves
// one as text, in "When:" and "Where:" lines under the header. Neither
// reached the summary: the calendar part was no text, and the lines are
// no sentence ("You have been invited to the following event." was the
// whole summary). eventSentence says it in one sentence that opens the
// message's text.

// eventSentence is the sentence that says what a meeting is, when and
// where, after its label ("Meeting: Contract review, on Wednesday, 2
// December 2026 10:00 UTC, at Room 4.12."); "" without a what and a
// when.
func eventSentence(what, when, where, label string) string {
	what, when, where = strings.TrimSpace(what), strings.TrimSpace(when), strings.TrimSpace(where)
	if what == "" || when == "" {
		return ""
	}
	s := label + ": " + strings.TrimRight(what, ".") + ", on " + strings.TrimRight(when, ".")
	if where != "" {
		s += ", at " + strings.TrimRight(where, ".")
	}
	return s + "."
}

// icsEvent is the sentence for the first VEVENT of an iCalendar text.
func icsEvent(ics string) string {
	props := map[string]string{}
	params := map[string]string{}
	in, nested := false, 0 // in the VEVENT; in a component inside it (a VALARM)
lines:
	for _, l := range unfoldICS(ics) {
		name, val, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		name, param, _ := strings.Cut(name, ";")
		name, val = strings.ToUpper(name), strings.TrimSpace(val)
		switch {
		case name == "BEGIN" && in:
			nested++
		case name == "END" && nested > 0:
			nested--
		case name == "BEGIN" && strings.EqualFold(val, "VEVENT"):
			in = true
		case name == "END" && in:
			break lines // the first event is the invitation's
		case name == "METHOD" && !in:
			props["METHOD"] = strings.ToUpper(val)
		case in && nested == 0 && props[name] == "":
			props[name], params[name] = icsUnescape(val), param
		}
	}
	when := icsWhen(props["DTSTART"], params["DTSTART"], props["DTEND"])
	return eventSentence(props["SUMMARY"], when, props["LOCATION"], eventLabel(props, params))
}

// partStats are an invitation reply's answers (PARTSTAT), as a reader
// says them.
var partStats = map[string]string{"ACCEPTED": "accepted", "DECLINED": "declined", "TENTATIVE": "tentatively accepted", "DELEGATED": "delegated"}

// eventLabel is what a calendar part is: an invitation ("Meeting"), a
// cancellation, or a reply that answers one ("Meeting accepted by Carl
// Holt"): a reply had read "Meeting:" as if it invited its reader.
func eventLabel(props, params map[string]string) string {
	if props["METHOD"] == "CANCEL" || strings.EqualFold(props["STATUS"], "CANCELLED") {
		return "Cancelled meeting"
	}
	if props["METHOD"] != "REPLY" {
		return "Meeting"
	}
	var stat, who string
	for _, p := range strings.Split(params["ATTENDEE"], ";") {
		k, v, _ := strings.Cut(p, "=")
		switch strings.ToUpper(k) {
		case "PARTSTAT":
			stat = partStats[strings.ToUpper(v)]
		case "CN":
			who = strings.Trim(v, `"`)
		}
	}
	if who == "" {
		who = strings.TrimPrefix(strings.TrimPrefix(props["ATTENDEE"], "mailto:"), "MAILTO:")
	}
	if stat == "" {
		return "Meeting reply"
	}
	if who == "" {
		return "Meeting " + stat
	}
	return "Meeting " + stat + " by " + who
}

// unfoldICS is an iCalendar text's content lines, folded ones (RFC 5545:
// a line break and a space or tab) joined.
func unfoldICS(ics string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(ics, "\r\n", "\n"), "\n") {
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && len(out) > 0 {
			out[len(out)-1] += l[1:]
			continue
		}
		out = append(out, l)
	}
	return out
}

// icsUnescaper undoes iCalendar text escapes.
var icsUnescaper = strings.NewReplacer(`\,`, ",", `\;`, ";", `\n`, " ", `\N`, " ", `\\`, `\`)

func icsUnescape(v string) string {
	return strings.Join(strings.Fields(icsUnescaper.Replace(v)), " ")
}

// icsWhen is a DTSTART (and DTEND) as a reader writes a time: "Wednesday,
// 2 December 2026 10:00-11:00 UTC", a zone named by its TZID; the value
// as it is when it is no iCalendar date.
func icsWhen(start, param, end string) string {
	if start == "" {
		return ""
	}
	tzid := ""
	for _, p := range strings.Split(param, ";") {
		if k, v, ok := strings.Cut(p, "="); ok && strings.EqualFold(k, "TZID") {
			tzid = strings.Trim(v, `"`)
		}
	}
	if d, err := time.Parse("20060102", start); err == nil {
		return d.Format("Monday, 2 January 2006")
	}
	zone := tzid
	if strings.HasSuffix(start, "Z") {
		zone = "UTC"
	}
	s, err := time.Parse("20060102T150405", strings.TrimSuffix(start, "Z"))
	if err != nil {
		return start
	}
	out := s.Format("Monday, 2 January 2006 15:04")
	if e, err := time.Parse("20060102T150405", strings.TrimSuffix(end, "Z")); err == nil && e.YearDay() == s.YearDay() && e.After(s) {
		out += "-" + e.Format("15:04")
	}
	if zone != "" {
		out += " " + zone
	}
	return out
}

var (
	// whenRe and whereRe are the lines Outlook writes above an
	// invitation's body ("When: Wednesday, 2 December 2026 10:00-11:00
	// (UTC+00:00) Dublin, Edinburgh, Lisbon, London.", "Where: Room 4.12").
	whenRe  = regexp.MustCompile(`(?m)^[ \t]*(?:When|时间|時間)[ \t]*[:：][ \t]*(.+?)[ \t]*$`)
	whereRe = regexp.MustCompile(`(?m)^[ \t]*(?:Where|地点|地點)[ \t]*[:：][ \t]*(.+?)[ \t]*$`)
	// zoneCitiesRe is the list of cities Outlook writes after a time
	// zone: they were the message's key phrases ("Dublin", "Lisbon").
	zoneCitiesRe = regexp.MustCompile(`(\((?:UTC|GMT)[^)]*\))[^()]*$`)
	// outlookRuleRe is the "*~*~*~*" rule Outlook draws under them.
	outlookRuleRe = regexp.MustCompile(`(?m)^[ \t]*(?:\*~){3,}\*?[ \t]*\n?`)
)

// whenWhereEvent is a body whose opening When and Where lines (the first
// lines of it) are said as one event sentence on the subject, and the
// rule under them dropped; the body as it is without a When line there.
func whenWhereEvent(body, subject string) string {
	head := body[:min(len(body), 600)]
	w := whenRe.FindStringSubmatchIndex(head)
	if w == nil || strings.TrimSpace(body[:w[0]]) != "" {
		return body
	}
	when := zoneCitiesRe.ReplaceAllString(body[w[2]:w[3]], "$1")
	rest, where := body[w[1]:], ""
	if m := whereRe.FindStringSubmatchIndex(rest[:min(len(rest), 300)]); m != nil && strings.TrimSpace(rest[:m[0]]) == "" {
		where, rest = rest[m[2]:m[3]], rest[m[1]:]
	}
	s := eventSentence(subject, when, where, "Meeting")
	if s == "" {
		return body
	}
	rest = outlookRuleRe.ReplaceAllString(rest, "")
	return strings.TrimSpace(s + "\n\n" + strings.TrimSpace(rest))
}
