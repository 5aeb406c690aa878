package summarize

import (
	"strings"
	"testing"
)

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"You agree that we may terminate your account.":                                    "We may terminate your account.",
		"you hereby acknowledge and agree that the app is provided as is":                  "the app is provided as is",
		"We may, in our sole discretion, remove content.":                                  "We may remove content.",
		"all records (including, without limitation,  copies of records)":                  "all records (including copies of records)",
		"fees, including but not limited to taxes":                                         "fees, including taxes",
		"To the extent permitted by applicable law, we disclaim all warranties.":           "We disclaim all warranties.",
		"Licensor hereby grants to Licensee a licence.":                                    "Licensor grants to Licensee a licence.",
		"In the event that payment is late, prior to suspension we will notify you.":       "If payment is late, before suspension we will notify you.",
		"Prices change from time to time.":                                                 "Prices change.",
		"Licensee agrees that it will pay.":                                                "Licensee agrees that it will pay.", // "it" keeps its referent
		"The Supplier shall deliver the goods.":                                            "The Supplier shall deliver the goods.",
		"Notwithstanding the foregoing, either party may terminate for convenience.":       "Either party may terminate for convenience.",
		"without limiting the generality of the foregoing, you must not copy the software": "you must not copy the software",
	} {
		if got := Plain(in); got != want {
			t.Errorf("Plain(%q) = %q, want %q", in, got, want)
		}
	}
}

// The budget is spent on what the sentence says: the same sentence, once
// plain, fits more of its content.
func TestSummaryIsPlain(t *testing.T) {
	sentences := []string{
		"To the extent permitted by applicable law, you agree that the provider may, in its sole discretion, suspend the service for non-payment.",
		"The provider keeps backups for thirty days.",
	}
	got := Summarize(sentences, Options{MaxChars: 80, Language: "en"})
	if strings.Contains(got, "extent permitted") || !strings.Contains(got, "suspend the service") {
		t.Errorf("summary %q", got)
	}
	if got := Summarize([]string{"甲方应在本合同签订后十日内支付租金。"}, Options{MaxChars: 80, Language: "zh"}); got != "甲方应在本合同签订后十日内支付租金。" {
		t.Errorf("Chinese summary %q", got)
	}
}
