package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/registry"
)

// StopName is the stop-word filter of TextAnalyzer: Bleve's English stop
// words except the single letters. Legal text enumerates with them
// ("Section 2.3(a)", "Article 6(1)(i)"); with "a" and "i" dropped, a
// phrase for "Section 2.3(a)" matched every "Section 2.3". An index keeps
// the analyser it was created with (Bleve stores the mapping), so indexes
// made before this filter keep stop_en.
const StopName = "docmill_stop_en"

// StopName2 is StopName without the particles of compound words
// ("set-off", "write-off", "carve-out", "opt-out", "lock-up",
// "carry-over", "draw-down"). As stop words they left "set-off" the word
// "set", and a search for set-off clauses found every "set forth". Indexes
// made before it keep StopName.
const StopName2 = "docmill_stop_en_2"

// compoundParticles are the stop words StopName2 keeps: rare enough in
// running text to cost the index little, and half of a legal or technical
// term when hyphenated.
var compoundParticles = []string{"off", "out", "over", "up", "down"}

// stopWords is StopName's word list: Bleve's English stop words of two
// letters or more.
func stopWords(cache *registry.Cache) (analysis.TokenMap, error) {
	words, err := cache.TokenMapNamed(en.StopName)
	if err != nil {
		return nil, err
	}
	kept := analysis.NewTokenMap()
	for w := range words {
		if len(w) > 1 {
			kept.AddToken(w)
		}
	}
	return kept, nil
}

func init() {
	err := registry.RegisterTokenFilter(StopName, func(_ map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
		kept, err := stopWords(cache)
		if err != nil {
			return nil, err
		}
		return stop.NewStopTokensFilter(kept), nil
	})
	if err != nil {
		panic(err)
	}
	err = registry.RegisterTokenFilter(StopName2, func(_ map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
		kept, err := stopWords(cache)
		if err != nil {
			return nil, err
		}
		for _, w := range compoundParticles {
			delete(kept, w)
		}
		return stop.NewStopTokensFilter(kept), nil
	})
	if err != nil {
		panic(err)
	}
}
