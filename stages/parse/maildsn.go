package parse

import (
	"mime"
	"net/mail"
	"regexp"
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

// bounceStatus is what a bounce's sentence says happened: "failed" or
// "delayed".
func bounceStatus(sentence string) string {
	what, _, _ := strings.Cut(sentence, ":")
	return strings.ToLower(strings.TrimPrefix(what, "Delivery "))
}

// bounceTitle is a bounce's title: what happened to which message
// ("Delivery failed: Signed NDA"), from its sentence's opening words and
// the returned message's subject. A register had listed every bounce
// under its server's words ("Undelivered Mail Returned to Sender",
// "failure notice"), none saying which message it returns. The subject
// as sent is kept when the bounce returns no subject.
func bounceTitle(sentence, returned, subject string) string {
	what, _, _ := strings.Cut(sentence, ":")
	if returned == "" || what == sentence {
		return subject
	}
	return what + ": " + threadSubject(returned)
}

// A bounce from qmail ("Hi. This is the qmail-send program at ...") or
// Exim ("This message was created automatically by mail delivery
// software.") is plain text, with no delivery-status part: it had been
// read as a message of its own, its summary the server's apology and its
// title "failure notice". textBounce reads its recipients and the
// subject of the copy it returns, so it says what failed as a
// delivery-status bounce does.

var (
	// textBounceRe opens the body of a qmail or Exim bounce.
	textBounceRe = regexp.MustCompile(`(?i)^\s*(?:hi\.\s+this\s+is\s+the\s+qmail-send\s+program\b|this\s+message\s+was\s+created\s+automatically\s+by\s+mail\s+delivery\s+software\b)`)
	// textBounceCopyRe is the line above the copy of the message (or of
	// its header) the bounce returns.
	textBounceCopyRe = regexp.MustCompile(`(?im)^-{2,}\s*(?:below\s+this\s+line\s+is\s+a\s+copy\s+of\s+the\s+message|enclosed\s+are\s+the\s+original\s+headers|this\s+is\s+a\s+copy\s+of\s+the\s+message)\b.*$`)
	// textBounceAddrRe is a recipient line: qmail's "<ann@x.com>:",
	// Exim's indented "ann@x.com" (its reason indented further below).
	textBounceAddrRe = regexp.MustCompile(`^(?:<([^<>\s]+@[^<>\s]+)>:|[ \t]{1,3}<?([^<>\s:]+@[^<>\s:]+?)>?:?)[ \t]*$`)
	// smtpReplyRe is where a remote server's reply starts in a reason
	// ("550 5.1.1 User unknown").
	smtpReplyRe = regexp.MustCompile(`\b[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|\b[45]\d\d\s+\S`)
	// textBounceDelayRe says the message is still queued (Exim's warning).
	textBounceDelayRe = regexp.MustCompile(`(?i)has\s+not\s+yet\s+been\s+delivered|still\s+(?:being\s+)?(?:re)?tr(?:y|ied)`)
)

// textBounce is a plain-text bounce's recipients and the subject of the
// message it returns; nil for any other text.
func textBounce(body string) ([]dsnRecipient, string) {
	if !textBounceRe.MatchString(body) {
		return nil, ""
	}
	body = strings.ReplaceAll(body, "\r\n", "\n")
	report, copied := body, ""
	if m := textBounceCopyRe.FindStringIndex(body); m != nil {
		report, copied = body[:m[0]], body[m[1]:]
	}
	action := "failed"
	if textBounceDelayRe.MatchString(report) {
		action = "delayed"
	}
	var out []dsnRecipient
	lines := strings.Split(report, "\n")
	for i := 0; i < len(lines); i++ {
		m := textBounceAddrRe.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		n := i + 1
		for n < len(lines) && strings.TrimSpace(lines[n]) != "" && !textBounceAddrRe.MatchString(lines[n]) {
			n++
		}
		out = append(out, dsnRecipient{addr: m[1] + m[2], action: action, diagnostic: bounceReason(lines[i+1 : n])})
		i = n - 1
	}
	return out, returnedSubject(copied)
}

// bounceReason is why a plain-text bounce's recipient failed: the remote
// server's reply where the reason quotes one, else the reason's lines.
func bounceReason(lines []string) string {
	why := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if loc := smtpReplyRe.FindStringIndex(why); loc != nil {
		why = why[loc[0]:]
	}
	// qmail's last words are about its retries, no reason
	if i := strings.Index(why, " Giving up on "); i > 0 {
		why = why[:i]
	}
	return strings.TrimSpace(why)
}

// returnedSubject is the Subject of the copy a plain-text bounce returns,
// "" without one.
func returnedSubject(copied string) string {
	copied = strings.TrimLeft(copied, "\n ")
	msg, err := mail.ReadMessage(strings.NewReader(copied + "\n\n"))
	if err != nil {
		return ""
	}
	s := msg.Header.Get("Subject")
	if d, err := (&mime.WordDecoder{CharsetReader: lenientCharset}).DecodeHeader(s); err == nil {
		s = d
	}
	return strings.Join(strings.Fields(s), " ")
}

// A read receipt (a message disposition notification, RFC 8098:
// multipart/report with a message/disposition-notification part) had
// been read as a message: its summary "was read on Wednesday, ...", its
// key phrases the time zone's cities. Its text is one sentence instead:
// which message was read (or deleted unread) by whom, and when; for a
// legal hold, the proof that a notice reached its custodian.

// mdnReport is what a disposition-notification part says.
type mdnReport struct {
	recipient, disposition string
}

// readMDN reads a message/disposition-notification body.
func readMDN(text string) *mdnReport {
	f := dsnFields(strings.ReplaceAll(text, "\r\n", "\n"))
	who := f["final-recipient"]
	if who == "" {
		who = f["original-recipient"]
	}
	// "automatic-action/MDN-sent-automatically; displayed": the type
	// follows the semicolon, a modifier may follow a slash
	_, kind, _ := strings.Cut(f["disposition"], ";")
	kind, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(kind)), "/")
	if kind == "" {
		return nil
	}
	return &mdnReport{recipient: dsnValue(who), disposition: kind}
}

// status is the disposition as meta delivery_status: "read", "deleted"
// or "received".
func (m *mdnReport) status() string {
	switch m.disposition {
	case "displayed":
		return "read"
	case "deleted":
		return "deleted"
	}
	return "received"
}

// receiptPrefixRe is the marker a client puts before a receipt's subject
// ("Read: ", "Not read: ", "Gelesen: ", "已读: ").
var receiptPrefixRe = regexp.MustCompile(`(?i)^\s*(?:read|not\s+read|deleted|displayed|gelesen|ungelesen|lu|已读|已讀|未读)\s*[:：]\s*`)

// receiptSentence says what a read receipt reports: "Read receipt: the
// message "Hold notice" was read by carl@x.com on Wed, 5 Mar 2025 09:30.".
func receiptSentence(m *mdnReport, returned, subject, date string) string {
	what := "the message"
	if returned == "" {
		returned = receiptPrefixRe.ReplaceAllString(subject, "")
	}
	if returned != "" {
		what += " \"" + returned + "\""
	}
	verb := map[string]string{"read": "was read", "deleted": "was deleted unread"}[m.status()]
	if verb == "" {
		verb = "was received"
	}
	s := "Read receipt: " + what + " " + verb
	if m.recipient != "" {
		s += " by " + m.recipient
	}
	if date != "" {
		s += " on " + date
	}
	return strings.TrimRight(s, ".") + "."
}
