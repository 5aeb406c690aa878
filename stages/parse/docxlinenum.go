package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// A pleading template in Word numbers its line slots 1 to 28 down the
// left margin as text: in a text box anchored in the first paragraph, in
// a table cell beside the body, or in a two-column table with a row a
// line. Read as text the numbers came as 28 paragraphs of their own
// inside the attorney's block, or before every row's text ("11 | JANE
// DOE, an individual,"), where the caption's parties, its court and its
// title were lost. dropDOCXLineNumbers takes them out of the text the
// DOCX reader wrote, as dropLineNumbers does off a PDF's page.

// bareNumberLineRe is a paragraph that is a number and nothing else.
var bareNumberLineRe = regexp.MustCompile(`^[ \t]*(\d{1,3})[ \t]*$`)

// numberedRowRe is a table row whose first cell is a number: "11 | JANE
// DOE, an individual," or "7 |" beside an empty line slot.
var numberedRowRe = regexp.MustCompile(`^(\d{1,3}) \|(?: (.*))?$`)

// dropDOCXLineNumbers removes a margin's line numbers from a DOCX's text:
// a run of paragraphs that are only numbers counting up by one from 1,
// and the first cells of a run of table rows that count so, each run at
// least minNumberedLines long. A list of fewer, or numbers that do not
// count from 1, is the document's own.
func dropDOCXLineNumbers(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		if end := countedRun(lines, i, bareNumberLineRe, true); end > i {
			i = end
			continue
		}
		if end := countedRun(lines, i, numberedRowRe, false); end > i {
			for ; i < end; i++ {
				out = append(out, numberedRowRe.FindStringSubmatch(lines[i])[2])
			}
			continue
		}
		out = append(out, lines[i])
		i++
	}
	return strings.Join(out, "\n")
}

// countedRun gives the end of the run of lines from i that re matches,
// its first group the numbers 1, 2, 3 ... in turn (blank lines between
// them skipped where blanks allows), or i where the run is no margin's:
// it must open at 1 and hold minNumberedLines numbers.
func countedRun(lines []string, i int, re *regexp.Regexp, blanks bool) int {
	next, end := 1, i
	for j := i; j < len(lines); j++ {
		if blanks && strings.TrimSpace(lines[j]) == "" {
			continue
		}
		m := re.FindStringSubmatch(lines[j])
		if m == nil {
			break
		}
		if v, _ := strconv.Atoi(m[1]); v != next {
			break
		}
		next++
		end = j + 1
	}
	if next-1 < minNumberedLines {
		return i
	}
	return end
}
