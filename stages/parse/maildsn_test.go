package parse

import (
	"strings"
	"testing"
)

// A bounce's text says which message to whom failed and why, from its
// delivery-status part and the message (or header) it returns; the mail
// server's transcript, which had been its summary ("This is the mail
// system at host ..."), is the aside's.
func TestEmailBounceSaysWhatFailed(t *testing.T) {
	report := func(subject, human, returned string) string {
		return "From: Mail Delivery System <MAILER-DAEMON@mail.acme.example>\r\nTo: ann@acme.example\r\nSubject: " + subject + "\r\n" +
			"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n" +
			"--R\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + human + "\r\n\r\n" +
			"--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.acme.example\r\n\r\n" +
			"Final-Recipient: rfc822; bob.jones@globex.example\r\nAction: failed\r\nStatus: 5.1.1\r\n" +
			"Diagnostic-Code: smtp; 550 5.1.1 <bob.jones@globex.example>: Recipient address\r\n    rejected: User unknown in virtual mailbox table\r\n\r\n" +
			"--R\r\n" + returned + "--R--\r\n"
	}
	postfix := report("Undelivered Mail Returned to Sender",
		"This is the mail system at host mail.acme.example.\r\n\r\nI'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.",
		"Content-Type: message/rfc822\r\n\r\nFrom: Ann Lee <ann@acme.example>\r\nTo: bob.jones@globex.example\r\nSubject: Signed NDA\r\n\r\nHi Bob, the signed NDA is attached.\r\n\r\n")
	gmail := report("Delivery Status Notification (Failure)",
		"** Address not found **\r\n\r\nYour message wasn't delivered to bob.jones@globex.example because the address couldn't be found.",
		"Content-Type: text/rfc822-headers\r\n\r\nFrom: Ann Lee <ann@acme.example>\r\nTo: bob.jones@globex.example\r\nSubject: Signed NDA\r\n\r\n")
	want := `Delivery failed: the message "Signed NDA" could not be delivered to bob.jones@globex.example ` +
		`(550 5.1.1 <bob.jones@globex.example>: Recipient address rejected: User unknown in virtual mailbox table).`
	for name, msg := range map[string]string{"postfix": postfix, "gmail": gmail} {
		p := mustParse(t, name+".eml", []byte(msg))
		if p.Text != want {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Delivery report:\n")
		if p.Title != "Delivery failed: Signed NDA" || p.Meta["delivery_status"] != "failed" {
			t.Errorf("%s: title %q, delivery_status %q", name, p.Title, p.Meta["delivery_status"])
		}
	}
	contains(t, "postfix aside", mustParse(t, "p.eml", []byte(postfix)).Aside, "This is the mail system", "Hi Bob, the signed NDA is attached.",
		"Returned message:\nFrom: Ann Lee <ann@acme.example>")
	if a := mustParse(t, "p.eml", []byte(postfix)).Aside; strings.Contains(a, "Forwarded message") {
		t.Errorf("the returned message is labelled forwarded: %q", a)
	}
}

// A qmail or Exim bounce is plain text, with no delivery-status part; it
// had been read as a message ("Hi. This is the qmail-send program ..."
// its summary). It says which message to whom failed, and why.
func TestEmailTextBounceSaysWhatFailed(t *testing.T) {
	head := "From: MAILER-DAEMON@mail.acme.example\r\nTo: ann@acme.example\r\nSubject: failure notice\r\n\r\n"
	copied := "Return-Path: <ann@acme.example>\r\nFrom: Ann Lee <ann@acme.example>\r\nTo: bob.jones@globex.example\r\n" +
		"Subject: =?UTF-8?Q?Signed_NDA?=\r\n\r\nHi Bob, the signed NDA is attached.\r\n"
	qmail := head + "Hi. This is the qmail-send program at mail.acme.example.\r\n" +
		"I'm afraid I wasn't able to deliver your message to the following addresses.\r\n" +
		"This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n" +
		"<bob.jones@globex.example>:\r\n192.0.2.10 does not like recipient.\r\n" +
		"Remote host said: 550 5.1.1 User unknown\r\nGiving up on 192.0.2.10.\r\n\r\n" +
		"--- Below this line is a copy of the message.\r\n\r\n" + copied
	exim := head + "This message was created automatically by mail delivery software.\r\n\r\n" +
		"A message that you sent could not be delivered to one or more of its\r\nrecipients. This is a permanent error. The following address(es) failed:\r\n\r\n" +
		"  bob.jones@globex.example\r\n    host mx.globex.example [192.0.2.10]\r\n    SMTP error from remote mail server after RCPT TO:<bob.jones@globex.example>:\r\n" +
		"    550 5.1.1 User unknown\r\n\r\n------ This is a copy of the message, including all the headers. ------\r\n\r\n" + copied
	want := `Delivery failed: the message "Signed NDA" could not be delivered to bob.jones@globex.example (550 5.1.1 User unknown).`
	for name, msg := range map[string]string{"qmail": qmail, "exim": exim} {
		p := mustParse(t, name+".eml", []byte(msg))
		if p.Text != want {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Delivery report:\n", "Hi Bob, the signed NDA is attached.")
		if p.Title != "Delivery failed: Signed NDA" {
			t.Errorf("%s: title %q", name, p.Title)
		}
	}
	// a person's message that opens alike is a message
	p := mustParse(t, "hi.eml", []byte(head+"Hi. This is Ann from legal.\r\n\r\n<bob@globex.example>:\r\nplease call me.\r\n"))
	if !strings.HasPrefix(p.Text, "Hi. This is Ann") {
		t.Errorf("message read as a bounce: %q", p.Text)
	}
}

// A read receipt says which message was read (or deleted unread) by whom
// and when, with meta delivery_status; it had been read as a message, its
// summary "was read on Wednesday, ..." and its key phrases the time
// zone's cities. The client's text stays in the aside.
func TestEmailReadReceipt(t *testing.T) {
	receipt := func(disposition string) string {
		return "From: Carl Holt <carl@acme.example>\r\nTo: Records <records@acme.example>\r\nDate: Wed, 5 Mar 2025 09:30:00 +0000\r\n" +
			"Subject: Read: Hold notice\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=disposition-notification; boundary=\"R\"\r\n\r\n" +
			"--R\r\nContent-Type: text/plain\r\n\r\nYour message was read on Wednesday, 5 March 2025 09:30:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London.\r\n\r\n" +
			"--R\r\nContent-Type: message/disposition-notification\r\n\r\nReporting-UA: mail.acme.example\r\nFinal-Recipient: rfc822;carl@acme.example\r\n" +
			"Disposition: automatic-action/MDN-sent-automatically; " + disposition + "\r\n\r\n--R--\r\n"
	}
	for disposition, want := range map[string][2]string{
		"displayed": {`Read receipt: the message "Hold notice" was read by carl@acme.example on Wed, 5 Mar 2025 09:30:00 +0000.`, "read"},
		"deleted":   {`Read receipt: the message "Hold notice" was deleted unread by carl@acme.example on Wed, 5 Mar 2025 09:30:00 +0000.`, "deleted"},
	} {
		p := mustParse(t, disposition+".eml", []byte(receipt(disposition)))
		if p.Text != want[0] || p.Meta["delivery_status"] != want[1] {
			t.Errorf("%s: text %q, delivery_status %q", disposition, p.Text, p.Meta["delivery_status"])
		}
		contains(t, disposition+" aside", p.Aside, "Receipt:\nYour message was read")
	}
}
