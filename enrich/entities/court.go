package entities

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// Entity kinds a court filing adds to the contract's.
const (
	// KindCourt is the court a filing is before ("UNITED STATES DISTRICT
	// COURT, NORTHERN DISTRICT OF CALIFORNIA").
	KindCourt = "court"
	// KindCaseNumber is the filing's case, claim or file number
	// ("3:21-cv-04567-JSC", "CL-2021-000456", "NSD 1123 of 2022").
	KindCaseNumber = "case_number"
	// KindJudgmentDate is the date an order or judgment was made or
	// signed ("Dated: June 2, 2022", "Date of judgment: 12 July 2024").
	KindJudgmentDate = "judgment_date"
	// KindJudge is a judge the filing is before or signed by ("THE
	// HONOURABLE MR JUSTICE HENSHAW", "Kiefel CJ", "Hon. Jane Roe").
	KindJudge = "judge"
	// KindCounsel is an advocate or attorney who appears for a party,
	// that party's role as the entity's role ("Ms A Barrister KC" for the
	// claimant, "John Smith" of the attorneys for the plaintiff).
	KindCounsel = "counsel"
)

// Party roles in a court filing's caption, as in document.Entity.Role.
const (
	RolePlaintiff  = "plaintiff"
	RoleDefendant  = "defendant"
	RoleClaimant   = "claimant"
	RoleAppellant  = "appellant"
	RoleAppellee   = "appellee"
	RoleRespondent = "respondent"
	RoleApplicant  = "applicant"
	RolePetitioner = "petitioner"
)

// captionBytes bounds where a filing's caption (court, parties, case
// number) is looked for: a judgment quoting another caption further on
// names no party of its own.
const captionBytes = 4000

var (
	// courtLineRe is a caption's court line: "UNITED STATES DISTRICT
	// COURT", "IN THE HIGH COURT OF JUSTICE", "FEDERAL COURT OF
	// AUSTRALIA", "In the Supreme Court of New South Wales". A short line
	// of its own, so that a contract's "courts of England" is none.
	courtLineRe = regexp.MustCompile(`(?m)^[ \t]*((?:IN[ \t]+THE[ \t]+|In[ \t]+the[ \t]+)?[A-Z][A-Za-z.'’&, ]{0,80}?\b(?:COURT|Court|TRIBUNALS?|Tribunals?)\b[A-Za-z.'’&,() ]{0,80})[ \t]*$`)
	// courtMoreRe is a line that goes on with the court's name: its
	// district, division or list ("NORTHERN DISTRICT OF CALIFORNIA",
	// "COMMERCIAL COURT (KBD)").
	// A district named by its state alone starts with the word: "DISTRICT
	// OF DELAWARE".
	courtMoreRe = regexp.MustCompile(`^[ \t]*((?:FOR[ \t]+THE[ \t]+)?(?:[A-Z][A-Z .,'&()]{2,80}\b(?:DISTRICT|DIVISION|CIRCUIT|COUNTY|DIVISION|REGISTRY|LIST)\b|DISTRICT[ \t]+OF[ \t]+[A-Z])[A-Z .,'&()]*)[ \t]*$`)
	// roleLabelRe is a caption's role line, under the names it labels
	// ("Plaintiff,", "Defendants.", "Defendant-Appellee."), or before
	// them ("Applicant: ACME PTY LTD").
	roleLabelRe = regexp.MustCompile(`(?i)^[ \t]*(?:(?:and|&)[ \t]+)?(plaintiffs?|defendants?|claimants?|appellants?|appellees?|respondents?|applicants?|petitioners?)(?:[ \t]*[-/][ \t]*(appellants?|appellees?|respondents?|petitioners?|cross-\w+))?(?:[ \t]*/[ \t]*\w+)?[ \t]*[,.:]?[ \t]*(.*)$`)
	// captionStopRe is a line that ends a party's names going up the
	// caption: the "v." between the sides, "- and -", "Between:", a
	// heading, or another role line.
	captionStopRe = regexp.MustCompile(`(?i)^[ \t]*(?:-*[ \t]*(?:v|vs|versus|against|and|between)\.?[ \t]*:?[ \t]*-*|before[ \t]*:?.*|\)[ \t]*)$`)
	// caseNumberRe is the case, claim or file number's line, the judge's
	// initials after it left out ("1:22-cv-01234 (JMR)").
	caseNumberRe = regexp.MustCompile(`(?im)(?:^|[ \t])[ \t]*(?:(?:Civil[ \t]+)?(?:Case|Claim|File|Docket|Index|Action|Appeal|Matter)[ \t]+(?:No\.?|Number|number|Nos\.?|#)|No\.)[ \t]*[:.]?[ \t]*([A-Z0-9][A-Za-z0-9:./\- ]{2,40}?)(?:[ \t]+\([A-Z]{2,5}\))?[ \t]*$`)
	// judgmentDateLineRe is the line that dates the order or judgment.
	judgmentDateLineRe = regexp.MustCompile(`(?im)^[ \t]*(?:Dated|Date|Date[ \t]+of[ \t]+(?:judgment|order|decision|hearing[ \t]+and[ \t]+judgment)|Judgment[ \t]+date|Decided|Filed|Signed|Entered|Delivered|Handed[ \t]+down|Judgment[ \t]+(?:delivered|given))[ \t]*(?:on)?[ \t]*[:.,]?[ \t]*(.{6,40}?|)[ \t]*$`)
	// neutralCitationRe is a neutral or a law-report citation:
	// "[2019] UKSC 12", "[2023] EWHC 1234 (Comm)", "[2015] AC 1619",
	// "(2022) 274 CLR 450", "[2024] FCA 789".
	neutralCitationRe = regexp.MustCompile(`[\[(](?:1[89]|20)\d{2}[\])][ \t]+(?:\d{1,4}[ \t]+)?[A-Z][A-Za-z]{0,7}(?:[ \t]+(?:Civ|Crim|Ch|Cr|App|R))?[ \t]+\d{1,5}(?:[ \t]+\((?:Comm|Ch|QB|KB|Fam|TCC|Pat|IPEC|Admin|Costs)\))?`)
	// usReporterRe is a US reporter citation with its court and year:
	// "123 F.3d 456 (9th Cir. 1999)", "550 U.S. 544, 570 (2007)", "34 Cal.
	// 4th 979, 988 (2004)".
	usReporterRe = regexp.MustCompile(`\b\d{1,4}[ \t]+(?:U\.[ \t]?S\.|S\.[ \t]?Ct\.|L\.[ \t]?Ed\.(?:[ \t]?2d)?|F\.(?:[ \t]?(?:2d|3d|4th))?|F\.[ \t]?Supp\.(?:[ \t]?(?:2d|3d))?|(?:[A-Z]\.){2,3}[ \t]?(?:2d|3d|4th)|[AP]\.[ \t]?(?:2d|3d)|[A-Z][a-z]{1,5}\.(?:[ \t]?(?:2d|3d|4th|5th|App\.))*(?:[ \t]+(?:2d|3d|4th|5th))?)[ \t]+\d{1,5}(?:,[ \t]*\d{1,5}(?:[-–]\d{1,5})?)?(?:[ \t]+\([^()\n]{0,40}?(?:1[89]|20)\d{2}\))?`)
	// caseNameRe is the case name before a reporter or neutral citation:
	// "Smith v. Jones, ", "Arnold v Britton ". Words of a name begin with
	// a capital; "of", "and", "the", "&" join them.
	caseNameRe = regexp.MustCompile(`((?:[A-Z][\w.&'’-]*,?[ \t]+(?:(?:of|and|the|for|de|du|&)[ \t]+)*)+v\.?[ \t]+(?:[A-Z][\w.&'’-]*,?[ \t]+(?:(?:of|and|the|for|de|du|&)[ \t]+)*)*?[A-Z][\w.&'’-]*(?:[ \t]+(?:Ltd|Inc|Co|Corp|Pty|plc|LLC|BV)\.?)?),?[ \t]*$`)
	// signalRe is a citation signal a case name must not start with.
	signalRe = regexp.MustCompile(`^(?:See(?:[ \t]+also)?|Cf\.|But[ \t]+see|Accord|In|On|The|As|And|Compare|Contra|Under|Following|Applying|Citing|Unlike|Like|After|Per|Relying[ \t]+on)[ \t]+`)
	// statuteSectionRe is a section of a named act: "s 52 of the
	// Competition Act", "section 3 of the Misrepresentation Act 1967",
	// "s 35A of the Senior Courts Act 1981", and a schedule or part of
	// one: "Schedule 2 to the Competition and Consumer Act 2010 (Cth)",
	// "Part 7 of the Civil Procedure Rules", which alone said nothing; a
	// rule of court: "Rule 39.32 of the Federal Court Rules 2011", "r 3.4
	// of the Civil Procedure Rules" (a rule cited as "Rule 39.32" and
	// "Rules 2011", two rows, neither the rules named).
	// A line may wrap anywhere within it ("section 3\nof the
	// Misrepresentation Act 1967").
	statuteSectionRe = regexp.MustCompile(`\b(?:(?:ss?\.?|[Ss]ections?|[Rr]ules?|rr?\.?|Sch\.?|Schedules?|Pt\.?|Parts?|Div\.?|Divisions?)\s+\d{1,4}(?:\.\d{1,4}){0,2}[A-Z]{0,2}(?:\(\w{1,4}\))*\s+of|(?:Sch\.?|Schedules?)\s+\d{1,4}[A-Z]{0,2}\s+to)\s+the\s+(?:[A-Z][\w’']*\s+(?:(?:and|of|the|for|on)\s+)*){1,8}?(?:Act|Law|Code|Ordinance|Rules|Regulations)(?:\s+(?:1[89]|20)\d{2})?(?:\s+\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|UK|NZ)\))?`)
	// namedActRe is an act named alone: "the Human Rights Act 1998",
	// "Competition and Consumer Act 2010 (Cth)", "the Sherman Act".
	namedActRe = regexp.MustCompile(`\b(?:[A-Z][\w’'-]*\s+(?:(?:and|of|the|for|on|to)\s+)*){1,8}?Act\b(?:\s+(?:1[6-9]|20)\d{2}\b)?(?:\s+\((?:Cth|NSW|Vic|Qld|WA|SA|Tas|ACT|NT|UK|NZ)\))?`)
	// actLeadRe is the words before an act's name that are none of it:
	// a sentence's first word ("The", "Under") and the joiners after it.
	actLeadRe = regexp.MustCompile(`^(?:(?:The|This|That|These|Those|Under|In|See|And|As|By|Section|Sections|Pursuant|Per|Both|Each|Such|Any|No|Its|Their|Our|Also|Unlike|Like|Applying|Following|Whether|If|When|Where|Although|But|Neither|Nor|Either|Or|Cf\.)\s+(?:(?:and|of|for|on|to|the)\s+)*)+`)
)

// CourtFiling reports a court filing (an order, a judgment, a pleading, a
// memorandum): its opening has a court line of its own and a caption's
// role line, case number or neutral citation. A contract that names the
// courts of a place has neither.
func CourtFiling(text string) bool {
	head := lang.Clip(text, captionBytes)
	if !courtLineRe.MatchString(head) {
		return citedJudgment(head) || zhCourtFiling(head)
	}
	// a case's name on its own line under the court's, as the US
	// Supreme Court's syllabus sets "HARMON v. WESTFIELD TRANSIT
	// AUTHORITY" over its docket line, which a contract never writes
	if caseNumberRe.MatchString(head) || neutralCitationRe.MatchString(head) || caseNameLine(head) != "" {
		return true
	}
	for _, line := range strings.Split(head, "\n") {
		if m := roleLabelRe.FindStringSubmatch(leftColumn(line)); m != nil && (m[3] == "" || strings.HasPrefix(strings.TrimSpace(line), m[1]+":")) {
			return true
		}
	}
	return false
}

// citedJudgment reports a judgment headed by its neutral citation, with
// no court line: a UK Supreme Court or Privy Council judgment opens
// "[2024] UKSC 5" over "JUDGMENT" and "Smith (Appellant) v Jones
// (Respondent)". Such a judgment was classed a contract and its date of
// judgment exported as an agreement date.
func citedJudgment(head string) bool {
	seen := 0
	for _, line := range strings.Split(head, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if seen++; seen > 4 {
			return false
		}
		if citationLineRe.MatchString(line) {
			return parenRoleRe.MatchString(head) && judgmentHeadingRe.MatchString(head)
		}
	}
	return false
}

var (
	// citationLineRe is a line that is only a neutral citation.
	citationLineRe = regexp.MustCompile(`^[ \t]*\[(?:19|20)\d{2}\][ \t]+[A-Z]{2,6}(?:[ \t]+(?:Civ|Crim))?[ \t]+\d{1,5}(?:[ \t]+\((?:Ch|KB|QB|Comm|TCC|Fam|Pat|IPEC|Admin|Admlty|SCCO|Costs|Mercantile)\))?[ \t]*$`)
	// parenRoleRe is a party named with its role in brackets: "Smith
	// (Appellant)", "Jones (Respondent)".
	parenRoleRe = regexp.MustCompile(`([^()\n]*?[\pL.)'’])[ \t]*\(((?i:appellants?|respondents?|claimants?|defendants?|applicants?|petitioners?|interveners?))\)`)
	// judgmentHeadingRe is a judgment's heading on a line of its own.
	judgmentHeadingRe = regexp.MustCompile(`(?m)^[ \t]*(?:JUDGMENT|JUDGEMENT|Judgment)[ \t]*$`)
	// vSplitRe parts the parties of a title line: " v ", " v. ".
	vSplitRe = regexp.MustCompile(`[ \t]+(?:v|vs|V)\.?[ \t]+`)
)

// CourtEntities returns a court filing's entities: the caption's parties
// with their roles, the court, the case number, the date of the order or
// judgment, and from the body its money amounts, percentages, interest
// rates, durations, dates and citations, the cases cited among them.
// A contract's readings (parties from a preamble, agreement and effective
// dates, governing law, defined terms, obligations) are left out: a
// judgment's "shall" orders a party, and its dates are no agreement's.
func CourtEntities(text, language string) []document.Entity {
	x := &collector{seen: map[string]bool{}}
	head := lang.Clip(text, captionBytes)
	courtOf(x, head)
	caseNumber(x, head)
	captionParties(x, head)
	if !x.has(KindParty) {
		caseLineParties(x, head, text)
	}
	judgmentDate(x, text)
	hearingDates(x, head)
	docketLine(x, head)
	judges(x, head, text)
	counsel(x, head, text)
	juryDemand(x, text)
	zhCourtEntities(x, head, text)
	sents := sentences(text)
	dates(x, text, sents)
	money(x, text)
	percentages(x, text)
	interestRates(x, text, false)
	durations(x, text)
	citationsOutside(x, text, courtCitations(x, text, captionCitations(x, head)))
	var out []document.Entity
	for _, e := range x.sorted() {
		if e.Kind == KindDate && strings.Contains(e.Text, "__") {
			continue // a form's blank, "this ____ day of ______, 2023": no date yet
		}
		switch e.Kind {
		case KindAgreementDate, KindEffectiveDate, KindExpirationDate, KindComplianceDate:
			e.Kind = KindDate
		}
		out = append(out, e)
	}
	return withoutDatedCopies(out)
}

// withoutDatedCopies drops a plain date that is the judgment's date or a
// hearing's already.
func withoutDatedCopies(es []document.Entity) []document.Entity {
	judged := map[string]bool{}
	for _, e := range es {
		if e.Kind == KindJudgmentDate || e.Kind == KindHearingDate {
			judged[e.Value] = true
		}
	}
	out := es[:0]
	seen := map[string]bool{}
	for _, e := range es {
		if e.Kind == KindDate && judged[e.Value] {
			continue
		}
		// the date rules and the retyping above may give one date twice
		if k := e.Kind + "\x00" + e.Text + "\x00" + e.Value; e.Kind == KindDate {
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		out = append(out, e)
	}
	return out
}

// courtOf adds the first court line of head, with the district, division
// or list lines that follow it as part of its value: an English heading
// names the court over its courts and list ("IN THE HIGH COURT OF
// JUSTICE", "BUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES",
// "COMMERCIAL COURT (KBD)"), which a register files the matter under.
func courtOf(x *collector, head string) {
	m := courtLineRe.FindStringSubmatchIndex(head)
	if m == nil {
		courtOfCitation(x, head)
		return
	}
	name := strings.TrimSpace(head[m[2]:m[3]])
	value := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "IN THE "), "In the "))
	for _, more := range courtMore(head[m[1]:]) {
		value += ", " + more
	}
	x.add(KindCourt, name, value, m[2])
}

// courtMoreLines bounds the lines under a court's that go on with its
// name.
const courtMoreLines = 3

// citationCourts names the court of a neutral citation's court code,
// for a judgment headed by its citation and no court line.
var citationCourts = map[string]string{
	"UKSC": "Supreme Court of the United Kingdom", "UKPC": "Judicial Committee of the Privy Council",
	"UKHL": "House of Lords", "EWCA": "Court of Appeal of England and Wales", "EWHC": "High Court of Justice of England and Wales",
	"CSIH": "Court of Session, Inner House", "CSOH": "Court of Session, Outer House", "NICA": "Court of Appeal in Northern Ireland",
	"HCA": "High Court of Australia", "FCAFC": "Federal Court of Australia, Full Court", "FCA": "Federal Court of Australia",
	"NZSC": "Supreme Court of New Zealand", "SGCA": "Court of Appeal of Singapore", "IESC": "Supreme Court of Ireland",
}

// courtOfCitation adds the court that the citation heading a judgment
// names by its code ("[2024] UKSC 5": the Supreme Court of the United
// Kingdom).
func courtOfCitation(x *collector, head string) {
	for _, line := range strings.SplitN(head, "\n", 8) {
		if !citationLineRe.MatchString(line) {
			continue
		}
		code := strings.Fields(line)[1]
		if court, ok := citationCourts[code]; ok {
			x.add(KindCourt, strings.TrimSpace(line), court, strings.Index(head, strings.TrimSpace(line)))
		}
		return
	}
}

// districtLineRe is a US district named in title case under its court,
// as a PACER docket sheet writes it: "District of Delaware
// (Wilmington)", "Northern District of California (San Francisco)". The
// docket's court was "U.S. District Court", any district's.
var districtLineRe = regexp.MustCompile(`^[ \t]*((?:(?:Northern|Southern|Eastern|Western|Middle|Central)[ \t]+)?District[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,3}(?:[ \t]+\([A-Z][A-Za-z. ]{1,40}\))?)[ \t]*$`)

// courtMore is the lines at the start of rest that go on with a court's
// name, each after a line break and at most one blank line (a word
// processor's paragraphs are apart by one).
func courtMore(rest string) []string {
	var out []string
	for len(out) < courtMoreLines && strings.HasPrefix(rest, "\n") {
		rest = rest[1:]
		if blank := strings.IndexByte(rest, '\n'); blank >= 0 && strings.TrimSpace(rest[:blank]) == "" {
			rest = rest[blank+1:]
		}
		line, next := rest, ""
		if j := strings.IndexByte(rest, '\n'); j >= 0 {
			line, next = rest[:j], rest[j:]
		}
		more := courtMoreRe.FindStringSubmatch(line)
		if more == nil && !strings.HasPrefix(strings.TrimSpace(line), "ON APPEAL") {
			more = divisionRe.FindStringSubmatch(line)
		}
		if more == nil {
			more = districtLineRe.FindStringSubmatch(line)
		}
		if more == nil {
			break
		}
		out = append(out, strings.TrimSpace(more[1]))
		rest = next
	}
	return out
}

// divisionRe is a line in capitals under a court's that names the courts,
// the court or the list within it ("BUSINESS AND PROPERTY COURTS OF
// ENGLAND AND WALES", "COMMERCIAL COURT (KBD)", "KING'S BENCH DIVISION").
// A court it appeals from ("ON APPEAL FROM THE HIGH COURT") is another.
var divisionRe = regexp.MustCompile(`^[ \t]*((?:[A-Z][A-Z'’&]*[ \t]+)*?(?:COURTS?|DIVISION|LIST|REGISTRY)\b[A-Z .,'’&()]*)[ \t]*$`)

// fileNumberLineRe is an Australian court's file number on a line of
// its own, unlabelled, as the Federal Court heads its orders: "NSD 1123
// of 2022", "VID 45 of 2023".
var fileNumberLineRe = regexp.MustCompile(`(?m)^[ \t]*([A-Z]{2,4}[ \t]+\d{1,6}[ \t]+of[ \t]+(?:19|20)\d{2})[ \t]*$`)

// caseNumber adds the caption's case number.
func caseNumber(x *collector, head string) {
	m := caseNumberRe.FindStringSubmatchIndex(head)
	if m == nil {
		m = fileNumberLineRe.FindStringSubmatchIndex(head)
	}
	if m != nil {
		num := strings.TrimSpace(head[m[2]:m[3]])
		// "Case No. 1:24-" over "cv-01234 (JPO)" is one number
		num += brokenNumberRest(head, m[2], m[3])
		x.add(KindCaseNumber, num, num, m[2])
	}
}

// numberRestRe is the rest of a case number broken at a hyphen, at the
// start of the next line: "cv-01234" under "Case No. 1:24-".
var numberRestRe = regexp.MustCompile(`^[ 	]*([A-Za-z0-9][A-Za-z0-9:./-]*[A-Za-z0-9])`)

// brokenNumberRest is the rest of a case number head[start:end] that
// ends at a hyphen, a narrow caption column having wrapped it ("1:24-"
// over "cv-01234"); "" for a number that ends whole. The number was
// exported as "1:24-", no case's.
func brokenNumberRest(head string, start, end int) string {
	if !strings.HasSuffix(strings.TrimSpace(head[start:end]), "-") {
		return ""
	}
	nl := strings.IndexByte(head[end:], '\n')
	if nl < 0 {
		return ""
	}
	if m := numberRestRe.FindStringSubmatch(head[end+nl+1:]); m != nil && !strings.Contains(strings.TrimSpace(head[end:end+nl]), " ") {
		return m[1]
	}
	return ""
}

// decisionRe marks a filing that decides: an order, a judgment, a ruling
// (in capitals, as its heading writes it: a complaint "demands judgment"),
// or its operative words.
var decisionRe = regexp.MustCompile(`\b(?:ORDERS?|JUDGMENT|JUDGEMENT|DECISION|DECREE|RULING|OPINION)\b|(?i:\bIT\s+IS\s+(?:SO\s+|HEREBY\s+)?ORDERED\b|\bApproved\s+Judgment\b)`)

// decisionDateLineRe is a date line that names the decision itself
// ("Date of judgment:", "Handed down:"), a judgment's date in any filing.
var decisionDateLineRe = regexp.MustCompile(`(?i)^[ \t]*(?:Date[ \t]+of[ \t]+(?:judgment|order|decision)|Judgment[ \t]+date|Decided|Delivered|Handed[ \t]+down|Judgment[ \t]+(?:delivered|given))`)

// judgmentDate adds the date the order or judgment bears: its "Dated:"
// or "Date of judgment:" line, in the caption or by the signature. A
// pleading's "Dated:" (a complaint's, a motion's) dates no judgment: only
// a filing that decides has one, unless the line says it is the decision's.
func judgmentDate(x *collector, text string) {
	decides := (decisionRe.MatchString(text) || citesItself(text)) && !pleading(FilingKind(text))
	for _, m := range judgmentDateLineRe.FindAllStringSubmatchIndex(text, -1) {
		if !decides && !decisionDateLineRe.MatchString(text[m[0]:m[1]]) {
			continue
		}
		if line := text[m[0]:m[1]]; hearingLineRe.MatchString(line) && !hearingAndJudgmentRe.MatchString(line) {
			continue // "Date of hearing:" dates no judgment (hearingDates)
		}
		if representativeRe.MatchString(lineBefore(text, m[0])) {
			continue // a party's solicitors signing a consent order dated their consent
		}
		at, end := m[2], m[3]
		ds := findDatesOrdered(text[at:end], dayFirst(text))
		if len(ds) == 0 {
			// "Dated: New York, New York" over "March 3, 2023": a US
			// order's place, its date on the line below
			var ok bool
			if at, ds, ok = dateBelow(text, m[1]); !ok {
				continue
			}
		}
		if len(ds[0].iso) != len("2006-01-02") {
			continue
		}
		x.add(KindJudgmentDate, ds[0].text, ds[0].iso, at+ds[0].start)
		return
	}
}

// citesItself reports a filing headed by its own neutral citation
// ("Neutral Citation Number: [2026] EWCA Civ 88"), which only a judgment
// has: its "Date:" is the judgment's, though it has no JUDGMENT heading
// and says "In my judgment" only in lower case.
func citesItself(text string) bool {
	head := lang.Clip(text, captionBytes)
	if m := ownCitationRe.FindStringIndex(head); m != nil {
		c := neutralCitationRe.FindStringIndex(head[m[1]:])
		return c != nil && c[0] == 0
	}
	start, end := nextLine(head, 0)
	return citationLineRe.MatchString(head[start:end])
}

// hearingAndJudgmentRe is a line that dates a hearing and the judgment
// given at it, ex tempore: "Date of hearing and judgment: 3 July 2023".
var hearingAndJudgmentRe = regexp.MustCompile(`(?i)hearing[ \t]+and[ \t]+judgment`)

// dateBelow is the date on the line after a bare "Dated:" line ending at
// pos, and where that line starts. The place may come between, a line of
// its own ("Dated:" over "New York, New York" over "March 3, 2023").
func dateBelow(text string, pos int) (int, []dateMatch, bool) {
	for range 2 {
		at, end := nextLine(text, pos)
		if at == end {
			break
		}
		line := text[at:end]
		if ds := findDatesOrdered(line, dayFirst(text)); len(ds) > 0 {
			return at, ds, wholeLine(ds[0], line)
		}
		if len(line) > 60 || !placeLineRe.MatchString(line) {
			break // a sentence or a number: no place
		}
		pos = end
	}
	return 0, nil, false
}

// placeLineRe is a place's line, its words capitalised: "New York, New
// York", "White Plains, NY".
var placeLineRe = regexp.MustCompile(`^[A-Z][\pL.'’-]*(?:,?[ \t]+[A-Z][\pL.'’-]*)*$`)

// signatureRuleRe is the signature's rule beside a date, a two-column
// block flattened onto one line ("March 3, 2023 ____________").
var signatureRuleRe = regexp.MustCompile(`^[ \t]*_{3,}[ \t]*$`)

// pleading reports a party's filing kind: a motion's proposed order ("IT
// IS HEREBY ORDERED") is unsigned, and its "Dated:" is the motion's.
func pleading(kind string) bool {
	return kind == FilingComplaint || kind == FilingMotion || kind == FilingPetition
}

// wholeLine reports a date that is its line but for a stop or a comma
// after it, or the signature's rule beside it: a date in a sentence below
// "Dated:" dates something else.
func wholeLine(d dateMatch, line string) bool {
	return d.start == 0 && (len(line)-d.end <= 1 || signatureRuleRe.MatchString(line[d.end:]))
}

// captionParties adds the caption's parties with their roles: the names
// on the lines above a role line ("ACME WIDGETS, INC.," over
// "Plaintiff,"), or after a labelled one ("Respondent: KOALA ENERGY PTY
// LTD"). Names joined by "and", or numbered "(1)", "(2)", are parties of
// their own.
func captionParties(x *collector, head string) {
	lines := strings.Split(head, "\n")
	// opens says a line opens its side with the side's label: the names
	// end there going up, whatever the line above ("NSD 1123 of 2022"
	// over "BETWEEN: KOALA ENERGY PTY LTD" was read as a party)
	opens := make([]bool, len(lines))
	for i, l := range lines {
		opens[i] = sideOpenRe.MatchString(l)
		// the side's label first: "BETWEEN:<tab>KOALA ENERGY PTY LTD"
		// is no column of its own
		l = sideLabelRe.ReplaceAllString(strings.TrimLeft(l, " \t"), "")
		if names, role := roleBeside(l); role != "" {
			addParties(x, names, role, strings.Index(head, names))
		}
		lines[i] = leftColumn(l)
	}
	pos := 0
	starts := make([]int, len(lines))
	for i, l := range lines {
		starts[i] = pos
		pos += len(l) + 1
	}
	represented := false
	for i, line := range lines {
		// a tribunal's "Representation" block labels counsel by the
		// side they act for ("Claimant: Mr D Shaw, counsel"): its
		// labels name no party
		if representationRe.MatchString(line) {
			represented = true
			continue
		}
		if vSplitRe.MatchString(line) {
			if inlineParties(x, line, starts[i]) {
				continue
			}
			titleParties(x, line, starts[i])
		} else if namedRoleLineRe.MatchString(line) {
			// "MARY SMITH (Claimant)" over "and" over "NORTHERN RAIL
			// LIMITED (Defendant)": each side's line names its role
			titleParties(x, line, starts[i])
		}
		m := roleLabelRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		// on appeal the appellate role is the one that counts:
		// "Plaintiff-Appellee" is the appellee
		role := captionRole(m[1])
		if m[2] != "" && !strings.HasPrefix(strings.ToLower(m[2]), "cross") {
			role = captionRole(m[2])
		}
		if m[3] != "" && !titleBeside(line, m[3]) {
			switch {
			case !strings.HasPrefix(strings.TrimSpace(line), m[1]+":"):
			case represented:
				at := starts[i] + strings.Index(line, m[3])
				addLabelledCounsel(x, head, at, at+len(m[3]), role)
			default:
				addParties(x, m[3], role, starts[i])
			}
			continue
		}
		var names []string
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			l := strings.TrimSpace(lines[j])
			if l == "" {
				if len(names) > 0 && !laterParty(names[0]) {
					break
				}
				continue
			}
			// a two-column caption's right column, flattened onto the
			// line: "JANE DOE, an individual, Case No.: 23STCV01234"
			if c := caseNumberRe.FindStringIndex(l); c != nil && c[0] > 0 {
				l = strings.TrimSpace(l[:c[0]])
			}
			if captionStopRe.MatchString(l) || roleLabelRe.MatchString(l) || courtLineRe.MatchString(l) || courtMoreRe.MatchString(l) || caseNumberRe.MatchString(l) {
				break
			}
			names = append([]string{l}, names...)
			if opens[j] {
				break
			}
		}
		if len(names) > 0 {
			addParties(x, strings.Join(names, "\n"), role, starts[max(0, i-len(names))])
		}
	}
}

// representationRe is the heading over a caption's counsel, each
// labelled by the side they act for, as an employment tribunal's
// judgment sets them under its parties.
var representationRe = regexp.MustCompile(`(?i)^[ \t]*(?:representation|appearances)[ \t]*:?[ \t]*$`)

// namedRoleLineRe is a caption's line that is one party's name and its
// role in brackets, and nothing else.
var namedRoleLineRe = regexp.MustCompile(`^[ \t]*` + parenRoleRe.String() + `[ \t]*$`)

// partyNumberRe is a caption's number before a party's name: "(2)".
var partyNumberRe = regexp.MustCompile(`^\((\d{1,2})\)`)

// laterParty reports a name numbered after the first of its side ("(2)
// STELLAR GROUP HOLDINGS PLC"): the side's names go on above it, though a
// word processor sets a blank line between them. Only the last of the
// defendants was found, and the case named by it.
func laterParty(name string) bool {
	m := partyNumberRe.FindStringSubmatch(name)
	return m != nil && m[1] != "1"
}

// sideLabelRe is the label before a party's name on its line, as an
// Australian caption writes the sides ("BETWEEN: KOALA ENERGY PTY LTD",
// "AND: SOUTHERN CROSS GRID LIMITED"), with the company number after the
// name ("(ACN 123 456 789)"), which names no party.
var sideLabelRe = regexp.MustCompile(`^(?i:between|and)[ \t]*:[ \t]*|[ \t]*\((?:ACN|ABN|ARBN|CRN|Company[ \t]+No\.?)[ \t]*[\d ]+\)[ \t]*$`)

// sideOpenRe is a caption line that opens a side with its label and
// the party's name after it: "BETWEEN: KOALA ENERGY PTY LTD".
var sideOpenRe = regexp.MustCompile(`^[ \t]*(?i:between|and)[ \t]*:[ \t]*\S`)

// titleParties adds the parties of a title line that names each with
// its role in brackets: "Smith (Appellant) v Jones (Respondent)".
func titleParties(x *collector, line string, pos int) {
	for _, m := range parenRoleRe.FindAllStringSubmatchIndex(line, -1) {
		name := strings.TrimSpace(line[m[2]:m[3]])
		if loc := vSplitRe.FindStringIndex(" " + name); loc != nil {
			name = strings.TrimSpace(name[max(0, loc[1]-1):]) // the second party's, after " v "
		}
		if name != "" {
			addParties(x, name, captionRole(line[m[4]:m[5]]), pos+strings.Index(line, name))
		}
	}
}

// partySplitRe splits a caption's names: numbered "(1)", "(2)", lines,
// or " and " between two names.
var partySplitRe = regexp.MustCompile(`\n|\(\d{1,2}\)|\s+(?:and|&)\s+`)

// addParties adds each name of names as a party in role.
func addParties(x *collector, names, role string, pos int) {
	for _, n := range partySplitRe.Split(names, -1) {
		// a legal form keeps its stop ("CORP."); the caption's comma goes
		n = strings.Trim(strings.TrimSpace(n), ",;: ")
		// "JOHN DOE, et al.," names the first of more, not a party "et al"
		n = strings.Trim(etAlRe.ReplaceAllString(n, ""), ",;: ")
		n = strings.Trim(descriptorRe.ReplaceAllString(n, ""), ",;: ")
		if fictitiousRe.MatchString(n) {
			continue // "DOES 1 through 50": placeholders for parties yet unnamed
		}
		if len(n) < 2 || !strings.ContainsAny(n[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue
		}
		x.addRole(KindParty, n, "", role, pos)
	}
}

// roleBeside reads a caption line that sets a party's name in its left
// column and the role in its right, as an English judgment does
// ("HARGREAVES PROPERTY HOLDINGS LIMITED      Claimant/Appellant"): it
// gives the names and the role, or "" where the line does not end in a
// role alone. Text and PDF readers collapse the gap to one space, so a
// name in capitals before the role is read too. The left column alone,
// the role was lost and a Court of Appeal judgment had no parties and no
// case name.
func roleBeside(line string) (string, string) {
	m := roleBesideRe.FindStringSubmatch(line)
	if m == nil {
		return "", ""
	}
	names := strings.TrimSpace(m[1])
	if names == "" || captionStopRe.MatchString(names) || roleLabelRe.MatchString(names) || courtLineRe.MatchString(names) {
		return "", ""
	}
	if !columnGapRe.MatchString(line) && (strings.ToUpper(names) != names || strings.IndexFunc(names, unicode.IsLetter) < 0) {
		return "", "" // "The Claimant" in a sentence; a name in mixed case needs its column
	}
	role := captionRole(m[2])
	if m[3] != "" && !strings.HasPrefix(strings.ToLower(m[3]), "cross") {
		role = captionRole(m[3])
	}
	return names, role
}

// roleBesideRe is a caption line that ends in a role after a name.
var roleBesideRe = regexp.MustCompile(`(?i)^(.*?[^\s,])[ \t]+(plaintiffs?|defendants?|claimants?|appellants?|appellees?|respondents?|applicants?|petitioners?)(?:[ \t]*[-/][ \t]*(appellants?|appellees?|respondents?|petitioners?|cross-\w+))?[ \t]*[,.]?[ \t]*$`)

// etAlRe is the "et al." after a caption's first name on a side, which
// stands for the others.
var etAlRe = regexp.MustCompile(`(?i)[,\s]+et\.?[ \t]+al\.?[,;:\s]*$`)

// inlineCaptionRe is a caption run into one line, each side's names
// before its role: "JOHN DOE, et al., Plaintiffs, v. ACME CORP., et al.,
// Defendants." A flattened PDF or a docket's listing writes it so, and
// the role lines captionParties reads are not there.
var inlineCaptionRe = regexp.MustCompile(`(?i)^[ \t]*(.+?),[ \t]+(plaintiffs?|petitioners?|claimants?|appellants?|applicants?)(?:[ \t]*[-/][ \t]*(appell(?:ant|ee)s?|respondents?|petitioners?))?[ \t]*,?[ \t]+(?:v|vs|versus)\.?[ \t]+(.+?),[ \t]+(defendants?|respondents?|appellees?)(?:[ \t]*[-/][ \t]*(appell(?:ant|ee)s?|respondents?|petitioners?))?[ \t]*[.,;]?[ \t]*$`)

// inlineParties adds the parties of a caption run into one line
// (inlineCaptionRe), each side with the role its label names; on appeal
// the appellate role counts, as on a caption's role line.
func inlineParties(x *collector, line string, pos int) bool {
	m := inlineCaptionRe.FindStringSubmatchIndex(line)
	if m == nil {
		return false
	}
	for _, g := range [][3]int{{2, 4, 6}, {8, 10, 12}} {
		role := captionRole(line[m[g[1]]:m[g[1]+1]])
		if m[g[2]] >= 0 {
			role = captionRole(line[m[g[2]]:m[g[2]+1]])
		}
		addParties(x, line[m[g[0]]:m[g[0]+1]], role, pos+m[g[0]])
	}
	return true
}

// captionRole is the role a caption's label names, singular.
func captionRole(label string) string {
	l := strings.ToLower(label)
	for _, r := range []string{RolePlaintiff, RoleDefendant, RoleClaimant, RoleAppellant, RoleAppellee, RoleRespondent, RoleApplicant, RolePetitioner} {
		if strings.HasPrefix(l, r) {
			return r
		}
	}
	return l
}

// courtCitations adds the cases and statutes a filing cites: a case's
// name with its reporter or neutral citation ("Smith v. Jones, 123 F.3d
// 456 (9th Cir. 1999)", "Arnold v Britton [2015] UKSC 36"), a citation
// without a name, and a section of a named act ("s 52 of the Competition
// Act"). A case's value is its citation without its name; a case cited in
// parallel ("Smith v Jones [2019] HCA 5; (2019) 265 CLR 1") is one row
// valued with both citations. It returns the spans cited, which the other
// citation rules leave alone.
//
// own holds the caption's citations by where they start (captionCitations):
// the filing's own, which is no authority it cites, and the decision it
// appeals from, cited with that role.
func courtCitations(x *collector, text string, own map[int]string) [][2]int {
	var taken [][2]int
	for _, c := range parallelCases(caseCitations(text), text) {
		taken = append(taken, [2]int{c.cite, c.end})
		role, ok := own[c.cite]
		if ok && role == RoleNeutralCitation {
			continue
		}
		x.addRole(KindCitation, text[c.name:c.end], spaceRe.ReplaceAllString(text[c.cite:c.end], " "), role, c.name)
	}
	for _, m := range statuteSectionRe.FindAllStringIndex(text, -1) {
		taken = append(taken, [2]int{m[0], m[1]})
		c := text[m[0]:m[1]]
		x.add(KindCitation, c, spaceRe.ReplaceAllString(c, " "), m[0])
	}
	return namedActs(x, text, taken)
}

// namedActs adds the acts text names alone, outside the spans cited
// already ("the Human Rights Act 1998", "Corporations Act 2001 (Cth)"),
// valued by the act's name as written, and returns taken with them.
func namedActs(x *collector, text string, taken [][2]int) [][2]int {
	for _, m := range namedActRe.FindAllStringIndex(text, -1) {
		lead := actLeadRe.FindString(text[m[0]:m[1]])
		start := m[0] + len(lead)
		name := text[start:m[1]]
		if strings.HasPrefix(name, "Act") || overlaps(taken, start, m[1]) {
			continue // "This Act", "The Act": no name; or a section of it, cited already
		}
		taken = append(taken, [2]int{start, m[1]})
		x.add(KindCitation, name, spaceRe.ReplaceAllString(name, " "), start)
	}
	return taken
}

// overlaps reports a span of spans that [start, end) overlaps.
func overlaps(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && s[0] < end {
			return true
		}
	}
	return false
}

// caseCite is a case citation's span: name is where its case name starts
// (cite when it has none), cite where the citation itself starts.
type caseCite struct{ name, cite, end int }

// caseCitations finds text's reporter and neutral citations in order,
// each with the case name before it.
func caseCitations(text string) []caseCite {
	var out []caseCite
	for _, m := range append(usReporterCites(text), neutralCitationRe.FindAllStringIndex(text, -1)...) {
		out = append(out, caseCite{name: caseNameStart(text, m[0]), cite: m[0], end: m[1]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].cite < out[j].cite })
	return out
}

// pinRe is a US citation's pin cite after its first page (", 570").
var pinRe = regexp.MustCompile(`,[ \t]*\d{1,5}(?:[-–]\d{1,5})?(?:[ \t]+\([^()\n]{0,40}?\d{4}\))?$`)

// usReporterCites finds text's US reporter citations. A number after the
// first page that starts another report ("550 U.S. 544, 127 S. Ct. 1955")
// is no pin cite: that citation ends before it, and the next starts there.
func usReporterCites(text string) [][]int {
	var out [][]int
	for off := 0; off < len(text); {
		m := usReporterRe.FindStringIndex(text[off:])
		if m == nil {
			break
		}
		start, end := off+m[0], off+m[1]
		if p := pinRe.FindStringIndex(text[start:end]); p != nil {
			next := start + p[0] + 1
			next += len(text[next:]) - len(strings.TrimLeft(text[next:], " \t"))
			if n := usReporterRe.FindStringIndex(text[next:]); n != nil && n[0] == 0 {
				end = start + p[0]
			}
		}
		if !monthAbbrRe.MatchString(text[start:end]) { // "12 Jan. 2020" is a date
			out = append(out, []int{start, end})
		}
		off = end
	}
	return out
}

// parallelGapRe is what stands between a case's parallel citations: a
// semicolon or a comma.
var parallelGapRe = regexp.MustCompile(`^[ \t]*[;,][ \t]*\n?[ \t]*$`)

// parallelCases joins a nameless citation to the named case cited just
// before it ("Arnold v Britton [2015] UKSC 36; [2015] AC 1619"): it is the
// same case in another report, which a register wants on the case's row.
func parallelCases(cs []caseCite, text string) []caseCite {
	var out []caseCite
	for _, c := range cs {
		if n := len(out); n > 0 && c.name == c.cite && out[n-1].name < out[n-1].cite && out[n-1].end <= c.cite && parallelGapRe.MatchString(text[out[n-1].end:c.cite]) {
			out[n-1].end = c.end
			continue
		}
		out = append(out, c)
	}
	return out
}

// wrapLine is the shortest line taken for a line of prose that wrapped,
// whose end may start a case name the next line's citation ends; a
// heading above a citation is shorter.
const wrapLine = 50

// caseNameStart is where the case name before the citation at start
// begins ("Smith v Jones " before "[2019] HCA 5"), or start when there is
// none. The name may begin on the line before, when that line is wrapped
// prose ("... and Wood v Capita Insurance Services Ltd\n[2017] UKSC 24").
func caseNameStart(text string, start int) int {
	from := strings.LastIndexByte(text[:start], '\n') + 1
	if from >= 2 && text[from-2] != '\n' {
		if prev := strings.LastIndexByte(text[:from-1], '\n') + 1; from-1-prev >= wrapLine {
			from = prev
		}
	}
	before := sentenceTail(strings.ReplaceAll(text[max(from, start-160):start], "\n", " "))
	n := caseNameRe.FindStringSubmatchIndex(before)
	if n == nil {
		return start
	}
	name := signalRe.ReplaceAllString(before[n[2]:n[3]], "")
	return start - len(before) + n[3] - len(name)
}

// monthAbbrRe is an abbreviated month after a day, which the reporter
// pattern would read as a reporter's name.
var monthAbbrRe = regexp.MustCompile(`^\d{1,2}[ \t]+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.`)

// stopRe is a full stop and the space after it, with the word before.
var stopRe = regexp.MustCompile(`([\w'’]+)\.\s+`)

// nameAbbrevs end with a stop within a case name ("Ford Motor Co. v.").
var nameAbbrevs = map[string]bool{"Co": true, "Corp": true, "Inc": true, "Ltd": true, "Bros": true, "Mfg": true,
	"Dept": true, "Univ": true, "St": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "No": true, "S": true,
	"v": true, "U": true, "Nat'l": true, "Int'l": true, "Ass'n": true, "Sys": true, "Servs": true, "Ins": true,
	// a company form before another: "Alice Corp. Pty. Ltd. v. CLS Bank"
	"Pty": true, "Pvt": true, "Pte": true, "Sdn": true}

// sentenceTail is what follows the last sentence's end in s: "Beta. See
// Robinson Helicopter Co. v. Dana Corp., " is "See Robinson Helicopter
// Co. v. Dana Corp., ", whose name the earlier sentence does not start.
func sentenceTail(s string) string {
	cut := 0
	for _, m := range stopRe.FindAllStringSubmatchIndex(s, -1) {
		if !nameAbbrevs[s[m[2]:m[3]]] {
			cut = m[1]
		}
	}
	return s[cut:]
}

// columnGapRe is the gap between a two-column caption's columns: the
// parties on the left, the case number and the title on the right.
var columnGapRe = regexp.MustCompile(`[ \t]{3,}|\t`)

// leftColumn is a caption line's left column. A label's column
// ("Claimant:") keeps the value set beside it, as a tribunal's heading
// aligns its names ("Claimant:    Mr J Rowe"): cut at the gap, the
// label named no party.
func leftColumn(line string) string {
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	loc := columnGapRe.FindStringIndex(line[indent:])
	if loc == nil {
		return line
	}
	left := line[:indent+loc[0]]
	if strings.HasSuffix(left, ":") {
		return left + " " + leftColumn(line[indent+loc[1]:])
	}
	return left
}

var (
	// descriptorRe is what a US caption says of a party after its name:
	// ", an individual", ", a Delaware corporation", and in a class or
	// representative action ", individually and on behalf of all others
	// similarly situated", ", derivatively on behalf of", ", as trustee".
	descriptorRe = regexp.MustCompile(`(?i),[ \t]+(?:(?:an?|the)[ \t]+[^,;]*|(?:individually|derivatively|on[ \t]+behalf|as[ \t]+(?:trustee|executor|executrix|administrator|guardian|personal[ \t]+representative|next[ \t]+friend))\b[^;]*)$`)
	// fictitiousRe is a California caption's unnamed defendants.
	fictitiousRe = regexp.MustCompile(`^(?i:DOES|ROES)\b`)
)

// titleBeside reports a role line that a two-column caption's right
// column joined when the text was flattened ("Plaintiff, COMPLAINT FOR
// DAMAGES"): the label ends with a comma and capitals follow it, where
// a sentence ("Plaintiff, a company, alleges") goes on in lower case.
func titleBeside(line, rest string) bool {
	before := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), rest))
	return strings.HasSuffix(before, ",") && strings.ToUpper(rest) == rest && strings.ContainsAny(rest, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// Kinds of court filing, as FilingKind names them.
const (
	FilingJudgment  = "judgment"
	FilingOrder     = "order"
	FilingComplaint = "complaint"
	FilingMotion    = "motion"
	FilingPetition  = "petition"
	FilingOther     = "court filing"
)

var (
	// judgmentMarkRe is what only a judgment's opening says: its own
	// heading line ("JUDGMENT", "REASONS FOR JUDGMENT", "FINAL
	// JUDGMENT"), a US court's reasoned decision, which a register files
	// with judgments whatever order it ends with ("OPINION AND ORDER",
	// "MEMORANDUM OPINION & ORDER GRANTING ...", "MEMORANDUM AND ORDER",
	// "DECISION AND ORDER", "FINDINGS OF FACT AND CONCLUSIONS OF LAW"),
	// "Approved Judgment", or the line that dates or signs it ("Date of
	// judgment:", "Judgment of:"). An order "GRANTING SUMMARY JUDGMENT"
	// names a judgment without being one: its heading opens with ORDER.
	judgmentMarkRe = regexp.MustCompile(`(?m)^[ \t]*(?:(?:(?:REASONS[ \t]+FOR|FINAL|AMENDED[ \t]+FINAL|AMENDED|DEFAULT|CONSENT)[ \t]+)?(?:JUDGMENT|JUDGEMENT)|(?:MEMORANDUM[ \t]+)?(?:OPINION|DECISION)(?:[ \t]+(?:AND|&)[ \t]+ORDERS?)?|MEMORANDUM[ \t]+(?:AND|&)[ \t]+ORDERS?|FINDINGS[ \t]+OF[ \t]+FACT[ \t]+AND[ \t]+CONCLUSIONS[ \t]+OF[ \t]+LAW)(?:[ \t]+[A-Z0-9'’.,&()/-]+)*[ \t]*$|(?i:\bApproved[ \t]+Judgment\b|^[ \t]*(?:Date[ \t]+of[ \t]+judgment|Judgment[ \t]+of|Judgment[ \t]+delivered|Reasons[ \t]+for[ \t]+judgment)\b)`)
	// filingTitleRe is a filing's title word as its heading writes it, in
	// capitals: the first one names the filing ("ORDER GRANTING
	// DEFENDANT'S MOTION" is an order; "NOTICE OF MOTION" a motion).
	filingTitleRe = regexp.MustCompile(`\b(ORDERS?|COMPLAINT|MOTION|PETITION)\b`)
)

// FilingKind names a court filing's kind from its opening: a judgment,
// an order, a complaint, a motion, a petition, or FilingOther when the
// heading says none of them. It is meant for a text CourtFiling accepts.
func FilingKind(text string) string {
	head := lang.Clip(text, captionBytes)
	if judgmentMarkRe.MatchString(head) {
		return FilingJudgment
	}
	m := filingTitleRe.FindStringSubmatch(head)
	if m == nil {
		return FilingOther
	}
	switch m[1] {
	case "ORDER", "ORDERS":
		return FilingOrder
	case "COMPLAINT":
		return FilingComplaint
	case "MOTION":
		return FilingMotion
	}
	return FilingPetition
}

var (
	// benchLabelRe is the caption's line that names the bench: "Before:
	// Lord Justice Smith", "Before :" over the name, "JUDGE: Kiefel CJ",
	// "Judgment of: O'BRYAN J", "ORDER MADE BY: JACKMAN J", "Coram: ...". "Before the Court is" has
	// no colon and names none.
	benchLabelRe = regexp.MustCompile(`(?m)^[ \t]*(?:Before|BEFORE|Judges?|JUDGES?|Judge\(s\)|JUDGE\(S\)|Judgment[ \t]+of|JUDGMENT[ \t]+OF|Coram|CORAM|(?:Assigned|Referred)[ \t]+to|(?i:orders?[ \t]+made[ \t]+by))[ \t]*:[ \t]*(.*?)[ \t]*$`)
	// benchHeadingRe is the bench as a heading of its own: "BEFORE THE
	// HONOURABLE MRS JUSTICE COCKERILL".
	benchHeadingRe = regexp.MustCompile(`(?m)^[ \t]*BEFORE[ \t]+(THE[ \t]+HONOU?RABLE[ \t].{3,80}?)[ \t]*$`)
	// honourableRe is a judge's name by the signature or in a caption:
	// "Hon. Jane Roe, United States District Judge", or "Hon. Jane Roe"
	// over a line that says "Judge" or "Justice".
	honourableRe = regexp.MustCompile(`(?m)^[ \t]*((?:The[ \t]+|THE[ \t]+)?(?:Hon\.|HON\.|Honou?rable|HONOU?RABLE)[ \t]+[A-Z][\pL.'’ -]{2,60}?)[ \t]*(?:,[ \t]*(.*?))?[ \t]*$`)
	// judgeTitleRe is the title under or beside a judge's name.
	judgeTitleRe = regexp.MustCompile(`\b(?:Judge|JUDGE|Justice|JUSTICE|Magistrate|MAGISTRATE)\b`)
	// signedJudgeRe is a signature's name over its title without "Hon.":
	// "Jacqueline Scott Corley" over "United States District Judge".
	signedJudgeRe = regexp.MustCompile(`(?m)^[ \t]*([A-Z][\pL.'’-]+(?:[ \t]+[A-Z][\pL.'’-]+){1,4})[ \t]*\n[ \t]*(?:(?:UNITED[ \t]+STATES|United[ \t]+States)[ \t]+)?(?:Chief[ \t]+|CHIEF[ \t]+|Senior[ \t]+|SENIOR[ \t]+)?(?:District|DISTRICT|Magistrate|MAGISTRATE|Bankruptcy|BANKRUPTCY|Circuit|CIRCUIT)[ \t]+(?:Judge|JUDGE)[ \t]*$`)
)

// judges adds the judges a filing names: the bench its caption says it is
// before, and the judge who signs it.
func judges(x *collector, head, text string) {
	for _, m := range benchLabelRe.FindAllStringSubmatchIndex(head, -1) {
		if m[2] == m[3] {
			// "Before :" over the bench, a judge a line: the Court of
			// Appeal's three, of whom only the first was found
			benchLines(x, head, m[1])
			continue
		}
		addBench(x, head[m[2]:m[3]], m[2])
	}
	if m := bareBeforeRe.FindStringIndex(head); m != nil {
		benchLines(x, head, m[1])
	}
	for _, m := range benchHeadingRe.FindAllStringSubmatchIndex(head, -1) {
		addJudge(x, head[m[2]:m[3]], m[2])
	}
	for _, m := range honourableRe.FindAllStringSubmatchIndex(text, -1) {
		title := ""
		if m[4] >= 0 {
			title = text[m[4]:m[5]]
		} else if at, end := nextLine(text, m[1]); at < end && end-at < 80 {
			title = text[at:end]
		}
		if judgeTitleRe.MatchString(title) || judgeTitleRe.MatchString(text[m[2]:m[3]]) {
			addJudge(x, text[m[2]:m[3]], m[2])
		}
	}
	for _, re := range []*regexp.Regexp{signedJudgeRe, judgeOpensRe} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			addJudge(x, text[m[2]:m[3]], m[2])
		}
	}
}

var (
	// judgeOpensRe is an opinion's first line, the judge who writes it:
	// "JANE ROE, United States District Judge:".
	judgeOpensRe = regexp.MustCompile(`(?m)^[ \t]*([A-Z][\pL.'’-]+(?:[ \t]+[A-Z][\pL.'’-]+){1,4}),[ \t]+(?:(?:United[ \t]+States|UNITED[ \t]+STATES|U\.S\.)[ \t]+)?(?:Chief[ \t]+|CHIEF[ \t]+|Senior[ \t]+|SENIOR[ \t]+)?(?:District|DISTRICT|Magistrate|MAGISTRATE|Bankruptcy|BANKRUPTCY|Circuit|CIRCUIT)[ \t]+(?:Judge|JUDGE)[ \t]*[:.]?[ \t]*$`)
	// honorificRe is the style before a judge's name, which the name is
	// found without: the caption's "Hon. Jane Roe" is the opinion's "JANE
	// ROE, United States District Judge", one judge.
	honorificRe = regexp.MustCompile(`^(?:(?:The|THE)[ \t]+)?(?:Hon\.|HON\.|Honou?rable|HONOU?RABLE)[ \t]+`)
)

// bareBeforeRe is "before" alone on its line, the bench named on the
// lines under it, one judge a line, as the UK Supreme Court heads its
// judgments.
var bareBeforeRe = regexp.MustCompile(`(?im)^[ \t]*before[ \t]*$`)

// benchLines adds the judges named a line each from pos, up to the first
// blank line after them.
func benchLines(x *collector, head string, pos int) {
	for range 9 {
		at, end := nextLine(head, pos)
		if at == end || strings.Count(head[pos:at], "\n") > 2 || end-at > 80 {
			return
		}
		addBench(x, head[at:end], at)
		pos = end
		if strings.HasPrefix(head[end:], "\n\n") || strings.HasPrefix(head[end:], "\r\n\r\n") {
			return
		}
	}
}

// representativeRe names a party's lawyers signing for it: "Harrow &
// Vale LLP, Solicitors for the Claimant", "Attorneys for Plaintiff".
// The "Dated:" under them dates their signature: a consent order's first
// signature was its date of judgment.
var representativeRe = regexp.MustCompile(`(?i)\b(?:solicitors?|attorneys?|counsel|barristers?|lawyers?)[ \t]+for[ \t]+(?:the[ \t]+)?(?:claimant|defendant|plaintiff|applicant|respondent|appellant|petitioner)s?\b`)

// lineBefore is the last non-blank line that ends before pos.
func lineBefore(s string, pos int) string {
	s = s[:pos]
	for s != "" {
		i := strings.LastIndexByte(strings.TrimRight(s, "\n"), '\n')
		if l := strings.TrimSpace(s[i+1:]); l != "" {
			return l
		}
		if i < 0 {
			break
		}
		s = s[:i]
	}
	return ""
}

// nextLine is the span of the first non-blank line after pos, within
// three lines.
func nextLine(s string, pos int) (int, int) {
	for range 3 {
		if pos >= len(s) {
			break
		}
		if s[pos] == '\n' {
			pos++
		}
		end := strings.IndexByte(s[pos:], '\n')
		if end < 0 {
			end = len(s) - pos
		}
		if l := strings.TrimSpace(s[pos : pos+end]); l != "" {
			at := pos + strings.Index(s[pos:pos+end], l)
			return at, at + len(l)
		}
		pos += end
	}
	return pos, pos
}

// benchSplitRe parts the judges of a bench named on one line: "Lord
// Reed, Lord Hodge, Lady Black", "Lord Justice Smith and Lady Justice
// Jones".
var benchSplitRe = regexp.MustCompile(`[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+`)

// benchTitleRe is a part of a bench's line that only says what the judge
// before it is ("Lord Reed, President", "MR JUSTICE SMITH, JUDGE IN
// CHARGE OF THE COMMERCIAL COURT", "Kiefel, Chief Justice").
var benchTitleRe = regexp.MustCompile(`^(?i:(?:Deputy|Vice)[ \t-]*)?(?i:President|Presiding(?:[ \t]+Judge)?|Chief[ \t]+Justice|Chancellor|Judge[ \t]+in[ \t]+Charge|Senior[ \t]+Presiding[ \t]+Judge)(?i:[ \t]+of[ \t]+.+)?$`)

// addBench adds each judge of a bench's line as a row of its own: a
// register counts and files by judge, and the whole bench was one. A
// part after a name that only gives the judge's office is no judge; a
// line that opens with an office ("The Chancellor of the High Court")
// names its judge so.
func addBench(x *collector, line string, pos int) {
	start := 0
	for _, sep := range append(benchSplitRe.FindAllStringIndex(line, -1), []int{len(line), len(line)}) {
		part := line[start:sep[0]]
		if start == 0 || !benchTitleRe.MatchString(strings.TrimSpace(part)) {
			addJudge(x, part, pos+start)
		}
		start = sep[1]
	}
}

// addJudge adds a judge's name as written, without its honorific ("Hon.",
// "The Honourable"); a line that begins the caption's parties ("Between:")
// names none.
func addJudge(x *collector, name string, pos int) {
	name = strings.Trim(strings.TrimSpace(name), ",;:")
	if h := honorificRe.FindString(name); h != "" {
		name, pos = name[len(h):], pos+len(h)
	}
	if len(name) < 3 || len(name) > 120 || !strings.ContainsAny(name[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") || captionStopRe.MatchString(name) {
		return
	}
	x.add(KindJudge, name, name, pos)
}

// CaptionEnd is where a court filing's caption ends: after the last line
// of its head that is a role line ("Plaintiff,", "Respondent: ACME PTY
// LTD") or the case number's. Its body, what a summary reads, starts
// there; 0 when the head has neither.
func CaptionEnd(text string) int {
	head := lang.Clip(text, captionBytes)
	end, pos := 0, 0
	for _, line := range strings.SplitAfter(head, "\n") {
		pos += len(line)
		l := strings.TrimRight(line, "\n")
		if end > 0 && proseLine(l) {
			// the body has begun: a record cite in it ("terminate the
			// motion at Dkt. No. 27.") is no caption's, and the summary
			// read only what came after it (a footnote)
			break
		}
		if m := roleLabelRe.FindStringSubmatch(leftColumn(l)); m != nil && (m[3] == "" || titleBeside(l, m[3]) || strings.HasPrefix(strings.TrimSpace(l), m[1]+":")) {
			end = pos
		} else if caseNumberRe.MatchString(l) || end > 0 && (appearanceRe.MatchString(l) || hearingLineRe.MatchString(l)) {
			// an English judgment's appearances and hearing dates
			// under its parties are its caption too: its summary
			// opened with "Mr Simon Rainey KC and Ms Jane Doe
			// (instructed by ...) for the Appellant"
			end = pos
		}
	}
	return end
}

// proseWords is the fewest words of a line of the body's prose.
const proseWords = 10

// proseLine reports a line of running prose: ten words or more, most of
// them in lower case. A caption's lines are names in capitals, roles and
// numbers; an English judgment's appearances ("Mr A KC (instructed by
// Smith LLP) for the Claimant") are mostly names.
func proseLine(line string) bool {
	words := strings.Fields(line)
	if len(words) < proseWords {
		return false
	}
	lower := 0
	for _, w := range words {
		if r := w[0]; r >= 'a' && r <= 'z' {
			lower++
		}
	}
	return 2*lower > len(words)
}

var (
	// appearanceRe is an English judgment's line of appearances: "Ms A
	// Barrister KC and Mr B Junior (instructed by Smith LLP) for the
	// Claimant".
	appearanceRe = regexp.MustCompile(`(?m)^[ \t]*([A-Z][^()\n]{2,160}?)[ \t]*(?:\(instructed[ \t]+by[^()\n]*\)[ \t]*)?for[ \t]+the[ \t]+((?i:claimants?|defendants?|appellants?|respondents?|applicants?|petitioners?|interveners?|plaintiffs?))\b[^\n]{0,40}$`)
	// attorneysForRe is a US signature block's line that says whom its
	// lawyers act for: "Attorneys for Plaintiff".
	attorneysForRe = regexp.MustCompile(`(?m)^[ \t]*(?:Attorneys?|Counsel)[ \t]+for[ \t]+((?i:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|claimants?))\b`)
	// slashSignedRe is the lawyer's own line above it: "By: /s/ John Smith",
	// "/s/ John Smith".
	slashSignedRe = regexp.MustCompile(`(?m)^[ \t]*(?:By:?[ \t]*)?/s/[ \t]*([A-Z][\pL.'’ -]{2,60}?)[ \t]*$`)
	// counselSplitRe parts the advocates of one appearance.
	counselSplitRe = regexp.MustCompile(`[ \t]*,[ \t]*|[ \t]+(?:and|&|with)[ \t]+`)
)

// counsel adds the advocates a filing names for its parties: an English
// judgment's appearances under its caption, and the lawyer who signs a US
// pleading for a party. A register asks who acted for whom; the role is
// the party's.
func counsel(x *collector, head, text string) {
	for _, m := range appearanceRe.FindAllStringSubmatchIndex(head, -1) {
		addCounsel(x, head, m[2], m[3], captionRole(head[m[4]:m[5]]))
	}
	for _, m := range counselLabelRe.FindAllStringSubmatchIndex(head, -1) {
		addLabelledCounsel(x, head, m[4], m[5], captionRole(head[m[2]:m[3]]))
	}
	for _, m := range attorneysForRe.FindAllStringSubmatchIndex(text, -1) {
		above := text[max(0, m[0]-400):m[0]]
		if ms := slashSignedRe.FindAllStringSubmatchIndex(above, -1); len(ms) > 0 {
			last := ms[len(ms)-1]
			// the lines between, a Word document's paragraphs a blank
			// line apart ("/s/ Laura M. Chen", her bar number, the firm)
			if filledLines(above[last[1]:]) <= maxSignatureLines {
				at := m[0] - len(above) + last[2]
				name := text[at : at+last[3]-last[2]]
				x.addRole(KindCounsel, name, name, captionRole(text[m[2]:m[3]]), at)
			}
		}
	}
}

// counselLabelRe is an Australian judgment's cover line that names
// counsel after a label: "Counsel for the Applicant: Ms S Chen SC with
// Mr T Nguyen", the label and names in a table's two cells or not.
var counselLabelRe = regexp.MustCompile(`(?m)^[ \t]*(?:Counsel|Attorneys?)[ \t]+for[ \t]+(?:the[ \t]+)?((?i:claimants?|defendants?|appellants?|respondents?|applicants?|petitioners?|interveners?|plaintiffs?))[ \t]*:[ \t|]*([^\n]*?)[ \t]*$`)

// addCounsel adds each advocate named in text[start:end] ("Mr Philip Jones
// KC and Ms Ruth Allen", "Ms S Chen SC with Mr T Nguyen") as counsel for
// role.
func addCounsel(x *collector, text string, start, end int, role string) {
	at := start
	for _, sep := range append(counselSplitRe.FindAllStringIndex(text[start:end], -1), []int{end - start, end - start}) {
		name := strings.TrimSpace(text[at : start+sep[0]])
		if advocateRe.MatchString(name) {
			x.addRole(KindCounsel, name, name, role, at)
		}
		at = start + sep[1]
	}
}

// addLabelledCounsel adds the advocates a "Counsel for the Plaintiff:"
// line names. The label says they are counsel, so a name needs no title
// ("Jane Roe, Roe LLP"); a firm after it ("Roe LLP") is none.
func addLabelledCounsel(x *collector, text string, start, end int, role string) {
	at := start
	for _, sep := range append(counselSplitRe.FindAllStringIndex(text[start:end], -1), []int{end - start, end - start}) {
		name := strings.TrimSpace(text[at : start+sep[0]])
		if advocateRe.MatchString(name) || personNameRe.MatchString(name) && !firmRe.MatchString(name) {
			x.addRole(KindCounsel, name, name, role, at)
		}
		at = start + sep[1]
	}
}

var (
	// personNameRe is a person's name without a title: two to four
	// capitalised words, initials among them ("Jane Roe", "J. Paul Smith").
	personNameRe = regexp.MustCompile(`^[A-Z][\pL'’-]*\.?(?:[ \t]+[A-Z][\pL'’-]*\.?){1,3}$`)
	// firmRe is a law firm's or an office's name, which a counsel's line
	// gives after the advocate: "Roe LLP", "Smith Law Group".
	firmRe = regexp.MustCompile(`\b(?:LLP|LLC|L\.L\.P\.|P\.?C\.|PLLC|Ltd|Limited|Inc|Solicitors|Chambers|Law|Group|Partners|Associates|Office|Firm|Attorneys?|Counsel)\b`)
)

// maxSignatureLines bounds the lines between an attorney's "/s/" and the
// "Attorneys for" under it: a bar number, a firm, its address.
const maxSignatureLines = 3

// filledLines counts the lines of s that hold any text.
func filledLines(s string) int {
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return n
}

// advocateRe is an advocate's name as an appearance gives it: a title
// ("Mr", "Ms", "Dr") or a rank after it ("KC", "QC", "SC"), or "in person"
// for a party who appears without one.
var advocateRe = regexp.MustCompile(`^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Professor|Prof)\.?[ \t]+[A-Z]|[A-Z].*[ \t](?:KC|QC|SC|SC\.)$)`)
