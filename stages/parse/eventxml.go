package parse

import (
	"regexp"
	"strings"

	"github.com/docmill/docmill/enrich/logs"
)

// eventsOpening is what may come before the first record of a Windows
// event log exported as XML: the XML declaration and the <Events> root
// that Event Viewer's "Save All Events As... XML" writes around the
// records ("wevtutil qe /f:xml" writes neither, and no line break
// between records either).
var eventsOpening = regexp.MustCompile(`^(?:<\?xml[^>]*\?>\s*)?(?:<Events(?:\s[^>]*)?>\s*)?`)

// looksEventXML reports whether text is Windows event records written as
// XML: an <Event> element (with its <System>) first, after a declaration
// and an <Events> root or none. Only one record a line was a log; the
// others were an XML document, or plain text.
func looksEventXML(text string) bool {
	text = strings.TrimLeft(strings.TrimPrefix(text, "\uFEFF"), " \t\r\n")
	text = text[len(eventsOpening.FindString(text)):]
	head := text[:min(len(text), 4096)]
	return logs.OpensEvent(text) && strings.Contains(head, "<System>")
}

// tagGap is white space between two tags of a pretty-printed record.
var tagGap = regexp.MustCompile(`>\s+<`)

// eventXMLLines rewrites Windows event records written as XML as one
// <Event> element a line, the shape logs.SplitHeader reads, whatever the
// export put around and between them: a declaration and an <Events>
// root, records run together on one line, or records pretty printed over
// many. What follows the last whole record (a file cut short) follows
// as it is; the closing root is dropped.
func eventXMLLines(text string) (string, bool) {
	if !looksEventXML(text) {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(text))
	rest := text
	for {
		i := strings.Index(rest, "<Event")
		for i >= 0 && i+6 < len(rest) && rest[i+6] != ' ' && rest[i+6] != '>' {
			// <Events>, <EventData>...: not a record's opening
			next := strings.Index(rest[i+6:], "<Event")
			if next < 0 {
				i = -1
				break
			}
			i += 6 + next
		}
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</Event>")
		if j < 0 {
			break
		}
		elem := tagGap.ReplaceAllString(rest[i:i+j+len("</Event>")], "><")
		elem = strings.Join(strings.Fields(elem), " ")
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(elem)
		rest = rest[i+j+len("</Event>"):]
	}
	if b.Len() == 0 {
		return "", false
	}
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "</Events>"))
	if rest != "" {
		b.WriteByte('\n')
		b.WriteString(rest)
	}
	return b.String(), true
}
