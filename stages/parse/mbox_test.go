package parse

import (
	"fmt"
	"strings"
	"testing"
)

// An mbox excerpt is a mailbox, no memo: each message an attached .eml
// (ingested as an e-mail of its own), its text how many messages from
// whom about what, its aside a line per message; one message is read as
// that message. A body line that opens "From " (and one mbox escaped as
// ">From ") stays in its message.
func TestMboxMessages(t *testing.T) {
	msg := func(from, day, subject, body string) string {
		return "From " + from + " Tue Mar  " + day + " 09:14:00 2025\n" +
			"From: " + from + "\nTo: records@acme.example\nDate: Tue, " + day + " Mar 2025 09:14:00 +0000\nSubject: " + subject + "\n\n" + body + "\n\n"
	}
	box := msg("ann@acme.example", "4", "Custodian list", "The custodians are Carl and Dana.\nFrom the finance side, add Eve.") +
		msg("carl@acme.example", "5", "Re: Custodian list", "Please add Frank.\n>From now on he holds the invoices.")
	for _, name := range []string{"archive.mbox", "export.txt"} {
		p := mustParse(t, name, []byte(box))
		if p.Title != "Mailbox: 2 messages" || !p.IsEmail() {
			t.Errorf("%s: title %q, type %s", name, p.Title, p.ContentType)
		}
		if want := "A mailbox of 2 messages from ann@acme.example and carl@acme.example about Custodian list."; p.Text != want {
			t.Errorf("%s: text %q", name, p.Text)
		}
		contains(t, name+" aside", p.Aside, "Messages:\nTue, 4 Mar 2025 09:14:00 +0000 - ann@acme.example - Custodian list\n"+
			"Tue, 5 Mar 2025 09:14:00 +0000 - carl@acme.example - Re: Custodian list")
		if len(p.Attachments) != 2 || p.Attachments[1].Filename != "message-002.eml" {
			t.Fatalf("%s: attachments %v", name, p.Attachments)
		}
		contains(t, name+" message 1", string(p.Attachments[0].Data), "From the finance side, add Eve.")
		contains(t, name+" message 2", string(p.Attachments[1].Data), "\nFrom now on he holds")
	}
	p := mustParse(t, "one.mbox", []byte(msg("ann@acme.example", "4", "Custodian list", "The custodians are Carl and Dana.")))
	if p.Title != "Custodian list" || p.Text != "The custodians are Carl and Dana." {
		t.Errorf("one message: title %q, text %q", p.Title, p.Text)
	}
	if !strings.Contains(p.Aside, "From: ann@acme.example") {
		t.Errorf("one message: aside %q", p.Aside)
	}
}

// A mailbox of more messages than the worker ingests as attachments by
// default keeps the rest in its own text, so that no message's words are
// lost to search (they were listed as not ingested).
func TestMboxPastAttachmentLimitKeepsText(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= mboxSplitMax+2; i++ {
		fmt.Fprintf(&b, "From ann@acme.example Tue Mar  4 09:14:00 2025\nFrom: ann@acme.example\nSubject: Note %d\n\nInvoice number INV-%04d is on hold.\n\n", i, i)
	}
	p := mustParse(t, "big.mbox", []byte(b.String()))
	if len(p.Attachments) != mboxSplitMax {
		t.Errorf("attachments %d, want %d", len(p.Attachments), mboxSplitMax)
	}
	for _, want := range []string{"Messages 101 to 102 are in this text", "INV-0101", "INV-0102"} {
		contains(t, "mailbox text", p.Text, want)
	}
	if strings.Contains(p.Text, "INV-0100") {
		t.Errorf("an attached message's words are in the mailbox's text too")
	}
}
