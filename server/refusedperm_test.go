package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/pipeline"
)

// brokerDenying runs a NATS server with JetStream whose one user
// ("docmill", password "pw") may do anything but touch the streams of KV
// buckets: a deployment whose ACLs predate those buckets.
func brokerDenying(t *testing.T, buckets ...string) string {
	t.Helper()
	var deny []string
	for _, b := range buckets {
		stream := "KV_" + b
		deny = append(deny, "$JS.API.STREAM.CREATE."+stream, "$JS.API.STREAM.UPDATE."+stream, "$JS.API.STREAM.INFO."+stream)
	}
	return startNATS(t, &natsserver.Options{Users: []*natsserver.User{{Username: "docmill", Password: "pw", Permissions: &natsserver.Permissions{
		Publish: &natsserver.SubjectPermission{Allow: []string{">"}, Deny: deny}}}}})
}

// startNATS runs a NATS server with JetStream from o, on a loopback port
// and in a temporary store, until the test ends, and returns its URL.
func startNATS(t *testing.T, o *natsserver.Options) string {
	t.Helper()
	o.Host, o.Port, o.JetStream, o.StoreDir, o.NoLog, o.NoSigs = "127.0.0.1", -1, true, t.TempDir(), true, true
	ns, err := natsserver.NewServer(o)
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server did not start")
	}
	t.Cleanup(ns.Shutdown)
	return ns.ClientURL()
}

// A worker and an indexer whose NATS user may not create docmill-refused
// (ACLs written before it existed) still start, are ready, and say so once
// in their log, without waiting out the client's 20 s request timeout.
func TestStartsWithoutRefusedBucketPermission(t *testing.T) {
	url := brokerDenying(t, connectors.RefusedBucket)
	for _, role := range []Role{RoleWorker, RoleIndexer} {
		logs := &lockedBuffer{}
		c := config.Default()
		c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), url, "127.0.0.1:0", true
		c.NATS.User, c.NATS.Password = "docmill", "pw"
		began := time.Now()
		s := runUntilEnd(t, Options{Config: c, Role: role}, logs)
		if took := time.Since(began); took > 16*time.Second {
			t.Errorf("%s: started in %v: waited on the bucket it may not create", role, took.Round(time.Second))
		}
		res, err := http.Get("http://" + s.HTTPAddr() + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: /readyz %d, want 200", role, res.StatusCode)
		}
		time.Sleep(time.Second) // room for a warning repeated after the start
		var warned []string
		for _, l := range strings.Split(logs.String(), "\n") {
			if strings.Contains(l, "bucket="+connectors.RefusedBucket) {
				warned = append(warned, l)
			}
		}
		if len(warned) != 1 || !strings.Contains(warned[0], "level=WARN") {
			t.Errorf("%s: log lines naming %s: %d, want one WARN:\n%s", role, connectors.RefusedBucket, len(warned), strings.Join(warned, "\n"))
		}
	}
}

// A worker and an indexer whose NATS user may use none of the buckets they
// work without (docmill-pending, docmill-failed, docmill-deleted,
// docmill-refused) start within one bound, not 20 s late for each, are
// ready, and name each bucket once in their log: the indexer's web UI
// does not try them again.
func TestStartsWithoutOptionalBucketPermissions(t *testing.T) {
	buckets := []string{pipeline.ProcessingBucket, pipeline.FailedBucket, pipeline.TombstoneBucket, connectors.RefusedBucket}
	url := brokerDenying(t, buckets...)
	for _, role := range []Role{RoleWorker, RoleIndexer} {
		logs := &lockedBuffer{}
		c := config.Default()
		c.Data, c.NATS.URL, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), url, "127.0.0.1:0", true
		c.NATS.User, c.NATS.Password = "docmill", "pw"
		began := time.Now()
		s := runUntilEnd(t, Options{Config: c, Role: role}, logs)
		if took := time.Since(began); took > 16*time.Second {
			t.Errorf("%s: started in %v: waited on each bucket it may not use", role, took.Round(time.Second))
		}
		for _, path := range []string{"/readyz", "/dead-letters"} {
			res, err := http.Get("http://" + s.HTTPAddr() + path)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: %s %d, want 200", role, path, res.StatusCode)
			}
		}
		time.Sleep(time.Second) // room for a warning repeated after the start
		for _, b := range buckets {
			if b == pipeline.TombstoneBucket && role == RoleWorker {
				continue // only an indexing process keeps deletions
			}
			var warned []string
			for _, l := range strings.Split(logs.String(), "\n") {
				if strings.Contains(l, "bucket="+b) {
					warned = append(warned, l)
				}
			}
			if len(warned) != 1 || !strings.Contains(warned[0], "level=WARN") {
				t.Errorf("%s: log lines naming %s: %d, want one WARN:\n%s", role, b, len(warned), strings.Join(warned, "\n"))
			}
		}
	}
}
