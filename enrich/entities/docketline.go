package entities

import "regexp"

var (
	// docketLineRe is an appellate opinion's docket line, its number
	// then the days it was argued and decided: "No. 24-517. Argued
	// November 4, 2025—Decided February 20, 2026", as the US Supreme
	// Court's syllabus and opinions write it under the case's name.
	docketLineRe = regexp.MustCompile(`(?m)^[ \t]*Nos?\.[ \t]+(\d{2}-\d{1,5}(?:(?:,[ \t]*|[ \t]+and[ \t]+)\d{2}-\d{1,5})*)\.[ \t]+((?:Argued|Submitted|Decided)\b[^\n]*)$`)
	// docketEventRe is an event of a docket line and its date.
	docketEventRe = regexp.MustCompile(`(Argued|Submitted|Decided)[ \t]+([^—–\n]+?)(?:[ \t]*[—–-]+[ \t]*|[ \t]*$)`)
)

// docketLine adds what an appellate opinion's docket line (docketLineRe)
// says: its case number, its hearing's day ("Argued") and the day it was
// decided, the judgment's date. The line ends in no label's value, so
// none of the three was read: a syllabus had no case number and its
// decision no date.
func docketLine(x *collector, head string) {
	m := docketLineRe.FindStringSubmatchIndex(head)
	if m == nil {
		return
	}
	if !x.has(KindCaseNumber) {
		x.add(KindCaseNumber, head[m[2]:m[3]], head[m[2]:m[3]], m[2])
	}
	events := head[m[4]:m[5]]
	for _, e := range docketEventRe.FindAllStringSubmatchIndex(events, -1) {
		ds := findDates(events[e[4]:e[5]])
		if len(ds) == 0 || len(ds[0].iso) != len("2006-01-02") {
			continue
		}
		at := m[4] + e[4] + ds[0].start
		switch events[e[2]:e[3]] {
		case "Decided":
			if !x.has(KindJudgmentDate) {
				x.add(KindJudgmentDate, ds[0].text, ds[0].iso, at)
			}
		case "Argued": // "Submitted" on the briefs: no hearing sat
			x.add(KindHearingDate, ds[0].text, ds[0].iso, at)
		}
	}
}
