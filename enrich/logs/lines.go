package logs

import (
	"iter"
	"strings"
	"time"
)

// Line is one line of a log as a reader filters it: where it is, and the
// level and time of the entry it belongs to.
type Line struct {
	N     int    // 1-based line number in the text
	Text  string // the line as written
	Level string // the entry's normalised level (see Header.Level), "" when none
	// Time is the entry's time, zero when none was recognised; a syslog
	// time without a year has year 0.
	Time time.Time
	// Continues says the line continues the entry above it (a stack
	// frame, "Caused by: ...", a line a container runtime split).
	Continues bool
}

// Lines yields the non-blank lines of a log's text, each with the level
// and time of its entry: a stack frame under an ERROR line is part of
// that error, so a filter by level keeps the whole trace. Lines read the
// header of each line alone (SplitHeader), not a CSV log's columns or an
// audit event's records, which Summarize groups.
func Lines(text string) iter.Seq[Line] {
	return func(yield func(Line) bool) {
		var entry Line
		partial, first := false, true
		n := 0
		for line := range strings.SplitSeq(text, "\n") {
			n++
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			h, content := SplitHeader(line)
			cont := !first && !h.Marker && (partial || h.Continues || continuation(line, h))
			partial = h.Partial
			first = false
			l := Line{N: n, Text: line, Continues: cont}
			if cont {
				l.Level, l.Time = entry.Level, entry.Time
			} else {
				l.Level, l.Time = h.Level, h.Time
				if !h.Marker {
					l.Level = lineLevel(h, content)
				}
				entry = l
			}
			if !yield(l) {
				return
			}
		}
	}
}

// Level is the normalised level a user's word names ("warning", "Err",
// "E", "fatal"), or "" when it names none.
func Level(word string) string {
	return levels[strings.ToUpper(strings.TrimSpace(word))]
}

// AtLeast reports whether level is min or more severe (levels as
// Header.Level writes them); a line without a level is below every one.
func AtLeast(level, min string) bool {
	return levelRank[level] >= levelRank[min] && levelRank[level] > 0
}
