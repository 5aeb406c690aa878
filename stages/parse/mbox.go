package parse

import (
	"bytes"
	"fmt"
	"mime"
	"net/mail"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/docmill/docmill/document"
)

// An mbox file (or an excerpt of one) holds messages one after another,
// each under a "From " line ("From ann@x.com Tue Mar  4 09:14:00 2025").
// It had been read as one plain text: its title the first "From " line,
// its sub-type a memo, no message's sender, date or subject in meta, and
// the messages' words run together. Each message is now an attached
// .eml, ingested as a document of its own as an e-mail's attachments
// are; the mailbox's text lists them, one line each.

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
// attachments are; the text a line per message (date, sender,
// subject); the title how many messages it holds.
func extractMbox(msgs [][]byte, lim Limits) (*extracted, error) {
	r := &emailReader{dec: &mime.WordDecoder{CharsetReader: charset.NewReaderLabel}, max: lim.MaxBytes}
	var lines []string
	for i, m := range msgs {
		name := fmt.Sprintf("message-%03d.eml", i+1)
		r.attachments = append(r.attachments, name)
		r.keep(name, bytes.NewReader(m))
		lines = append(lines, r.mboxLine(m))
	}
	ex := &extracted{text: strings.Join(lines, "\n"), title: fmt.Sprintf("Mailbox: %d messages", len(msgs)),
		encoding: encUTF8, attachments: r.files, meta: map[string]string{"messages": fmt.Sprint(len(msgs))}}
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

// mboxLine is one message of a mailbox as a line of its list: "Tue, 4
// Mar 2025 09:14:00 +0000 - Ann Lee <ann@x.com> - Custodian list".
func (r *emailReader) mboxLine(msg []byte) string {
	m, err := mail.ReadMessage(bytes.NewReader(msg))
	if err != nil {
		return "(a message that does not parse)"
	}
	var parts []string
	for _, k := range []string{"Date", "From", "Subject"} {
		if v := r.header(m.Header, k); v != "" {
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return "(a message without a header)"
	}
	return strings.Join(parts, " - ")
}
