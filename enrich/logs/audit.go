package logs

import (
	"regexp"
	"strings"
)

// A Linux audit event is written as several records, one a line, that
// share its stamp and serial ("msg=audit(1700000000.123:456)"): a
// command run is a SYSCALL record, then EXECVE, CWD, PATH and PROCTITLE
// records, and in some setups an EOE record that ends it. Counted a line
// at a time, one command was five entries, and the templates of records
// that say nothing alone (CWD, PROCTITLE) crowded the top of a summary.
// auditEvent gathers an event's records into one entry.
type auditEvent struct {
	key     string // node and stamp, "" when no event is open
	line    string // the record that says what happened: the first but an auxiliary
	typ     string // its type
	h       Header
	content string
	types   []string // the other records' types, each once, in order
	recent  []string // the keys of the events closed last, newest last
}

// auditRecent is how many closed events a record may still belong to:
// records of events on several CPUs interleave in audit.log.
const auditRecent = 8

// auditKeyRe reads an audit record's node, type and stamp with serial.
var auditKeyRe = regexp.MustCompile(`^(?:node=(\S+) )?type=(\S+) msg=audit\(([\d/ :.]+)\) ?:`)

// auditEnd is the type of the record that ends a multi-record event.
const auditEnd = "EOE"

// take adds an audit record (h and content as SplitHeader gives them) to
// the open event or opens one, and returns the event it completes: the
// open one when line is another event's record, no audit record at all,
// or the end of this one. absorbed reports whether line belongs to an
// event, so it is no entry of its own.
func (e *auditEvent) take(line string, h Header, content string) (done *auditEvent, absorbed bool) {
	var key, typ string
	if h.Component != "" && strings.Contains(line[:min(len(line), 64)], "msg=audit(") {
		if m := auditKeyRe.FindStringSubmatch(line); m != nil {
			key, typ = m[1]+" "+m[3], m[2]
		}
	}
	if key == "" {
		return e.close(), false
	}
	if key != e.key && containsString(e.recent, key) {
		// a late record of an event already counted (events on
		// several CPUs interleave): no entry of its own, and the
		// open event goes on
		return nil, true
	}
	if key != e.key {
		done = e.close()
		e.key, e.line, e.typ, e.h, e.content, e.types = key, line, typ, h, content, nil
		return done, true
	}
	if typ == auditEnd {
		return e.close(), true
	}
	if auditAuxiliary[e.typ] && !auditAuxiliary[typ] {
		// ausearch prints an event's records last first: PROCTITLE
		// opened it, and the SYSCALL that says what happened followed
		lead := e.typ
		lv := e.h.Level
		e.line, e.typ, e.h, e.content = line, typ, h, content
		e.h.Level = lv
		typ = lead
	}
	if !containsString(e.types, typ) {
		e.types = append(e.types, typ)
	}
	if levelRank[h.Level] > levelRank[e.h.Level] {
		// a denial's AVC record comes before the SYSCALL that failed
		e.h.Level = h.Level
	}
	return nil, true
}

// auditAuxiliary are the types of the records that detail a syscall
// event's SYSCALL record (its command line, arguments, directory, paths,
// socket address) and say nothing alone.
var auditAuxiliary = map[string]bool{"PROCTITLE": true, "EXECVE": true, "CWD": true, "PATH": true, "SOCKADDR": true}

// close returns the open event, if any, and forgets it.
func (e *auditEvent) close() *auditEvent {
	if e.key == "" {
		return nil
	}
	done := *e
	if len(e.recent) == auditRecent {
		e.recent = e.recent[1:]
	}
	*e = auditEvent{recent: append(e.recent, e.key)}
	return &done
}

// entry returns the event's content to mine: the first record's, then
// the types of the others, so that a command run and a file opened are
// two templates, each read by its leading record.
func (e *auditEvent) entry() string {
	if len(e.types) == 0 {
		return e.content
	}
	return e.content + " records=" + strings.Join(e.types, ",")
}

// levelRank orders levels by severity.
var levelRank = map[string]int{"TRACE": 1, "DEBUG": 2, "INFO": 3, "NOTICE": 4, "WARN": 5, "ERROR": 6, "FATAL": 7}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
