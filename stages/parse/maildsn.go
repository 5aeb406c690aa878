package parse

import (
	"strings"
)

// A bounce (a delivery status notification: multipart/report with a
// message/delivery-status part, as Postfix, Exchange and Gmail send one)
// carried the mail server's transcript as its text ("This is the mail
// system at host ...", "I'm sorry to have to inform you ..."), which was
// its summary and key phrases ("host mx", "RCPT"). Its text is one
// sentence instead: which message to whom failed, and why; the
// transcript stays searchable in the aside.

// dsnRecipient is one recipient's block of a delivery-status part.
type dsnRecipient struct {
	addr, action, status, diagnostic string
}

// deliveryStatus reads the recipients of a message/delivery-status body
// (RFC 3464): blocks of header fields, the first the message's, the
// others one per recipient.
func deliveryStatus(text string) []dsnRecipient {
	var out []dsnRecipient
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		f := dsnFields(block)
		addr := f["final-recipient"]
		if addr == "" {
			addr = f["original-recipient"]
		}
		if addr == "" {
			continue
		}
		out = append(out, dsnRecipient{addr: dsnValue(addr), action: strings.ToLower(f["action"]),
			status: f["status"], diagnostic: dsnValue(f["diagnostic-code"])})
	}
	return out
}

// dsnFields is a block of header fields by lower-case name, continuation
// lines joined.
func dsnFields(block string) map[string]string {
	f := map[string]string{}
	last := ""
	for _, l := range strings.Split(block, "\n") {
		if (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) && last != "" {
			f[last] += " " + strings.TrimSpace(l)
			continue
		}
		if k, v, ok := strings.Cut(l, ":"); ok {
			last = strings.ToLower(strings.TrimSpace(k))
			f[last] = strings.TrimSpace(v)
		}
	}
	return f
}

// dsnValue is a typed DSN value without its type ("rfc822;
// ann@x.com" is "ann@x.com", "smtp; 550 5.1.1 User unknown" is "550 5.1.1
// User unknown"), white space collapsed.
func dsnValue(v string) string {
	if t, rest, ok := strings.Cut(v, ";"); ok && !strings.ContainsAny(t, " <@") {
		v = rest
	}
	return strings.Join(strings.Fields(v), " ")
}

// bounceSentence says which message to whom was not delivered and why
// ("Delivery failed: \"Signed NDA\" to bob@x.com: 550 5.1.1 User
// unknown."); "" when no recipient failed or was delayed.
func bounceSentence(recipients []dsnRecipient, subject string) string {
	var failed, delayed []string
	for _, r := range recipients {
		why := r.diagnostic
		if why == "" {
			why = "status " + r.status
		}
		switch {
		case strings.HasPrefix(r.action, "failed"):
			failed = append(failed, r.addr+" ("+strings.TrimRight(why, ".")+")")
		case strings.HasPrefix(r.action, "delayed"):
			delayed = append(delayed, r.addr+" ("+strings.TrimRight(why, ".")+")")
		}
	}
	what := "the message"
	if subject != "" {
		what = "the message \"" + subject + "\""
	}
	switch {
	case len(failed) > 0:
		return "Delivery failed: " + what + " could not be delivered to " + strings.Join(failed, "; ") + "."
	case len(delayed) > 0:
		return "Delivery delayed: " + what + " has not yet been delivered to " + strings.Join(delayed, "; ") + "."
	}
	return ""
}
