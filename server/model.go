package server

import (
	"errors"
	"fmt"
	"time"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/model"
	"github.com/docmill/docmill/web"
)

// FindBundle returns the bundle folder: dir when given, else the default
// bundle (model.DefaultBundleDir: $DOCMILL_MODEL_DIR, the working
// directory, next to the executable or in its share folder).
func FindBundle(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return model.DefaultBundleDir()
}

// loadModel loads the neural tier; the free tier fills what the model does
// not do (log templates, entities).
func loadModel(c config.Model, free *enrich.Free) (enrich.Analyzer, string, error) {
	dir, err := FindBundle(c.Dir)
	if err != nil {
		return nil, "", err
	}
	lib, err := model.FindORTLib(c.ORTLib)
	if err != nil {
		return nil, "", err
	}
	m, err := model.Load(model.Options{Dir: dir, LibPath: lib, Threads: c.Threads, Int8: c.Int8,
		MaxBatch: c.MaxBatch, MaxWait: c.MaxWait, Threshold: c.Threshold})
	if err != nil {
		return nil, "", err
	}
	if m == nil {
		return nil, "", errors.New("model load returned nothing")
	}
	precision := "fp32"
	switch {
	case m.Int8():
		precision = "int8"
	case c.Int8:
		precision = "fp32: int8 was asked for, but the bundle has no int8 segments"
	}
	comp := enrich.Composition{PrimarySummaries: c.Summaries == config.SummariesSalience}
	return enrich.Compose(model.NewAnalyzer(m, model.AnalyzerOptions{}), free, comp), precision, nil
}

// modelFailureWindow is how long a failed model run keeps /healthz's
// model_runtime not ok.
const modelFailureWindow = 5 * time.Minute

// modelRuntime is the /healthz entry for a model that fails at run time
// (each such document is analysed by the model-free tier instead): not ok
// while the last failure is recent. Loading already refuses bundles that
// do not run at all; this catches what only some documents trigger.
func modelRuntime(an enrich.Analyzer) (web.Component, bool) {
	r, ok := an.(enrich.FailureReporter)
	if !ok {
		return web.Component{}, false
	}
	n, last, at := r.Failures()
	if n == 0 {
		return web.Component{OK: true, Detail: "no failed runs"}, true
	}
	detail := fmt.Sprintf("%d documents fell back to the model-free tier; last %s ago: %v", n, time.Since(at).Round(time.Second), last)
	return web.Component{OK: time.Since(at) > modelFailureWindow, Detail: detail}, true
}
