package server

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
)

// writeCert writes a self-signed certificate for 127.0.0.1 named cn, and
// its key, and returns the certificate.
func writeCert(t *testing.T, certFile, keyFile, cn string) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return cert
}

// With http.cert_file and key_file the API and UI speak HTTPS only, and a
// rotated certificate is served without a restart.
func TestHTTPS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	first := writeCert(t, certFile, keyFile, "first")
	defer func(d time.Duration) { certCheckEvery = d }(certCheckEvery)
	certCheckEvery = 0
	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.HTTP.CertFile, c.HTTP.KeyFile = certFile, keyFile
	})
	if got := h.srv.HTTPURL(); !strings.HasPrefix(got, "https://") {
		t.Fatalf("HTTPURL %q", got)
	}
	served := func(trust *x509.Certificate) (string, error) {
		pool := x509.NewCertPool()
		pool.AddCert(trust)
		c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
		resp, err := c.Get("https://" + h.srv.HTTPAddr() + "/healthz")
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		return resp.TLS.PeerCertificates[0].Subject.CommonName, nil
	}
	if cn, err := served(first); err != nil || cn != "first" {
		t.Fatalf("https: %q, %v", cn, err)
	}
	// Plain HTTP gets no answer from the API.
	if resp, err := http.Get("http://" + h.srv.HTTPAddr() + "/healthz"); err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Fatalf("plain HTTP answered 200: %s", body)
		}
	}
	time.Sleep(10 * time.Millisecond) // a new modification time
	second := writeCert(t, certFile, keyFile, "second")
	if cn, err := served(second); err != nil || cn != "second" {
		t.Fatalf("after rotation: %q, %v", cn, err)
	}
}

// A certificate without its key is refused by config check.
func TestHTTPSConfigNeedsBoth(t *testing.T) {
	c := config.Default()
	c.HTTP.CertFile = "/nonexistent/tls.crt"
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "http.cert_file: needs http.key_file") || !strings.Contains(err.Error(), "no such file") {
		t.Fatalf("Validate: %v", err)
	}
}
