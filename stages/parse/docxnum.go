package parse

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// Word does not store list and heading numbers ("2.3", "(a)", "iv.") in
// the text: it generates them from word/numbering.xml, where a paragraph's
// numId and level pick a format ("%1.%2.") and a counter. Contracts refer
// to their clauses by these numbers, so docmill generates them too.

// docxLevel is one level of a list definition.
type docxLevel struct {
	start  int
	format string // numFmt: decimal, lowerLetter, upperRoman, bullet, ...
	text   string // lvlText: "%1.%2.", "(%3)", a bullet character
	// legal is w:isLgl, legal numbering: the level writes every number of
	// its text in Arabic digits, so "ARTICLE I" has "Section 1.01", not
	// "I.01", and "第一条" has "1.1", not "一.1"
	legal bool
	// joined is w:suff="nothing": no tab or space between the number and
	// the text, as Chinese lists write "一、按时付款"
	joined bool
}

// docxNumbering generates list numbers in document order.
type docxNumbering struct {
	levels map[string][]docxLevel // numId -> its abstract definition's levels
	starts map[string]map[int]int // numId -> level -> startOverride
	styles map[string][2]string   // paragraph style -> numId, level
	// abstract is numId -> its abstract definition's id. Word counts per
	// abstract definition: a second numId on the same definition goes on
	// from the first's numbers unless a startOverride restarts it
	abstract map[string]string
	counters map[string][]int // abstract definition (numId when unknown) -> current counter per level
	// restarted holds the numIds whose startOverrides have been applied:
	// once, at their first paragraph
	restarted map[string]bool
}

// maxListLevels is the number of levels Word defines per list;
// maxListDefinitions bounds the list definitions read (real documents
// have tens, rarely hundreds).
const (
	maxListLevels      = 9
	maxListDefinitions = 10000
)

// newDocxNumbering reads numbering.xml and the numbering that styles.xml
// attaches to paragraph styles (numbered headings); nil when the document
// has no numbering.
func newDocxNumbering(numbering, styles []byte) *docxNumbering {
	if len(numbering) == 0 {
		return nil
	}
	abstract := map[string][]docxLevel{}
	n := &docxNumbering{levels: map[string][]docxLevel{}, starts: map[string]map[int]int{},
		styles: map[string][2]string{}, counters: map[string][]int{}, abstract: map[string]string{}, restarted: map[string]bool{}}
	var absID, numID string
	var lvl *docxLevel
	var lvlAt, overrideAt int
	eachStart(numbering, func(st xml.StartElement) {
		switch st.Name.Local {
		case "abstractNum":
			absID, numID = attr(st, "abstractNumId"), ""
			if len(abstract) >= maxListDefinitions {
				absID = ""
				return
			}
			abstract[absID] = make([]docxLevel, maxListLevels)
			for i := range abstract[absID] {
				abstract[absID][i] = docxLevel{start: 1, format: "decimal"}
			}
		case "num":
			numID, absID = attr(st, "numId"), ""
		case "abstractNumId":
			if numID != "" {
				n.levels[numID] = abstract[attr(st, "val")]
				n.abstract[numID] = attr(st, "val")
			}
		case "lvlOverride":
			overrideAt, _ = strconv.Atoi(attr(st, "ilvl"))
		case "startOverride":
			if numID != "" {
				if n.starts[numID] == nil {
					n.starts[numID] = map[int]int{}
				}
				n.starts[numID][overrideAt], _ = strconv.Atoi(attr(st, "val"))
			}
		case "lvl":
			lvl = nil
			lvlAt, _ = strconv.Atoi(attr(st, "ilvl"))
			if levels := abstract[absID]; absID != "" && lvlAt >= 0 && lvlAt < len(levels) {
				lvl = &levels[lvlAt]
			}
		case "start":
			if lvl != nil {
				lvl.start, _ = strconv.Atoi(attr(st, "val"))
			}
		case "numFmt":
			if lvl != nil {
				lvl.format = attr(st, "val")
			}
		case "lvlText":
			if lvl != nil {
				lvl.text = attr(st, "val")
			}
		case "suff":
			if lvl != nil {
				lvl.joined = attr(st, "val") == "nothing"
			}
		case "isLgl":
			if lvl != nil {
				lvl.legal = onOff(attr(st, "val"), true)
			}
		}
	})
	n.readStyles(styles)
	return n
}

// readStyles records the numbering of paragraph styles, following basedOn.
func (n *docxNumbering) readStyles(styles []byte) {
	type style struct{ numID, level, basedOn string }
	all := map[string]*style{}
	var cur *style
	eachStart(styles, func(st xml.StartElement) {
		switch st.Name.Local {
		case "style":
			cur = &style{}
			all[attr(st, "styleId")] = cur
		case "basedOn":
			if cur != nil {
				cur.basedOn = attr(st, "val")
			}
		case "numId":
			if cur != nil {
				cur.numID = attr(st, "val")
			}
		case "ilvl":
			if cur != nil {
				cur.level = attr(st, "val")
			}
		}
	})
	for id, s := range all {
		for depth := 0; depth < 8 && s != nil && s.numID == ""; depth++ {
			s = all[s.basedOn]
		}
		if s != nil && s.numID != "" {
			n.styles[id] = [2]string{s.numID, s.level}
		}
	}
}

// eachStart calls fn for every start element of an XML part, up to the
// end, the first syntax error or maxXMLDepth (a damaged part yields what
// precedes it).
func eachStart(raw []byte, fn func(xml.StartElement)) {
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var depth xmlDepth
	for {
		tok, err := depth.token(dec)
		if err != nil {
			return
		}
		if st, ok := tok.(xml.StartElement); ok {
			fn(st)
		}
	}
}

// label advances the counters for paragraph p and returns its number, ""
// when it is not numbered.
func (n *docxNumbering) label(p *docxPara) string {
	l, _ := n.numbered(p)
	return l
}

// numbered is label, and whether the number joins the text with no space
// between (w:suff="nothing"); a bulleted paragraph's label is its bullet,
// space included. A paragraph's own numPr wins over its style's; numId 0
// switches numbering off.
func (n *docxNumbering) numbered(p *docxPara) (string, bool) {
	if n == nil {
		return "", false
	}
	numID, level := p.numID, p.level
	if ref, ok := n.styles[p.style]; ok {
		if numID == "" {
			numID = ref[0]
		}
		if level == "" {
			level = ref[1]
		}
	}
	levels := n.levels[numID]
	at, _ := strconv.Atoi(level)
	if len(levels) == 0 || at < 0 || at >= len(levels) {
		return "", false
	}
	c := n.counterOf(numID, levels)
	c[at]++
	for i := at + 1; i < len(c); i++ {
		c[i] = n.startOf(numID, levels, i) - 1
	}
	lv := levels[at]
	if lv.format == "bullet" {
		// "- " at its level's indent, as the HTML reader writes a nested
		// <ul>: without a mark, an item and its sub-items read as
		// paragraphs of one level
		return bulletAt(at), true
	}
	if lv.format == "none" {
		return "", false
	}
	out := lv.text
	for i := 0; i <= at; i++ {
		format := levels[i].format
		if lv.legal && !strings.HasPrefix(format, "decimal") {
			format = "decimal"
		}
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(i+1), formatNumber(max(c[i], levels[i].start), format))
	}
	return numberIndent(levels[:at]) + strings.TrimSpace(out), lv.joined
}

// numberIndent is the indentation of a number at the level below levels:
// as deep as a bullet of its level when one of them is a bullet, as the
// HTML reader indents an <ol> nested in a <ul>, since "1." at the start
// of a line under an indented "  - " read as a list of the outer level.
// Numbers under numbers only are told apart by themselves (2.1., a.).
func numberIndent(levels []docxLevel) string {
	for _, l := range levels {
		if l.format == "bullet" {
			return strings.Repeat(string(keptSpace), 2*len(levels))
		}
	}
	return ""
}

// bullet reports whether a paragraph's label is a bullet (bulletAt's),
// not a number.
func bullet(label string) bool {
	return strings.TrimLeft(label, string(keptSpace)) == "- "
}

// counterOf returns the counters numID's paragraphs advance: those of
// its abstract definition, shared with the other numIds on it, restarted
// where numID's startOverrides say when its first paragraph comes.
func (n *docxNumbering) counterOf(numID string, levels []docxLevel) []int {
	key := numID
	if abs, ok := n.abstract[numID]; ok {
		key = "abstract " + abs
	}
	c := n.counters[key]
	if c == nil {
		c = make([]int, len(levels))
		for i := range c {
			c[i] = n.startOf(numID, levels, i) - 1
		}
		n.counters[key] = c
	}
	if !n.restarted[numID] {
		n.restarted[numID] = true
		for i := range c {
			if s, ok := n.starts[numID][i]; ok {
				c[i] = s - 1
			}
		}
	}
	return c
}

func (n *docxNumbering) startOf(numID string, levels []docxLevel, i int) int {
	if s, ok := n.starts[numID][i]; ok {
		return s
	}
	return levels[i].start
}

// formatNumber writes a list counter in a numFmt.
func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter":
		return letters(v)
	case "upperLetter":
		return strings.ToUpper(letters(v))
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperRoman":
		return roman(v)
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting":
		// Chinese contracts number their clauses "第一条": a reader (and
		// a search) cites them so
		if s := chineseNumber(v); s != "" {
			return s
		}
	case "ideographDigital", "taiwaneseDigital":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune([]rune(chineseDigits)[d-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune(0x2460 + v - 1))
		}
	}
	return strconv.Itoa(v)
}

const chineseDigits = "〇一二三四五六七八九"

// chineseNumber writes 1 to 9999 in Chinese counting numerals (十一,
// 二十, 一百零五); "" outside that range.
func chineseNumber(v int) string {
	if v < 1 || v > 9999 {
		return ""
	}
	digits := []rune(chineseDigits)
	units := []string{"千", "百", "十", ""}
	var b strings.Builder
	s := strconv.Itoa(v)
	s = strings.Repeat("0", 4-len(s)) + s
	zero := false
	for i, c := range s {
		d := int(c - '0')
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune('零') // a counting numeral's zero, not the digit 〇
			zero = false
		}
		// "十一", not "一十一", when ten leads
		if !(d == 1 && units[i] == "十" && b.Len() == 0) {
			b.WriteRune(digits[d])
		}
		b.WriteString(units[i])
	}
	return b.String()
}

// letters is Word's a..z, aa..zz, aaa... sequence.
func letters(v int) string {
	if v < 1 {
		return strconv.Itoa(v)
	}
	return strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; v >= p.n; v -= p.n {
			b.WriteString(p.s)
		}
	}
	return b.String()
}
