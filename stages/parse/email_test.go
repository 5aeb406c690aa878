package parse

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/docmill/docmill/document"
)

// An e-mail as mail clients save it (.eml): the subject (encoded words
// decoded) is the title, the sender, recipients and date head the text,
// the body is decoded (quoted-printable in Latin-1 here; base64 HTML when
// there is no plain alternative), a forwarded message's body follows (its
// header in the aside), and attachments are named and kept as files.
func TestEmailMessage(t *testing.T) {
	msg := strings.ReplaceAll(`Return-Path: <ann@acme.example>
Received: from mx.acme.example by mail.globex.example; Tue, 2 Jan 2024 10:00:00 +0000
From: =?ISO-8859-1?Q?Ann_M=FCller?= <ann@acme.example>
To: Bob Jones <bob@globex.example>
Date: Tue, 2 Jan 2024 10:00:00 +0000
Subject: =?UTF-8?B?UmVuZXdhbCBvZiB0aGUgc3VwcGx5IGFncmVlbWVudCDigJMgZHJhZnQ=?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="MIX"

--MIX
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Dear Bob,

The renewal is attached. The price rises by 5 % from 1 M=E4rz; the term is=
 two years.
--MIX
Content-Type: message/rfc822

From: Carol <carol@acme.example>
Subject: Old terms
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

PGh0bWw+PGJvZHk+PHA+VGhlIG9sZCB0ZXJtcyBlbmRlZCBpbiBEZWNlbWJlci48L3A+PC9ib2R5PjwvaHRtbD4=
--MIX
Content-Type: application/pdf; name="renewal.pdf"
Content-Disposition: attachment; filename="renewal.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfsj6IK
--MIX--
`, "\n", "\r\n")
	p := mustParse(t, "message", []byte(msg))
	if p.ContentType != document.TypeEmail || p.Title != "Renewal of the supply agreement – draft" || p.Meta["attachments"] != "renewal.pdf" {
		t.Errorf("type %s title %q meta %v", p.ContentType, p.Title, p.Meta)
	}
	// the message's own fields (not the forwarded one's) are meta too
	for k, want := range map[string]string{"from": "Ann Müller <ann@acme.example>", "to": "Bob Jones <bob@globex.example>",
		"date": "Tue, 2 Jan 2024 10:00:00 +0000", "subject": "Renewal of the supply agreement – draft"} {
		if p.Meta[k] != want {
			t.Errorf("meta %s = %q, want %q", k, p.Meta[k], want)
		}
	}
	// the message's own header lines are the aside: searched, but no key
	// phrase or summary is made of them
	contains(t, "eml aside", p.Aside, "From: Ann Müller <ann@acme.example>", "To: Bob Jones <bob@globex.example>")
	if strings.Contains(p.Text, "Ann Müller") {
		t.Errorf("the message's own header lines are in its text: %q", p.Text)
	}
	contains(t, "eml", p.Text,
		"The price rises by 5 % from 1 März; the term is two years.", "The old terms ended in December.")
	// the attached message's header is the aside's, labelled: its
	// sender and subject were key phrases of the message that carries it
	contains(t, "eml aside", p.Aside, "Forwarded message:\nFrom: Carol <carol@acme.example>\nSubject: Old terms")
	if strings.Contains(p.Text, "Carol") || strings.Contains(p.Text, "Forwarded message") {
		t.Errorf("text keeps the attached message's header: %q", p.Text)
	}
	// the attachments' names are searched, but their extensions are no
	// key phrase ("pdf"): the line naming them is the aside's
	contains(t, "eml aside", p.Aside, "Attachments: renewal.pdf")
	if strings.Contains(p.Text, "renewal.pdf") {
		t.Errorf("text names the attachments: %q", p.Text)
	}
	for _, junk := range []string{"JVBERi0", "=E4", "PGh0bWw", "Received:", "boundary"} {
		if strings.Contains(p.Text, junk) {
			t.Errorf("text has %q: %q", junk, p.Text)
		}
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Filename != "renewal.pdf" || !strings.HasPrefix(string(p.Attachments[0].Data), "%PDF-1.4\n") {
		t.Errorf("attachments %+v", p.Attachments)
	}
	// a log or a text that merely has a colon in its first line is no e-mail
	for _, s := range []string{"Note: call Bob\nFrom: Ann\n\nbody", "2024-01-02 10:00:00 INFO From: x Subject: y\n\n"} {
		if looksEmail(s) {
			t.Errorf("taken for e-mail: %q", s)
		}
	}
}

// A display name quoted with escaped quotes inside (RFC 5322's
// quoted-string) is shown as people read it, without the backslashes.
func TestEmailQuotedDisplayName(t *testing.T) {
	msg := strings.ReplaceAll(`From: "O'Brien, Ann" <ann@acme.example>
To: "Smith, \"Bob\"" <bob@x.com>, carol@x.com
Cc: "=?UTF-8?Q?M=C3=BCller?=" <m@x.com>
Date: Tue, 2 Jan 2024 10:00:00 +0000
Subject: Renewal

The renewal terms are below.
`, "\n", "\r\n")
	p := mustParse(t, "message.eml", []byte(msg))
	for k, want := range map[string]string{"from": "O'Brien, Ann <ann@acme.example>",
		"to": `Smith, "Bob" <bob@x.com>, carol@x.com`, "cc": "Müller <m@x.com>"} {
		if p.Meta[k] != want {
			t.Errorf("meta %s = %q, want %q", k, p.Meta[k], want)
		}
	}
	contains(t, "eml aside", p.Aside, `To: Smith, "Bob" <bob@x.com>, carol@x.com`)
	if strings.Contains(p.Aside, `\`) {
		t.Errorf("aside keeps a backslash: %q", p.Aside)
	}
}

// Generic XML is read as the text of its elements in its declared
// encoding (an XML <Header> is no HTML <head>); formats docmill does not
// read are refused with their name and what to do.
func TestXMLAndNamedRefusals(t *testing.T) {
	xmlDoc := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Rechnung><Header><Nr>R-7</Nr></Header><Kunde>M\xfcller GmbH</Kunde><!-- intern --><Text>Zahlbar in M\xfcnchen.</Text></Rechnung>"
	p := mustParse(t, "rechnung.xml", []byte(xmlDoc))
	if p.ContentType != document.TypeXML || p.Text != "R-7\nMüller GmbH\nZahlbar in München." {
		t.Errorf("xml: %s %q", p.ContentType, p.Text)
	}
	odt := docxOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"old.doc": {append(append([]byte{}, oleMagic...), make([]byte, 600)...), "legacy Microsoft Office"},
		// an Outlook .msg is a compound file too: told to save as .eml,
		// by its streams or its name, not as .docx
		"hold.msg":   {append(append([]byte{}, oleMagic...), make([]byte, 600)...), "Outlook message file (.msg)"},
		"hold.bin":   {append(append(append([]byte{}, oleMagic...), make([]byte, 600)...), oleMessageStream...), "save the message as .eml"},
		"report.odt": {odt, "OpenDocument"},
		"bundle.zip": {docxOf(t, map[string]string{"a.txt": "hello"}), "unpack it"},
		// damaged ZIP archives: named by their extension, never told to be
		// unpacked
		"表格 数据.xlsx": {append([]byte("PK\x03\x04"), make([]byte, 100)...), "Excel and PowerPoint files (.xlsx, .pptx) are not supported: save them as PDF"},
		"deck.pptx":  {[]byte("PK\x03\x04garbage"), "damaged file"},
		"notes.ods":  {[]byte("PK\x03\x04garbage"), "OpenDocument"},
		"broken.zip": {[]byte("PK\x03\x04garbage"), "damaged ZIP archive"},
	} {
		_, err := Parse(t.Context(), Input{Filename: name, Data: c.data}, DefaultLimits())
		if err == nil || !strings.Contains(err.Error(), c.want) || !IsPermanent(err) || name != "bundle.zip" && strings.Contains(err.Error(), "unpack") {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// Container and journal exports are logs: Docker's json-file lines, the
// journal's JSON, CLEF, epoch-millisecond lines.
func TestModernLogsDetected(t *testing.T) {
	rep := func(line string) []byte { return []byte(strings.Repeat(line+"\n", 5)) }
	for name, data := range map[string][]byte{
		"docker.log":   rep(`{"log":"connection from 10.0.0.7 accepted\n","stream":"stdout","time":"2024-01-02T10:00:00.000000039Z"}`),
		"journal.json": rep(`{"__REALTIME_TIMESTAMP":"1704189600000000","PRIORITY":"6","_SYSTEMD_UNIT":"kubelet.service","MESSAGE":"pod sync ok for web"}`),
		"app.clef":     rep(`{"@t":"2024-01-02T10:00:00.1234567+01:00","@mt":"Processed {Count}","Count":3}`),
		"ms.txt":       rep(`1704189600123 INFO heartbeat ok`),
	} {
		if p := mustParse(t, name, data); p.ContentType != document.TypeLog {
			t.Errorf("%s: %s", name, p.ContentType)
		}
	}
}

// Mail as gateways and Apple Mail write it: base64 lines with trailing
// spaces (the decoder stopped at the first and cut the body after one
// line), an attachment without its padding, one that is no base64 at all
// (it vanished without a word), and format=flowed text with delsp=yes
// ("sur" + "vive" is "survive").
func TestEmailLenientDecoding(t *testing.T) {
	msg := strings.ReplaceAll(`From: Ann <ann@acme.example>
Subject: Compliance report
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="MIX"

--MIX
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

VGhlIHF1YXJ0ZXJseSBjb21wbGlhbmNlIHJlcG9y 
dCBpcyBhdHRhY2hlZC4gQWxsIGNvbnRyb2xzIHBh 
c3NlZCwgYW5kIHRoZQphdWRpdG9ycyBzaWduZWQg 
b2ZmIG9uIDEyIE1hcmNoLiBUaGUgbmV4dCByZXZp 
ZXcgaXMgaW4gSnVuZS4K 
--MIX
Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

The obligations of the Supplier sur 
vive termination of this Agreement.
Regards,
-- 
Ann
--MIX
Content-Type: text/plain; name="lease.txt"
Content-Disposition: attachment; filename="lease.txt"
Content-Transfer-Encoding: base64

VGhlIFRlbmFudCBzaGFsbCBwYXkgdGhlIHJlbnQgbW9udGhseS4
--MIX
Content-Type: application/pdf; name="x.pdf"
Content-Disposition: attachment; filename="x.pdf"
Content-Transfer-Encoding: base64

%%%% this is not base64 at all %%%%
--MIX--
`, "\n", "\r\n")
	p := mustParse(t, "message", []byte(msg))
	for _, want := range []string{"The next review is in June.", "Supplier survive termination of this Agreement."} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	if !strings.Contains(p.Aside, "Signature: Regards, Ann") {
		t.Errorf("aside lacks the signature:\n%s", p.Aside)
	}
	if len(p.Attachments) != 1 || string(p.Attachments[0].Data) != "The Tenant shall pay the rent monthly." {
		t.Errorf("attachments %+v", p.Attachments)
	}
	if u := p.Meta["attachments_unread"]; !strings.Contains(u, "x.pdf (") {
		t.Errorf("unread attachments %q, want x.pdf with why", u)
	}
}

// A multipart message without its boundary parameter (a broken mailer)
// keeps its body: the parts its first delimiter line opens, or else the
// body as plain text. It had been dropped without a word.
func TestEmailMultipartWithoutBoundary(t *testing.T) {
	head := "From: Ann <ann@acme.example>\r\nSubject: Renewal\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
	for name, c := range map[string]struct{ body, want string }{
		"delimited": {"--XYZ\r\nContent-Type: text/plain\r\n\r\nThe renewal terms are attached for review.\r\n--XYZ--\r\n", "The renewal terms are attached for review."},
		"bare":      {"Text with no boundary parameter and no parts at all.\r\n", "Text with no boundary parameter and no parts at all."},
	} {
		p := mustParse(t, "message.eml", []byte(head+c.body))
		if !strings.Contains(p.Text, c.want) || strings.Contains(p.Text, "--XYZ") {
			t.Errorf("%s: text %q, want %q", name, p.Text, c.want)
		}
	}
}

// A message's greeting, signature, disclaimer and the thread it replies to
// are set aside: the message is what its summary and key phrases read.
func TestEmailFurnitureSetAside(t *testing.T) {
	msg := strings.ReplaceAll(`From: Tom Becker <tom@globex.example>
To: team@initech.example
Subject: Invoice 4471 overdue
Date: Tue, 21 May 2024 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Hi team,

Invoice 4471 for USD 18,400 is now 45 days overdue. Please arrange payment by Friday.

Regards,
Tom Becker
Accounts Receivable | Globex Corp
+1 555 0100

CONFIDENTIALITY NOTICE: This message and any attachments are intended only for the named recipient(s) and may contain confidential information.
If you have received this message in error, please notify the sender.

On Mon, 13 May 2024 at 10:02, Sara Ng <sara@initech.example> wrote:
> Tom, can you resend the invoice? We never received 4471.
> Thanks, Sara
`, "\n", "\r\n")
	p := mustParse(t, "overdue.eml", []byte(msg))
	if p.Text != "Invoice 4471 for USD 18,400 is now 45 days overdue. Please arrange payment by Friday." {
		t.Errorf("text %q", p.Text)
	}
	for _, want := range []string{"Greeting: Hi team,", "Signature: Regards, Tom Becker | Accounts Receivable | Globex Corp | +1 555 0100", "Notice: CONFIDENTIALITY NOTICE: This message", "Quoted: On Mon, 13 May 2024", "We never received 4471."} {
		if !strings.Contains(p.Aside, want) {
			t.Errorf("aside lacks %q:\n%s", want, p.Aside)
		}
	}
	// a message that is nothing but a signature keeps it as its text
	only := "From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\nThanks,\r\nAnn\r\n"
	if p := mustParse(t, "thanks.eml", []byte(only)); !strings.Contains(p.Text, "Thanks,") {
		t.Errorf("signature-only message: text %q", p.Text)
	}
}

// A memo saved as text opens with a header block as an e-mail does, but
// its fields name people and roles, no mailboxes: it stays text, its
// header above its body, titled by its subject (it was message/rfc822,
// its header moved below the body, and titled "To: All staff" or
// "MEMORANDUM"). A message whose From is a mailbox is still an e-mail.
func TestMemoHeaderIsNoEmail(t *testing.T) {
	head := "To: All staff\nFrom: Facilities Manager\nDate: 3 March 2026\nSubject: Office closure for electrical works\n\n"
	body := "The head office will be closed on Saturday 14 March 2026 while the main distribution board is replaced.\n"
	for name, text := range map[string]string{"memo.txt": head + body, "memorandum.txt": "MEMORANDUM\n\n" + head + body} {
		p := mustParse(t, name, []byte(text))
		if p.ContentType != document.TypeText || p.Title != "Office closure for electrical works" || !strings.HasPrefix(strings.TrimPrefix(p.Text, "MEMORANDUM\n\n"), "To: All staff") {
			t.Errorf("%s: %s titled %q, text %q", name, p.ContentType, p.Title, p.Text)
		}
	}
	mail := "From: Facilities <facilities@acme.example>\nTo: All staff\nSubject: Office closure\n\n" + body
	if p := mustParse(t, "mail.txt", []byte(mail)); p.ContentType != document.TypeEmail {
		t.Errorf("e-mail read as %s", p.ContentType)
	}
}

// Outlook saves a message as text with "Sent:" where RFC 5322 has
// "Date:": the message's date is that line, in meta and in its header.
func TestOutlookSentIsDate(t *testing.T) {
	msg := "From: Tom Baker <tom.baker@acme.example>\nSent: Wednesday, 5 March 2025 11:02\nTo: Records Team <records@acme.example>\n" +
		"Subject: FW: Retention schedule for contracts\n\nCan you add this to the retention schedule review for next week?\n\nThanks,\nTom\n"
	p := mustParse(t, "fw.txt", []byte(msg))
	if p.Meta["date"] != "Wednesday, 5 March 2025 11:02" {
		t.Errorf("meta date %q, want the Sent line's; meta %v", p.Meta["date"], p.Meta)
	}
	if !strings.Contains(p.Aside, "Date: Wednesday, 5 March 2025 11:02") {
		t.Errorf("aside %q lacks the date", p.Aside)
	}
}

// Outlook's "Save as" text of a message the user typed a line above
// ("Hi all, please see below.") opens with that line, then the header
// block: it is an e-mail (meta from, to, date; titled by its subject),
// the line opens its body. A document that quotes a message further down
// is no e-mail.
func TestEmailHeaderBelowLeadIn(t *testing.T) {
	msg := "Hi all, please see below.\r\n\r\nFrom: Tom Baker <tom.baker@acme.example>\r\nSent: Tuesday, 4 March 2025 09:14\r\n" +
		"To: Records Team <records@acme.example>\r\nSubject: Retention schedule review\r\n\r\n" +
		"The retention schedule for finance records is being reviewed this quarter.\r\n"
	p := mustParse(t, "review.txt", []byte(msg))
	if p.ContentType != document.TypeEmail || p.Title != "Retention schedule review" {
		t.Fatalf("read as %s titled %q", p.ContentType, p.Title)
	}
	for k, want := range map[string]string{"from": "Tom Baker <tom.baker@acme.example>", "to": "Records Team <records@acme.example>",
		"date": "Tuesday, 4 March 2025 09:14"} {
		if p.Meta[k] != want {
			t.Errorf("meta %s = %q, want %q", k, p.Meta[k], want)
		}
	}
	if !strings.HasPrefix(p.Text, "Hi all, please see below.\n\nThe retention schedule") {
		t.Errorf("text %q", p.Text)
	}
	deep := "Records management report\n\nThis report reviews the schedule.\nIt covers finance.\nAnd payroll.\nAnd the archive.\n\n" +
		"From: Tom Baker <tom.baker@acme.example>\nSent: Tuesday, 4 March 2025 09:14\nTo: Records <records@acme.example>\nSubject: Review\n\nBody.\n"
	for _, s := range []string{deep, "MEMORANDUM\n\nTo: All staff\nFrom: Facilities Manager\nDate: 3 March 2026\nSubject: Closure\n\nBody.\n"} {
		if looksEmail(s) {
			t.Errorf("taken for e-mail: %q", s)
		}
	}
}

// The labels of a reply's furniture read as the document page shows them:
// the closing and the name as written ("Signature: Thanks, Tom", not
// "Thanks, | Tom"), and an Outlook quoted thread under its header block
// ("Quoted message:" and "From: ..."), without the client's
// "-----Original Message-----" rule after the label.
func TestEmailFurnitureLabels(t *testing.T) {
	msg := "From: Ann Lee <ann.lee@acme.example>\nSent: Wednesday, 5 March 2025 10:02\nTo: Tom Baker <tom.baker@acme.example>\n" +
		"Subject: RE: Retention schedule\n\nAgreed, seven years for ledgers.\n\nThanks,\nAnn\n\n-----Original Message-----\n" +
		"From: Tom Baker <tom.baker@acme.example>\nSent: Tuesday, 4 March 2025 09:14\nSubject: Retention schedule\n\nShall we keep ledgers seven years?\n"
	p := mustParse(t, "re.txt", []byte(msg))
	contains(t, "reply aside", p.Aside, "Signature: Thanks, Ann", "Quoted message:\nFrom: Tom Baker <tom.baker@acme.example>\nSent: Tuesday")
	for _, broken := range []string{"Thanks, |", "Original Message"} {
		if strings.Contains(p.Aside, broken) {
			t.Errorf("aside has %q: %q", broken, p.Aside)
		}
	}
}

// A forward whose cover note is short ("FYI.") carries its content in the
// forwarded message: the summary and key phrases read its body, which had
// been set aside as "Quoted: -----Original Message-----"; its header block
// is labelled in the aside. The title is the subject without "FW:", as a
// register lists the thread; meta subject keeps it as sent. A reply's
// quoted thread stays set aside.
func TestEmailForwardIsContent(t *testing.T) {
	fwd := "From: Tom Baker <tom.baker@acme.example>\nSent: Tuesday, 4 March 2025 09:14\nTo: Records Team <records@acme.example>\n" +
		"Subject: Retention schedule\n\nInvoices and ledgers must be kept for seven years after the end of the financial year.\n\nThanks,\nTom\n"
	text := "From: Ann Lee <ann.lee@acme.example>\nSent: Wednesday, 5 March 2025 10:02\nTo: Legal <legal@acme.example>\n" +
		"Subject: FW: Retention schedule\n\nFYI.\n\n-----Original Message-----\n" + fwd
	eml := "From: Ann Lee <ann.lee@acme.example>\r\nDate: Wed, 5 Mar 2025 10:02:00 +0000\r\nTo: legal@acme.example\r\n" +
		"Subject: =?UTF-8?B?6L2s5Y+ROiBSZXRlbnRpb24gc2NoZWR1bGU=?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"See below.\r\n\r\n---------- Forwarded message ---------\r\n" + strings.ReplaceAll(fwd, "\n", "\r\n")
	for name, c := range map[string]struct{ data, subject string }{
		"fw.txt": {text, "FW: Retention schedule"}, "fwd.eml": {eml, "转发: Retention schedule"}} {
		p := mustParse(t, name, []byte(c.data))
		if p.Title != "Retention schedule" || p.Meta["subject"] != c.subject {
			t.Errorf("%s: title %q, meta subject %q", name, p.Title, p.Meta["subject"])
		}
		if !strings.Contains(p.Text, "Invoices and ledgers must be kept for seven years") || strings.Contains(p.Text, "Tom Baker") {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Forwarded message:\nFrom: Tom Baker <tom.baker@acme.example>", "Signature: Thanks, Tom")
		if strings.Contains(p.Aside, "Original Message") || strings.Contains(p.Aside, "Quoted") {
			t.Errorf("%s: aside %q", name, p.Aside)
		}
	}
	reply := strings.Replace(text, "FW: Retention", "RE: Retention", 1)
	if p := mustParse(t, "re.txt", []byte(reply)); p.Text != "FYI." || !strings.Contains(p.Aside, "Quoted message:\nFrom: Tom Baker") || p.Title != "Retention schedule" {
		t.Errorf("reply: title %q text %q aside %q", p.Title, p.Text, p.Aside)
	}
}

// A Chinese message Outlook saved as text names its fields in Chinese
// (发件人, 发送时间, 收件人, 主题), in UTF-8 or GBK: it is an e-mail, its
// sender, recipients, date and subject meta, its greeting and signature
// set aside; it was plain text titled "发件人: 王芳 <...>". A Chinese
// forward's "-----原始邮件-----" carries its content as an English one does.
func TestChineseOutlookEmail(t *testing.T) {
	msg := "发件人: 王芳 <wang.fang@acme.cn>\n发送时间: 2026年12月2日 星期三 10:15\n收件人: 法务部 <legal@acme.cn>\n主题：关于供应商合同续签的意见\n\n" +
		"各位同事：\n\n请法务部在12月10日前审核合同中的违约责任条款和保密条款，并提出修改意见。\n\n谢谢！\n王芳\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(msg)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"utf8.txt": msg, "gbk.txt": gbk} {
		p := mustParse(t, name, []byte(data))
		if p.ContentType != document.TypeEmail || p.Title != "关于供应商合同续签的意见" {
			t.Errorf("%s: %s titled %q", name, p.ContentType, p.Title)
			continue
		}
		for k, want := range map[string]string{"from": "王芳 <wang.fang@acme.cn>", "to": "法务部 <legal@acme.cn>", "date": "2026年12月2日 星期三 10:15"} {
			if p.Meta[k] != want {
				t.Errorf("%s: meta %s = %q, want %q", name, k, p.Meta[k], want)
			}
		}
		if p.Text != "请法务部在12月10日前审核合同中的违约责任条款和保密条款，并提出修改意见。" {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Greeting: 各位同事：", "Signature: 谢谢！ 王芳")
	}
	fwd := "发件人: 李明 <li.ming@acme.cn>\n收件人: 档案室 <records@acme.cn>\n主题: 转发: 档案保管期限表\n\n请存档。\n\n-----原始邮件-----\n" +
		"发件人: 王芳 <wang.fang@acme.cn>\n主题: 档案保管期限表\n\n会计凭证和账簿应保存三十年。\n"
	p := mustParse(t, "fwd.txt", []byte(fwd))
	if p.Title != "档案保管期限表" || !strings.Contains(p.Text, "会计凭证和账簿应保存三十年。") || strings.Contains(p.Aside, "原始邮件") {
		t.Errorf("forward: title %q text %q aside %q", p.Title, p.Text, p.Aside)
	}
}

// Outlook's HTML reply draws a rule above the quoted message's header
// block (From, Sent, To, Subject), and the rule is no line of its text:
// the quoted history is set aside all the same (its summary and key
// phrases had been the thread's: "Tom Baker", "Tuesday"), and a forward's
// carried message is its content.
func TestEmailOutlookHTMLQuoteWithoutRule(t *testing.T) {
	html := func(subject, cover string) string {
		return "From: Ann Lee <ann.lee@acme.example>\r\nTo: Legal <legal@acme.example>\r\nDate: Wed, 5 Mar 2025 10:02:00 +0000\r\n" +
			"Subject: " + subject + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><div><p>" + cover + "</p></div>" +
			`<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>From:</b> Tom Baker &lt;tom.baker@acme.example&gt;<br>` +
			"<b>Sent:</b> Tuesday, March 4, 2025 9:14 AM<br><b>To:</b> Records Team &lt;records@acme.example&gt;<br><b>Subject:</b> Retention schedule</font><div>&nbsp;</div></div>" +
			"<div><p>Invoices and ledgers must be kept for seven years after the end of the financial year.</p><p>Thanks,<br>Tom</p></div></body></html>\r\n"
	}
	reply := "Agreed, and please also keep the board minutes permanently."
	p := mustParse(t, "re.eml", []byte(html("RE: Retention schedule", reply)))
	if p.Text != reply {
		t.Errorf("reply text %q", p.Text)
	}
	contains(t, "reply aside", p.Aside, "Quoted message:\nFrom: Tom Baker <tom.baker@acme.example>\nSent: Tuesday", "Invoices and ledgers")
	p = mustParse(t, "fw.eml", []byte(html("FW: Retention schedule", "FYI, see below.")))
	if !strings.Contains(p.Text, "Invoices and ledgers must be kept") || strings.Contains(p.Text, "Tom Baker") {
		t.Errorf("forward text %q", p.Text)
	}
	contains(t, "forward aside", p.Aside, "Forwarded message:\nFrom: Tom Baker")
}

// A message signed with the sender's name alone on its last line, no
// closing above it ("Dan"), has the name set aside as its signature: it
// was a key phrase of every message its sender signed. A message that is
// one paragraph keeps it.
func TestEmailBareSignOff(t *testing.T) {
	head := "From: Dan Cole <dan.cole@acme.example>\r\nTo: Ann <ann@acme.example>\r\nSubject: Renewal\r\n\r\n"
	p := mustParse(t, "re.eml", []byte(head+"Legal has signed off. I will send the renewal to Globex tomorrow.\r\n\r\nDan Cole\r\n"))
	if p.Text != "Legal has signed off. I will send the renewal to Globex tomorrow." || !strings.Contains(p.Aside, "Signature: Dan Cole") {
		t.Errorf("text %q aside %q", p.Text, p.Aside)
	}
	if p := mustParse(t, "one.eml", []byte(head+"Signed off by Legal.\r\nGlobex\r\n")); !strings.Contains(p.Text, "Globex") {
		t.Errorf("one paragraph: text %q", p.Text)
	}
}

// A last paragraph of one word that answers the message ("Approved.",
// "Agreed") is its content, no name signed: it had been set aside as the
// signature, and the decision was missing from the text and summary.
func TestEmailOneWordAnswerKept(t *testing.T) {
	head := "From: Ann Lee <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nSubject: Re: Renewal terms\r\n\r\n"
	for _, last := range []string{"Approved.", "Agreed", "Confirmed."} {
		p := mustParse(t, "re.eml", []byte(head+"I read the proposal below and discussed it with finance this morning.\r\n\r\n"+last+"\r\n"))
		if !strings.HasSuffix(p.Text, last) || strings.Contains(p.Aside, "Signature: "+last) {
			t.Errorf("%q: text %q aside %q", last, p.Text, p.Aside)
		}
	}
}

// An out-of-office reply is titled by the subject it answers, as a reply
// is without "RE:": "Automatic reply: Contract review" had been listed
// under its marker. The subject as sent stays in meta.
func TestEmailAutoReplyTitle(t *testing.T) {
	for subject, want := range map[string]string{"Automatic reply: Contract review": "Contract review",
		"Out of Office: RE: Contract review": "Contract review", "自动回复: 合同审查": "合同审查", "Automatic reply:": "Automatic reply:"} {
		msg := "From: Bob Jones <bob@globex.example>\r\nTo: Ann Lee <ann@acme.example>\r\nSubject: " + subject +
			"\r\nAuto-Submitted: auto-replied\r\n\r\nI am out of the office until 7 December with limited access to e-mail.\r\n"
		p := mustParse(t, "ooo.eml", []byte(msg))
		if p.Title != want || p.Meta["subject"] != subject {
			t.Errorf("%q: title %q meta subject %q", subject, p.Title, p.Meta["subject"])
		}
	}
}

// Quote heads as Apple Mail writes them ("On 2 Dec 2026, at 10:00, Bob
// <bob@x> wrote:") and as Gmail wraps them over two lines open the
// quoted history, which is set aside without its ">" marks: the wrapped
// head and the history had been the reply's own text, and the aside read
// "> We propose".
func TestEmailQuoteHeadsAndMarks(t *testing.T) {
	head := "From: Ann Lee <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nSubject: Re: Renewal terms\r\n\r\n" +
		"That works for us; please send the final draft by Friday.\r\n\r\n"
	quote := "\r\n\r\n> We propose a two-year term with a 3 percent annual increase.\r\n>\r\n> > Can you send terms?\r\n"
	for name, qh := range map[string]string{
		"apple": "On 2 Dec 2026, at 10:00, Bob Jones <bob@globex.example> wrote:",
		"gmail": "On Mon, Dec 2, 2026 at 10:00 AM Bob Jones <bob@globex.example>\r\nwrote:",
		"wrap":  "On Mon, Dec 2, 2026 at 10:00 AM Bob Jones <\r\nbob@globex.example> wrote:",
	} {
		p := mustParse(t, name+".eml", []byte(head+qh+quote))
		if p.Text != "That works for us; please send the final draft by Friday." {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Bob Jones <bob@globex.example> wrote:\n\nWe propose a two-year term", "\nCan you send terms?")
		if strings.Contains(p.Aside, "\n>") {
			t.Errorf("%s: aside keeps quote marks: %q", name, p.Aside)
		}
	}
}

// The marks a plain-text alternative writes for inline images (Outlook's
// "[cid:...]", Gmail's "[image: ...]") are no words of the message; they
// had been in its text and signature, and "cid" a key phrase.
func TestEmailInlineImageMarks(t *testing.T) {
	msg := "From: Ann Lee <ann@acme.example>\r\nTo: legal@acme.example\r\nSubject: Signed acknowledgement\r\n\r\n" +
		"Hello,\r\n\r\nThe custodian signed the hold acknowledgement today; a scan is below.\r\n\r\n" +
		"[cid:image001.png@01DB8C2A.5F3E1A10]\r\n\r\nKind regards,\r\nAnn Lee\r\n[image: Acme logo] [cid:image002.jpg@01DB8C2A.5F3E1A10]\r\n"
	p := mustParse(t, "cid.eml", []byte(msg))
	if p.Text != "The custodian signed the hold acknowledgement today; a scan is below." {
		t.Errorf("text %q", p.Text)
	}
	if strings.Contains(p.Aside, "cid:") || strings.Contains(p.Aside, "[image") {
		t.Errorf("aside %q", p.Aside)
	}
	contains(t, "aside", p.Aside, "Signature: Kind regards, Ann Lee")
}

// A thread quoted in layers (">>" inside ">") keeps them in the aside: a
// paragraph for each, opened by its "On ... wrote:" head, the deeper
// labelled with their level. Every line's marks had been stripped alike,
// and who wrote what in reply to whom ran together as one quote.
func TestEmailNestedQuoteLayers(t *testing.T) {
	msg := "From: Carl Holt <carl@acme.example>\r\nTo: Ann Lee <ann@acme.example>\r\nSubject: Re: Re: Hold scope\r\n\r\n" +
		"Agreed, let's include the shared drive as well.\r\n\r\n" +
		"On Tue, 4 Mar 2025 at 16:02, Ann Lee <ann@acme.example> wrote:\r\n> Should we also cover the finance shared drive?\r\n>\r\n" +
		"> On Tue, 4 Mar 2025 at 10:15, Carl Holt <carl@acme.example> wrote:\r\n>> The hold covers five custodians.\r\n>>\r\n" +
		">> On Mon, 3 Mar 2025 at 17:40, Legal <legal@acme.example> wrote:\r\n>>> Please confirm the scope of the hold.\r\n"
	p := mustParse(t, "nested.eml", []byte(msg))
	if p.Text != "Agreed, let's include the shared drive as well." {
		t.Errorf("text %q", p.Text)
	}
	contains(t, "aside", p.Aside,
		"\n\nQuoted: On Tue, 4 Mar 2025 at 16:02, Ann Lee <ann@acme.example> wrote:\nShould we also cover the finance shared drive?\n\n"+
			"Quoted, level 2:\nOn Tue, 4 Mar 2025 at 10:15, Carl Holt <carl@acme.example> wrote:\nThe hold covers five custodians.\n\n"+
			"Quoted, level 3:\nOn Mon, 3 Mar 2025 at 17:40, Legal <legal@acme.example> wrote:\nPlease confirm the scope of the hold.")
}

// An Outlook message saved as text names its attachments in an
// "Attachments:" line ("附件:" in Chinese); they are the message's
// attachments in meta, unread (the files are not in the text). The line
// had been dropped.
func TestEmailSavedTextAttachmentsLine(t *testing.T) {
	for name, msg := range map[string]string{
		"en": "From:\tHolt, Carl <carl@acme.example>\r\nSent:\tWednesday, 5 March 2025 11:00\r\nTo:\tAnn Lee <ann@acme.example>\r\n" +
			"Subject:\tRE: Hold scope\r\nAttachments:\tcustodians.xlsx; hold-notice.docx\r\n\r\nThe list of custodians is attached.\r\n",
		"zh": "发件人: 王芳 <wang@acme.example>\r\n发送时间: 2025年3月5日 11:00\r\n收件人: 李伟 <li@acme.example>\r\n主题: 保全范围\r\n" +
			"附件: custodians.xlsx; hold-notice.docx\r\n\r\n保管人名单见附件。\r\n",
	} {
		p := mustParse(t, name+".txt", []byte(msg))
		if got := p.Meta["attachments"]; got != "custodians.xlsx, hold-notice.docx" {
			t.Errorf("%s: attachments %q", name, got)
		}
		contains(t, name+" unread", p.Meta["attachments_unread"], "custodians.xlsx (not in the message as saved)")
		contains(t, name+" aside", p.Aside, "Attachments: custodians.xlsx, hold-notice.docx")
	}
}

// A German, French or Dutch message's greeting and closing are set aside
// as an English one's are; "Sehr geehrte Damen und Herren," had been its
// summary and "Grüßen Jürgen Müller" a key phrase.
func TestEmailEuropeanGreetingAndClosing(t *testing.T) {
	for name, body := range map[string][3]string{
		"de": {"Sehr geehrte Damen und Herren,", "bitte teilen Sie mir die Aufbewahrungsfrist für Verträge mit.", "Mit freundlichen Grüßen"},
		"fr": {"Bonjour Madame Roux,", "Veuillez conserver les dossiers jusqu'en 2030.", "Cordialement,"},
		"nl": {"Beste Jan,", "Bewaar de dossiers tot 2030.", "Met vriendelijke groet,"},
	} {
		msg := "From: Jan <jan@acme.example>\r\nTo: records@acme.example\r\nSubject: Akten\r\n\r\n" +
			body[0] + "\r\n\r\n" + body[1] + "\r\n\r\n" + body[2] + "\r\nJürgen Müller\r\nAcme GmbH\r\n"
		p := mustParse(t, name+".eml", []byte(msg))
		if p.Text != body[1] {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Greeting: "+body[0], "Signature: "+body[2]+" Jürgen Müller | Acme GmbH")
	}
}

// An Outlook message saved as HTML (its header block in a table atop the
// page) is an e-mail: meta from, to, date and subject, its header lines
// in the aside; it had been an HTML page whose text opened "From: |
// Carl Holt". A memo page with a From and To but no mailbox stays a page.
func TestEmailSavedAsHTML(t *testing.T) {
	row := func(k, v string) string {
		return "<tr><td><p><b>" + k + ":</b></p></td><td><p>" + v + "</p></td></tr>\n"
	}
	page := "<html><head><meta charset=utf-8><title>Hold notice</title></head><body><table>\n" +
		row("From", "Carl Holt &lt;carl@acme.example&gt;") + row("Sent", "Wednesday, 5 March 2025 11:00") +
		row("To", "Ann Lee &lt;ann@acme.example&gt;") + row("Subject", "Hold notice") +
		"</table><div><p>The hold notice went to all five custodians this morning.</p><p>Regards,<br>Carl</p></div></body></html>"
	p := mustParse(t, "hold.htm", []byte(page))
	if !p.IsEmail() || p.Title != "Hold notice" || p.Text != "The hold notice went to all five custodians this morning." {
		t.Errorf("type %s, title %q, text %q", p.ContentType, p.Title, p.Text)
	}
	if p.Meta["from"] != "Carl Holt <carl@acme.example>" || p.Meta["date"] != "Wednesday, 5 March 2025 11:00" {
		t.Errorf("meta %v", p.Meta)
	}
	memo := strings.NewReplacer("Carl Holt &lt;carl@acme.example&gt;", "Human Resources", "Ann Lee &lt;ann@acme.example&gt;", "All staff").Replace(page)
	if p := mustParse(t, "memo.htm", []byte(memo)); p.IsEmail() {
		t.Errorf("memo page read as an e-mail: %q", p.Text)
	}
}

// A gateway's warning tag before a subject ("[EXTERNAL]", "EXTERNAL:",
// "*EXTERNAL*") is left out of the title with the reply markers around
// it; a thread's outside replies had been listed apart from the rest.
func TestEmailSubjectGatewayTags(t *testing.T) {
	for subject, want := range map[string]string{
		"[EXTERNAL] RE: Production schedule":                 "Production schedule",
		"RE: [EXT] Production schedule":                      "Production schedule",
		"EXTERNAL: Fwd: Production schedule":                 "Production schedule",
		"*EXTERNAL* Production schedule":                     "Production schedule",
		"[CAUTION: External sender] Re: Production schedule": "Production schedule",
		"[Matter 2025-114] Production schedule":              "[Matter 2025-114] Production schedule",
		"External audit plan":                                "External audit plan",
	} {
		if got := threadSubject(subject); got != want {
			t.Errorf("%q: title %q, want %q", subject, got, want)
		}
	}
	if !mailForwardRe.MatchString("[EXTERNAL] FW: Signed NDA") {
		t.Errorf("[EXTERNAL] FW: is no forward")
	}
}

// A multipart/alternative whose plain-text part is empty (or blank once
// its transfer encoding is undone) is read from its HTML part; the
// message's words had been lost, its summary its own header lines.
func TestEmailEmptyPlainAlternative(t *testing.T) {
	for name, plain := range map[string]string{
		"empty":  "Content-Type: text/plain; charset=UTF-8\r\n\r\n\r\n",
		"base64": "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\nICAgDQo=\r\n",
	} {
		msg := "From: Ann Lee <ann@acme.example>\r\nTo: records@acme.example\r\nSubject: Destruction certificate\r\nMIME-Version: 1.0\r\n" +
			"Content-Type: multipart/alternative; boundary=\"A\"\r\n\r\n--A\r\n" + plain + "--A\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" +
			"<p>The boxes from the 2015 archive were destroyed on 3 March.</p>\r\n--A--\r\n"
		if p := mustParse(t, name+".eml", []byte(msg)); p.Text != "The boxes from the 2015 archive were destroyed on 3 March." {
			t.Errorf("%s: text %q", name, p.Text)
		}
	}
}

// A greeting that is only the reader's name ("Anna,", a paragraph of its
// own) is set aside as "Hi Anna," is; it had been the message's first
// words and a key phrase. A first line that goes on is the message's.
func TestEmailNameGreeting(t *testing.T) {
	head := "From: Carl Holt <carl@acme.example>\r\nTo: Anna Berg <anna@acme.example>\r\nSubject: Hold notice\r\n\r\n"
	p := mustParse(t, "name.eml", []byte(head+"Anna,\r\n\r\nThe hold notice went to all five custodians this morning.\r\n\r\nCarl\r\n"))
	if p.Text != "The hold notice went to all five custodians this morning." {
		t.Errorf("text %q", p.Text)
	}
	contains(t, "aside", p.Aside, "Greeting: Anna,")
	p = mustParse(t, "goes-on.eml", []byte(head+"However,\r\nthe notice is late.\r\n"))
	if !strings.HasPrefix(p.Text, "However,\nthe notice is late.") {
		t.Errorf("text %q", p.Text)
	}
}

// A message's Bcc (a copy saved from its sender's Sent folder) and its
// Message-ID are in meta, the Bcc among the header lines; both had been
// dropped, and a legal hold could not tell who was copied blind.
func TestEmailBccAndMessageID(t *testing.T) {
	msg := "From: Ann Lee <ann@acme.example>\r\nTo: Bob <bob@globex.example>\r\nBcc: General Counsel <gc@acme.example>\r\n" +
		"Message-ID: <CAF=abc123@mail.acme.example>\r\nSubject: Settlement offer\r\n\r\nOur offer stands until Friday.\r\n"
	p := mustParse(t, "sent.eml", []byte(msg))
	if p.Meta["bcc"] != "General Counsel <gc@acme.example>" || p.Meta["message_id"] != "<CAF=abc123@mail.acme.example>" {
		t.Errorf("meta %v", p.Meta)
	}
	contains(t, "aside", p.Aside, "To: Bob <bob@globex.example>\nBcc: General Counsel <gc@acme.example>\n")
	// forwarded as an attached message, its Bcc line stays in its header
	fwd := "From: Ann Lee <ann@acme.example>\r\nTo: records@acme.example\r\nSubject: Fwd: Settlement offer\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n--F\r\nContent-Type: text/plain\r\n\r\nFor the file.\r\n\r\n" +
		"--F\r\nContent-Type: message/rfc822\r\n\r\n" + msg + "\r\n--F--\r\n"
	p = mustParse(t, "fwd.eml", []byte(fwd))
	if strings.Contains(p.Text, "Bcc") {
		t.Errorf("forwarded Bcc line in the text: %q", p.Text)
	}
	contains(t, "forward aside", p.Aside, "Bcc: General Counsel <gc@acme.example>")
}

// An encoded word in a charset docmill does not know ("unknown-8bit", as
// some gateways label 8-bit headers) is read as an undeclared body is; it
// had been left encoded in the title and meta.
func TestEmailUnknownCharsetWord(t *testing.T) {
	msg := "From: =?unknown-8bit?Q?J=FCrgen_M=FCller?= <jm@acme.example>\r\nTo: records@acme.example\r\n" +
		"Subject: =?x-unknown?Q?Aufbewahrung_f=C3=BCr_Vertr=C3=A4ge?=\r\n\r\nBitte bis 2030 aufbewahren.\r\n"
	p := mustParse(t, "unknown.eml", []byte(msg))
	if p.Title != "Aufbewahrung für Verträge" || p.Meta["from"] != "Jürgen Müller <jm@acme.example>" {
		t.Errorf("title %q, from %q", p.Title, p.Meta["from"])
	}
}
