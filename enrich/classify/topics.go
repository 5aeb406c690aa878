package classify

import (
	"regexp"
	"strings"
)

// The regulation head learned its topics from EU acts only, by their
// words: a payment service provider, a gatekeeper, a data subject. Outside
// the EU a law says the same things in words of its own (protected health
// information, customer information, money laundering), and the head
// guessed from words it knew that say nothing there: HIPAA's privacy rule
// read 0.41 payment services, SOX section 404 0.58 cybersecurity, the
// California Consumer Privacy Act 0.53 consumer protection. A regulation
// that is not laid out as an EU act is named by the topic its own words
// name most, or none.

// euActRe is what marks an EU act, or an article of one (the form the
// head learned from): the Union's institutions, its acts' numbers, or a
// line that heads an article ("Article 17", "Article 17 Right to
// erasure").
var euActRe = regexp.MustCompile(`\bEuropean\s+(?:Parliament|Union|Commission|Council|Economic\s+Area)\b|\bMember\s+States?\b|\((?:EU|EC|EEC|Euratom)\)\s*(?:No\s*)?\d|\bDirective\s+\d{2,4}/\d+|(?m:^[ \t]*(?:Article|ARTICLE)[ \t]+\d+)`)

// topicCues are the words that name a regulation's topic, by the label the
// regulation head gives it, in the words of laws in the US, the UK and
// Asia-Pacific as well as the EU's. Order settles a tie.
//
// Electronic records and signatures (FDA's 21 CFR Part 11) are their
// controls' trust: authenticity, integrity, audit trails. The EU puts its
// trust services (electronic signatures) under cybersecurity (NIS2), the
// head's nearest label; Part 11 had no topic at all.
var topicCues = []struct {
	label string
	re    *regexp.Regexp
}{
	{"regulation/privacy / electronic communications", regexp.MustCompile(`(?i)\b(?:electronic\s+communications?|telecommunications?|direct\s+marketing|unsolicited|traffic\s+data|location\s+data)\b`)},
	{"regulation/data protection", regexp.MustCompile(`(?i)\b(?:personal\s+(?:data|information)|data\s+protection|privacy|health\s+information|data\s+subjects?)\b`)},
	{"regulation/payment services / financial regulation", regexp.MustCompile(`(?i)\b(?:money\s+laundering|(?:terrorist|terrorism)\s+financing|financing\s+of\s+terrorism|banks?|banking|securities|financial\s+(?:reporting|statements?|institutions?|services|crime|conduct|markets?)|investment\s+(?:services|firms?)|insurers?|payment\s+services?|credit\s+institutions?|internal\s+controls?|capital\s+requirements?)\b`)},
	{"regulation/cybersecurity", regexp.MustCompile(`(?i)\b(?:cyber\w*|information\s+security|security\s+(?:incidents?|events?)|network\s+and\s+information\s+systems?|incident\s+response|encryption|multi-factor\s+authentication|access\s+controls?|electronic\s+(?:records?|signatures?)|audit\s+trails?|trust\s+services?)\b`)},
	{"regulation/consumer protection", regexp.MustCompile(`(?i)\b(?:consumer\s+(?:protection|rights|credit)|unfair\s+(?:commercial\s+)?practices|deceptive|distance\s+contracts?)\b`)},
	{"regulation/competition / digital markets", regexp.MustCompile(`(?i)\b(?:competition|antitrust|anti-competitive|gatekeepers?|dominant\s+position|mergers?)\b`)},
	{"regulation/accessibility", regexp.MustCompile(`(?i)\b(?:accessibility|disabilit(?:y|ies))\b`)},
	{"regulation/e-commerce", regexp.MustCompile(`(?i)\b(?:e-commerce|electronic\s+commerce|information\s+society\s+services?)\b`)},
	{"regulation/online platforms", regexp.MustCompile(`(?i)\b(?:online\s+platforms?|intermediary\s+services?|illegal\s+content|content\s+moderation)\b`)},
	{"regulation/open data / public sector information", regexp.MustCompile(`(?i)\b(?:open\s+data|public\s+sector\s+information|freedom\s+of\s+information)\b`)},
	{"regulation/data governance", regexp.MustCompile(`(?i)\b(?:data\s+governance|data\s+sharing|data\s+intermediar\w*|data\s+altruism)\b`)},
}

// minTopicCues is how often a topic's words must occur for them to name
// it: a passing "bank" or "privacy" names no law's topic.
const minTopicCues = 2

// topicHead bounds how far into a regulation its topic is looked for.
const topicHead = 4 << 10

// euAct reports a text laid out as an EU act or an article of one.
func euAct(text string) bool {
	return euActRe.MatchString(head(text, topicHead))
}

// cueTopic is the label among labels whose topic words occur most often
// in text's opening (at least minTopicCues times); "" when none do.
func cueTopic(text string, labels []string) string {
	h := head(text, topicHead)
	best, bestN := "", minTopicCues-1
	for _, c := range topicCues {
		if !containsFold(labels, c.label) {
			continue
		}
		if n := len(c.re.FindAllStringIndex(h, -1)); n > bestN {
			best, bestN = c.label, n
		}
	}
	return best
}

func containsFold(labels []string, l string) bool {
	for _, x := range labels {
		if strings.EqualFold(x, l) {
			return true
		}
	}
	return false
}
