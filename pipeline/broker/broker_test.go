package broker

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nkeys"
)

func runServer(t *testing.T, o *server.Options) *server.Server {
	t.Helper()
	// JetStream in operator mode needs a system account these tests do not set up.
	o.Host, o.Port, o.NoSigs, o.JetStream, o.StoreDir = "127.0.0.1", -1, true, o.TrustedOperators == nil, t.TempDir()
	s, err := server.NewServer(o)
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(s.Shutdown)
	return s
}

func TestConnectUserPasswordAndToken(t *testing.T) {
	s := runServer(t, &server.Options{Username: "docmill", Password: "s3cret"})
	nc, err := Connect(ConnOptions{URLs: s.ClientURL(), User: "docmill", Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	if err := EnsureStreams(context.Background(), js, StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	if _, err := Connect(ConnOptions{URLs: s.ClientURL(), User: "docmill", Password: "wrong"}); err == nil {
		t.Fatal("wrong password accepted")
	}
	tok := runServer(t, &server.Options{Authorization: "tok-123"})
	nc, err = Connect(ConnOptions{URLs: tok.ClientURL(), Token: "tok-123"})
	if err != nil {
		t.Fatal(err)
	}
	nc.Close()
	// refused, the error says how to give credentials, first in ways every
	// command takes: serve, worker and indexer have no --nats-token flag
	_, err = Connect(ConnOptions{URLs: tok.ClientURL()})
	if err == nil || !strings.Contains(err.Error(), "DOCMILL_NATS_TOKEN or nats.token in the config file") ||
		!strings.Contains(err.Error(), "client commands also take --nats-token") {
		t.Errorf("refused without a hint every command can follow: %v", err)
	}
	// Passwords never appear in errors.
	_, err = Connect(ConnOptions{URLs: "nats://u:hunter2@127.0.0.1:1"})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the password or connects: %v", err)
	}
}

// selfSigned writes a CA-less self-signed server certificate for 127.0.0.1.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "docmill-test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return certFile, keyFile
}

func TestConnectTLS(t *testing.T) {
	cert, key := selfSigned(t, t.TempDir())
	pair, err := tls.LoadX509KeyPair(cert, key)
	if err != nil {
		t.Fatal(err)
	}
	s := runServer(t, &server.Options{TLSConfig: &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, TLS: true})
	url := strings.Replace(s.ClientURL(), "nats://", "tls://", 1)
	nc, err := Connect(ConnOptions{URLs: url, CAFile: cert})
	if err != nil {
		t.Fatalf("TLS with the CA: %v", err)
	}
	if !nc.TLSRequired() {
		t.Fatal("connection is not TLS")
	}
	nc.Close()
	if _, err := Connect(ConnOptions{URLs: url}); err == nil {
		t.Fatal("TLS without trusting the CA must fail")
	}
}

func TestEmbeddedListensAndRestartsWithStore(t *testing.T) {
	dir := t.TempDir()
	e, err := StartEmbedded(EmbeddedOptions{StoreDir: dir, Listen: "127.0.0.1:-1"})
	if err != nil {
		t.Fatal(err)
	}
	nc, err := Connect(ConnOptions{URLs: e.ClientURL()})
	if err != nil {
		t.Fatal(err)
	}
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	if err := EnsureStreams(ctx, js, StreamOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, SubjectIngest+".x", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	e.Shutdown()
	e2, err := StartEmbedded(EmbeddedOptions{StoreDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Shutdown()
	nc2, err := e2.Connect("test")
	if err != nil {
		t.Fatal(err)
	}
	defer nc2.Close()
	js2, _ := jetstream.New(nc2)
	st, err := js2.Stream(ctx, StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := st.Info(ctx)
	if info.State.Msgs != 1 {
		t.Fatalf("message not kept across restart: %d", info.State.Msgs)
	}
}

func TestConnectNKey(t *testing.T) {
	kp, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := kp.PublicKey()
	seed, _ := kp.Seed()
	s := runServer(t, &server.Options{Nkeys: []*server.NkeyUser{{Nkey: pub}}})
	seedFile := filepath.Join(t.TempDir(), "user.nk")
	if err := os.WriteFile(seedFile, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	nc, err := Connect(ConnOptions{URLs: s.ClientURL(), NKeyFile: seedFile})
	if err != nil {
		t.Fatalf("nkey: %v", err)
	}
	nc.Close()
	if _, err := Connect(ConnOptions{URLs: s.ClientURL()}); err == nil {
		t.Fatal("connected without the nkey")
	}
}

// A .creds file (user JWT + seed) against a server in operator mode, as
// NGS-style and decentralised-auth deployments run; a user signed by an
// account the server does not trust is refused.
func TestConnectCreds(t *testing.T) {
	okp, _ := nkeys.CreateOperator()
	opub, _ := okp.PublicKey()
	ojwt, err := jwt.NewOperatorClaims(opub).Encode(okp)
	if err != nil {
		t.Fatal(err)
	}
	op, err := jwt.DecodeOperatorClaims(ojwt)
	if err != nil {
		t.Fatal(err)
	}
	akp, _ := nkeys.CreateAccount()
	apub, _ := akp.PublicKey()
	ajwt, err := jwt.NewAccountClaims(apub).Encode(okp)
	if err != nil {
		t.Fatal(err)
	}
	resolver := &server.MemAccResolver{}
	if err := resolver.Store(apub, ajwt); err != nil {
		t.Fatal(err)
	}
	s := runServer(t, &server.Options{NoLog: true, TrustedOperators: []*jwt.OperatorClaims{op}, AccountResolver: resolver})

	credsFor := func(signer nkeys.KeyPair) string {
		ukp, _ := nkeys.CreateUser()
		upub, _ := ukp.PublicKey()
		ujwt, err := jwt.NewUserClaims(upub).Encode(signer)
		if err != nil {
			t.Fatal(err)
		}
		seed, _ := ukp.Seed()
		creds, err := jwt.FormatUserConfig(ujwt, seed)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "user.creds")
		if err := os.WriteFile(p, creds, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nc, err := Connect(ConnOptions{URLs: s.ClientURL(), CredsFile: credsFor(akp)})
	if err != nil {
		t.Fatalf("creds: %v", err)
	}
	if err := nc.Publish("docmill.check", []byte("x")); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	stranger, _ := nkeys.CreateAccount()
	if nc, err := Connect(ConnOptions{URLs: s.ClientURL(), CredsFile: credsFor(stranger)}); err == nil {
		nc.Close()
		t.Fatal("connected with a user of an untrusted account")
	}
	if _, err := Connect(ConnOptions{URLs: s.ClientURL()}); err == nil {
		t.Fatal("connected without credentials")
	}
}

// With a token the embedded server refuses clients without it, while the
// process's own in-process connections present it; without one it warns
// when it listens beyond loopback.
func TestEmbeddedRequiresConfiguredToken(t *testing.T) {
	e, err := StartEmbedded(EmbeddedOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:-1", Token: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Shutdown()
	if nc, err := Connect(ConnOptions{URLs: e.ClientURL()}); err == nil {
		nc.Close()
		t.Fatal("a client without the token was let in")
	}
	nc, err := Connect(ConnOptions{URLs: e.ClientURL(), Token: "s3cret"})
	if err != nil {
		t.Fatalf("client with the token: %v", err)
	}
	nc.Close()
	own, err := e.Connect("self")
	if err != nil {
		t.Fatalf("in-process connection: %v", err)
	}
	own.Close()
	for listen, open := range map[string]bool{"127.0.0.1:4222": false, "localhost:4222": false, "0.0.0.0:4222": true, ":4222": true, "10.1.2.3:4222": true, "": false} {
		if got := (&Embedded{opts: EmbeddedOptions{Listen: listen}}).Open(); got != open {
			t.Errorf("%q: open %v, want %v", listen, got, open)
		}
	}
	if (&Embedded{opts: EmbeddedOptions{Listen: "0.0.0.0:4222", Token: "x"}}).Open() {
		t.Error("a server with a token is not open")
	}
	for o, want := range map[EmbeddedOptions]bool{{Listen: "127.0.0.1:4222"}: true, {Listen: "127.0.0.1:4222", Token: "x"}: false,
		{Listen: "127.0.0.1:4222", User: "u", Password: "p"}: false, {}: false} {
		if got := (&Embedded{opts: o}).Unauthenticated(); got != want {
			t.Errorf("%+v: unauthenticated %v, want %v", o, got, want)
		}
	}
}

// ConnOptions.AuthToken is presented when no NATS credential is given: a
// broker that requires it (docmill serve's, with an auth token and no nats
// credentials) takes the client, one without auth ignores it, and one with
// no_auth_user, which refuses a token it does not know, is asked again
// without it. A credential given explicitly is used alone.
func TestConnectPresentsAuthToken(t *testing.T) {
	tok := runServer(t, &server.Options{Authorization: "http-tok"})
	nc, err := Connect(ConnOptions{URLs: tok.ClientURL(), AuthToken: "http-tok"})
	if err != nil {
		t.Fatalf("broker requiring the auth token: %v", err)
	}
	nc.Close()
	if nc, err := Connect(ConnOptions{URLs: tok.ClientURL(), Token: "other", AuthToken: "http-tok"}); err == nil {
		nc.Close()
		t.Error("a wrong --nats-token was replaced by the auth token")
	}
	open := runServer(t, &server.Options{})
	nc, err = Connect(ConnOptions{URLs: open.ClientURL(), AuthToken: "http-tok"})
	if err != nil {
		t.Fatalf("broker without auth: %v", err)
	}
	nc.Close()
	users := runServer(t, &server.Options{Users: []*server.User{{Username: "anon", Password: "pw"}}, NoAuthUser: "anon"})
	nc, err = Connect(ConnOptions{URLs: users.ClientURL(), AuthToken: "http-tok"})
	if err != nil {
		t.Fatalf("broker with no_auth_user: %v", err)
	}
	nc.Close()
}

// A taken client port is reported at once, with the address.
func TestEmbeddedPortTaken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, err = StartEmbedded(EmbeddedOptions{StoreDir: t.TempDir(), Listen: l.Addr().String()})
	if err == nil || !strings.Contains(err.Error(), l.Addr().String()) {
		t.Fatalf("taken port: %v", err)
	}
}

// TestDeadLetterWindowWithinMaxAge: JetStream refuses a duplicate window
// longer than the stream keeps messages, so a short nats.max_age shortens
// the DLQ's de-duplication window rather than failing start-up.
func TestDeadLetterWindowWithinMaxAge(t *testing.T) {
	js := embeddedJS(t)
	ctx := context.Background()
	if err := EnsureStreams(ctx, js, StreamOptions{MaxAge: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if _, dup := sizing(t, js, StreamDLQ); dup != time.Hour {
		t.Errorf("DLQ duplicate window %s with max age 1h, want 1h", dup)
	}
}

// A process that does not own the broker sizes only the streams it
// creates: a worker started with another (or no) nats.max_age kept every
// existing stream's retention and said so, where it had rewritten them all
// and a shorter age deleted the deployment's history. The owner (serve's
// embedded broker) still applies its configuration.
func TestOnlyTheOwnerResizesStreams(t *testing.T) {
	js := embeddedJS(t)
	ctx := context.Background()
	if err := EnsureStreams(ctx, js, StreamOptions{MaxAge: 720 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	var warned []string
	warn := func(stream string, kept, wanted jetstream.StreamConfig) { warned = append(warned, stream) }
	if err := EnsureStreams(ctx, js, StreamOptions{MaxAge: 11 * time.Minute, Warn: warn}); err != nil {
		t.Fatal(err)
	}
	if age, dup := sizing(t, js, StreamIngest); age != 720*time.Hour || dup != DuplicateWindow {
		t.Errorf("ingest after another process: max age %s, duplicates %s; want 720h and %s kept", age, dup, DuplicateWindow)
	}
	if age, dup := sizing(t, js, StreamDLQ); age != 720*time.Hour || dup != DeadLetterWindow {
		t.Errorf("DLQ after another process: max age %s, duplicates %s; want 720h, 24h kept", age, dup)
	}
	if len(warned) != 6 || !slices.Contains(warned, StreamResults) {
		t.Errorf("warned of %v, want the six streams", warned)
	}
	if err := EnsureStreams(ctx, js, StreamOptions{MaxAge: time.Hour, Owner: true}); err != nil {
		t.Fatal(err)
	}
	if age, dup := sizing(t, js, StreamDLQ); age != time.Hour || dup != time.Hour {
		t.Errorf("DLQ after the owner: max age %s, duplicates %s; want 1h, 1h", age, dup)
	}
}

// embeddedJS is JetStream on a fresh embedded server, closed with the test.
func embeddedJS(t *testing.T) jetstream.JetStream {
	t.Helper()
	_, js := startEmbedded(t, EmbeddedOptions{StoreDir: t.TempDir()})
	return js
}

// startEmbedded starts an embedded server with o, connected to, both
// stopped when the test ends.
func startEmbedded(t *testing.T, o EmbeddedOptions) (*Embedded, jetstream.JetStream) {
	t.Helper()
	e, err := StartEmbedded(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	nc, err := e.Connect("test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return e, js
}

// sizing is stream name's retention and de-duplication window.
func sizing(t *testing.T, js jetstream.JetStream, name string) (maxAge, duplicates time.Duration) {
	t.Helper()
	st, err := js.Stream(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return info.Config.MaxAge, info.Config.Duplicates
}

// The embedded server switches JetStream off when its store's disk fills
// (ShutdownJetStream, as nats-server's out-of-space handling calls it);
// once there is room, RestartJetStream switches it on again with the
// streams and their messages as they were. Freeing space had not been
// enough: docmill took nothing more until it was restarted.
func TestEmbeddedRestartsJetStreamAfterOutOfSpace(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	e, js := startEmbedded(t, EmbeddedOptions{StoreDir: t.TempDir()})
	if err := EnsureStreams(ctx, js, StreamOptions{Owner: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, SubjectIngest+".before", []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.ShutdownJetStream(); err != nil {
		t.Fatal(err)
	}
	pctx, pcancel := context.WithTimeout(ctx, time.Second)
	_, err := js.Publish(pctx, SubjectIngest+".during", []byte("lost"))
	pcancel()
	if err == nil {
		t.Fatal("JetStream took a message while switched off: the test simulates nothing")
	}
	if !e.RestartJetStream() {
		t.Fatal("JetStream not switched on again")
	}
	var info *jetstream.StreamInfo
	for {
		st, err := js.Stream(ctx, StreamIngest)
		if err == nil {
			if _, err = js.Publish(ctx, SubjectIngest+".after", []byte("two")); err == nil {
				info, err = st.Info(ctx)
			}
		}
		if err == nil {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("ingest stream after the restart: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	if info.State.Msgs != 2 {
		t.Errorf("ingest stream holds %d messages after the restart, want the one before and the one after", info.State.Msgs)
	}
}

// A real full disk: the store's file system (a 100 MB tmpfs, so root
// only) filled until JetStream fails to write. The stream's file store
// then refuses every write, whatever room is freed; RestartJetStream,
// which the embedded server's watchdog calls every JetStreamRecheck,
// starts JetStream again once there is room, with the messages stored
// before.
func TestEmbeddedRecoversFromFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small file system to fill needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=100m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var logged strings.Builder
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logged.Write(p)
	}), nil))
	e, js := startEmbedded(t, EmbeddedOptions{StoreDir: filepath.Join(dir, "js"), Log: log})
	if err := EnsureStreams(ctx, js, StreamOptions{Owner: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, SubjectIngest+".before", []byte("kept")); err != nil {
		t.Fatal(err)
	}
	free, err := freeBytes(dir)
	if err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, free-64<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	payload := make([]byte, 32<<10)
	stored := 1
	for i := 0; ; i++ {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := js.Publish(pctx, SubjectIngest+".during", payload)
		pcancel()
		if err != nil {
			break
		}
		stored++
		if i == 100 {
			t.Fatal("the full file system took 100 more messages: nothing was filled")
		}
	}
	if !e.log.writeError.Load() {
		mu.Lock()
		t.Fatalf("the server's write error was not noted; it logged:\n%s", logged.String())
	}
	if e.RestartJetStream() {
		t.Fatal("JetStream restarted with no room on its disk")
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if !e.RestartJetStream() {
		t.Fatal("JetStream did not start again once there was room")
	}
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := js.Publish(pctx, SubjectIngest+".after", []byte("taken"))
		pcancel()
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the ingest stream takes nothing after the restart: %v", err)
		}
	}
	st, err := js.Stream(ctx, StreamIngest)
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := int(info.State.Msgs); got < stored+1 {
		t.Errorf("ingest stream holds %d messages after the restart, want the %d stored before and the new one", got, stored)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(logged.String(), "no space left on device") {
		t.Errorf("the server's write error is not in docmill's log:\n%s", logged.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// While the broker is away, what the client reports asynchronously (a
// pull request's "consumer not active" every 10 s per consumer, naming an
// _INBOX subject) is its absence, which "nats connection lost" already
// said: it is logged at debug, not as a WARN flood. Connected, it stays a
// warning.
func TestAsyncErrorsQuietWhileDisconnected(t *testing.T) {
	e, err := StartEmbedded(EmbeddedOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:-1"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Shutdown()
	nc, err := Connect(ConnOptions{URLs: e.ClientURL()})
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	report := asyncErrors(slog.New(slog.NewTextHandler(&buf, nil)))
	report(nc, nil, nats.ErrConsumerNotActive)
	if !strings.Contains(buf.String(), "level=WARN") {
		t.Errorf("connected: %q, want a warning", buf.String())
	}
	buf.Reset()
	nc.Close()
	report(nc, nil, nats.ErrConsumerNotActive)
	if buf.Len() != 0 {
		t.Errorf("disconnected: %q, want nothing at info level", buf.String())
	}
}
