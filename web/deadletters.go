package web

import (
	"net/http"

	"github.com/docmill/docmill/connectors"
)

// deadLetterRows is how many dead letters the page lists.
const deadLetterRows = 100

// deadLettersPage lists the newest dead letters.
type deadLettersPage struct {
	PageTitle string
	Letters   []connectors.DeadLetter
	Error     string
	// Refused are the files the watched folders did not take, newest
	// first: never published, they are no dead letters, and were seen
	// only in the log.
	Refused []connectors.Refusal
	// RefusedHere says why Refused are this process's own refusals only
	// (its NATS user may not use connectors.RefusedBucket, or it could
	// not be read): an indexer serving the page watches no folder, so
	// without it the workers' refusals looked like none at all.
	RefusedHere string
}

// pageDeadLetters lists the newest dead letters with their reasons: the
// dashboard counts them, and an operator's next question is which files
// and why. Replaying and dropping stay with `docmill dlq`, which names
// what it does to each.
func (s *Server) pageDeadLetters(w http.ResponseWriter, r *http.Request) {
	page := deadLettersPage{PageTitle: "Dead letters"}
	refused, err := s.o.Refused.Read(r.Context())
	page.Refused = refused
	if err != nil {
		page.RefusedHere = err.Error()
	}
	if s.o.JS == nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		page.Error = "this process has no broker connection to read the dead-letter stream"
	} else if dl, err := connectors.RecentDeadLetters(r.Context(), s.o.JS, deadLetterRows); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		page.Error = err.Error()
	} else {
		page.Letters = dl
	}
	s.render(w, "deadletters.html", page)
}
