package entities

import (
	"regexp"
	"strings"
)

// Date roles, as in document.Entity.Role: what a date that is not the
// contract's own (agreement, effective, expiration) is the date of.
const (
	// RoleSubscriptionStart and RoleSubscriptionEnd are an order form's
	// subscription period ("Subscription End Date: 30 January 2027"). A
	// SaaS agreement's register expires the agreement on its term's end:
	// the master agreement outlives its orders, which come and go under
	// it; the order's end was a second expiration one day from it.
	RoleSubscriptionStart = "subscription_start"
	RoleSubscriptionEnd   = "subscription_end"
	// RoleRenewalStart and RoleRenewalEnd are a renewal's first and last
	// days ("renews for successive one-year periods commencing on 1 March
	// 2027"): a renewal sentence alone was read as the contract's
	// agreement and effective date.
	RoleRenewalStart = "renewal_start"
	RoleRenewalEnd   = "renewal_end"
	// RoleDelivery is a deadline for delivering the goods (乙方应于2026年5月1日前交货,
	// 交货期限：2026年5月1日, "deliver the Products no later than"): a
	// register's delivery date. RolePayment (a duration role too) is a
	// deadline for paying.
	RoleDelivery = "delivery"
	// RoleGoLive is the day a system or service goes live, a date the
	// contract defines as its "Go-Live Date" (or "Launch Date"): a
	// register tracks it beside the effective date, and it was a plain
	// date.
	RoleGoLive = "go_live"
)

var (
	// definedDateAfterRe follows a date the contract names for use later
	// ("September 1, 2026 (the "Go-Live Date")"): the name is the group.
	definedDateAfterRe = regexp.MustCompile(`^\s*\(\s*(?:the\s+|this\s+)?["“]([\pL][\pL -]{1,30}?\s+Date)["”]\s*\)`)
	// goLiveNameRe is a defined date's name that says the service goes
	// live on it.
	goLiveNameRe = regexp.MustCompile(`(?i)^(?:(?:system|service|platform)\s+)?(?:go[- ]?live|launch|live|cut-?over)\s+date$`)
)

// definedDateName is the name the contract gives the date that ends at
// text[end] ("Go-Live Date"), or "".
func definedDateName(text string, end int) string {
	if m := definedDateAfterRe.FindStringSubmatch(text[end:min(len(text), end+50)]); m != nil {
		return strings.Join(strings.Fields(m[1]), " ")
	}
	return ""
}

// goLiveRole is RoleGoLive for a date the contract defines as its go-live
// day, else "".
func goLiveRole(text string, end int) string {
	if goLiveNameRe.MatchString(definedDateName(text, end)) {
		return RoleGoLive
	}
	return ""
}

// eventTermEnd adds the expiration of a term that starts on an event the
// contract dates elsewhere ("The Term begins on the Go-Live Date and
// continues for thirty-six (36) months", the Go-Live Date being "September
// 1, 2026 (the "Go-Live Date")"): that day plus the term's length. It
// reports whether it added one. The term was counted from the effective
// date, or not at all, the sentence naming no day.
func eventTermEnd(x *collector, text string, ds []dateMatch, sents []sentence) bool {
	for _, s := range sents {
		m := startEventRe.FindStringSubmatchIndex(s.text)
		if m == nil || len(s.text) > 1200 || strings.HasPrefix(s.text[m[2]:m[3]], "Effective") || len(findDatesOrdered(s.text, x.dayFirst)) > 0 {
			continue // the Effective Date is the term rules' own start; a dated sentence ends itself
		}
		name := strings.Join(strings.Fields(s.text[m[2]:m[3]]), " ")
		du := termDurations(s.text[m[1]:])
		if len(du) == 0 {
			continue
		}
		for _, d := range ds {
			if !strings.EqualFold(definedDateName(text, d.end), name) {
				continue
			}
			if end, ok := addDuration(d.iso, du[0].iso); ok {
				x.add(KindExpirationDate, clip(s.text, maxSentenceChars), end, s.start)
				return true
			}
		}
	}
	return false
}

var (
	// deliveryLabelRe ends a delivery date's label ("Delivery Date:",
	// 交货期限：), which dates the deadline without a duty's words: it was
	// a plain date.
	deliveryLabelRe = regexp.MustCompile(`(?i)\b(?:delivery|shipment)\s+(?:date|deadline)\s*[:：]\s*$|(?:交货|交付|发货)(?:期限|日期|时间)\s*[:：]?\s*$`)
	// deliveryCueRe and paymentCueRe name what a deadline's clause asks
	// for.
	deliveryCueRe = regexp.MustCompile(`(?i)\bdeliver(?:s|ed|y|ies)?\b|\bship(?:s|ped|ment)?\b|交货|交付|发货|送达`)
	paymentCueRe  = regexp.MustCompile(`(?i)\bpa(?:y|ys|id|yable|yment)\b|支付|付款|付清|结清`)
	// deadlineBreakRe ends a deadline's clause: a line break too, as a
	// Chinese contract's clauses stand a line each.
	deadlineBreakRe = regexp.MustCompile(`[.;:]\s|[。；\n]`)
)

// deadlineReach bounds the bytes either side of a deadline read for
// what it is a deadline for.
const deadlineReach = 80

// deadlineRole is what the compliance date at text[start:end] is the
// deadline for, read in its clause: delivery, payment, or "".
func deadlineRole(text string, start, end int) string {
	head := text[max(0, start-deadlineReach):start]
	if locs := deadlineBreakRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	tail := text[end:min(len(text), end+deadlineReach)]
	if loc := deadlineBreakRe.FindStringIndex(tail); loc != nil {
		tail = tail[:loc[0]]
	}
	clause := head + " " + tail
	switch {
	case deliveryCueRe.MatchString(clause):
		return RoleDelivery
	case paymentCueRe.MatchString(clause):
		return RolePayment
	}
	return ""
}

// renewalEndBeforeRe ends the words before a renewal's last day
// ("commencing 1 March 2027 and ending on 29 February 2028").
var renewalEndBeforeRe = regexp.MustCompile(`(?i)\b(?:end(?:s|ing)?|expir(?:es|ing)|until|through|to)\s+(?:on\s+)?(?:the\s+)?$`)

// renewalDateRole is the role of a date in a renewal sentence, given
// the words before it: its end where they or the date rules (ends) end a
// period, else its start.
func renewalDateRole(before string, ends bool) string {
	if ends || renewalEndBeforeRe.MatchString(before) {
		return RoleRenewalEnd
	}
	return RoleRenewalStart
}

// withoutRenewalDates is ds without the dates that start or end a
// renewal (renewalEnd), which date no agreement.
func withoutRenewalDates(text string, ds []dateMatch) []dateMatch {
	out := make([]dateMatch, 0, len(ds))
	for _, d := range ds {
		if !renewalEnd(text, d.start) {
			out = append(out, d)
		}
	}
	return out
}

// orderDateRe ends the label before an order form's subscription date
// ("Subscription Start Date:", "Order Term End Date:", "Service Period
// End:").
var orderDateRe = regexp.MustCompile(`(?i)\b(?:subscription|order|service|services)\s+(?:term\s+|period\s+)?(?:(start|commencement|begin(?:ning)?)|(end|expiry|expiration))(?:\s+date)?\s*[:：]?\s*$`)

// orderDateRole is the role of a date whose text before ends with an
// order form's label, or "".
func orderDateRole(before string) string {
	m := orderDateRe.FindStringSubmatch(before)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return RoleSubscriptionStart
	}
	return RoleSubscriptionEnd
}

// orderStartEffective makes an order form's subscription start the
// contract's effective date where nothing else starts it (an order form
// on its own is the contract), and returns it, or "".
func orderStartEffective(x *collector) string {
	if x.has(KindEffectiveDate) {
		return ""
	}
	if f, ok := x.firstWithRole(KindDate, RoleSubscriptionStart); ok {
		x.add(KindEffectiveDate, f.e.Text, f.e.Value, f.pos)
		return f.e.Value
	}
	return ""
}

// firstWithRole is the first entity found of kind with role.
func (x *collector) firstWithRole(kind, role string) (found, bool) {
	for _, f := range x.ents {
		if f.e.Kind == kind && f.e.Role == role {
			return f, true
		}
	}
	return found{}, false
}

// orderEndExpires makes an order form's subscription end the
// contract's expiration where nothing else ends it.
func orderEndExpires(x *collector) {
	if x.has(KindExpirationDate) {
		return
	}
	if f, ok := x.firstWithRole(KindDate, RoleSubscriptionEnd); ok {
		x.add(KindExpirationDate, f.e.Text, f.e.Value, f.pos)
	}
}

// termCommencingRe is a term said to begin on a date in its own
// sentence: "The term of this Lease is five (5) years commencing on 1 May
// 2026". "commencing on" alone is a payment's as often (paymentBeforeRe),
// so the term must be named first.
var termCommencingRe = regexp.MustCompile(`(?i)\b(?:the\s+)?(?:initial\s+)?term\s+(?:of\s+this\s+(?:agreement|lease|contract)\s+)?(?:is|shall\s+be)\s+[^.;]{0,60}?\b(?:commencing|beginning|starting)\s+(?:on|from)\s+(?:the\s+)?$`)

// termCommences reports whether the date at pos starts the contract's
// term (termCommencingRe, within its sentence).
func termCommences(text string, pos int) bool {
	head := text[max(0, pos-renewalReach):pos]
	if locs := sentenceEndRe.FindAllStringIndex(head, -1); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	return termCommencingRe.MatchString(head)
}
