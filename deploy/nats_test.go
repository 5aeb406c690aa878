package deploy

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"gopkg.in/yaml.v3"

	"github.com/docmill/docmill/internal/natstest"
)

const testToken = "test-token"

// loadConf parses a shipped nats.conf strictly (unknown keys are errors, and
// so are warnings) with the environment the pods give it.
func loadConf(t *testing.T, path string) *server.Options {
	t.Helper()
	t.Setenv("POD_NAME", "nats-0")
	t.Setenv("NATS_TOKEN", testToken)
	o := &server.Options{}
	if err := o.ProcessConfigFile(path); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return o
}

func TestShippedNATSConfigs(t *testing.T) {
	base := loadConf(t, "k8s/base/nats.conf")
	if !base.JetStream || base.StoreDir != "/data" || base.Authorization != testToken || base.ServerName != "nats-0" {
		t.Errorf("base: jetstream=%v store=%q token=%q name=%q", base.JetStream, base.StoreDir, base.Authorization, base.ServerName)
	}
	if base.Cluster.Name != "docmill" || len(base.Routes) != 3 {
		t.Errorf("base: cluster %q with %d routes, want docmill with 3", base.Cluster.Name, len(base.Routes))
	}
	for i, r := range base.Routes {
		if want := fmt.Sprintf("nats-%d.nats.docmill.svc.cluster.local:6222", i); r.Host != want {
			t.Errorf("route %d: %s, want %s", i, r.Host, want)
		}
	}
	edge := loadConf(t, "k8s/overlays/edge/nats.conf")
	if !edge.JetStream || edge.Authorization != testToken || len(edge.Routes) != 0 || edge.Cluster.Port != 0 {
		t.Errorf("edge: jetstream=%v token=%q routes=%d cluster port=%d", edge.JetStream, edge.Authorization, len(edge.Routes), edge.Cluster.Port)
	}
	for _, v := range []string{"DOCMILL_NATS_PASSWORD", "DOCMILL_SENDER_PASSWORD", "DOCMILL_READER_PASSWORD"} {
		t.Setenv(v, "pw")
	}
	acct := loadConf(t, "nats-accounts.conf")
	users := map[string]string{}
	for _, u := range acct.Users {
		if u.Account != nil {
			users[u.Username] = u.Account.Name
		}
	}
	if len(users) != 3 || users["docmill"] != "DOCMILL" || users["sender"] != "DOCMILL" || users["reader"] != "DOCMILL" {
		t.Errorf("nats-accounts.conf: users %v, want docmill, sender and reader in account DOCMILL", users)
	}
}

// TestBaseNATSConfigFormsAJetStreamCluster boots three servers from
// k8s/base/nats.conf, with only addresses moved to loopback, and creates a
// stream replicated on all three, as docmill does with nats.replicas: 3.
func TestBaseNATSConfigFormsAJetStreamCluster(t *testing.T) {
	opts := make([]*server.Options, 3)
	for i := range opts {
		o := loadConf(t, "k8s/base/nats.conf")
		o.ServerName = fmt.Sprintf("nats-%d", i)
		o.Host, o.Port, o.HTTPPort = "127.0.0.1", -1, 0
		o.StoreDir = t.TempDir()
		o.JetStreamMaxStore, o.JetStreamMaxMemory = 64<<20, 16<<20
		o.PidFile = ""
		o.NoLog, o.NoSigs = os.Getenv("NATSLOG") == "", true
		opts[i] = o
	}
	servers := natstest.Routed(t, opts)
	nc, err := nats.Connect(servers[0].ClientURL(), nats.Token(testToken))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	// Until the meta leader is elected, API requests go unanswered: retry
	// with short per-request timeouts.
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err = js.CreateStream(ctx, jetstream.StreamConfig{Name: "DOCMILL_INGEST", Subjects: []string{"docmill.ingest.>"}, Replicas: 3})
		cancel()
		if err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if err != nil {
		for _, s := range servers {
			t.Logf("%s: routes=%d clustered=%v leader=%v", s.Name(), s.NumRoutes(), s.JetStreamIsClustered(), s.JetStreamIsLeader())
		}
		t.Fatalf("no 3-replica stream on the cluster: %v", err)
	}
	if _, err := nats.Connect(servers[1].ClientURL()); err == nil {
		t.Error("a client without the token was accepted")
	}
}

// TestComposeNATSCommandLines parses each compose NATS command with
// nats-server's own flag parser.
func TestComposeNATSCommandLines(t *testing.T) {
	dt, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Image   string   `yaml:"image"`
			Command []string `yaml:"command"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(dt, &compose); err != nil {
		t.Fatal(err)
	}
	defaults := regexp.MustCompile(`\$\{[A-Z_]+:-([^}]*)\}`)
	n := 0
	for name, svc := range compose.Services {
		if !strings.HasPrefix(svc.Image, "nats:") {
			continue
		}
		n++
		args := make([]string, len(svc.Command))
		for i, a := range svc.Command {
			args[i] = defaults.ReplaceAllString(a, "$1")
		}
		noop := func() {}
		o, err := server.ConfigureOptions(flag.NewFlagSet("nats-server", flag.ContinueOnError), args, noop, noop, noop)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !o.JetStream || o.Cluster.Name != "docmill" || len(o.Routes) != 3 || o.ServerName != name || o.Authorization == "" {
			t.Errorf("%s: jetstream=%v cluster=%q routes=%d name=%q auth set=%v", name, o.JetStream, o.Cluster.Name, len(o.Routes), o.ServerName, o.Authorization != "")
		}
	}
	if n != 3 {
		t.Errorf("%d NATS services, want 3", n)
	}
}
