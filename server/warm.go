package server

import (
	"context"

	"github.com/docmill/docmill/lang"
)

// warmSegmenter starts loading the Chinese word segmenter in the background
// when the index already holds Chinese documents. The segmenter is loaded
// lazily (about 370 MB, seconds to load) because most deployments never
// see Chinese; where they do, the first search in Chinese after a restart
// would otherwise wait for the load (3.4 s measured on a 2-core machine).
// The check itself is one term query, done before the process serves.
func (s *Server) warmSegmenter(ctx context.Context) {
	has, err := s.ix.HasLanguage(ctx, lang.Chinese)
	if err != nil || !has {
		return
	}
	// lang logs the load, its time and a failure (LogSegmenterLoad)
	s.o.Log.Info("loading the Chinese word segmenter in the background: the index holds Chinese documents, and searching them needs it")
	go lang.Segmenter()
}
