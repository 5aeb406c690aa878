package connectors

import (
	"context"
	"testing"
	"time"

	"github.com/docmill/docmill/internal/natstest"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
)

// A file name in GBK (a Windows zip, an SMB share) is sent as the name it
// spells, in the file name and in the "path" meta alike, not as bytes that
// JSON turns into U+FFFD; the caller's meta map is left as it was.
func TestSendDecodesLegacyFileNames(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, js := natstest.Start(t, "names-test")
	if err := broker.EnsureStreams(ctx, js, broker.StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	gbk := "\xba\xcf\xcd\xac GBK\xc3\xfb.txt" // 合同 GBK名.txt
	meta := map[string]string{"path": "inbox/" + gbk, "owner": "legal"}
	p := &Publisher{JS: js}
	if _, err := p.Send(ctx, Doc{Filename: gbk, Source: "names", Data: []byte("甲方应于三十日内付款。"), Meta: meta}); err != nil {
		t.Fatal(err)
	}
	s, err := js.Stream(ctx, broker.StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetLastMsgForSubject(ctx, SubjectFor("names"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Header.Get(pipeline.HeaderFilename); got != "合同 GBK名.txt" {
		t.Errorf("file name %q", got)
	}
	if got := m.Header.Get(pipeline.HeaderMetaPrefix + "path"); got != "inbox/合同 GBK名.txt" {
		t.Errorf("path %q", got)
	}
	if got := m.Header.Get(pipeline.HeaderMetaPrefix + "owner"); got != "legal" {
		t.Errorf("owner %q", got)
	}
	if meta["path"] != "inbox/"+gbk {
		t.Errorf("the caller's meta changed: %q", meta["path"])
	}
}
