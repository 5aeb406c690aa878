package entities

import (
	"slices"
	"testing"
)

// An amount written only in words before its currency is money: "The
// total contract price is fifty thousand US dollars" had no money entity,
// and the register's contract value was empty. Words with the figures
// after them are one amount.
func TestSpelledMoney(t *testing.T) {
	const head = "SERVICES AGREEMENT\n\nThis Services Agreement is made on 1 March 2026 between Acme Corp. (\"Provider\") and Beta LLC (\"Customer\").\n\n"
	for clause, want := range map[string][]string{
		"3. The total contract price is fifty thousand US dollars.":                                  {"USD 50000"},
		"3. The total contract price is one hundred and twenty-five thousand euros.":                 {"EUR 125000"},
		"3. The total contract price is Two Million Five Hundred Thousand Dollars.":                  {"USD 2500000"},
		"3. The total contract price is Fifty Thousand Dollars ($50,000).":                           {"USD 50000"},
		"3. The total contract price is seven hundred fifty pounds sterling.":                        {"GBP 750"},
		"3. The total contract price is Seven Hundred Fifty Thousand and No/100 Dollars ($750,000).": {"USD 750000"},
		"3. The parties shall meet at least two times a year to review the pounds of steel shipped.": nil,
	} {
		ents := Extract(head+clause+"\n", "en")
		if got := valuesOf(ents, KindMoney); !slices.Equal(got, want) {
			t.Errorf("%.60q: money %q, want %q", clause, got, want)
		}
	}
	if !withRole(Extract(head+"3. The total contract price is fifty thousand US dollars.\n", "en"), KindMoney, "USD 50000", RoleContractValue) {
		t.Error("an amount in words is no contract value")
	}
}

func TestSpelledAmount(t *testing.T) {
	for words, want := range map[string]int{
		"fifty thousand": 50000, "one hundred and twenty-five thousand": 125000, "two million five hundred thousand": 2500000,
		"twenty five": 25, "thousand": 0, "five two": 0, "ninety-nine": 99, "one billion": 1000000000,
	} {
		if got := spelledAmount(words); got != want {
			t.Errorf("spelledAmount(%q) = %d, want %d", words, got, want)
		}
	}
}
