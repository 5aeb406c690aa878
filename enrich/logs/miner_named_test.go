package logs

import "testing"

// A name among a message's leading words (the user in "alice logged in
// from ...") made a template per name: Drain routes by the leading words
// as constants. Messages that differ only in such a name are one
// template; a capitalised word there is the event and still splits, and
// so does a lower-case second word (sshd's method: two events).
func TestNameInLeadingWordsOneTemplate(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"alice logged in from 10.0.0.1",
		"bob logged in from 10.0.0.2",
		"carol logged in from 10.0.0.3",
		"Failed password for invalid user admin from 10.0.0.5 port 22 ssh2",
		"Failed none for invalid user admin from 10.0.0.5 port 22 ssh2",
		"Started Session 1 of user root.",
		"Stopped Session 1 of user root.",
	} {
		m.Add(l)
	}
	want := map[string]int{
		"<*> logged in from <*>":                                 3,
		"Failed password for invalid user <*> from <*> port <*>": 1,
		"Failed none for invalid user <*> from <*> port <*>":     1,
		"Started Session <*> of user <*>.":                       1,
		"Stopped Session <*> of user <*>.":                       1,
	}
	wantMined(t, m.Templates(), want)
	// after the merge, a new name routes to the widened template directly
	if _, tpl, isNew := m.Add("frank logged in from 10.0.0.9"); isNew || tpl != "<*> logged in from <*>" {
		t.Errorf("frank: %q new %v, want the merged template", tpl, isNew)
	}
}

// A name second, after a word that introduces one ("user alice logged
// in", "host web-a unreachable"), made a template per name: only the
// first token was tried as a name. A lower-case second word after any
// other word is still the event (sshd's method).
func TestNameAfterIntroducerOneTemplate(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"user alice logged in successfully",
		"user bob logged in successfully",
		"user carol logged in successfully",
		"host web-a unreachable after retries",
		"host db-b unreachable after retries",
		"Failed password for root from 10.0.0.5 port 22 ssh2",
		"Failed none for root from 10.0.0.5 port 22 ssh2",
	} {
		m.Add(l)
	}
	want := map[string]int{
		"user <*> logged in successfully":           3,
		"host <*> unreachable after retries":        2,
		"Failed password for <*> from <*> port <*>": 1,
		"Failed none for <*> from <*> port <*>":     1,
	}
	wantMined(t, m.Templates(), want)
}

// Three- and four-word messages that differ only in a name after a word
// that introduces one were never merged: one differing token of three is
// a similarity of 2/3, under the threshold, however sure it is that the
// token is a name. A differing first word of a short message is the
// event as often as a name, and still splits.
func TestShortMessagesWithNameMerge(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"user alice disconnected",
		"user bob disconnected",
		"disconnected user alice",
		"disconnected user bob",
		"disconnected user carol",
		"login alice accepted",
		"login bob accepted",
		"creating device node '/udev/sda1'",
		"removing device node '/udev/sda1'",
		"wait (command 5)",
		"boot (command 6)",
	} {
		m.Add(l)
	}
	want := map[string]int{
		"user <*> disconnected":      2,
		"disconnected user <*>":      3,
		"login <*> accepted":         2,
		"creating device node '<*>'": 1,
		"removing device node '<*>'": 1,
		"wait (command <*>)":         1,
		"boot (command <*>)":         1,
	}
	wantMined(t, m.Templates(), want)
}

// A user or host name as the first word of a short message ("alice
// logged out", "bob logged out") made a template per name: a differing
// first word was never counted as a name. It is one when a verb follows
// it; a noun there ("session closed"), a dotted setting ("mapred.task.id
// is deprecated") or a first word no verb follows ("wait (command 5)")
// still splits.
func TestFirstWordSubjectIsName(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"alice logged out",
		"bob logged out",
		"carol logged out",
		"alice is locked",
		"bob is locked",
		"session closed",
		"connection closed",
		"mapred.task.id is deprecated",
		"mapred.job.id is deprecated",
		"wait (command 5)",
		"boot (command 6)",
	} {
		m.Add(l)
	}
	want := map[string]int{
		"<*> logged out":               3,
		"<*> is locked":                2,
		"session closed":               1,
		"connection closed":            1,
		"mapred.task.id is deprecated": 1,
		"mapred.job.id is deprecated":  1,
		"wait (command <*>)":           1,
		"boot (command <*>)":           1,
	}
	wantMined(t, m.Templates(), want)
}

// A fixed word of a program's messages before a verb ("socket closed",
// "channel closed", "job finished", "task finished") is the thing the
// event happened to, not a user: it was merged into "<*> closed" and
// "<*> finished" as a name would be. Names before a verb still merge.
func TestFirstWordSystemNounSplits(t *testing.T) {
	m := NewMiner(DefaultConfig())
	for _, l := range []string{
		"socket closed",
		"channel closed",
		"stream closed",
		"job finished",
		"task finished",
		"jobs finished",
		"alice logged in",
		"bob logged in",
	} {
		m.Add(l)
	}
	want := map[string]int{
		"socket closed":  1,
		"channel closed": 1,
		"stream closed":  1,
		"job finished":   1,
		"task finished":  1,
		"jobs finished":  1,
		"<*> logged in":  2,
	}
	wantMined(t, m.Templates(), want)
}
