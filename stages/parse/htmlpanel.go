package parse

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// panelClassRe is the class of a collapsible panel: an accordion's or a
// tab's body, a Bootstrap "collapse".
var panelClassRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:accordion|collapse|collapsible|tab-?pane|tabpanel|faq)(?:$|[\s_-])`)

// overlayClassRe is the class of a hidden element the page pops up over
// its content (a modal, a popup, a cookie or newsletter banner, a toast),
// which may carry a panel's "collapse" class too.
var overlayClassRe = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:modal|popup|pop-up|overlay|lightbox|toast|banner|cookies?|consent|gdpr|newsletter|subscribe|signup|promo)(?:$|[\s_-])`)

// collapsedPanel reports a hidden element that is a disclosure widget's
// panel: an accordion's answer, a tab's body, which the page shows when
// its question or tab is clicked. A saved intranet FAQ or policy page
// holds its words there ("What can I claim for?" and its answer), and
// hiding them left a page of questions with no answers; a menu's panel
// (mostly links) stays out, and so does a popup that is a "collapse"
// too: a hidden newsletter box had opened the page's text.
func collapsedPanel(n *html.Node) bool {
	if n.Type != html.ElementNode || linkShare(n) >= 0.5 || overlayClassRe.MatchString(attrVal(n, "class")+" "+attrVal(n, "id")) {
		return false
	}
	if attrVal(n, "role") == "tabpanel" || panelClassRe.MatchString(attrVal(n, "class")) {
		return true
	}
	id := attrVal(n, "id")
	return id != "" && controlled(root(n), id)
}

// controlled reports an element of the tree under n with aria-controls
// naming id and aria-expanded set: the button that opens panel id.
func controlled(n *html.Node, id string) bool {
	if n.Type == html.ElementNode && hasAttr(n, "aria-expanded") && strings.Contains(" "+attrVal(n, "aria-controls")+" ", " "+id+" ") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if controlled(c, id) {
			return true
		}
	}
	return false
}

// disclosureButton reports a button that opens a panel (aria-expanded) or
// sits in a heading: its words are the panel's question or title ("When
// must I submit my claim?"), where other buttons ("Accept all", "Print")
// are controls.
func disclosureButton(n *html.Node) bool {
	if n.DataAtom != atom.Button {
		return false
	}
	if hasAttr(n, "aria-expanded") {
		return true
	}
	switch p := n.Parent; {
	case p == nil || p.Type != html.ElementNode:
		return false
	default:
		switch p.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt:
			return true
		}
	}
	return false
}
