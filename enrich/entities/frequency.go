package entities

import (
	"regexp"
	"strings"
)

// RolePaymentFrequency is how often a sum is paid ("payable quarterly in
// advance", 每三个月支付一次: P3M), apart from RolePayment, the time
// allowed to pay an invoice ("within thirty (30) days"): a register's
// payment terms column takes the first payment duration, and a
// frequency named first took its place.
const RolePaymentFrequency = "payment_frequency"

var (
	// enFrequencyRe is how often a sum falls due, in English: "payable
	// quarterly in advance", "invoiced monthly", "quarterly instalments".
	enFrequencyRe = regexp.MustCompile(`(?i)\b(semi-?annually|bi-?annually|half-?yearly|quarterly|monthly|annually|yearly|weekly)\b`)
	// payVerbBeforeRe ends the words before a frequency that is a
	// payment's ("Fees are payable", "shall be invoiced", "Rent is paid").
	payVerbBeforeRe = regexp.MustCompile(`(?i)\b(?:pa(?:y|ys|id|yable)|invoiced?|billed|bill|remit(?:ted)?|charged)\s+(?:(?:to\s+\w+|by\s+\w+|in\s+equal\s+\w+|in\s+\w+|(?:the\s+)?\p{Lu}\w+)\s+)?$`)
	// paymentNounAfterRe starts the words after a frequency that counts
	// payments ("monthly instalments", "quarterly payments").
	paymentNounAfterRe = regexp.MustCompile(`(?i)^\s+(?:(?:rent(?:al)?|fee|license|subscription)\s+)?(?:payments?|instal?lments?|invoices?)\b`)
	// zhFrequencyRe is how often a Chinese contract pays (每季度支付,
	// 按月支付, 租金每半年支付一次): the period word, then the payment
	// within a few characters. 每三个月 is a duration already.
	zhFrequencyRe = regexp.MustCompile(`(?:每|按)(?:个)?(半年|季度|季|月|年|周)[^，。；\n]{0,8}?(?:支付|付款|缴纳|交纳|结算|付清)`)
)

// frequencyPeriods are the frequencies' ISO 8601 periods.
var frequencyPeriods = map[string]string{
	"semiannually": "P6M", "biannually": "P6M", "halfyearly": "P6M", "quarterly": "P3M",
	"monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "weekly": "P1W",
	"半年": "P6M", "季度": "P3M", "季": "P3M", "月": "P1M", "年": "P1Y", "周": "P1W",
}

// everyBeforeRe ends the words before a payment duration that is a
// frequency: 每三个月支付一次, "every three (3) months".
var everyBeforeRe = regexp.MustCompile(`(?i)(?:每|按)(?:个)?\s*$|\b(?:every|each)\s+$`)

// paymentFrequencies adds how often a sum is paid as a duration with
// role payment_frequency ("payable quarterly in advance" P3M, 每季度支付
// P3M), and gives that role to a payment duration counted with "every"
// (每三个月支付一次), which was a payment term.
func paymentFrequencies(x *collector, text string) {
	for i := range x.ents {
		f := &x.ents[i]
		if f.e.Kind == KindDuration && f.e.Role == RolePayment && everyBeforeRe.MatchString(text[max(0, f.pos-12):f.pos]) {
			f.e.Role = RolePaymentFrequency
		}
	}
	for _, m := range enFrequencyRe.FindAllStringSubmatchIndex(text, -1) {
		before := text[max(0, m[0]-40):m[0]]
		if !payVerbBeforeRe.MatchString(before) && !paymentNounAfterRe.MatchString(text[m[1]:min(len(text), m[1]+40)]) {
			continue
		}
		key := strings.NewReplacer("-", "").Replace(strings.ToLower(text[m[2]:m[3]]))
		addFrequency(x, text[m[0]:m[1]], frequencyPeriods[key], m[0])
	}
	for _, m := range zhFrequencyRe.FindAllStringSubmatchIndex(text, -1) {
		addFrequency(x, text[m[0]:m[3]], frequencyPeriods[text[m[2]:m[3]]], m[0])
	}
}

// frequencyReach bounds the bytes either side of a frequency in which
// the same payment period, said again (租金按季度支付，每季度首月5日前付清;
// 每三个月支付一次), is not added twice.
const frequencyReach = 200

// addFrequency adds a payment period unless the same one stands near.
func addFrequency(x *collector, text, period string, pos int) {
	if x.spanHasRole(KindDuration, period, RolePaymentFrequency, pos-frequencyReach, pos+frequencyReach) {
		return
	}
	x.addRole(KindDuration, text, period, RolePaymentFrequency, pos)
}
