package entities

import (
	"regexp"
	"strings"
)

// Amount roles, as in document.Entity.Role: what a sum of money or a
// share is, where the words before it say so.
const (
	// RoleMinimumPurchase is a buyer's or distributor's minimum purchase
	// ("a minimum annual purchase of US$500,000", 最低采购额).
	RoleMinimumPurchase = "minimum_purchase"
	// RoleRent is a lease's rent ("annual base rent of US$120,000", 月租金).
	RoleRent = "rent"
	// RoleDeposit is a security deposit (押金, 保证金).
	RoleDeposit = "deposit"
	// RoleEscalation is the share by which a rent or fee rises ("rent
	// shall increase by 3% on each anniversary", 租金每年递增3%).
	RoleEscalation = "escalation"
	// RoleContractValue is what the whole contract is worth ("the total
	// contract price is USD 540,000", 合同总价).
	RoleContractValue = "contract_value"
	// RoleLiabilityCap is the most a party is liable for ("aggregate
	// liability shall not exceed USD 1,000,000", 赔偿责任不超过).
	RoleLiabilityCap = "liability_cap"
)

// amountReach bounds the bytes before an amount read for its role.
const amountReach = 60

// amountCues name an amount's role; the cue nearest the amount wins.
var amountCues = []roleCue{
	{RoleMinimumPurchase, regexp.MustCompile(`(?i)\bminimum\s+(?:annual\s+|yearly\s+|quarterly\s+|monthly\s+)?(?:purchases?|purchase\s+(?:commitment|requirement|amount)|orders?|order\s+value|commitment)\b|最低(?:采购|订购|进货|购买)(?:额|量|金额)?`)},
	{RoleRent, regexp.MustCompile(`(?i)\b(?:base\s+|basic\s+|annual\s+|monthly\s+)?rent(?:al)?\b|租金`)},
	{RoleDeposit, regexp.MustCompile(`(?i)\b(?:security\s+)?deposit\b|押金|保证金`)},
	{RoleContractValue, regexp.MustCompile(`(?i)\b(?:total\s+)?contract\s+(?:price|value|sum|amount)\b|\btotal\s+(?:fees?|price|consideration|value)\s+(?:under|of|for|payable)\b|\btotal\s+(?:fees?|price|consideration)\s+(?:is|shall\s+be|will\s+be|of)\b|合同(?:总价款?|总金额|总额|价款|金额)|总价款`)},
	// the cap's words end where the amount starts: "liability ... shall
	// not exceed", not a liability clause's other figures; or a key-details
	// schedule's label ("Liability Cap: £2,000,000", 责任上限：)
	{RoleLiabilityCap, regexp.MustCompile(`(?i)\b(?:(?:aggregate\s+|total\s+)?liability\s+(?:cap|limit)|cap\s+on\s+liability|limit(?:ation)?\s+(?:of|on)\s+liability)\s*[:：]\s*$|(?:赔偿|责任)(?:上限|限额)\s*[:：]\s*$|\bliabilit(?:y|ies)\b[^.;]{0,60}?\b(?:shall|will|may)?\s*(?:not\s+(?:to\s+)?exceed|(?:be|is)\s+limited\s+to|(?:be|is)\s+capped\s+at|in\s+no\s+event\s+exceed)\s*(?:the\s+(?:lesser|greater)\s+of\s+)?$|责任[^。；]{0,20}?(?:不超过|不得超过|不高于|上限为|以)\s*$`)},
}

// wideCapRe is a cap whose words reach further back than amountReach:
// one whose negation comes before the liability it caps ("In no event
// shall either party's aggregate liability exceed", "Neither party's
// liability under this Agreement shall exceed"), and a Chinese one with
// another figure between (累计赔偿责任不超过合同总价的百分之五十，且最高不超过),
// whose 合同总价 made the cap the contract's value.
var wideCapRe = regexp.MustCompile(`(?i)\b(?:in\s+no\s+event|under\s+no\s+circumstances|neither|nor)\b[^.;]{0,80}?\bliabilit(?:y|ies)\b[^.;]{0,80}?\bexceed\s*(?:the\s+(?:lesser|greater)\s+of\s+)?$|责任[^。；]{0,40}?(?:不超过|不得超过|不高于|上限为)\s*$`)

// amountBreakRe ends the clause before an amount.
var amountBreakRe = regexp.MustCompile(`[.;]\s|[。；\n]`)

// amountRoles gives each amount the role its clause names just before
// it: a register's minimum purchase, rent and deposit were amounts
// without one.
func amountRoles(x *collector, text string) {
	for i := range x.ents {
		f := &x.ents[i]
		if f.e.Kind != KindMoney && f.e.Kind != KindPercentage || f.e.Role != "" {
			continue
		}
		before := text[max(0, f.pos-amountReach):f.pos]
		if locs := amountBreakRe.FindAllStringIndex(before, -1); len(locs) > 0 {
			before = before[locs[len(locs)-1][1]:]
		}
		best, bestAt := "", -1
		for _, c := range amountCues {
			if locs := c.re.FindAllStringIndex(before, -1); len(locs) > 0 && locs[len(locs)-1][1] > bestAt {
				best, bestAt = c.role, locs[len(locs)-1][1]
			}
		}
		if wideCap(text, f.pos) {
			best = RoleLiabilityCap // its words end at the amount: the nearest cue
		}
		if f.e.Kind == KindPercentage && best != RoleLiabilityCap {
			// a share of a sum caps a liability as an amount does
			// ("shall not exceed 50% of the Fees", 不超过合同总价的百分之五十);
			// the other roles are amounts'
			best = ""
		}
		f.e.Role = best
	}
}

// wideCap reports whether the clause before the amount at text[pos] caps
// a liability at it in words wideCapRe finds.
func wideCap(text string, pos int) bool {
	before := text[max(0, pos-3*amountReach):pos]
	if locs := amountBreakRe.FindAllStringIndex(before, -1); len(locs) > 0 {
		before = before[locs[len(locs)-1][1]:]
	}
	return wideCapRe.MatchString(before)
}

var (
	// escalationRe is a rise by a share: "increase by 3%", "escalate at
	// 2.5 per cent", 递增3%, 上涨5%; a capped one too ("increase by no
	// more than 2.5% per year", 涨幅不超过5%), whose cap is what a
	// register files as the rise; and one written in words with its
	// figure after ("increased by three percent (3%)").
	escalationRe = regexp.MustCompile(`(?i)\b(?:increas|escalat|ris|adjust)(?:e|es|ed|ing)?\s+(?:(?:annually|yearly|each\s+year)\s+)?(?:by|at)\s+(?:(?:no\s+more\s+than|not\s+more\s+than|up\s+to|at\s+most|a\s+maximum\s+of)\s+)?(?:[a-z]+(?:[\s-][a-z]+)?\s+(?:percent|per\s?cent)\s*\(\s*)?(\d{1,2}(?:\.\d{1,2})?)\s?(?:%|per\s?cent\b|percent\b)(?:\s*\))?|(?:递增|上涨|增长|上调|增加|涨幅)(?:幅度)?(?:不超过|不高于|最高|最多)?(\d{1,2}(?:\.\d{1,2})?)\s?[%％]`)
	// indexEscalationRe is a rise linked to a price index with a cap:
	// "increased annually by the CPI change, capped at 3%", "adjusted in
	// line with the Consumer Price Index, subject to a maximum increase of
	// 4%" (in a lease, with many words between the rise and the index:
	// "adjusted on each anniversary of the commencement date in line
	// with the change in the Consumer Price Index, subject to ..."). The
	// cap is the most it rises by, what the register files; the index
	// alone gives no share to file.
	indexEscalationRe = regexp.MustCompile(`(?i)\b(?:increas|escalat|adjust|index|rais|uplift|revis)(?:e|es|ed|ing)?\b[^.;]{0,100}?\b(?:CPI|RPI|HICP|consumer\s+price\s+index|retail\s+price\s+index|price\s+index|inflation(?:\s+rate)?)\b[^.;]{0,60}?\b(?:capped\s+at|(?:subject\s+to|with)\s+an?\s+(?:maximum|cap)\s+(?:annual\s+)?(?:increase\s+|rise\s+)?of|not\s+(?:to\s+)?exceed(?:ing)?|up\s+to\s+a\s+maximum\s+of|(?:no|not)\s+more\s+than|at\s+most)\s+(\d{1,2}(?:\.\d{1,2})?)\s?(?:%|per\s?cent\b|percent\b)`)
	// escalatedRe names what rises: a rent or fee, not a price index.
	escalatedRe = regexp.MustCompile(`(?i)\b(?:rent(?:al)?|fees?|charges?|prices?|subscription)\b|租金|费用|价格|服务费`)
)

// escalations adds the share a rent or fee rises by as a percentage with
// role escalation ("The rent shall increase by 3% on each anniversary"):
// it was no entity, a share of no sum.
func escalations(x *collector, text string) {
	end := 0 // where the last rise filed ends: an index's cap is read once
	for _, m := range escalationRe.FindAllStringSubmatchIndex(text, -1) {
		g := 2
		if m[g] < 0 {
			g = 4
		}
		if escalates(text, m[0]) {
			x.addRole(KindPercentage, text[m[0]:m[1]], strings.TrimSpace(text[m[g]:m[g+1]])+"%", RoleEscalation, m[0])
			end = max(end, m[1])
		}
	}
	for _, m := range indexEscalationRe.FindAllStringSubmatchIndex(text, -1) {
		if m[1] > end && escalates(text, m[0]) {
			x.addRole(KindPercentage, text[m[0]:m[1]], text[m[2]:m[3]]+"%", RoleEscalation, m[0])
		}
	}
}

// escalates reports whether the clause before a rise at text[at] names a
// rent or fee as what rises.
func escalates(text string, at int) bool {
	head := text[max(0, at-amountReach*2):at]
	if locs := amountBreakRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	return escalatedRe.MatchString(head)
}
