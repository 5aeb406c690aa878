package parse

import (
	"encoding/base64"
	"strings"
	"testing"
)

// A meeting invitation's text opens with what, when and where: from its
// calendar part's VEVENT (beside a plain-text alternative that says only
// "You have been invited", and with a VTIMEZONE and a VALARM of their
// own DTSTART and DESCRIPTION), or from the When and Where lines Outlook
// writes above the body, its time zone's city list and its "*~*~*" rule
// dropped. Neither had reached the summary.
func TestEmailMeetingInvitation(t *testing.T) {
	head := "From: Ann Lee <ann@acme.example>\r\nTo: Legal <legal@acme.example>\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\nSubject: Contract review meeting\r\n"
	ics := "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:STANDARD\r\nDTSTART:19701025T020000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20261202T100000\r\nDTEND;TZID=Europe/London:20261202T110000\r\nSUMMARY:Contract review with\r\n  Globex\r\n" +
		"BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\nLOCATION:Room 4.12\\, Head Office\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	invite := head + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"You have been invited to the following event.\r\n\r\n--B\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n" + ics + "--B--\r\n"
	p := mustParse(t, "invite.eml", []byte(invite))
	want := "Meeting: Contract review with Globex, on Wednesday, 2 December 2026 10:00-11:00 Europe/London, at Room 4.12, Head Office."
	if !strings.HasPrefix(p.Text, want+"\n\nYou have been invited") {
		t.Errorf("calendar invite text %q", p.Text)
	}
	outlook := head + "\r\nWhen: Wednesday, 2 December 2026 10:00-11:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London.\r\nWhere: Room 4.12, Head Office\r\n\r\n" +
		"*~*~*~*~*~*~*~*~*~*\r\n\r\nWe will go through the renewal terms with Globex.\r\n"
	p = mustParse(t, "invite.txt", []byte(outlook))
	want = "Meeting: Contract review meeting, on Wednesday, 2 December 2026 10:00-11:00 (UTC+00:00), at Room 4.12, Head Office.\n\n" +
		"We will go through the renewal terms with Globex."
	if p.Text != want {
		t.Errorf("When/Where text %q", p.Text)
	}
	// a When line further down the body is the message's own words
	p = mustParse(t, "plain.eml", []byte(head+"\r\nThe renewal is agreed.\r\nWhen: next week\r\n"))
	if strings.Contains(p.Text, "Meeting:") {
		t.Errorf("no invitation: text %q", p.Text)
	}
}

// An invitation sent as an attached .ics file (not as the message's own
// calendar alternative) says what, when and where too; it had been only
// the file's name. The file is still kept as an attachment.
func TestEmailAttachedCalendarFile(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Retention schedule review\r\n" +
		"DTSTART:20250312T140000Z\r\nDTEND:20250312T150000Z\r\nLOCATION:Room 4.12\\, Legal floor\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	msg := "From: Ann Lee <ann@acme.example>\r\nTo: legal@acme.example\r\nSubject: Retention review\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"M\"\r\n\r\n--M\r\nContent-Type: text/plain\r\n\r\nPlease find the invitation attached.\r\n\r\n" +
		"--M\r\nContent-Type: application/octet-stream; name=\"invite.ics\"\r\nContent-Disposition: attachment; filename=\"invite.ics\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte(ics)) + "\r\n--M--\r\n"
	p := mustParse(t, "invite.eml", []byte(msg))
	want := "Meeting: Retention schedule review, on Wednesday, 12 March 2025 14:00-15:00 UTC, at Room 4.12, Legal floor.\n\nPlease find the invitation attached."
	if p.Text != want {
		t.Errorf("text %q", p.Text)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Filename != "invite.ics" {
		t.Errorf("attachments %v", p.Attachments)
	}
}

// An invitation's reply (METHOD:REPLY) says who answered how ("Meeting
// accepted by Carl Holt: ..."); it had read "Meeting: ...", as if it
// invited its reader.
func TestEmailInvitationReply(t *testing.T) {
	reply := func(stat string) string {
		return "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=" + stat + ";CN=Carl Holt:mailto:carl@acme.example\r\n" +
			"SUMMARY:Retention schedule review\r\nDTSTART:20250312T140000Z\r\nDTEND:20250312T150000Z\r\nLOCATION:Room 4.12\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	for stat, want := range map[string]string{
		"ACCEPTED":  "Meeting accepted by Carl Holt: Retention schedule review, on Wednesday, 12 March 2025 14:00-15:00 UTC, at Room 4.12.",
		"DECLINED":  "Meeting declined by Carl Holt: Retention schedule review, on Wednesday, 12 March 2025 14:00-15:00 UTC, at Room 4.12.",
		"TENTATIVE": "Meeting tentatively accepted by Carl Holt: Retention schedule review, on Wednesday, 12 March 2025 14:00-15:00 UTC, at Room 4.12.",
	} {
		if got := icsEvent(reply(stat)); got != want {
			t.Errorf("%s: %q", stat, got)
		}
	}
}
