package entities

import (
	"regexp"
	"strings"

	"github.com/docmill/docmill/lang"
)

// A Chinese court's judgment or ruling (民事判决书, 行政裁定书) heads itself
// with the court's name on a line of its own, the document's kind and
// its case number ("（2023）京0105民初12345号"); its parties are labelled by
// role ("原告：", "被上诉人（原审被告）："), its bench signs at the foot
// ("审判长　刘洋") over the date in Chinese numerals. None of it matched
// the English caption's rules: such a judgment was no court filing, and
// its court, case number, parties, bench and date were all missing.

var (
	// zhCourtLineRe is the court's name alone on its line.
	zhCourtLineRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(\p{Han}{2,24}(?:人民法院|法院|法庭))[ \t\x{3000}]*$`)
	// zhCaseNumberRe is a case number: the year in brackets, the court's
	// code and the kind of case, its number ("（2023）京0105民初12345号").
	zhCaseNumberRe = regexp.MustCompile(`[（(]\s*(?:19|20)\d{2}\s*[）)]\s*[\p{Han}\d]{1,16}?\d{1,7}\s*号`)
	// zhLitigantRe is a party's line: its role, what it was below in
	// brackets, then its name up to the first comma.
	zhLitigantRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(原告|被告|上诉人|被上诉人|申请人|被申请人|再审申请人|被申诉人|申诉人|第三人)(?:[（(][^）)\n]{1,16}[）)])?[ \t\x{3000}]*[：:][ \t\x{3000}]*([^，,。；;\n（(]{2,60})`)
	// zhBenchRe is a signature line at the judgment's foot: the office,
	// then the name. The bench (合议庭) is its presiding judge, its judges
	// and its people's assessors (人民陪审员), lay members who sit and
	// decide with them; the clerk (书记员) and the judge's assistant
	// (法官助理) sign under the date and are no judges.
	// Courts space an office's characters out to the width of the longest
	// ("审　判　长　林　涛"), its holder's name too.
	zhBenchRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(` + zhSpaced("审判长", "审判员", "代理审判员", "执行员", "人民陪审员", "陪审员", "书记员", "代理书记员", "法官助理") + `)[ \t\x{3000}]*(\p{Han}(?:[ \t\x{3000}]*\p{Han}){1,4})[ \t\x{3000}]*$`)
	// zhHearingRe is the sentence that says when the court heard the
	// case: "于2023年6月8日公开开庭进行了审理".
	zhHearingRe = regexp.MustCompile(`于([^，,。；;\n]{6,24}?)(?:公开|不公开)?开庭`)
)

// KindClerk is a court's clerk (书记员) or judge's assistant (法官助理),
// who signs a Chinese judgment under its bench: a register that lists
// the bench as its judges must not count them.
const KindClerk = "clerk"

// The roles a Chinese judgment's signature lines give its bench, so
// that a register tells the presiding judge and the lay members from
// the other judges.
const (
	RolePresidingJudge  = "presiding_judge"
	RolePeoplesAssessor = "peoples_assessor"
	RoleJudgeAssistant  = "judge_assistant"
)

// zhBenchRoles are the offices a signature line names, by kind and role.
var zhBenchRoles = map[string][2]string{
	"审判长": {KindJudge, RolePresidingJudge}, "审判员": {KindJudge, ""}, "代理审判员": {KindJudge, ""}, "执行员": {KindJudge, ""},
	"人民陪审员": {KindJudge, RolePeoplesAssessor}, "陪审员": {KindJudge, RolePeoplesAssessor},
	"书记员": {KindClerk, ""}, "代理书记员": {KindClerk, ""}, "法官助理": {KindClerk, RoleJudgeAssistant},
}

// zhPartyRoles are the roles a party's label names.
var zhPartyRoles = map[string]string{
	"原告": RolePlaintiff, "被告": RoleDefendant, "上诉人": RoleAppellant, "被上诉人": RoleAppellee,
	"申请人": RoleApplicant, "被申请人": RoleRespondent, "再审申请人": RoleApplicant, "申诉人": RoleApplicant,
	"被申诉人": RoleRespondent, "第三人": "third_party",
}

// zhCourtFiling reports a Chinese court's judgment or ruling: a court's
// name on a line of its own and a case number in its opening. A contract
// that names the court of a place for disputes ("提交甲方所在地人民法院")
// has neither line.
func zhCourtFiling(head string) bool {
	return zhCourtLineRe.MatchString(head) && zhCaseNumberRe.MatchString(head)
}

// zhCourtEntities adds a Chinese judgment's court, case number, parties
// with their roles, bench, hearing date and date of judgment.
func zhCourtEntities(x *collector, head, text string) {
	if !zhCourtFiling(head) {
		return
	}
	if m := zhCourtLineRe.FindStringSubmatchIndex(head); m != nil {
		x.add(KindCourt, head[m[2]:m[3]], head[m[2]:m[3]], m[2])
	}
	if m := zhCaseNumberRe.FindStringIndex(head); m != nil {
		n := head[m[0]:m[1]]
		x.add(KindCaseNumber, n, strings.Join(strings.Fields(n), ""), m[0])
	}
	for _, m := range zhLitigantRe.FindAllStringSubmatchIndex(head, -1) {
		name := strings.TrimSpace(head[m[4]:m[5]])
		x.addRole(KindParty, name, "", zhPartyRoles[head[m[2]:m[3]]], m[4])
	}
	zhCounsel(x, head)
	for _, m := range zhBenchRe.FindAllStringSubmatchIndex(text, -1) {
		office := zhBenchRoles[zhUnspaced(text[m[2]:m[3]])]
		name := zhUnspaced(text[m[4]:m[5]])
		x.addRole(office[0], name, name, office[1], m[4])
	}
	if m := zhHearingRe.FindStringSubmatchIndex(head); m != nil {
		if ds := findDates(head[m[2]:m[3]]); len(ds) == 1 {
			x.add(KindHearingDate, ds[0].text, ds[0].iso, m[2]+ds[0].start)
		}
	}
	zhJudgmentDate(x, text)
}

// zhJudgmentDate adds the date of a Chinese judgment: the last date on a
// line of its own, which the bench signs above and the clerk below.
func zhJudgmentDate(x *collector, text string) {
	var last *dateMatch
	for _, d := range findDates(text) {
		start := strings.LastIndexByte(text[:d.start], '\n') + 1
		end := len(text)
		if i := strings.IndexByte(text[d.end:], '\n'); i >= 0 {
			end = d.end + i
		}
		if strings.Trim(text[start:d.start]+text[d.end:end], " \t\u3000") == "" {
			last = &d
		}
	}
	if last != nil {
		x.add(KindJudgmentDate, last.text, last.iso, last.start)
	}
}

var (
	// zhReasonsRe opens a Chinese judgment's reasons ("本院认为，"), or,
	// where it gives none, the paragraph that holds its orders ("判决如下："),
	// or a mediation statement's agreement ("当事人自愿达成如下协议："), which
	// gives no reasons.
	zhReasonsRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*本院认为`)
	zhOrdersRe  = regexp.MustCompile(`(?m)^[^\n]*(?:(?:判决|裁定|决定|调解协议)如下|达成如下(?:调解)?协议|达成(?:调解)?协议如下)`)
	// zhDecisionEndRe is where what was decided ends: the notice of the
	// right to appeal, or the bench's signatures.
	zhDecisionEndRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(?:如不服|` + zhSpaced("审判长", "审判员", "代理审判员", "人民陪审员") + `)`)
)

// DecisionSpan is where a Chinese judgment or ruling says what the court
// decided and why: from its reasons ("本院认为") or its orders ("判决如下")
// to the notice of appeal or the bench under them. start == end when
// text is no such judgment, or says neither. The caption (court, kind,
// case number, parties) and the procedural history before the reasons
// are what every judgment of a court says; a summary that opened with
// them said nothing of the case's outcome.
func DecisionSpan(text string) (start, end int) {
	if !zhCourtFiling(lang.Clip(text, captionBytes)) {
		return 0, 0
	}
	m := zhReasonsRe.FindStringIndex(text)
	if m == nil {
		if m = zhOrdersRe.FindStringIndex(text); m == nil {
			return 0, 0
		}
	}
	start, end = m[0], len(text)
	if e := zhDecisionEndRe.FindStringIndex(text[start:]); e != nil {
		end = start + e[0]
	}
	return start, end
}

var (
	// zhHeadingRe is a judgment's own heading line, the case and the
	// kind of document: "张三与李四买卖合同纠纷一审民事判决书".
	zhHeadingRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*(\p{Han}[^\n]{1,80}?(?:与|诉)[^\n]{1,80}?(?:判决书|裁定书|调解书|决定书))[ \t\x{3000}]*$`)
	// zhKindLineRe is the kind of document alone on its line, its
	// characters often spaced out: "民 事 判 决 书".
	zhKindLineRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*((?:\p{Han}[ \t\x{3000}]*){2,8}书)[ \t\x{3000}]*$`)
	// zhCauseRe is the opening sentence that names both sides and the
	// cause of action: "原告张三与被告李四买卖合同纠纷一案".
	zhCauseRe = regexp.MustCompile(`(?:原告|上诉人|再审申请人|申请人|申诉人)(?:[（(][^）)\n]{1,16}[）)])?([^，,。；;\n（(]{2,40}?)因?(?:与|诉)(?:被告|被上诉人|被申请人|被申诉人)?(?:[（(][^）)\n]{1,16}[）)])?([^，,。；;\n（(]{2,40}?)(\p{Han}{2,20}?(?:纠纷|案件))一案`)
	// zhInstanceRe is the case number's kind of case, which tells the
	// instance: "民初" is a first, "民终" a second.
	zhInstanceRe = regexp.MustCompile(`[（(]\s*(?:19|20)\d{2}\s*[）)][\p{Han}\d]*?(初|终|再)`)
)

// zhInstances name the instance a case number's kind of case tells.
var zhInstances = map[string]string{"初": "一审", "终": "二审", "再": "再审"}

// zhCaseName is a Chinese judgment's title as its register lists it: its
// own heading line when it has one, else its parties and cause of action
// with its instance and kind ("张三与李四买卖合同纠纷一审民事判决书"); ""
// when it names neither. The court's name, its first line, titled every
// judgment of that court alike.
func zhCaseName(head string) string {
	if m := zhHeadingRe.FindStringSubmatch(head); m != nil {
		return m[1]
	}
	kind := ""
	if m := zhKindLineRe.FindStringSubmatch(head); m != nil {
		kind = strings.Join(strings.Fields(strings.ReplaceAll(m[1], "\u3000", " ")), "")
	}
	if m := zhInstanceRe.FindStringSubmatch(head); m != nil && kind != "" && !strings.Contains(kind, "审") {
		kind = zhInstances[m[1]] + kind
	}
	if m := zhCauseRe.FindStringSubmatch(head); m != nil {
		return strings.TrimSpace(m[1]) + "与" + strings.TrimSpace(m[2]) + m[3] + kind
	}
	var first, second string
	for _, m := range zhLitigantRe.FindAllStringSubmatch(head, -1) {
		switch role := zhPartyRoles[m[1]]; {
		case first == "" && firstSide(role):
			first = strings.TrimSpace(m[2])
		case second == "" && role != "" && role != "third_party" && !firstSide(role):
			second = strings.TrimSpace(m[2])
		}
	}
	if first == "" || second == "" {
		return ""
	}
	return first + "与" + second + kind
}

// zhSpaced is a pattern that matches any of words with spaces, ASCII or
// ideographic, between their characters.
func zhSpaced(words ...string) string {
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = strings.Join(strings.Split(w, ""), `[ \t\x{3000}]*`)
	}
	return strings.Join(alts, "|")
}

// zhUnspaced is s without its spaces: "林　涛" is "林涛".
func zhUnspaced(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }), "")
}

// zhAgentRe is a party's agent's line under the party's ("委托诉讼代理人：
// 王五，北京市某某律师事务所律师。"): the names up to the first comma. A
// legal representative (法定代表人) is the company's officer, no counsel.
var zhAgentRe = regexp.MustCompile(`^[ \t\x{3000}]*(?:委托诉讼代理人|委托代理人|诉讼代理人|指定代理人)[ \t\x{3000}]*[：:][ \t\x{3000}]*([^，,。；;\n（(]{2,40})`)

// zhCounsel adds each party's agents ad litem as counsel for the party
// whose line they are under. The register's counsel column was empty for
// every Chinese judgment.
func zhCounsel(x *collector, head string) {
	role, pos := "", 0
	for line := range strings.SplitAfterSeq(head, "\n") {
		if m := zhLitigantRe.FindStringSubmatch(line); m != nil {
			role = zhPartyRoles[m[1]]
		} else if m := zhAgentRe.FindStringSubmatchIndex(line); m != nil && role != "" {
			at := pos + m[2]
			for name := range strings.SplitSeq(line[m[2]:m[3]], "、") {
				if name = strings.TrimSpace(name); name != "" {
					x.addRole(KindCounsel, name, name, role, at)
				}
				at += len(name) + len("、")
			}
		}
		pos += len(line)
	}
}
