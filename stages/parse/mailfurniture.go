package parse

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// An e-mail's body carries more than its message: the greeting, the
// sender's signature block, the company's legal disclaimer and the thread
// it replies to. Left in the body they were most of a short message's
// summary ("The information contained in this email is confidential ...
// Please consider the environment before printing") and key phrases
// ("CONFIDENTIALITY NOTICE", "Hello", "Partner"). setAsideMailFurniture
// moves them to the aside, labelled, so search still finds them.

var (
	// mailQuoteHeadRe opens the quoted thread under a reply, or the
	// message a forward carries.
	mailQuoteHeadRe = regexp.MustCompile(`(?i)^(?:on\b.{5,300}\bwrote:|-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|_{5,}|begin forwarded message:|-{2,}\s*(?:原始邮件|原始郵件|转发邮件|轉寄郵件)\s*-{2,})$`)
	// mailSeparatorRe is a quote head that is only a rule a mail client
	// draws ("-----Original Message-----"): no words a reader wants.
	mailSeparatorRe = regexp.MustCompile(`(?i)^(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|_{5,}|-{2,}\s*(?:原始邮件|原始郵件|转发邮件|轉寄郵件)\s*-{2,})$`)
	// mailForwardHeadRe is a quote head that only a forward writes.
	mailForwardHeadRe = regexp.MustCompile(`(?i)forwarded\s+message|转发邮件|轉寄郵件`)
	// mailFieldRe is a line of the header block a client writes above a
	// forwarded or quoted message, English or Chinese.
	mailFieldRe = regexp.MustCompile(`(?i)^(?:from|sent|date|to|cc|bcc|subject|发件人|发送时间|日期|收件人|抄送|主题|寄件者|寄件日期|收件者|副本|主旨)\s*[:：]`)
	// mailDisclaimerRe opens a legal disclaimer paragraph.
	mailDisclaimerRe = regexp.MustCompile(`(?i)^(?:confidentiality\s+notice|disclaimer|privileged\s+(?:and|&)\s+confidential|(?:this|the\s+information\s+(?:contained\s+)?in\s+this)\s+(?:e-?mail|message|communication)\b.{0,200}\b(?:confidential|intended\s+(?:only|solely)|privileged)|if\s+you\s+(?:have\s+)?received\s+this\s+(?:e-?mail|message)\s+in\s+error|please\s+consider\s+the\s+environment)`)
	// mailClosingRe is a closing line; the signature follows it.
	mailClosingRe = regexp.MustCompile(`(?i)^(?:(?:kind|best|warm|with\s+best)\s+regards|regards|thanks(?:\s+again)?|thank\s+you|many\s+thanks|cheers|sincerely|best(?:\s+wishes)?|yours\s+(?:sincerely|truly|faithfully)|br` +
		// German, French and Dutch closings, as the AW:, WG: and TR:
		// markers of these senders' replies are read
		`|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|(?:viele|beste|liebe|herzliche|freundliche)\s+gr(?:ü|ue)(?:ß|ss)e|mfg|cordialement|bien\s+(?:à|a)\s+vous|met\s+vriendelijke\s+groet(?:en)?)\s*[,.!]?$` +
		`|^(?:谢谢|多谢|感谢|祝好|此致敬礼|顺祝商祺|顺颂商祺)[!！。,，]?$`)
	// mailGreetingRe is a greeting line, English or Chinese ("各位同事：",
	// "王总，您好！").
	mailGreetingRe = regexp.MustCompile(`(?i)^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|hallo|guten\s+(?:tag|morgen)|sehr\s+geehrte[rs]?|liebe[rs]?|bonjour|madame|monsieur|beste|geachte)\b[^.!?\n]{0,40}[,!:]?$` +
		`|^(?:各位\p{Han}{0,4}|大家好|您好|你好|尊敬的\p{Han}{1,12}|\p{Han}{1,6}[,，]?\s*(?:您好|你好))[,，:：!！]?$`)
)

// mailNameGreetingRe is a greeting that is only a name and a comma
// ("Anna,", "Team,", "Mr Doe,").
var mailNameGreetingRe = regexp.MustCompile(`^\p{Lu}[\p{Ll}'’.-]*(?:\s+\p{Lu}[\p{Ll}'’.-]*)?,$`)

// nameGreeting reports whether lines[i] greets its reader by name alone,
// a paragraph of its own ("Anna," then a blank line): the name had been
// the message's first words, in its summary and key phrases.
func nameGreeting(lines []string, i int) bool {
	return mailNameGreetingRe.MatchString(strings.TrimSpace(lines[i])) &&
		(i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "")
}

// maxSignatureLines bounds a signature block after a closing line: a name,
// a title, a company, telephone numbers, an address.
const maxSignatureLines = 8

// maxCoverRunes bounds the cover note of a forward whose forwarded
// message is its content ("FYI.", "See below, can we discuss on
// Monday?"): with a longer one the sender's words are the message.
const maxCoverRunes = 300

// setAsideMailFurniture splits an e-mail's body text into the message and
// the labelled aside paragraphs: greeting, signature, disclaimers and the
// quoted thread. A forward (forward: its subject says so) whose cover note
// is short carries its message as its content: the forwarded body follows
// the cover in the message, its header block labelled in the aside. A
// body that would be left empty stays as it is.
func setAsideMailFurniture(body string, forward bool) (message string, aside []string) {
	lines := joinSplitQuoteHeads(strings.Split(body, "\n"))
	var kept, quoted, carried, layers []string
	var notice, signature []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		switch {
		case mailQuoteHeadRe.MatchString(l) || i > 0 && inlineHeader(lines[i:]):
			if (forward || mailForwardHeadRe.MatchString(l)) && shortCover(kept) {
				msg, more := forwardedMessage(lines[i:])
				for len(kept) > 0 && strings.TrimSpace(kept[len(kept)-1]) == "" {
					kept = kept[:len(kept)-1]
				}
				kept = append(kept, "", msg)
				carried = more
			} else {
				layers = quotedLayers(lines[i:])
			}
			i = len(lines)
		case strings.HasPrefix(l, ">"):
			quoted = append(quoted, strings.TrimSpace(strings.TrimLeft(l, "> ")))
		case l == "--" || mailClosingRe.MatchString(l):
			n := textBlockEnd(lines, i, maxSignatureLines)
			signature = append(signature, signatureLine(lines[i:n]))
			i = n - 1
		case mailDisclaimerRe.MatchString(l):
			n := textBlockEnd(lines, i, len(lines))
			notice = append(notice, strings.Join(strings.Fields(strings.Join(lines[i:n], " ")), " "))
			i = n - 1
		case len(kept) == 0 && (mailGreetingRe.MatchString(l) || nameGreeting(lines, i)):
			aside = append(aside, "Greeting: "+l)
		default:
			kept = append(kept, lines[i])
		}
	}
	if name, rest := signOffName(kept); name != "" {
		kept, signature = rest, append(signature, name)
	}
	message = strings.TrimSpace(strings.Join(kept, "\n"))
	if !hasContent(message) {
		return body, nil
	}
	for _, s := range signature {
		aside = append(aside, "Signature: "+s)
	}
	for _, n := range notice {
		aside = append(aside, "Notice: "+n)
	}
	aside = append(aside, carried...)
	if q := strings.TrimSpace(strings.Join(quoted, "\n")); q != "" {
		aside = append(aside, quotedLabel(q))
	}
	return message, append(aside, layers...)
}

// quotedLayers is a quoted thread (its lines from its quote head on) as
// labelled aside paragraphs, one for each layer of ">" marks: the
// message replied to ("Quoted: On ..., Ann wrote: ..."), then the one it
// quoted ("Quoted, level 2: On ..., Bob wrote: ..."), and so on. The
// marks had been stripped from every line alike, and the layers of a
// thread, who said what in reply to whom, ran together as one quote.
// The head that opens a layer ("On ... wrote:", written one level up)
// opens its paragraph.
func quotedLayers(lines []string) []string {
	lines = quotedThreadLines(lines)
	var groups [][]string
	var depths []int
	last := -1
	for _, l := range lines {
		d := quoteDepth(l)
		text := quoteMarksRe.ReplaceAllString(l, "")
		if strings.TrimSpace(text) == "" {
			d = last // a blank line stays in its layer
		}
		if d != last && last >= 0 && d >= 0 {
			groups, depths = append(groups, nil), append(depths, d)
			prev := groups[len(groups)-2]
			if h := lastLine(prev); h >= 0 && mailQuoteHeadRe.MatchString(strings.TrimSpace(prev[h])) && d > last {
				// the head above a deeper layer opens it
				groups[len(groups)-1] = append(groups[len(groups)-1], prev[h:]...)
				groups[len(groups)-2] = prev[:h]
			}
		} else if len(groups) == 0 {
			groups, depths = append(groups, nil), append(depths, max(d, 0))
		}
		if d >= 0 {
			last = d
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], text)
	}
	return layerParagraphs(groups, depths)
}

// layerParagraphs labels the layers of a quoted thread by depth: the
// message replied to (one ">", or none under its head) "Quoted" as
// quotedLabel writes it, a deeper one "Quoted, level N".
func layerParagraphs(groups [][]string, depths []int) []string {
	var out []string
	for i, g := range groups {
		q := strings.TrimSpace(strings.Join(g, "\n"))
		switch {
		case q == "":
		case depths[i] <= 1:
			out = append(out, quotedLabel(q))
		default:
			out = append(out, fmt.Sprintf("Quoted, level %d:\n%s", depths[i], q))
		}
	}
	return out
}

// quoteDepth is how many ">" marks open line l.
func quoteDepth(l string) int {
	return strings.Count(quoteMarksRe.FindString(l), ">")
}

// lastLine is the index of the last line of g with words, -1 for none.
func lastLine(g []string) int {
	for i := len(g) - 1; i >= 0; i-- {
		if strings.TrimSpace(g[i]) != "" {
			return i
		}
	}
	return -1
}

// inlineFieldKinds are the fields of the header block Outlook writes above
// a quoted or forwarded message, by what they are: From, Sent (its date;
// the "Date:" a forwarded message/rfc822 part is written with is no
// Outlook block), Subject.
var inlineFieldKinds = map[string]string{"from": "from", "发件人": "from", "寄件者": "from",
	"sent": "sent", "发送时间": "sent", "寄件日期": "sent", "subject": "subject", "主题": "subject", "主旨": "subject"}

// inlineFieldKind is the kind of header field line l is, "" for another
// line or field.
func inlineFieldKind(l string) string {
	name := strings.TrimRight(mailFieldRe.FindString(strings.TrimSpace(l)), " \t:：")
	return inlineFieldKinds[strings.ToLower(name)]
}

// inlineHeader reports whether lines open with the header block Outlook
// writes above the message a reply quotes or a forward carries (From,
// Sent, To, Subject) with no rule above it: an HTML message's rule is no
// line of its text, and the quoted history had been read as the reply's
// own words, its summary and key phrases ("Tom Baker", "Tuesday") the
// thread's.
func inlineHeader(lines []string) bool {
	if len(lines) == 0 || inlineFieldKind(lines[0]) != "from" {
		return false
	}
	seen := map[string]bool{}
	for _, l := range lines[:min(len(lines), 8)] {
		if !mailFieldRe.MatchString(strings.TrimSpace(l)) {
			break
		}
		seen[inlineFieldKind(l)] = true
	}
	return seen["sent"] && seen["subject"]
}

var (
	// mailSignOffRe is a name signed on a line of its own, without a
	// closing above it ("Dan", "Dan Cole", "J. Smith"); a name ends in no
	// full stop.
	mailSignOffRe = regexp.MustCompile(`^\p{Lu}[\p{Ll}'’.-]*(?:\s+\p{Lu}[\p{Ll}'’.-]*){0,2}$`)
	// mailAnswerRe is a one-word paragraph that answers the message
	// ("Approved.", "Agreed"): a decision, no name, though it looks like one.
	mailAnswerRe = regexp.MustCompile(`(?i)^(?:approved|agreed|accepted|confirmed|declined|rejected|denied|noted|done|understood|acknowledged|received|correct|yes|no|ok|okay|sure|fine|perfect|great)$`)
)

// signOffName is the name a message's last paragraph signs with, when
// that paragraph is only a name and words come above it, and the lines
// kept without it; "" and kept otherwise. Left in the message, the
// sender's name was a key phrase of every message they signed. A last
// word that is an answer ("Approved.", "Agreed") is the message's
// content: taken for a name, the decision was lost from text and summary.
func signOffName(kept []string) (string, []string) {
	n := len(kept)
	for n > 0 && strings.TrimSpace(kept[n-1]) == "" {
		n--
	}
	if n < 3 || strings.TrimSpace(kept[n-2]) != "" {
		return "", kept
	}
	name := strings.TrimSpace(kept[n-1])
	if len(name) > 40 || !mailSignOffRe.MatchString(name) || strings.HasSuffix(name, ".") || mailAnswerRe.MatchString(name) ||
		!hasContent(strings.Join(kept[:n-2], "\n")) {
		return "", kept
	}
	return name, kept[:n-2]
}

// shortCover reports whether the lines kept above a forwarded message are
// a cover note short enough that the forwarded message is the content.
func shortCover(kept []string) bool {
	return utf8.RuneCountInString(strings.TrimSpace(strings.Join(kept, " "))) <= maxCoverRunes
}

// forwardedMessage reads a forwarded message (lines, from its quote head
// on): its body, its own furniture set aside, is the message; its header
// block is the aside's "Forwarded message:", with the furniture after it.
func forwardedMessage(lines []string) (string, []string) {
	rest := quotedThread(lines)
	var head []string
	for len(rest) > 0 && (mailFieldRe.MatchString(strings.TrimSpace(rest[0])) || strings.TrimSpace(rest[0]) == "" && len(head) == 0) {
		if l := strings.TrimSpace(rest[0]); l != "" {
			head = append(head, l)
		}
		rest = rest[1:]
	}
	msg, aside := setAsideMailFurniture(strings.Join(rest, "\n"), false)
	if len(head) > 0 {
		aside = append([]string{"Forwarded message:\n" + strings.Join(head, "\n")}, aside...)
	}
	return strings.TrimSpace(msg), aside
}

// quotedThread is a quoted thread's lines without a quote head that is
// only a client's rule ("-----Original Message-----", a line of
// underscores), which the document page showed as "Quoted: -----Original
// Message-----", and without the ">" marks a client quotes each line
// with: the document page read "> > We propose a two-year term".
func quotedThread(lines []string) []string {
	lines = quotedThreadLines(lines)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = quoteMarksRe.ReplaceAllString(l, "")
	}
	return out
}

// quotedThreadLines is a quoted thread's lines without a quote head that
// is only a client's rule.
func quotedThreadLines(lines []string) []string {
	if len(lines) > 0 && mailSeparatorRe.MatchString(strings.TrimSpace(lines[0])) {
		return lines[1:]
	}
	return lines
}

// quoteMarksRe is the run of ">" marks that opens a quoted line.
var quoteMarksRe = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)+`)

// joinSplitQuoteHeads is lines with a quote head a client wrapped over two
// lines on one line: Gmail wraps a long "On Mon, Dec 2, 2026 at 10:00 AM
// Ann <ann@x.com>" before "wrote:", and the quoted history had been read
// as the reply's own words.
func joinSplitQuoteHeads(lines []string) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if i+1 < len(lines) && strings.HasPrefix(strings.ToLower(l), "on ") && !mailQuoteHeadRe.MatchString(l) {
			sep := " "
			if strings.HasSuffix(l, "<") {
				sep = "" // wrapped inside the address
			}
			if j := l + sep + strings.TrimSpace(lines[i+1]); mailQuoteHeadRe.MatchString(j) {
				out = append(out, j)
				i++
				continue
			}
		}
		out = append(out, lines[i])
	}
	return out
}

// quotedLabel labels a quoted thread: one that opens with its header block
// ("From: ...") starts on a line of its own, as the message's own header
// does; "On ..., Ann wrote:" reads on after the label.
func quotedLabel(q string) string {
	if mailFieldRe.MatchString(q) {
		return "Quoted message:\n" + q
	}
	return "Quoted: " + q
}

// signatureLine is a signature block on one line: the closing and the
// name read as they are written ("Thanks, Tom"), the lines after them
// (a title, a company, a telephone number) separated by " | ", and the
// "--" separator a client writes above a signature left out; "Thanks, |
// Tom" read as a broken table.
func signatureLine(block []string) string {
	var parts []string
	for _, l := range block {
		if l = strings.Join(strings.Fields(l), " "); l != "" && l != "--" {
			parts = append(parts, l)
		}
	}
	if len(parts) > 1 && mailClosingRe.MatchString(parts[0]) {
		parts = append([]string{parts[0] + " " + parts[1]}, parts[2:]...)
	}
	return strings.Join(parts, " | ")
}

// textBlockEnd is the index of the blank line that ends the paragraph
// starting at lines[i], at most max lines after it (or len(lines)).
func textBlockEnd(lines []string, i, max int) int {
	n := i + 1
	for n < len(lines) && n-i <= max && strings.TrimSpace(lines[n]) != "" {
		n++
	}
	return n
}
