package logs

import (
	"encoding/xml"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// winEvent is a Windows event record in its XML form (the event schema,
// http://schemas.microsoft.com/win/2004/08/events/event), as Sysmon and
// the event log write it and Get-WinEvent's ToXml() exports it: one
// <Event> element a record.
type winEvent struct {
	System struct {
		Provider struct {
			Name            string `xml:"Name,attr"`
			EventSourceName string `xml:"EventSourceName,attr"`
		} `xml:"Provider"`
		EventID     string `xml:"EventID"`
		Level       string `xml:"Level"`
		Keywords    string `xml:"Keywords"`
		TimeCreated struct {
			SystemTime string `xml:"SystemTime,attr"`
		} `xml:"TimeCreated"`
		Computer string `xml:"Computer"`
	} `xml:"System"`
	EventData struct {
		Data []struct {
			Name  string `xml:"Name,attr"`
			Value string `xml:",chardata"`
		} `xml:"Data"`
	} `xml:"EventData"`
	// RenderingInfo is what Event Viewer's saves and wevtutil's
	// RenderedXml add: the event's message as the provider renders it.
	RenderingInfo struct {
		Message string `xml:"Message"`
	} `xml:"RenderingInfo"`
}

// IsEventXML reports whether line has the shape of a Windows event
// record written on one line: an <Event> element, whole. It is a cheap
// test; splitEventXML reads it.
func IsEventXML(line string) bool {
	return OpensEvent(line) && strings.HasSuffix(line, "</Event>") && strings.Contains(line, "<System>")
}

// OpensEvent reports whether s opens with a Windows event record's
// <Event> element (not <Events> or <EventData>).
func OpensEvent(s string) bool {
	return strings.HasPrefix(s, "<Event ") || strings.HasPrefix(s, "<Event>")
}

// auditFailure is the keyword bit of the Security log's failed audits
// (a failed logon, 4625): their level is 0, as every audit's, and the
// keyword is what says they failed.
const auditFailure = 0x0010000000000000

// splitEventXML reads a Windows event record written as XML on one line.
// Its content names the event by its provider and EventID, which a
// Windows event is known by, followed by the names of its data
// ("Microsoft-Windows-Sysmon EventID=1: Image=<*> CommandLine=<*> ..."),
// whose values vary with each record: the whole element was the message,
// markup and all, and such a log was no log at all. A record that
// carries its rendered message (<RenderingInfo><Message>, as Event
// Viewer's saves and wevtutil's RenderedXml write it) is named by that
// message instead, its data's values in it masked ("Service Control
// Manager EventID=7000: The <*> service failed to start ..."). Time and
// level come from TimeCreated and Level; Header.Sample shows the record
// in an error sample.
func splitEventXML(line string) (Header, string, bool) {
	if !IsEventXML(line) {
		return Header{}, "", false
	}
	var ev winEvent
	if err := xml.Unmarshal([]byte(line), &ev); err != nil {
		return Header{}, "", false
	}
	sys := ev.System
	provider := strings.TrimSpace(sys.Provider.Name)
	if provider == "" {
		provider = strings.TrimSpace(sys.Provider.EventSourceName)
	}
	id := strings.TrimSpace(sys.EventID)
	if provider == "" && id == "" {
		return Header{}, "", false
	}
	h := Header{Raw: line, Component: provider, Level: eventXMLLevel(sys.Level, sys.Keywords)}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(sys.TimeCreated.SystemTime)); err == nil {
		h.Time = t.UTC()
	}
	var b strings.Builder
	b.WriteString(provider)
	if id != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(eventIDKey + id)
	}
	b.WriteByte(':')
	name := b.String()
	h.Sample = eventXMLSample(&ev, name)
	if msg := strings.Join(strings.Fields(ev.RenderingInfo.Message), " "); msg != "" {
		// the rendered message says what happened, in the words the
		// event's names stood for; the data it was rendered from are
		// its variable parts ("The <*> service failed to start")
		values := make([]string, 0, len(ev.EventData.Data))
		for _, d := range ev.EventData.Data {
			values = append(values, d.Value)
		}
		return h, name + " " + maskValues(msg, values), true
	}
	for _, d := range ev.EventData.Data {
		if name := strings.TrimSpace(d.Name); name != "" && !strings.ContainsAny(name, " \t") {
			b.WriteString(" " + name + "=" + Wildcard)
		}
	}
	return h, b.String(), true
}

// maskValues replaces each of values that msg holds as words of its own
// (after a space or an opening bracket or quote, before a space or
// punctuation) with Wildcard, the longest first. A value with no letter
// or digit ("-", "%%1053") is left alone, as is one inside a word or a
// longer token (a "1" inside "S-1-5-18"): masked there, the same message
// became templates of its own by the values around it.
func maskValues(msg string, values []string) string {
	var vals []string
	for _, v := range values {
		v = strings.Join(strings.Fields(v), " ")
		if strings.IndexFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			vals = append(vals, v)
		}
	}
	sort.SliceStable(vals, func(i, j int) bool { return len(vals[i]) > len(vals[j]) })
	for _, v := range vals {
		var b strings.Builder
		last := 0
		for from := 0; from < len(msg); {
			i := strings.Index(msg[from:], v)
			if i < 0 {
				break
			}
			i += from
			j := i + len(v)
			if (i == 0 || strings.IndexByte(" (\"'[", msg[i-1]) >= 0) && (j == len(msg) || strings.IndexByte(" .,;:)\"']", msg[j]) >= 0) {
				b.WriteString(msg[last:i])
				b.WriteString(Wildcard)
				last, from = j, j
			} else {
				from = i + 1
			}
		}
		if last > 0 {
			b.WriteString(msg[last:])
			msg = b.String()
		}
	}
	return msg
}

// eventXMLSample is what an error sample shows of a Windows event: its
// time, computer, provider and EventID (name), then its rendered message
// when it has one, else its data as name=value pairs. The line itself
// showed only the <System> markup within the sample's length.
func eventXMLSample(ev *winEvent, name string) string {
	var b strings.Builder
	for _, s := range []string{ev.System.TimeCreated.SystemTime, ev.System.Computer} {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(s + " ")
		}
	}
	b.WriteString(name)
	if msg := strings.Join(strings.Fields(ev.RenderingInfo.Message), " "); msg != "" {
		b.WriteString(" " + msg)
		return b.String()
	}
	for _, d := range ev.EventData.Data {
		v := strings.Join(strings.Fields(d.Value), " ")
		if strings.ContainsAny(v, " \"=") {
			v = strconv.Quote(v)
		}
		if n := strings.TrimSpace(d.Name); n != "" {
			b.WriteString(" " + n + "=" + v)
		} else if v != "" {
			b.WriteString(" " + v) // a classic event's data have no names
		}
	}
	return b.String()
}

// eventXMLLevel maps a Windows event's Level (1 critical, 2 error, 3
// warning, 4 information, 5 verbose; 0, which audits write, is
// information) to a normalised level. A failed audit is a warning.
func eventXMLLevel(level, keywords string) string {
	if k, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(keywords), "0x"), 16, 64); err == nil && k&auditFailure != 0 {
		return "WARN"
	}
	switch strings.TrimSpace(level) {
	case "1":
		return "FATAL"
	case "2":
		return "ERROR"
	case "3":
		return "WARN"
	case "0", "4":
		return "INFO"
	case "5":
		return "DEBUG"
	}
	return ""
}

// eventIDKey opens the token that names a Windows event by its ID
// ("EventID=4625"), which mask keeps as written: the ID names the event,
// as a word does, and masked as a number it made every event of a
// provider one template.
const eventIDKey = "EventID="

// isEventIDToken reports whether t is such a token (with the colon that
// may end it).
func isEventIDToken(t string) bool {
	if !strings.HasPrefix(t, eventIDKey) {
		return false
	}
	n := strings.TrimSuffix(t[len(eventIDKey):], ":")
	if n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	return true
}
