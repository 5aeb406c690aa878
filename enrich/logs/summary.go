package logs

import (
	"sort"
	"strings"
	"time"

	"github.com/docmill/docmill/document"
)

// Summary limits.
const (
	summaryTopTemplates = 10
	summaryErrorSamples = 5
	sampleMaxChars      = 300
)

// Summarize mines lines with m and says what happened: line count, counts
// by level, the share of WARN-or-worse lines (ErrorShare), the time span,
// the most frequent templates with their counts, how many templates this
// document introduced, and a few error lines (one per template). Blank
// lines are skipped. A nil m uses a fresh in-memory miner.
func Summarize(lines []string, m *Miner) *document.LogSummary {
	if m == nil {
		m = NewMiner(DefaultConfig())
	}
	s := &document.LogSummary{Levels: map[string]int{}}
	counts := map[string]int{}
	isNew := map[string]bool{}
	errTpl := map[string]bool{}
	var order []string
	var start, end time.Time
	bad := 0
	for _, line := range lines {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		s.Lines++
		h, content := SplitHeader(line)
		id, _, created := m.Add(content)
		if counts[id] == 0 {
			order = append(order, id)
		}
		counts[id]++
		if created {
			isNew[id] = true
		}
		level := h.Level
		if level == "" {
			level = messageLevel(content)
		}
		if level != "" {
			s.Levels[level]++
		}
		if severe(level) {
			bad++
		}
		if isError(level) && !errTpl[id] && len(s.Errors) < summaryErrorSamples {
			errTpl[id] = true
			s.Errors = append(s.Errors, clip(line, sampleMaxChars))
		}
		start, end = widen(start, end, h.Time)
	}
	if s.Lines > 0 {
		s.ErrorShare = float64(bad) / float64(s.Lines)
	}
	s.Start, s.End = formatTime(start), formatTime(end)
	s.Templates, s.NewTemplates = topTemplates(m, order, counts, isNew)
	return s
}

// topTemplates ranks this document's templates by count (first seen wins
// ties) and counts the new ones.
func topTemplates(m *Miner, order []string, counts map[string]int, isNew map[string]bool) ([]document.TemplateCount, int) {
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	var out []document.TemplateCount
	for _, id := range order {
		if len(out) == summaryTopTemplates {
			break
		}
		tpl, _ := m.Template(id)
		out = append(out, document.TemplateCount{ID: id, Template: tpl, Count: counts[id], New: isNew[id]})
	}
	return out, len(isNew)
}

// messageLevel finds a level that opens the message of a line whose header
// has none, as syslog programs write it ("sshd[812]: error: maximum
// authentication attempts exceeded", "app[7]: WARNING disk 91% full"): a
// level word of three or more letters followed by a colon, or in capitals.
func messageLevel(content string) string {
	f := strings.Fields(content)
	if len(f) < 2 {
		return ""
	}
	w := strings.TrimSuffix(f[0], ":")
	if len(w) < 3 || (w == f[0] && w != strings.ToUpper(w)) {
		return ""
	}
	return normLevel(w)
}

func severe(level string) bool { return level == "WARN" || isError(level) }

func isError(level string) bool { return level == "ERROR" || level == "FATAL" }

// widen extends [start, end] by t when t is known.
func widen(start, end, t time.Time) (time.Time, time.Time) {
	if t.IsZero() {
		return start, end
	}
	if start.IsZero() || t.Before(start) {
		start = t
	}
	if end.IsZero() || t.After(end) {
		end = t
	}
	return start, end
}

// formatTime writes t as RFC 3339; timestamps without a year (syslog) are
// written as ISO 8601 "--MM-DDThh:mm:ss".
func formatTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Year() == 0:
		return t.Format("--01-02T15:04:05")
	}
	return t.Format(time.RFC3339Nano)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut-- // do not split a UTF-8 sequence
	}
	return s[:cut] + "…"
}
