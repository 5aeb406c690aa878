package parse

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/docmill/docmill/document"
)

// emailHeaders are the header fields kept at the top of a message's text:
// who wrote to whom (Bcc too, which a message saved from its sender's
// Sent folder carries, and which a legal hold must show: it had been
// dropped), when, about what; people search for them.
var emailHeaders = []string{"From", "To", "Cc", "Bcc", "Date", "Subject"}

// forwardRule is the line written above an attached message
// (message/rfc822), as Gmail writes one above a forwarded message.
const forwardRule = "---------- Forwarded message ---------"

// maxMIMEDepth bounds nested multiparts and forwarded messages.
const maxMIMEDepth = 5

// emailReader collects a message's text while walking its MIME tree.
type emailReader struct {
	dec         *mime.WordDecoder
	body        strings.Builder
	head        strings.Builder // the message's own header lines
	attachments []string
	files       []document.Attachment
	unread      []string       // attachments named but not kept, with why
	event       string         // a meeting invitation's sentence (icsEvent)
	dsn         []dsnRecipient // a bounce's recipients (deliveryStatus)
	returned    string         // the subject of the message a bounce returns
	mdn         *mdnReport     // a read receipt's report (readMDN)
	size        int64          // bytes of the files kept
	max         int64
}

// extractEmail reads an e-mail message (.eml; RFC 5322 with MIME): its
// subject is the title; its From, To, Cc, Date and Subject lines are the
// aside (searched, and meta; key phrases and the summary are the body's,
// which they had crowded with "Date", "Tue" and addresses); its text is the
// body: the plain-text alternative, else the HTML one as
// text, quoted-printable and base64 decoded in the declared charset;
// forwarded messages follow with their own headers. Attachments are named
// (meta "attachments") and returned as files (Parsed.Attachments), which
// the worker ingests as documents of their own: a contract arrives as the
// PDF attached to a mail.
func extractEmail(data []byte, lim Limits) (*extracted, error) {
	if msgs := mboxMessages(data); len(msgs) > 1 {
		return extractMbox(msgs, lim)
	} else if len(msgs) == 1 {
		data = msgs[0] // a mailbox of one message is that message
	}
	lead, data := splitMailLeadIn([]byte(englishHeaderNames(zhSavedText(data))))
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, permanent("", "corrupt e-mail message", err)
	}
	r := &emailReader{dec: &mime.WordDecoder{CharsetReader: lenientCharset}, max: lim.MaxBytes}
	if lead != "" {
		// the sender's words above the pasted header block open the body
		text, _ := decodeDeclared([]byte(lead), "text/plain", false)
		r.body.WriteString(text + "\n\n")
	}
	r.message(msg.Header, msg.Body, 0)
	if len(r.dsn) == 0 {
		if dsn, returned := textBounce(r.body.String()); len(dsn) > 0 {
			r.dsn = dsn
			if r.returned == "" {
				r.returned = returned
			}
		}
	}
	subject := r.header(msg.Header, "Subject")
	body, furniture := setAsideMailFurniture(normalize(r.body.String()), mailForwardRe.MatchString(subject))
	title, status := threadSubject(subject), ""
	if b := bounceSentence(r.dsn, r.returned); b != "" {
		// the server's transcript and the returned message stay searchable
		furniture = append([]string{"Delivery report:\n" + body}, returnedLabels(furniture)...)
		body, title = b, bounceTitle(b, r.returned, title)
		status = bounceStatus(b)
	} else if r.mdn != nil {
		furniture = append([]string{"Receipt:\n" + body}, returnedLabels(furniture)...)
		body, status = receiptSentence(r.mdn, r.returned, subject, r.header(msg.Header, "Date")), r.mdn.status()
	} else if r.event != "" {
		body = strings.TrimSpace(r.event + "\n\n" + body)
	} else {
		body = whenWhereEvent(body, threadSubject(subject))
	}
	aside := normalize(r.head.String())
	if len(furniture) > 0 {
		aside = strings.TrimSpace(aside + "\n\n" + strings.Join(furniture, "\n\n"))
	}
	ex := &extracted{text: body, aside: aside, title: title,
		encoding: encUTF8, attachments: r.files, meta: map[string]string{}}
	// the message's own header fields, as meta: the document page shows
	// them as fields, and the result JSON carries them
	for _, k := range emailHeaders {
		if v := r.header(msg.Header, k); v != "" {
			ex.meta[strings.ToLower(k)] = v
		}
	}
	if id := strings.TrimSpace(msg.Header.Get("Message-ID")); id != "" {
		// the message's identity, which a register cites and finds its
		// copies by; it had been dropped
		ex.meta["message_id"] = id
	}
	r.savedAttachments(msg.Header)
	if status != "" {
		// a bounce: "failed" or "delayed", for the sub-type and filters
		ex.meta["delivery_status"] = status
	}
	if len(r.attachments) > 0 {
		ex.meta["attachments"] = strings.Join(r.attachments, ", ")
		ex.text, ex.aside = withAttachmentLine(ex.text, ex.aside, ex.meta["attachments"])
		var ids []string
		for _, f := range r.files {
			ids = append(ids, document.ID(f.Data)+" "+f.Filename)
		}
		if len(ids) > 0 {
			// the documents the attachments become, for links to them
			ex.meta["attachment_ids"] = strings.Join(ids, "\n")
		}
		if len(r.unread) > 0 {
			// named in the message, never a document: say so and why
			ex.meta["attachments_unread"] = strings.Join(r.unread, "; ")
		}
	}
	return ex, nil
}

// mailTagPattern is a tag a mail gateway puts before a subject to warn of
// where the message came from ("[EXTERNAL]", "[EXT]", "EXTERNAL:",
// "*EXTERNAL*", "[SPAM]", "[CAUTION: External]"): no words of the subject,
// and a register had listed a thread's outside replies under "[EXTERNAL]
// RE: ...", apart from the rest.
const mailTagPattern = `\s*(?:\[(?:external|ext|caution|warning|spam|suspicious|phish\w*)\b[^\]\n]{0,40}\]|\*+\s*external\s*\*+|external\s*[:：])`

var (
	// mailReplyPrefixRe is the run of reply and forward markers mail
	// clients put before a subject, in English, German, French, the
	// Nordic languages and Chinese ("RE: FW:", "AW:", "回复：", "转发:"),
	// and the marker of an automatic (out-of-office) reply ("Automatic
	// reply:", "Automatische Antwort:", "自动回复:").
	mailReplyPrefixRe = regexp.MustCompile(`(?i)^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs|antw|回复|回覆|答复|转发|轉寄|转寄|` +
		`automatic\s+reply|auto(?:matic)?[\s-]?(?:reply|response)|automatische\s+antwort|réponse\s+automatique|out\s+of\s+(?:the\s+)?office|自动回复|自動回覆)\s*(?:\[\d+\])?\s*[:：]|` +
		mailTagPattern + `)+\s*`)
	// mailForwardRe is a subject that says its message is a forward.
	mailForwardRe = regexp.MustCompile(`(?i)^(?:\s*(?:re|aw|sv|vs|antw|回复|回覆|答复)\s*[:：]|` + mailTagPattern + `)*\s*(?:fwd?|wg|tr|转发|轉寄|转寄)\s*[:：]`)
)

// lenientCharset reads an encoded word (=?charset?Q?...?=) in its
// charset, or, when the label names none docmill knows ("unknown-8bit",
// "x-unknown", a typo), as a body in an undeclared charset is read: the
// header had been left encoded ("=?unknown-8bit?Q?M=FCller?="), in meta
// and the title.
func lenientCharset(label string, in io.Reader) (io.Reader, error) {
	if r, err := charset.NewReaderLabel(label, in); err == nil {
		return r, nil
	}
	raw, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("encoded word in charset %q: %w", label, err)
	}
	text, _ := decodeDeclared(raw, "text/plain", false)
	return strings.NewReader(text), nil
}

// threadSubject is a subject without its reply and forward markers: the
// title a register lists the message under, with the other messages of
// its thread ("RE: FW: Retention schedule" is "Retention schedule"); an
// out-of-office reply's ("Automatic reply: Contract review") too, whose
// title had been its marker. The subject as sent stays in meta "subject"
// and in the header.
func threadSubject(subject string) string {
	if t := mailReplyPrefixRe.ReplaceAllString(subject, ""); hasContent(t) {
		return t
	}
	return subject
}

// returnedLabels is a bounce's aside paragraphs with the message it
// returns labelled as returned: it had read "Forwarded message:", as if
// someone had forwarded it.
func returnedLabels(furniture []string) []string {
	for i, f := range furniture {
		if rest, ok := strings.CutPrefix(f, "Forwarded message:"); ok {
			furniture[i] = "Returned message:" + rest
		}
	}
	return furniture
}

// withAttachmentLine adds the line naming a message's attachments
// ("Attachments: contract.pdf") to its aside, where search finds it: in
// the text, the file names' extensions were key phrases ("pdf", "docx").
// A message with no words of its own keeps it as its text.
func withAttachmentLine(text, aside, names string) (string, string) {
	line := "Attachments: " + names
	if !hasContent(text) {
		return strings.TrimSpace(text + "\n\n" + line), aside
	}
	return text, strings.TrimSpace(aside + "\n\n" + line)
}

// message writes a message's header lines and its body.
func (r *emailReader) message(h mail.Header, body io.Reader, depth int) {
	lines := &r.body // a forwarded message's header lines are part of the body
	if depth == 0 {
		lines = &r.head
	}
	for _, k := range emailHeaders {
		if v := r.header(h, k); v != "" {
			fmt.Fprintf(lines, "%s: %s\n", k, v)
		}
	}
	r.body.WriteString("\n")
	r.part(h, body, depth)
}

// header is a header field with its encoded words (=?UTF-8?B?...?=)
// decoded; an address field's names are written as people read them
// (addresses).
func (r *emailReader) header(h mail.Header, key string) string {
	v := h.Get(key)
	if v == "" && key == "Date" {
		// Outlook's "Save as" text, and its forwarded headers, write the
		// date as "Sent: Tuesday, 4 March 2025 09:14": without it the
		// message lost its date in meta and its header
		v = h.Get("Sent")
	}
	if a, ok := r.addresses(key, v); ok {
		return a
	}
	if d, err := r.dec.DecodeHeader(v); err == nil {
		v = d
	}
	return strings.Join(strings.Fields(v), " ")
}

// addresses is an address field (From, To, Cc) with each display name
// unquoted: RFC 5322 quotes a name with a comma and escapes the quotes in
// it, and `"Smith, \"Bob\"" <bob@x.com>` showed the backslashes in
// results and the document page; it is `Smith, "Bob" <bob@x.com>`. False
// for another field, or one that does not parse as addresses (which is
// then shown as written).
func (r *emailReader) addresses(key, v string) (string, bool) {
	if key != "From" && key != "To" && key != "Cc" && key != "Bcc" || !strings.Contains(v, `"`) {
		return "", false
	}
	list, err := (&mail.AddressParser{WordDecoder: r.dec}).ParseList(v)
	if err != nil || len(list) == 0 {
		return "", false
	}
	out := make([]string, len(list))
	for i, a := range list {
		name := a.Name
		if d, err := r.dec.DecodeHeader(name); err == nil {
			name = d // an encoded word inside the quotes, as clients write it
		}
		name = strings.Join(strings.Fields(name), " ")
		if name == "" {
			out[i] = a.Address
		} else {
			out[i] = name + " <" + a.Address + ">"
		}
	}
	return strings.Join(out, ", "), true
}

// mimeHeader is what part needs of a message's or a part's header.
type mimeHeader interface{ Get(string) string }

// part writes the text of one MIME entity.
func (r *emailReader) part(h mimeHeader, body io.Reader, depth int) {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain"
	}
	media, params, err := mime.ParseMediaType(ct)
	if err != nil {
		media, params = "text/plain", nil
	}
	body = decodeTransfer(h.Get("Content-Transfer-Encoding"), io.LimitReader(body, r.max))
	if name := r.attachmentName(h, params); name != "" {
		r.attachments = append(r.attachments, name)
		data := r.keep(name, body)
		if r.event == "" && calendarFile(media, name) {
			// an invitation sent as an attached .ics file says what,
			// when and where as an invitation's calendar part does; it
			// had been only a file name
			text, _ := decodeDeclared(data, ct, false)
			r.event = icsEvent(text)
		}
		return
	}
	switch {
	case strings.HasPrefix(media, "multipart/") && depth < maxMIMEDepth:
		r.multipart(media, params["boundary"], body, depth)
	case media == "message/rfc822" && depth < maxMIMEDepth:
		if msg, err := mail.ReadMessage(bufio.NewReader(body)); err == nil {
			if r.returned == "" {
				r.returned = r.header(msg.Header, "Subject")
			}
			// the rule a client draws above a forwarded message, which
			// setAsideMailFurniture reads: its header lines go to the
			// aside, and its body is the content under a short cover, or
			// quoted under the sender's own words
			r.body.WriteString("\n\n" + forwardRule + "\n")
			r.message(msg.Header, msg.Body, depth+1)
		}
	case media == "message/disposition-notification" || media == "message/global-disposition-notification":
		raw, _ := io.ReadAll(body)
		if r.mdn == nil {
			r.mdn = readMDN(string(raw))
		}
	case media == "message/delivery-status" || media == "message/global-delivery-status":
		raw, _ := io.ReadAll(body)
		r.dsn = append(r.dsn, deliveryStatus(string(raw))...)
	case media == "text/rfc822-headers" && r.returned == "":
		// a bounce that returns only the message's header
		raw, _ := io.ReadAll(body)
		if msg, err := mail.ReadMessage(bytes.NewReader(append(raw, "\r\n\r\n"...))); err == nil {
			r.returned = r.header(msg.Header, "Subject")
		}
	case media == "text/calendar":
		raw, _ := io.ReadAll(body)
		text, _ := decodeDeclared(raw, ct, false)
		if r.event == "" {
			r.event = icsEvent(text)
		}
	case media == "text/plain" || media == "text/html":
		raw, _ := io.ReadAll(body)
		text, _ := decodeDeclared(raw, ct, media == "text/html")
		if media == "text/plain" && strings.EqualFold(params["format"], "flowed") {
			text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
		}
		if media == "text/plain" {
			text = inlineImageRe.ReplaceAllString(text, "")
		}
		if media == "text/html" {
			text = extractHTML(text).text
		}
		r.body.WriteString(text)
		r.body.WriteString("\n\n")
	}
}

// inlineImageRe is the mark a plain-text alternative writes where its HTML
// shows an inline image: Outlook's "[cid:image001.png@01DB8C2A.5F3E1A10]",
// Gmail's "[image: logo.png]". It had been in the text, the summary and
// the signature, and "cid" a key phrase; the images themselves are named
// as attachments.
var inlineImageRe = regexp.MustCompile(`[ \t]*\[(?:cid:[^\]\s]+|image:[^\]\n]{0,200})\][ \t]*`)

// savedAttachments names the attachments an Outlook message saved as text
// lists in its "Attachments:" line ("custodians.xlsx; notice.docx"): the
// files are not in the text, so they are named and said to be unread.
// The line had been dropped, and a register showed no attachments for a
// message that had them.
func (r *emailReader) savedAttachments(h mail.Header) {
	if len(r.attachments) > 0 || h.Get("Content-Type") != "" {
		return // a MIME message names its own
	}
	for _, name := range strings.Split(r.header(h, "Attachments"), ";") {
		if name = strings.TrimSpace(name); name != "" {
			r.attachments = append(r.attachments, name)
			r.unread = append(r.unread, name+" (not in the message as saved)")
		}
	}
}

// htmlFieldCellRe is a header field an Outlook message saved as HTML
// writes in a table: its name cell, then the value's ("From: | Ann").
var htmlFieldCellRe = regexp.MustCompile(`(?m)^([A-Za-z][A-Za-z-]*:)[ \t]*\|[ \t]*`)

// savedHTMLMessage reads the text of an HTML page that is an e-mail
// Outlook saved as HTML (its header block, From, Sent or Date, To and
// Subject with a mailbox, opens the page) as an e-mail; nil for any
// other page. Such a message had been an HTML page: its header lines
// were its text, no meta from, to, date or subject, and its sub-type
// whatever kind of paper its subject named ("Hold notice" other/notice).
func savedHTMLMessage(text string, lim Limits) *extracted {
	text = strings.TrimSpace(text)
	head, _, _ := strings.Cut(text[:min(len(text), 16<<10)], "\n\n")
	text = strings.Replace(text, head, htmlFieldCellRe.ReplaceAllString(head, "$1 "), 1)
	fields, head, ok := headerBlock(text)
	if !ok || !fields["from"] || !fields["to"] || !fields["subject"] || !(fields["sent"] || fields["date"]) ||
		!strings.Contains(head, "@") {
		return nil
	}
	ex, err := extractEmail([]byte(text), lim)
	if err != nil {
		return nil
	}
	ex.email = true
	return ex
}

// calendarFile reports an attachment that is an iCalendar file.
func calendarFile(media, name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return media == "text/calendar" || media == "application/ics" || ext == ".ics" || ext == ".vcs"
}

// keep reads an attachment's bytes, while the attachments together stay
// within the document size limit (the rest are only named), and returns
// the bytes it kept.
func (r *emailReader) keep(name string, body io.Reader) []byte {
	data, err := io.ReadAll(io.LimitReader(body, r.max-r.size+1))
	switch {
	case err != nil:
		r.unread = append(r.unread, fmt.Sprintf("%s (not decodable: %v)", name, err))
		return nil
	case len(data) == 0:
		r.unread = append(r.unread, name+" (empty)")
		return nil
	case r.size+int64(len(data)) > r.max:
		r.unread = append(r.unread, name+" (over the document size limit with the others)")
		return nil
	}
	r.size += int64(len(data))
	r.files = append(r.files, document.Attachment{Filename: path.Base(strings.ReplaceAll(name, "\\", "/")), Data: data})
	return data
}

// delimiterRe is a MIME part delimiter line: "--" and a boundary.
var delimiterRe = regexp.MustCompile(`(?m)^--([0-9A-Za-z'()+_,./:=?-]{1,70})\r?$`)

// multipart writes the parts of a multipart entity: of alternatives only
// the plain text (else the last, richest one), of others every part.
func (r *emailReader) multipart(media, boundary string, body io.Reader, depth int) {
	if boundary == "" {
		// no boundary parameter (a broken mailer): the boundary its first
		// delimiter line names, or else the body as plain text; the body
		// had been dropped without a word
		raw, _ := io.ReadAll(io.LimitReader(body, r.max))
		if m := delimiterRe.FindSubmatch(raw); m != nil {
			boundary = string(m[1])
		} else {
			text, _ := decodeDeclared(raw, "text/plain", false)
			r.body.WriteString(text)
			r.body.WriteString("\n\n")
			return
		}
		body = bytes.NewReader(raw)
	}
	mr := multipart.NewReader(body, boundary)
	type alt struct {
		h    mimeHeader
		data []byte
	}
	var alts []alt
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			break
		}
		if media != "multipart/alternative" {
			r.part(p.Header, p, depth+1)
			continue
		}
		data, _ := io.ReadAll(io.LimitReader(p, r.max))
		alts = append(alts, alt{p.Header, data})
	}
	if len(alts) == 0 {
		return
	}
	pick := alts[len(alts)-1]
	for _, a := range alts {
		if m, _, _ := mime.ParseMediaType(a.h.Get("Content-Type")); m == "text/plain" && !blankPart(a.h, a.data) {
			// an empty plain-text alternative beside the HTML one (as
			// some clients send) is no text: the message's words had
			// been lost with the HTML
			pick = a
			break
		}
	}
	for _, a := range alts {
		if m, _, _ := mime.ParseMediaType(a.h.Get("Content-Type")); m == "text/calendar" && a.data != nil {
			// an invitation's what, when and where, beside its text
			r.part(a.h, bytes.NewReader(a.data), depth+1)
		}
	}
	r.part(pick.h, bytes.NewReader(pick.data), depth+1)
}

// blankPart reports a part whose content, transfer encoding undone, is
// only white space.
func blankPart(h mimeHeader, data []byte) bool {
	raw, _ := io.ReadAll(decodeTransfer(h.Get("Content-Transfer-Encoding"), bytes.NewReader(data)))
	return len(bytes.TrimSpace(raw)) == 0
}

// attachmentName is the file name of a part sent as an attachment (or a
// non-text part with a name); "" for body parts.
func (r *emailReader) attachmentName(h mimeHeader, params map[string]string) string {
	disp, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	if d, err := r.dec.DecodeHeader(name); err == nil {
		name = d
	}
	if disp == "attachment" && name == "" {
		return "(unnamed)"
	}
	if disp == "attachment" || name != "" {
		return name
	}
	return ""
}

// decodeTransfer undoes a part's Content-Transfer-Encoding.
func decodeTransfer(enc string, body io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		return quotedprintable.NewReader(body)
	case "base64":
		// as RFC 2045 asks: characters outside the alphabet (a gateway's
		// trailing spaces) are ignored, and missing padding is supplied;
		// the standard decoder stopped at the first, and the part was cut
		return base64.NewDecoder(base64.StdEncoding, &base64Alphabet{r: body})
	}
	return body
}

// base64Alphabet passes on the base64 alphabet of r, ends at its padding,
// and pads a last quantum that lacks it.
type base64Alphabet struct {
	r    io.Reader
	n    int // alphabet characters passed on
	junk int // other characters than the alphabet, padding and white space
	done bool
	pad  int // padding still to give
}

// errNotBase64 is a part declared base64 whose text is mostly something
// else: a gateway's stray spaces are ignored, but not a body of symbols.
var errNotBase64 = errors.New("not base64: characters outside its alphabet")

func (b *base64Alphabet) Read(p []byte) (int, error) {
	for {
		if b.pad > 0 {
			k := min(b.pad, len(p))
			for i := range k {
				p[i] = '='
			}
			b.pad -= k
			return k, nil
		}
		if b.done {
			return 0, io.EOF
		}
		n, err := b.r.Read(p)
		w := 0
		for _, c := range p[:n] {
			switch {
			case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
				p[w] = c
				w++
				b.n++
			case c == '=':
				b.done = true // the rest is past the data
			case c != ' ' && c != '\t' && c != '\r' && c != '\n':
				b.junk++
			}
			if b.done {
				break
			}
		}
		if (err != nil || b.done) && b.junk*100 > b.n+b.junk {
			return 0, errNotBase64
		}
		if err != nil || b.done {
			b.done = true
			if r := b.n % 4; r != 0 {
				b.pad = 4 - r
				b.n += b.pad
			}
		}
		if w > 0 {
			return w, nil
		}
		if err != nil && err != io.EOF {
			return 0, err
		}
	}
}

// unflow joins the lines of format=flowed text (RFC 3676): a line ending
// in a space goes on in the next, whose space delsp=yes deletes ("sur" +
// "vive" is "survive"); the signature separator "-- " stays a line.
func unflow(text string, delsp bool) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var b strings.Builder
	for i, l := range lines {
		if strings.HasPrefix(l, " ") {
			l = l[1:] // space-stuffing
		}
		if strings.HasSuffix(l, " ") && l != "-- " && i+1 < len(lines) {
			if delsp {
				l = l[:len(l)-1]
			}
			b.WriteString(l)
			continue
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

// emailHeaderRe matches a header field line ("Subject: ...").
var emailHeaderRe = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*:`)

// looksEmail reports whether text starts with an e-mail header block:
// every line up to the first blank one is a field or its continuation,
// and From is there with Subject, Date or Message-ID. An Outlook message
// saved as text after a line typed above it ("Hi all, please see
// below.") is one too (mailLeadIn).
func looksEmail(text string) bool {
	text = englishHeaderNames(text[:min(len(text), 16<<10)])
	if loc := mboxFromRe.FindStringIndex(text); loc != nil && loc[0] == 0 {
		// an mbox: its first message's header follows its "From " line
		text = strings.TrimLeft(text[loc[1]:], "\r\n")
	}
	if _, _, ok := mailLeadIn(text); ok {
		return true
	}
	fields, head, ok := headerBlock(text)
	return ok && fields["from"] && (fields["subject"] || fields["date"] || fields["message-id"]) && !memoHead(head, fields)
}

// headerBlock reads the lines of text up to its first blank one as header
// fields: their names in lower case, and the block; false when a line is
// neither a field nor a field's continuation, or no blank line ends it.
func headerBlock(text string) (map[string]bool, string, bool) {
	head, _, found := strings.Cut(text[:min(len(text), 16<<10)], "\n\n")
	if !found {
		head, _, found = strings.Cut(text[:min(len(text), 16<<10)], "\r\n\r\n")
	}
	if !found {
		return nil, "", false
	}
	fields := map[string]bool{}
	for _, line := range strings.Split(strings.ReplaceAll(head, "\r\n", "\n"), "\n") {
		switch {
		case emailHeaderRe.MatchString(line):
			name, _, _ := strings.Cut(line, ":")
			fields[strings.ToLower(name)] = true
		case strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t"):
		default:
			return nil, "", false
		}
	}
	return fields, head, true
}

// Bounds of the words a sender types above a message's header block: a
// line or two ("Hi all, please see below."), not a document that quotes
// an e-mail further down.
const (
	maxLeadInLines = 3
	maxLeadInBytes = 400
)

// mailLeadIn splits text that opens with a few lines of prose and then a
// whole message header, as Outlook writes one (From, Sent or Date, To
// and Subject, From with a mailbox), into those lines and the message.
// A header block only that far down makes an e-mail: deeper, it is a
// message quoted in another document.
func mailLeadIn(text string) (lead, msg string, ok bool) {
	text = text[:min(len(text), 16<<10)]
	nl := "\n\n"
	if !strings.Contains(text, nl) {
		nl = "\r\n\r\n"
	}
	lead, msg, found := strings.Cut(text, nl)
	lead = strings.TrimSpace(lead)
	if !found || lead == "" || len(lead) > maxLeadInBytes || strings.Count(lead, "\n") >= maxLeadInLines ||
		emailHeaderRe.MatchString(lead) {
		return "", "", false
	}
	msg = strings.TrimLeft(msg, "\r\n")
	fields, head, ok := headerBlock(msg)
	if !ok || !fields["from"] || !fields["to"] || !fields["subject"] || !(fields["sent"] || fields["date"]) ||
		!strings.Contains(head, "@") {
		return "", "", false
	}
	return lead, msg, true
}

// splitMailLeadIn is data without the lines mailLeadIn finds above its
// header block, and those lines; data as it is when there are none.
func splitMailLeadIn(data []byte) (string, []byte) {
	text := string(data)
	lead, _, ok := mailLeadIn(text)
	if !ok {
		return "", data
	}
	i := strings.Index(text, lead) + len(lead)
	return lead, []byte(strings.TrimLeft(text[i:], "\r\n"))
}

// memoFields are the fields of a memo's header block ("To: All staff",
// "From: Facilities Manager", "Date:", "Subject:" or "Re:", "CC:").
var memoFields = map[string]bool{"to": true, "from": true, "date": true, "subject": true, "re": true, "cc": true, "ref": true}

// memoHead reports a header block that is a memo's, no e-mail's: memo
// fields only, To among them, and no address in any. A message's From
// names a mailbox (RFC 5322), and a saved one carries fields a memo has
// none of (Message-ID, MIME-Version, Received, Outlook's Sent); a memo
// saved as text was read as an e-mail, its header moved below its body
// and its kind (other/memo) lost.
func memoHead(head string, fields map[string]bool) bool {
	if !fields["to"] || strings.Contains(head, "@") {
		return false
	}
	for f := range fields {
		if !memoFields[f] {
			return false
		}
	}
	return true
}

// zhSavedText is data as text: decoded when it is no UTF-8 and, so
// decoded, carries Chinese header names (a message Outlook saved as text
// in GBK or Big5, whose fields the sniffer read decoded); as it is
// otherwise, its parts decoded in their declared charsets later.
func zhSavedText(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if d, _ := decodeDeclared(data, "text/plain", false); englishHeaderNames(d) != d {
		return d
	}
	return string(data)
}

// zhHeaderRe is a header field as Outlook writes it in Chinese, simplified
// or traditional ("发件人:", "发送时间：", "寄件者:"), and its English name.
var zhHeaderRe = regexp.MustCompile(`^(发件人|发送时间|日期|收件人|抄送|主题|寄件者|寄件日期|收件者|副本|主旨|附件)[ \t]*[:：][ \t]*`)

// zhHeaderNames are the English names of zhHeaderRe's fields.
var zhHeaderNames = map[string]string{"发件人": "From", "发送时间": "Sent", "日期": "Date", "收件人": "To", "抄送": "Cc", "主题": "Subject",
	"寄件者": "From", "寄件日期": "Sent", "收件者": "To", "副本": "Cc", "主旨": "Subject", "附件": "Attachments"}

// englishHeaderNames is text with the field names of its first header
// block in English when Outlook wrote them in Chinese: a Chinese message
// saved as text ("发件人: 王芳", "主题: ...") was read as plain text, titled
// by its sender line, with no meta from, to, date or subject. The lines
// above the block (mailLeadIn's) and the body are left as they are.
func englishHeaderNames(text string) string {
	if !strings.Contains(text, "发件人") && !strings.Contains(text, "寄件者") {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	in := false
	for i, l := range lines {
		if m := zhHeaderRe.FindStringSubmatch(l); m != nil {
			lines[i] = zhHeaderNames[m[1]] + ": " + l[len(m[0]):]
			in = true
			continue
		}
		if in && strings.TrimSpace(l) == "" {
			break
		}
	}
	return strings.Join(lines, "")
}
