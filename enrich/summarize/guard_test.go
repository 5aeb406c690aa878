package summarize

import (
	"strings"
	"testing"
)

// TestRegexpGuards checks that the cheap tests run before noticeRe and the
// Chinese expressions turn away no unit they match: an ASCII unit holds
// one of noticeWords wherever noticeRe matches it, and the Chinese
// expressions match no ASCII unit.
func TestRegexpGuards(t *testing.T) {
	notices := []string{
		"[Signature Page Follows]", "SIGNATURE PAGES TO FOLLOW", "This page intentionally left blank.", "Intentionally Blank",
		"Source: EUR-Lex", "only the EUR-Lex version is authentic", "CONFIDENTIAL TREATMENT REQUESTED", "Rate: [***] per unit",
		"Fee [ * * * ]", "Certain identified information has been omitted", "[*] = omitted", "[ * ] = confidential",
		"Portions omitted and filed separately with the Commission.", "Confidential information in this exhibit has been redacted",
		"[REDACTED] Corp", "The price is [Redacted].", "Certain IDENTIFIED INFORMATION marked [***] has been OMITTED",
		"Signature\tpage follows", "ſignature page follows", "CONFIDENTIAL treatment", // ſ folds to s under (?i)
	}
	for _, u := range notices {
		if noticeRe.MatchString(u) && !mayNotice(u, strings.ToLower(u)) {
			t.Errorf("mayNotice(%q) = false, but noticeRe matches it", u)
		}
		if !notice(u) && noticeRe.MatchString(u) {
			t.Errorf("notice(%q) = false, but noticeRe matches it", u)
		}
	}
	if mayNotice("The Supplier shall deliver the Goods.", "the supplier shall deliver the goods.") {
		t.Error("mayNotice of a plain sentence = true; the guard skips nothing")
	}
	zh := []string{"乙方（盖章）：", "签字日期：2024年1月2日", "地址：北京市", "2024年9月20日", "二〇二四年三月十五日", "联系人： 张三"}
	for _, u := range zh {
		if !zhSignature.MatchString(u) && !zhContact.MatchString(u) && !zhDateLine.MatchString(u) {
			t.Errorf("%q: no Chinese expression matches; the test needs a matching unit", u)
		}
		if isASCII(u) {
			t.Errorf("isASCII(%q) = true", u)
		}
		if !layout(u) {
			t.Errorf("layout(%q) = false, want true", u)
		}
	}
}
