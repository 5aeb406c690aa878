package logs

import (
	"regexp"
	"strings"
)

var (
	// startFailedRe is systemd's line for a unit that did not come up:
	// "Failed to start nginx.service - A high performance web server."
	// (systemd 249 on: the unit, then its description) or "Failed to
	// start A high performance web server." (before: the description
	// alone).
	startFailedRe = regexp.MustCompile(`^Failed to start (.+?)\.?\s*$`)
	// resultFailedRe is systemd's line for a unit that ended in failure,
	// at start or later: "nginx.service: Failed with result 'exit-code'."
	resultFailedRe = regexp.MustCompile(`^(\S+): Failed with result '`)
	// unitNameRe is a unit's name: a name and the suffix of its type.
	unitNameRe = regexp.MustCompile(`^[\w@:.\\-]+\.(?:service|socket|mount|automount|timer|target|path|scope|slice|swap|device)$`)
)

// failedUnits counts the systemd units that failed, by name. A unit that
// fails to start writes both "<unit>: Failed with result" and "Failed to
// start <unit> - ...", one failure; one that fails later writes only the
// first. A unit's count is the larger of the two: each line counted
// alone read every failed start twice. An older systemd names only the
// description in "Failed to start", which is then the unit of the
// "Failed with result" just before it, if there was one.
type failedUnits struct {
	starts, results map[string]int
	last            string // the unit of the "Failed with result" just read
}

// add reads an entry of component and reports whether it was a unit's
// failure. A description counts only from systemd itself: an
// application's "Failed to start HTTP server: address in use" is no
// unit.
func (u *failedUnits) add(component, content string) bool {
	if !strings.HasPrefix(content, "Failed to start ") && !strings.Contains(content, ": Failed with result '") {
		u.last = ""
		return false
	}
	if u.starts == nil {
		u.starts, u.results = map[string]int{}, map[string]int{}
	}
	if m := resultFailedRe.FindStringSubmatch(content); m != nil && unitNameRe.MatchString(m[1]) {
		u.results[m[1]]++
		u.last = m[1]
		return true
	}
	m := startFailedRe.FindStringSubmatch(content)
	if m == nil {
		u.last = ""
		return false
	}
	name, _, _ := strings.Cut(m[1], " - ")
	if !unitNameRe.MatchString(name) {
		if !strings.HasPrefix(component, "systemd") {
			u.last = ""
			return false
		}
		name = m[1] // the description: an older systemd's
		if u.last != "" {
			name = u.last
		}
	}
	u.starts[name]++
	u.last = ""
	return true
}

// counts returns each failed unit with its failures.
func (u *failedUnits) counts() nameCounts {
	out := nameCounts{}
	for name, n := range u.starts {
		out[name] = n
	}
	for name, n := range u.results {
		out[name] = max(out[name], n)
	}
	return out
}
