package classify

import (
	"regexp"
	"strings"
	"unicode"
)

// The training corpus has no Chinese contracts or regulations (its Chinese
// text is all scientific abstracts, labelled other), so the model cannot
// recognise them. Until such data exists, a rule layer catches the
// unmistakable cases: a contract names 甲方 and 乙方 and calls itself a
// 合同/协议; a regulation numbers its articles (第N条, at least twice) and
// refers to itself as 本法/本条例/本规定/本办法/本细则. Neither rule fires on
// any of the 2,000 CSL abstracts.
var (
	zhArticle    = regexp.MustCompile(`第[一二三四五六七八九十百零〇0-9]+条`)
	zhSelfRef    = regexp.MustCompile(`本(法|条例|规定|办法|细则)`)
	zhAgreement  = regexp.MustCompile(`合同|协议`)
	zhRuleConfid = 0.8 // a fixed confidence: the rules are not calibrated
)

// chineseLegal returns "contract" or "regulation" when text is Chinese and
// one of the rules above matches, else "".
func chineseLegal(text string) string {
	text = head(text, maxWordBytes)
	if !mostlyHan(text) {
		return ""
	}
	switch {
	case strings.Contains(text, "甲方") && strings.Contains(text, "乙方") && zhAgreement.MatchString(text):
		return "contract"
	case len(zhArticle.FindAllStringIndex(text, 3)) >= 2 && zhSelfRef.MatchString(text):
		return "regulation"
	}
	return ""
}

func mostlyHan(s string) bool {
	var han, letters int
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		} else if unicode.IsLetter(r) {
			letters++
		}
	}
	return han > 0 && han*2 > letters // one Han character weighs about a short word
}
