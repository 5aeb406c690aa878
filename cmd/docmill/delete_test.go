package main

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// docmill delete says each failure once: "delete <id>: <why>". The
// server's message, which opens with "delete <id>: " itself, came after the
// command's own and the status ("delete X: 404 Not Found: delete X:
// document not found"). An id too short to name a document asks for more
// of it rather than answering "document not found". A delete by a short
// id names the whole id of the document it removed.
func TestDeleteCommandErrors(t *testing.T) {
	s := startServe(t)
	text := "Memo: the delete command's test document, to be deleted by its short id."
	id := docPrefix(text)
	ingestFiles(t, s, map[string]string{"memo.txt": text})
	run := func(ids ...string) error {
		cmd := deleteCmd()
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetArgs(append([]string{"--server", s.HTTPURL()}, ids...))
		return cmd.Execute()
	}
	missing := strings.Repeat("0", 12)
	err := run(missing, id[:4])
	want := "delete " + missing + ": document not found\n" +
		"delete " + id[:4] + ": give at least 8 characters of the id"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	out, _, err := execute(deleteCmd(), "--server", s.HTTPURL(), id)
	if full := document.ID([]byte(text)); err != nil || out != "deleted "+full+"\n" {
		t.Errorf("delete by the short id: %q, %v; want it to name the whole id %s", out, err, full)
	}
	if err := run(id); err == nil || err.Error() != "delete "+id+": document not found" {
		t.Errorf("deleted twice: %v", err)
	}
}
