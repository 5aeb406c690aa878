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
	// held are the events closed last and not yet mined, oldest first: a
	// record of theirs may still come, after another event's, and raise
	// the level (a denial's AVC record after the next event's SYSCALL).
	// Mined when closed, such an event lost the late record's level.
	held []*auditEvent
}

// auditRecent is how many closed events a record may still belong to:
// records of events on several CPUs interleave in audit.log.
const auditRecent = 8

// auditKeyRe reads an audit record's node, type and stamp with serial.
var auditKeyRe = regexp.MustCompile(`^(?:node=(\S+) )?type=(\S+) msg=audit\(([\d/ :.]+)\) ?:`)

// auditEnd is the type of the record that ends a multi-record event.
const auditEnd = "EOE"

// take adds an audit record (h and content as SplitHeader gives them) to
// the open event, a held one, or opens one, and returns the events to
// mine now, oldest first: all when line is no audit record, else the one
// that more recent events push out. absorbed reports whether line
// belongs to an event, so it is no entry of its own.
func (e *auditEvent) take(line string, h Header, content string) (done []*auditEvent, absorbed bool) {
	key, typ := auditKey(line, h)
	if key == "" {
		return e.flush(), false
	}
	if key != e.key && containsString(e.recent, key) {
		// a late record of an event already closed (events on
		// several CPUs interleave): no entry of its own, and the
		// open event goes on
		if held := e.heldEvent(key); held != nil && typ != auditEnd {
			held.add(line, h, content, typ)
		}
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
	e.add(line, h, content, typ)
	return nil, true
}

// add adds a further record of the event.
func (e *auditEvent) add(line string, h Header, content, typ string) {
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
}

// heldEvent returns the held event with key, or nil.
func (e *auditEvent) heldEvent(key string) *auditEvent {
	for _, held := range e.held {
		if held.key == key {
			return held
		}
	}
	return nil
}

// auditAuxiliary are the types of the records that detail a syscall
// event's SYSCALL record (its command line, arguments, directory, paths,
// socket address) and say nothing alone.
var auditAuxiliary = map[string]bool{"PROCTITLE": true, "EXECVE": true, "CWD": true, "PATH": true, "SOCKADDR": true}

// close holds the open event, if any, forgets it, and returns the held
// event it pushes out, if any.
func (e *auditEvent) close() []*auditEvent {
	if e.key == "" {
		return nil
	}
	closed := *e
	closed.recent, closed.held = nil, nil
	recent, held := e.recent, append(e.held, &closed)
	if len(recent) == auditRecent {
		recent = recent[1:]
	}
	var out []*auditEvent
	if len(held) > auditRecent {
		out, held = []*auditEvent{held[0]}, held[1:] // out shares no array with held
	}
	*e = auditEvent{recent: append(recent, e.key), held: held}
	return out
}

// flush closes the open event and returns every held event, oldest
// first.
func (e *auditEvent) flush() []*auditEvent {
	done := append(e.close(), e.held...)
	e.held = nil
	return done
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

// kernelAuditRe reads an audit record the kernel wrote to syslog (no
// audit daemon running): "kernel: audit: type=1400
// audit(1700000000.123:77): apparmor="DENIED" ...", its host before the
// program, an uptime after it when the kernel stamps its lines.
var kernelAuditRe = regexp.MustCompile(`(\S+) kernel: (?:\[\s*\d+\.\d+\] )?audit: type=(\d+) audit\((\d+\.\d+:\d+)\): ?`)

// kernelAuditContent is the content of such a record after the header.
var kernelAuditContent = regexp.MustCompile(`^(?:\[\s*\d+\.\d+\] )?audit: type=(\d+) audit\(\d+\.\d+:\d+\): ?`)

// kernelAudit rewrites the content of a kernel's audit record in syslog
// as auditd writes the record ("AVC apparmor=..."): its type by name, and
// no stamp, so that it is one template with the same record from
// audit.log, and a denial or a failed call is a warning. Its stamp and
// type were masked as numbers: an AppArmor denial, the SYSCALL that
// failed with it and the PROCTITLE after read as three unrelated lines
// of one template shape. Other content is returned as it is.
func kernelAudit(h *Header, content string) string {
	if !strings.HasPrefix(content, "audit: type=") && !strings.HasPrefix(content, "[") {
		return content
	}
	m := kernelAuditContent.FindStringSubmatchIndex(content)
	if m == nil {
		return content
	}
	rest := content[m[1]:]
	if h.Level == "" && auditFailedRe.MatchString(rest) {
		h.Level = "WARN"
	}
	return auditTypeName(content[m[2]:m[3]]) + " " + rest
}

// auditTypeName names an audit record type the kernel writes by number.
func auditTypeName(num string) string {
	if name, ok := auditTypeNames[num]; ok {
		return name
	}
	return "type=" + num
}

// auditTypeNames are the record types of linux/audit.h that the kernel
// and PAM write most.
var auditTypeNames = map[string]string{
	"1100": "USER_AUTH", "1101": "USER_ACCT", "1103": "CRED_ACQ", "1104": "CRED_DISP",
	"1105": "USER_START", "1106": "USER_END", "1107": "USER_AVC", "1112": "USER_LOGIN",
	"1123": "USER_CMD", "1130": "SERVICE_START", "1131": "SERVICE_STOP", "1136": "CRED_REFR",
	"1300": "SYSCALL", "1302": "PATH", "1305": "CONFIG_CHANGE", "1306": "SOCKADDR",
	"1307": "CWD", "1309": "EXECVE", "1320": "EOE", "1325": "NETFILTER_CFG",
	"1326": "SECCOMP", "1327": "PROCTITLE", "1334": "BPF", "1400": "AVC",
	"1401": "SELINUX_ERR", "1403": "MAC_POLICY_LOAD", "1701": "ANOM_ABEND",
}

// auditKey reads the event key (node and stamp) and record type of an
// audit record: auditd's line, or the kernel's in syslog. key is "" for
// any other line.
func auditKey(line string, h Header) (key, typ string) {
	if h.Component == "" {
		return "", ""
	}
	head := line[:min(len(line), 64)]
	if strings.Contains(head, "msg=audit(") {
		if m := auditKeyRe.FindStringSubmatch(line); m != nil {
			return m[1] + " " + m[3], m[2]
		}
	}
	if strings.Contains(line[:min(len(line), 160)], "kernel: ") {
		if m := kernelAuditRe.FindStringSubmatch(line); m != nil {
			return m[1] + " " + m[3], auditTypeName(m[2])
		}
	}
	return "", ""
}
