package server

import (
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// certReloader serves the key pair in certFile and keyFile and reads it
// again when the certificate file changes, so a rotated certificate
// (cert-manager, certbot) is served without a restart.
type certReloader struct {
	certFile, keyFile string

	mu      sync.Mutex
	cert    *tls.Certificate
	modTime time.Time
	checked time.Time
}

// newCertReloader loads the pair once, so a bad file fails the start.
func newCertReloader(certFile, keyFile string) (*certReloader, error) {
	r := &certReloader{certFile: certFile, keyFile: keyFile}
	if err := r.load(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *certReloader) load() error {
	info, err := os.Stat(r.certFile)
	if err != nil {
		return fmt.Errorf("http certificate: %w", err)
	}
	cert, err := tls.LoadX509KeyPair(r.certFile, r.keyFile)
	if err != nil {
		return fmt.Errorf("http certificate %s, key %s: %w", r.certFile, r.keyFile, err)
	}
	r.cert, r.modTime = &cert, info.ModTime()
	return nil
}

// certCheckEvery bounds how often a handshake looks at the certificate
// file's time.
var certCheckEvery = 10 * time.Second

// get is tls.Config.GetCertificate. A rotated pair that does not load
// (the key written after the certificate) keeps the last good one until
// the next check.
func (r *certReloader) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.checked) >= certCheckEvery {
		r.checked = time.Now()
		if info, err := os.Stat(r.certFile); err == nil && !info.ModTime().Equal(r.modTime) {
			prev, prevTime := r.cert, r.modTime
			if err := r.load(); err != nil {
				r.cert, r.modTime = prev, prevTime
			}
		}
	}
	return r.cert, nil
}

// tlsConfig is the HTTPS configuration for the pair in certFile/keyFile.
func tlsConfig(certFile, keyFile string) (*tls.Config, error) {
	r, err := newCertReloader(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: r.get}, nil
}

// loopback reports whether a listen address serves this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}
