package index

import "github.com/blevesearch/bleve/v2/analysis"

// maxRestTerms is how many distinct terms the text past a long text's
// first MiB may add to the index; where the next new term would be the
// one over, the searchable text ends. Indexing costs Bleve some 1.6 KB of
// memory per distinct term (its dictionary and postings, in the field and
// again in _all), so 7 MiB of random words (a million distinct terms)
// took 1.5 GB to index, where 8 MiB of prose or logs, a few tens of
// thousands of terms, takes some 0.25 GB. The first 8 MiB of the 510 CUAD
// contracts back to back add 12,000 terms past their first MiB and of the
// SemEval papers 22,000, so no real document comes near the cap.
const maxRestTerms = 200_000

// restChunk is how much text capTerms analyses at a time: its tokens,
// some 100 bytes each, are garbage by the next chunk.
const restChunk = 64 << 10

func (o Options) maxRestTerms() int {
	if o.restTerms > 0 {
		return o.restTerms
	}
	return maxRestTerms
}

// capRest caps the distinct terms of the text past the first MiB at limit
// (see maxRestTerms): more, or, in an index without fieldBodyMore, body's text
// past its first MiB.
func capRest(a analysis.Analyzer, body, more string, limit int) (string, string) {
	if more != "" {
		return body, capTerms(a, more, limit)
	}
	if len(body) <= bodyHeadBytes {
		return body, more
	}
	at := cutAt(body, bodyHeadBytes)
	return body[:at+len(capTerms(a, body[at:], limit))], more
}

// capTerms is the longest start of text, cut before a word, that a
// analyses into at most limit distinct terms.
func capTerms(a analysis.Analyzer, text string, limit int) string {
	seen := make(map[string]struct{}, 1024)
	for off := 0; off < len(text); {
		end := len(text)
		if off+restChunk < end {
			end = cutAt(text, off+restChunk)
			if end <= off {
				end = off + restChunk
			}
		}
		for _, tok := range a.Analyze([]byte(text[off:end])) {
			if _, ok := seen[string(tok.Term)]; ok {
				continue
			}
			if len(seen) == limit {
				return text[:cutAt(text, off+min(max(tok.Start, 0), end-off))]
			}
			seen[string(tok.Term)] = struct{}{}
		}
		off = end
	}
	return text
}
