package parse

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"regexp"
	"strings"

	"github.com/docmill/docmill/document"
)

// An mbox file (or an excerpt of one) holds messages one after another,
// each under a "From " line ("From ann@x.com Tue Mar  4 09:14:00 2025").
// It had been read as one plain text: its title the first "From " line,
// its sub-type a memo, no message's sender, date or subject in meta, and
// the messages' words run together. Each message is now an attached
// .eml, ingested as a document of its own as an e-mail's attachments
// are; the mailbox's text says how many from whom about what, and its
// aside lists them, one line each.

var (
	// mboxFromRe is the "From " line above each message of an mbox: a
	// sender and a ctime date, which a body's "From the ..." is not.
	mboxFromRe = regexp.MustCompile(`(?m)^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{1,2}:\d{2}(?::\d{2})? .*\d{4}[ \t]*\r?$`)
	// mboxEscapedRe is a body line mbox escaped with ">" (">From ").
	mboxEscapedRe = regexp.MustCompile(`(?m)^>(>*From )`)
)

// mboxMessages is the messages of an mbox, without their "From " lines
// and with their body lines unescaped; nil when data does not open with
// a "From " line.
func mboxMessages(data []byte) [][]byte {
	locs := mboxFromRe.FindAllIndex(data, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		return nil
	}
	var out [][]byte
	for i, loc := range locs {
		end := len(data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		msg := bytes.TrimLeft(data[loc[1]:end], "\r\n")
		if len(bytes.TrimSpace(msg)) == 0 {
			continue
		}
		out = append(out, mboxEscapedRe.ReplaceAll(msg, []byte("$1")))
	}
	return out
}

// extractMbox reads the messages of an mbox: each one an attached
// message-NNN.eml, within the document size limit as an e-mail's
// attachments are; the text one sentence saying how many messages from
// whom about what (mboxSentence), the aside a line per message (date,
// sender, subject); the title how many messages it holds.
func extractMbox(msgs [][]byte, lim Limits) (*extracted, error) {
	r := &emailReader{dec: &mime.WordDecoder{CharsetReader: lenientCharset}, max: lim.MaxBytes}
	var lines, kept []string
	var heads []mail.Header
	for i, m := range msgs {
		if i >= mboxSplitMax {
			// past what the worker ingests as attachments by default: the
			// message stays in the mailbox's own text, searchable, rather
			// than being listed as not ingested
			line, h := r.mboxLine(m)
			lines, kept = append(lines, line), append(kept, strings.TrimSpace(string(m)))
			if h != nil {
				heads = append(heads, h)
			}
			continue
		}
		name := fmt.Sprintf("message-%03d.eml", i+1)
		r.attachments = append(r.attachments, name)
		r.keep(name, bytes.NewReader(m))
		line, h := r.mboxLine(m)
		lines = append(lines, line)
		if h != nil {
			heads = append(heads, h)
		}
	}
	text := r.mboxSentence(len(msgs), heads)
	if len(kept) > 0 {
		text += fmt.Sprintf(" Messages %d to %d are in this text:\n\n", mboxSplitMax+1, len(msgs)) + strings.Join(kept, "\n\n")
	}
	ex := &extracted{text: text, aside: "Messages:\n" + strings.Join(lines, "\n"),
		title: fmt.Sprintf("Mailbox: %d messages", len(msgs)), encoding: encUTF8, attachments: r.files,
		meta: map[string]string{"messages": fmt.Sprint(len(msgs))}}
	ex.meta["attachments"] = strings.Join(r.attachments, ", ")
	var ids []string
	for _, f := range r.files {
		ids = append(ids, document.ID(f.Data)+" "+f.Filename)
	}
	if len(ids) > 0 {
		ex.meta["attachment_ids"] = strings.Join(ids, "\n")
	}
	if len(r.unread) > 0 {
		ex.meta["attachments_unread"] = strings.Join(r.unread, "; ")
	}
	return ex, nil
}

// mboxSplitMax bounds the messages of a mailbox attached as e-mails of
// their own: pipeline.max_attachments' default, past which the worker
// would list them as not ingested, their words searchable nowhere.
const mboxSplitMax = 100

// mboxNamed bounds the senders and subjects a mailbox's sentence names.
const mboxNamed = 3

// mboxSentence says what a mailbox holds: "A mailbox of 3 messages from
// Ann Lee and Carl Holt about Custodian list." (its senders by name, its
// threads by subject, the first few of each); a list of its messages had
// been its summary.
func (r *emailReader) mboxSentence(n int, heads []mail.Header) string {
	var senders, subjects []string
	seen := map[string]bool{}
	for _, h := range heads {
		if a, err := (&mail.AddressParser{WordDecoder: r.dec}).Parse(h.Get("From")); err == nil {
			name := a.Name
			if name == "" {
				name = a.Address
			}
			if !seen["f "+name] {
				seen["f "+name], senders = true, append(senders, name)
			}
		}
		if s := threadSubject(r.header(h, "Subject")); s != "" && !seen["s "+s] {
			seen["s "+s], subjects = true, append(subjects, s)
		}
	}
	out := fmt.Sprintf("A mailbox of %d messages", n)
	if len(senders) > 0 {
		out += " from " + namedList(senders, "others")
	}
	if len(subjects) > 0 {
		out += " about " + namedList(subjects, "other subjects")
	}
	return strings.TrimRight(out, ".") + "."
}

// namedList is the first mboxNamed items of a list in words ("A, B and
// C", "A, B, C and 2 others").
func namedList(items []string, more string) string {
	if len(items) > mboxNamed {
		return strings.Join(items[:mboxNamed], ", ") + fmt.Sprintf(" and %d %s", len(items)-mboxNamed, more)
	}
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// mboxLine is one message of a mailbox as a line of its list: "Tue, 4
// Mar 2025 09:14:00 +0000 - Ann Lee <ann@x.com> - Custodian list".
func (r *emailReader) mboxLine(msg []byte) (string, mail.Header) {
	m, err := mail.ReadMessage(bytes.NewReader(msg))
	if err != nil {
		return "(a message that does not parse)", nil
	}
	var parts []string
	for _, k := range []string{"Date", "From", "Subject"} {
		if v := r.header(m.Header, k); v != "" {
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return "(a message without a header)", m.Header
	}
	return strings.Join(parts, " - "), m.Header
}
