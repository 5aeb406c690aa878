package logs

import (
	"testing"
)

// A template whose entries all logged one message shows that message:
// two users' cron jobs read "(<*>) CMD (<*>)" and "(<*>) CMD (cd / &&
// run-parts --report <*>)", and the summary did not say who ran what.
// A template whose entries differ, or one with no variable, has none.
func TestTemplatesKeepTheirOneMessage(t *testing.T) {
	var lines []string
	for i, at := range []string{"10:00:01", "11:00:01", "12:00:01"} {
		lines = append(lines,
			"Nov 30 "+at+" web01 CRON[20"+string(rune('0'+i))+"1]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)",
			"Nov 30 "+at+" web01 CRON[20"+string(rune('0'+i))+"2]: (alice) CMD (/home/alice/bin/backup.sh)",
			"Nov 30 "+at+" web01 sshd[30"+string(rune('0'+i))+"0]: Accepted publickey for deploy from 10.0.0."+string(rune('1'+i))+" port 4012"+string(rune('0'+i))+" ssh2",
			"Nov 30 "+at+" web01 systemd[1]: Started Daily apt upgrade and clean activities.",
		)
	}
	s := Summarize(lines, NewMiner(DefaultConfig()))
	want := map[string]string{
		"(<*>) CMD (cd / && run-parts --report /etc/cron.hourly)": "(root) CMD (cd / && run-parts --report /etc/cron.hourly)",
		"(<*>) CMD (/home/alice/bin/backup.sh)":                   "(alice) CMD (/home/alice/bin/backup.sh)",
		"Accepted publickey for <*> from <*> port <*>":            "",
		"Started Daily apt upgrade and clean activities.":         "",
	}
	if len(s.Templates) != len(want) {
		t.Fatalf("templates %+v, want %d", s.Templates, len(want))
	}
	for _, tc := range s.Templates {
		msg, ok := want[tc.Template]
		if !ok {
			t.Errorf("template %q not expected", tc.Template)
			continue
		}
		if tc.Message != msg {
			t.Errorf("template %q: message %q, want %q", tc.Template, tc.Message, msg)
		}
	}
}

// A template's message is written with single spaces, as its template is:
// sudo pads its fields ("rhost=  user=bob", "COMMAND=/usr/bin/systemctl
// restart nginx" with two spaces), and the message showed the padding.
func TestTemplateMessageHasSingleSpaces(t *testing.T) {
	lines := []string{
		"Mar  3 09:20:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl  restart nginx",
		"Mar  3 09:21:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl  restart\tnginx",
	}
	s := Summarize(lines, NewMiner(DefaultConfig()))
	if len(s.Templates) != 1 {
		t.Fatalf("templates %+v, want one", s.Templates)
	}
	want := "alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"
	if got := s.Templates[0].Message; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}
