package broker

import (
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
)

// natsLog passes the embedded NATS server's warnings and errors to
// docmill's log (its notices, debug and trace lines stay out: a start
// alone writes two dozen) and notes a store write failure, after which
// the server's file store refuses every write until JetStream starts
// again.
type natsLog struct {
	log        *slog.Logger
	writeError atomic.Bool
}

func (l *natsLog) Noticef(string, ...any) {}
func (l *natsLog) Debugf(string, ...any)  {}
func (l *natsLog) Tracef(string, ...any)  {}

func (l *natsLog) Warnf(format string, v ...any) {
	if l.log != nil {
		l.log.Warn("nats: " + fmt.Sprintf(format, v...))
	}
}

func (l *natsLog) Errorf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	if storeWriteFailed(msg) {
		l.writeError.Store(true)
	}
	if l.log != nil {
		l.log.Error("nats: " + msg)
	}
}

func (l *natsLog) Fatalf(format string, v ...any) { l.Errorf(format, v...) }

// storeWriteFailed reports a server error line that says a JetStream
// store could not write (a full disk: "Critical write error: ... no
// space left on device", or JetStream "out of ... resources").
func storeWriteFailed(msg string) bool {
	return strings.Contains(msg, "Critical write error") || strings.Contains(msg, "no space left on device") ||
		strings.Contains(msg, "JetStream out of") && strings.Contains(msg, "resources")
}
