package entities

import (
	"strings"
	"testing"

	"github.com/docmill/docmill/document"
)

// withRole reports whether ents holds an entity of kind with value and
// role.
func withRole(ents []document.Entity, kind, value, role string) bool {
	for _, e := range ents {
		if e.Kind == kind && e.Value == value && e.Role == role {
			return true
		}
	}
	return false
}

const saasWithOrderForm = `SOFTWARE AS A SERVICE AGREEMENT

This Software as a Service Agreement (the "Agreement") is entered into as of 15 January 2026 (the "Effective Date") by and between Cloudnine Analytics Ltd ("Provider") and Harbour Freight Services Inc. ("Customer").

1. Term. This Agreement commences on the Effective Date and continues for an initial term of one (1) year, ending on 31 January 2027.

2. Governing Law. This Agreement is governed by the laws of England and Wales.

ORDER FORM No. 1

Subscription Start Date: 1 February 2026
Subscription End Date: 30 January 2027
Annual Subscription Fee: GBP 48,000
`

// A register expires a SaaS agreement once, on its term's end; the order
// form's subscription period stays, as dates with their roles.
func TestOrderFormSubscriptionDates(t *testing.T) {
	ents := Extract(saasWithOrderForm, "en")
	if got := valuesOf(ents, KindExpirationDate); len(got) != 1 || got[0] != "2027-01-31" {
		t.Errorf("expirations %v, want the agreement's term end 2027-01-31 only", got)
	}
	if !withRole(ents, KindDate, "2027-01-30", RoleSubscriptionEnd) || !withRole(ents, KindDate, "2026-02-01", RoleSubscriptionStart) {
		t.Errorf("order form's subscription dates lack their roles: %+v", ents)
	}
	// an order form alone is the contract: its end is the expiration
	alone := Extract("ORDER FORM\n\nCustomer: Harbour Freight Services Inc.\nSubscription Start Date: 1 February 2026\nSubscription End Date: 30 January 2027\n", "en")
	if got := valuesOf(alone, KindExpirationDate); len(got) != 1 || got[0] != "2027-01-30" {
		t.Errorf("order form alone: expirations %v, want 2027-01-30", got)
	}
	if got := valuesOf(alone, KindEffectiveDate); len(got) != 1 || got[0] != "2026-02-01" {
		t.Errorf("order form alone: effective dates %v, want 2026-02-01", got)
	}
}

// A renewal's dates are the renewal's: the contract is not made, in
// effect or ended on them.
func TestRenewalDatesAreNotTheContracts(t *testing.T) {
	for _, c := range []struct {
		text   string
		role   map[string]string // ISO date: role
		period string            // the renewal's length, when the text dates it
	}{
		{"3. Renewal. Upon expiry, this Agreement renews for successive one-year periods commencing on 1 March 2027.",
			map[string]string{"2027-03-01": RoleRenewalStart}, ""},
		{"This Agreement shall automatically renew for a further term of twelve (12) months with effect from 1 March 2027, unless either party gives notice.",
			map[string]string{"2027-03-01": RoleRenewalStart}, ""},
		{"3. Renewal. Upon expiry, this Agreement renews for successive one-year periods, the first renewal term commencing 1 March 2027 and ending on 29 February 2028.",
			map[string]string{"2027-03-01": RoleRenewalStart, "2028-02-29": RoleRenewalEnd}, "P1Y"},
	} {
		ents := Extract(c.text, "en")
		for _, kind := range []string{KindAgreementDate, KindEffectiveDate, KindExpirationDate} {
			if got := valuesOf(ents, kind); len(got) > 0 {
				t.Errorf("%.50q: %s %v, want none", c.text, kind, got)
			}
		}
		for iso, role := range c.role {
			if !withRole(ents, KindDate, iso, role) {
				t.Errorf("%.50q: no date %s with role %s: %+v", c.text, iso, role, ents)
			}
		}
		if c.period != "" && !withRole(ents, KindDuration, c.period, RoleRenewal) {
			t.Errorf("%.50q: no renewal period %s: %+v", c.text, c.period, ents)
		}
	}
}

// A delivery deadline is a compliance date with role delivery, labelled
// or written as a duty, and never the contract's effective or expiration
// date; a deadline to pay has role payment.
func TestDeliveryDeadlines(t *testing.T) {
	text := "采购合同\n\n甲方：上海华东机械有限公司\n乙方：苏州精工零部件有限公司\n\n" +
		"第一条 本合同自2026年3月1日起生效，有效期两年。\n" +
		"第二条 交货期限：乙方应于2026年5月1日前交货。\n" +
		"第三条 交货日期：2026年6月1日\n" +
		"第四条 甲方应于2026年7月1日前支付预付款。\n"
	ents := Extract(text, "zh")
	for iso, role := range map[string]string{"2026-05-01": RoleDelivery, "2026-06-01": RoleDelivery, "2026-07-01": RolePayment} {
		if !withRole(ents, KindComplianceDate, iso, role) {
			t.Errorf("no compliance date %s with role %s: %+v", iso, role, ents)
		}
	}
	if got := valuesOf(ents, KindEffectiveDate); len(got) != 1 || got[0] != "2026-03-01" {
		t.Errorf("effective dates %v, want 2026-03-01 only", got)
	}
	for _, iso := range valuesOf(ents, KindExpirationDate) {
		if iso == "2026-05-01" || iso == "2026-06-01" {
			t.Errorf("delivery date %s read as an expiration", iso)
		}
	}
	en := Extract("4. Delivery. The Supplier shall deliver the Products no later than 30 June 2026.", "en")
	if !withRole(en, KindComplianceDate, "2026-06-30", RoleDelivery) {
		t.Errorf("English delivery deadline lacks its role: %+v", en)
	}
}

// How often a sum is paid is a payment_frequency, apart from the time
// allowed to pay an invoice, which keeps role payment.
func TestPaymentFrequency(t *testing.T) {
	en := Extract("2. Fees. Fees are payable quarterly in advance. Invoices are due within thirty (30) days of the invoice date. "+
		"3. Rent. Tenant shall pay annual base rent of US$120,000, payable monthly in advance. The Fees shall be reviewed annually.", "en")
	for period, role := range map[string]string{"P3M": RolePaymentFrequency, "P1M": RolePaymentFrequency, "P30D": RolePayment} {
		if !withRole(en, KindDuration, period, role) {
			t.Errorf("English: no %s with role %s: %+v", period, role, en)
		}
	}
	if withRole(en, KindDuration, "P1Y", RolePaymentFrequency) {
		t.Errorf("a fee reviewed annually is no payment frequency: %+v", en)
	}
	zh := Extract("采购合同\n\n甲方：上海华东机械有限公司\n乙方：苏州精工零部件有限公司\n\n"+
		"第三条 甲方每三个月支付一次货款。\n第四条 服务费按季度支付，每季度首月5日前付清；管理费每月支付。\n", "zh")
	if got := countRole(zh, KindDuration, "P3M", RolePaymentFrequency); got != 1 {
		t.Errorf("Chinese: %d P3M payment frequencies, want 1 (每三个月, the same period said again near it not twice): %+v", got, zh)
	}
	if !withRole(zh, KindDuration, "P1M", RolePaymentFrequency) || withRole(zh, KindDuration, "P3M", RolePayment) {
		t.Errorf("Chinese: payment frequencies wrong: %+v", zh)
	}
}

// countRole counts the entities of kind with value and role.
func countRole(ents []document.Entity, kind, value, role string) int {
	n := 0
	for _, e := range ents {
		if e.Kind == kind && e.Value == value && e.Role == role {
			n++
		}
	}
	return n
}

// A register's rent, deposit, minimum purchase and rent increase carry
// their roles; they were amounts without one, the increase no entity.
func TestAmountRoles(t *testing.T) {
	lease := Extract("COMMERCIAL LEASE\n\nThis Lease is made on 1 April 2026 between Riverside Properties LLC (\"Landlord\") and Bluebird Cafe Inc. (\"Tenant\").\n\n"+
		"2. Rent. Tenant shall pay annual base rent of US$120,000, payable monthly in advance. The rent shall increase by 3% on each anniversary of the Commencement Date.\n"+
		"3. Security Deposit. Tenant shall deposit US$20,000 with Landlord.\n", "en")
	for value, role := range map[string]string{"USD 120000": RoleRent, "USD 20000": RoleDeposit} {
		if !withRole(lease, KindMoney, value, role) {
			t.Errorf("lease: no %s with role %s: %+v", value, role, lease)
		}
	}
	if !withRole(lease, KindPercentage, "3%", RoleEscalation) {
		t.Errorf("lease: no rent increase of 3%%: %+v", lease)
	}
	dist := Extract("1. Minimum Purchase. Distributor shall make a minimum annual purchase of US$500,000 of Products.", "en")
	if !withRole(dist, KindMoney, "USD 500000", RoleMinimumPurchase) {
		t.Errorf("distribution: no minimum purchase: %+v", dist)
	}
	zh := Extract("房屋租赁合同\n\n出租方（甲方）：上海恒基置业有限公司\n承租方（乙方）：上海蓝鸟餐饮管理有限公司\n\n"+
		"第二条 月租金为人民币30,000元，押金为人民币60,000元。\n第三条 租金自第二年起每年递增3%。\n", "zh")
	for value, role := range map[string]string{"CNY 30000": RoleRent, "CNY 60000": RoleDeposit} {
		if !withRole(zh, KindMoney, value, role) {
			t.Errorf("Chinese lease: no %s with role %s: %+v", value, role, zh)
		}
	}
	if !withRole(zh, KindPercentage, "3%", RoleEscalation) {
		t.Errorf("Chinese lease: no rent increase of 3%%: %+v", zh)
	}
}

// A renewal period written as one word ("successive one-year periods",
// "12-month periods") is the renewal's length; it had none.
func TestHyphenatedRenewalPeriod(t *testing.T) {
	for text, want := range map[string]string{
		"3. Renewal. Upon expiry, this Agreement renews for successive one-year periods commencing on 1 March 2027.":                         "P1Y",
		"Thereafter this Agreement renews automatically for successive 12-month periods unless either party gives ninety (90) days' notice.": "P12M",
	} {
		if ents := Extract(text, "en"); !withRole(ents, KindDuration, want, RoleRenewal) {
			t.Errorf("%.50q: no renewal period %s: %+v", text, want, ents)
		}
	}
}

// "Supplier warrants each Product for eighteen (18) months" is a
// warranty period, written with the verb.
func TestWarrantyByVerb(t *testing.T) {
	ents := Extract("4. Warranty. Supplier warrants each Product for eighteen (18) months from delivery.", "en")
	if !withRole(ents, KindDuration, "P18M", RoleWarranty) {
		t.Errorf("no warranty period P18M: %+v", ents)
	}
}

// A lease whose term is "five (5) years commencing on 1 May 2026" takes
// effect then: the date was a plain one, the register's effective date
// empty.
func TestTermCommencingOn(t *testing.T) {
	ents := Extract("COMMERCIAL LEASE\n\nThis Lease is made on 1 April 2026 between Riverside Properties LLC (\"Landlord\") and Bluebird Cafe Inc. (\"Tenant\").\n\n"+
		"1. Term. The term of this Lease is five (5) years commencing on 1 May 2026 and expiring on 30 April 2031.\n"+
		"2. Rent. Rent is payable in monthly installments commencing on 1 June 2026.\n", "en")
	if got := valuesOf(ents, KindEffectiveDate); len(got) != 1 || got[0] != "2026-05-01" {
		t.Errorf("effective dates %v, want 2026-05-01", got)
	}
}

// A capped rise ("may increase by no more than 2.5% per year",
// 涨幅不超过5%) is the rent's escalation; it was none.
func TestCappedEscalation(t *testing.T) {
	for text, want := range map[string]string{
		"2. Rent. Tenant shall pay monthly base rent of US$12,000. The Rent may increase by no more than 2.5% per year.": "2.5%",
		"2. Fees. The Fees shall be increased annually by up to 4% on each anniversary.":                                 "4%",
		"第三条 租金每年涨幅不超过5%。":                                                                                               "5%",
	} {
		if ents := Extract(text, ""); !withRole(ents, KindPercentage, want, RoleEscalation) {
			t.Errorf("%.50q: no escalation %s: %+v", text, want, ents)
		}
	}
}

// A warranty period keeps the event it runs from, the same word in
// both languages; the register had the length only.
func TestWarrantyStart(t *testing.T) {
	for text, want := range map[string]string{
		"2. Warranty. Supplier provides a warranty period of 12 months from the date of acceptance of each Product.": "acceptance",
		"4. Warranty. Supplier warrants each Product for eighteen (18) months from delivery.":                        "delivery",
		"第二条 乙方对设备提供质量保证，保修期自验收合格之日起十二个月。":                                                                           "acceptance",
		"第二条 质保期为设备交付后十二个月。":                                                                                         "delivery",
	} {
		ents := Extract(text, "")
		found := false
		for _, e := range ents {
			if e.Kind == KindDuration && e.Role == RoleWarranty {
				found = true
				if e.From != want {
					t.Errorf("%.40q: warranty from %q, want %q", text, e.From, want)
				}
			}
		}
		if !found {
			t.Errorf("%.40q: no warranty period: %+v", text, ents)
		}
	}
}

// A Chinese warranty that names its start after the length
// (保修期为十二个月，自验收合格之日起计算) keeps it too; it had none.
func TestWarrantyStartAfterLength(t *testing.T) {
	ents := Extract("第五条 质量保证\n设备的保修期为十二个月，自验收合格之日起计算。", "zh")
	for _, e := range ents {
		if e.Kind == KindDuration && e.Role == RoleWarranty && e.From == "acceptance" {
			return
		}
	}
	t.Errorf("no warranty from acceptance: %+v", ents)
}

// A rise written in words with its figure in brackets ("increased by
// three percent (3%)") is the rent's escalation; it was none.
func TestEscalationInWords(t *testing.T) {
	ents := Extract("4. Rent. The Base Rent shall be increased by three percent (3%) on each anniversary of the Commencement Date.", "en")
	if !withRole(ents, KindPercentage, "3%", RoleEscalation) {
		t.Errorf("no escalation 3%%: %+v", ents)
	}
	for _, e := range ents {
		if e.Role == RoleEscalation && strings.Count(e.Text, "(") != strings.Count(e.Text, ")") {
			t.Errorf("escalation text %q opens a bracket it does not close", e.Text)
		}
	}
}
