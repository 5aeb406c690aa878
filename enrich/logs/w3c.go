package logs

import (
	"strings"
	"time"
)

// IIS writes its access logs in the W3C extended format: "#Software:",
// "#Version:", "#Date:" and "#Fields: date time s-ip cs-method
// cs-uri-stem ..." directives, then one request a line, its fields apart
// by spaces in the order "#Fields:" names. Read as text, a day of an IIS
// site's requests was "29× <*>", and its directives templates of their
// own. A row is rewritten as a Combined Log Format line, which the access
// log reader knows (requests by status, failing paths and clients).
type w3cLog struct {
	col map[string]int // each field's index in a row, by its name
}

// w3cDirectives open the lines of a W3C log that are no request.
var w3cDirectives = []string{"#Software:", "#Version:", "#Date:", "#Fields:", "#Remark:", "#Start-Date:", "#End-Date:"}

// isW3CDirective reports whether line is one of them.
func isW3CDirective(line string) bool {
	for _, d := range w3cDirectives {
		if strings.HasPrefix(line, d) {
			return true
		}
	}
	return false
}

// newW3CLog reads a "#Fields:" directive; nil when line is none or names
// no request (method, path and status).
func newW3CLog(line string) *w3cLog {
	rest, ok := strings.CutPrefix(line, "#Fields:")
	if !ok {
		return nil
	}
	w := &w3cLog{col: map[string]int{}}
	for i, f := range strings.Fields(rest) {
		w.col[strings.ToLower(f)] = i
	}
	for _, f := range []string{"cs-method", "cs-uri-stem", "sc-status"} {
		if _, ok := w.col[f]; !ok {
			return nil
		}
	}
	return w
}

// field returns a row's value of the named field, "-" when the row has
// none.
func (w *w3cLog) field(f []string, name string) string {
	if i, ok := w.col[name]; ok && i < len(f) {
		return f[i]
	}
	return "-"
}

// rewrite returns a row as a Combined Log Format line; ok is false when
// the row has too few fields or no status.
func (w *w3cLog) rewrite(line string) (string, bool) {
	f := strings.Fields(line)
	status := w.field(f, "sc-status")
	if len(f) < len(w.col) || len(status) != 3 || !allDigits(status) {
		return line, false
	}
	stamp := "-"
	if t, err := time.Parse("2006-01-02 15:04:05", w.field(f, "date")+" "+w.field(f, "time")); err == nil {
		stamp = t.Format("02/Jan/2006:15:04:05 +0000") // IIS logs in UTC
	}
	path := w.field(f, "cs-uri-stem")
	if q := w.field(f, "cs-uri-query"); q != "-" {
		path += "?" + q
	}
	version := w.field(f, "cs-version")
	if !strings.HasPrefix(version, "HTTP/") {
		version = "HTTP/1.1"
	}
	return w.field(f, "c-ip") + " - " + w.field(f, "cs-username") + " [" + stamp + `] "` + w.field(f, "cs-method") + " " + path + " " + version + `" ` +
		status + " " + w.field(f, "sc-bytes") + ` "` + w.field(f, "cs(referer)") + `" "` + w.field(f, "cs(user-agent)") + `"`, true
}
