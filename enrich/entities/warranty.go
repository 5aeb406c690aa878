package entities

import (
	"regexp"
	"strings"
)

var (
	// enWarrantyFromRe follows a warranty period that names the event it
	// runs from: "12 months from the date of acceptance", "eighteen (18)
	// months following delivery of each Product"; one written before
	// the word warranty too ("a 12-month warranty from delivery", "a
	// 24-month limited warranty period commencing upon installation").
	enWarrantyFromRe = regexp.MustCompile(`(?i)^\s*(?:\(\d+\)\s*)?(?:(?:[a-z-]+\s+){0,2}?(?:warranty|guarantee)(?:\s+period)?\s+)?(?:from|after|following|commencing\s+(?:on|from|upon)|starting\s+(?:on|from|upon)|beginning\s+(?:on|from|upon))\s+(?:the\s+)?(?:(?:date|day|time)\s+(?:of|on\s+which)\s+)?(?:(?:the|its|each|such|final|successful|written)\s+)*([a-z]+(?:-[a-z]+)?)`)
	// zhWarrantyFromRe ends the words before a warranty period that names
	// the event it runs from: 自验收合格之日起十二个月, 设备交付后十二个月.
	zhWarrantyFromRe = regexp.MustCompile(`(?:自|从)?[^，。；\n]{0,8}?(验收|交付|交货|到货|签收|安装|调试|上线)[^，。；\n自从]{0,6}?(?:之日起|日起|起|之日后|后)(?:计算)?\s*$`)
)

// zhWarrantyFromAfterRe follows a warranty period that names its start
// after it: 保修期为十二个月，自验收合格之日起计算.
var zhWarrantyFromAfterRe = regexp.MustCompile(`^[，,]?\s*(?:自|从)[^，。；\n]{0,8}?(验收|交付|交货|到货|签收|安装|调试|上线)[^，。；\n]{0,6}?(?:之日起|日起|起)`)

// warrantyEvents name a warranty's start the same in both languages, so
// that a register's column sorts and filters on one word.
var warrantyEvents = map[string]string{
	"acceptance": "acceptance", "accepted": "acceptance", "验收": "acceptance",
	"delivery": "delivery", "delivered": "delivery", "交付": "delivery", "交货": "delivery", "到货": "delivery", "签收": "delivery",
	"receipt":      "delivery",
	"installation": "installation", "installed": "installation", "安装": "installation",
	"commissioning": "commissioning", "调试": "commissioning",
	"shipment": "shipment", "shipped": "shipment",
	"completion": "completion", "sale": "sale", "purchase": "sale",
	"go-live": "go-live", "上线": "go-live",
}

// warrantyStarts records the event each warranty period runs from
// (Entity.From): "a warranty period of 12 months from the date of
// acceptance" and one from delivery are not the same promise, and a
// register kept only the twelve months.
func warrantyStarts(x *collector, text string) {
	for i := range x.ents {
		f := &x.ents[i]
		if f.e.Kind != KindDuration || f.e.Role != RoleWarranty || f.e.From != "" {
			continue
		}
		f.e.From = warrantyStart(text, f.pos, f.e.Text)
	}
}

// warrantyStart is the event the warranty period written span at pos
// runs from, "" when its words name none it knows.
func warrantyStart(text string, pos int, span string) string {
	if pos < 0 || pos > len(text) {
		return ""
	}
	if strings.HasPrefix(text[pos:], span) {
		after := text[pos+len(span) : min(len(text), pos+len(span)+80)]
		if m := enWarrantyFromRe.FindStringSubmatch(after); m != nil {
			if ev := warrantyEvents[strings.ToLower(m[1])]; ev != "" {
				return ev
			}
		}
	}
	if strings.HasPrefix(text[pos:], span) {
		if m := zhWarrantyFromAfterRe.FindStringSubmatch(text[pos+len(span):]); m != nil {
			return warrantyEvents[m[1]]
		}
	}
	before := text[max(0, pos-40):pos]
	if m := zhWarrantyFromRe.FindStringSubmatch(before); m != nil {
		return warrantyEvents[m[1]]
	}
	return ""
}
