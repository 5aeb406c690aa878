package server

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web"
)

// ModelsBucket is the KV bucket of the model registry: key ActiveKey holds
// the model every worker should run; changing it hot-swaps the model.
const (
	ModelsBucket = "docmill-models"
	ActiveKey    = "active"
)

// Active names the model workers should run.
type Active struct {
	Dir      string `json:"dir,omitempty"`  // bundle folder on the worker's disk
	Disabled bool   `json:"free,omitempty"` // the model-free tier
}

// UseModel makes every worker connected to js swap to a (docmill model use).
func UseModel(ctx context.Context, js jetstream.JetStream, a Active) error {
	kv, err := modelsKV(ctx, js, 0)
	if err != nil {
		return err
	}
	raw, _ := json.Marshal(a)
	if _, err := kv.Put(ctx, ActiveKey, raw); err != nil {
		return fmt.Errorf("set active model: %w", err)
	}
	return nil
}

// modelsKV opens the registry; replicas 0 opens an existing bucket as it is.
func modelsKV(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	if replicas == 0 {
		if kv, err := js.KeyValue(ctx, ModelsBucket); err == nil {
			return kv, nil
		}
		replicas = 1
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: ModelsBucket,
		Description: "model registry: the active bundle", Storage: jetstream.FileStorage, History: 10, Replicas: replicas})
	if err != nil {
		return nil, fmt.Errorf("kv %s: %w", ModelsBucket, err)
	}
	return kv, nil
}

// startModel builds the analyser a worker starts with: the registry's
// active model when `docmill model use` has set one (so a worker started
// or restarted after a swap runs what the others run), else the
// configured one. An active bundle that does not load here leaves the
// configured model running, and /healthz says so.
func (s *Server) startModel(ctx context.Context) (enrich.Analyzer, web.Component) {
	c := s.o.Config.Model
	a, ok := s.activeModel(ctx)
	if !ok {
		return BuildAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	}
	rc := c
	rc.Dir, rc.Disabled = a.Dir, a.Disabled
	an, st, err := tryAnalyzer(rc, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	if err == nil {
		s.o.Log.Info("model from the registry (docmill model use)", "dir", a.Dir, "free", a.Disabled)
		return an, st
	}
	// no "running the model-free tier" here: the configured model is
	// tried next, and what runs is logged with it
	an, st = BuildAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	s.o.Log.Error("the registry's active model does not load here; running the configured one", "dir", a.Dir, "err", err,
		"running", st.Detail)
	s.swapErr = fmt.Sprintf("registry model %s does not load here (%v); running %s", a.Dir, err, st.Detail)
	return an, st
}

// activeModel reads the registry's active entry, if any.
func (s *Server) activeModel(ctx context.Context) (Active, bool) {
	var a Active
	kv, err := s.js.KeyValue(ctx, ModelsBucket)
	if err != nil {
		return a, false
	}
	e, err := kv.Get(ctx, ActiveKey)
	if err != nil || json.Unmarshal(e.Value(), &a) != nil {
		return a, false
	}
	s.startRevision = e.Revision()
	return a, a.Dir != "" || a.Disabled
}

// watchModels swaps the analyser whenever the registry's active key
// changes. The pipeline keeps consuming: documents already in analysis
// finish with the model they started with, the next ones get the new one,
// and no message is dropped or processed twice.
func (s *Server) watchModels(ctx context.Context) {
	kv, err := modelsKV(ctx, s.js, s.o.Config.NATS.Replicas)
	if err != nil {
		s.o.Log.Error("model registry unavailable; hot swap disabled", "err", err)
		return
	}
	// The current entry comes first: one written between the start-up
	// read (startModel) and this watch must not be missed; the one the
	// start-up already applied is not applied twice.
	w, err := kv.Watch(ctx, ActiveKey)
	if err != nil {
		s.o.Log.Error("watch model registry", "err", err)
		return
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case e, ok := <-w.Updates():
			if !ok {
				return
			}
			if e == nil || e.Operation() != jetstream.KeyValuePut || e.Revision() == s.startRevision {
				continue
			}
			s.swap(e.Value())
		}
	}
}

func (s *Server) swap(raw []byte) {
	var a Active
	if err := json.Unmarshal(raw, &a); err != nil {
		s.o.Log.Error("model registry: bad entry", "err", err)
		return
	}
	c := s.o.Config.Model
	c.Dir, c.Disabled = a.Dir, a.Disabled
	// the current model stays when the new one does not load: no warning
	// of a model-free tier that does not run
	an, st, err := tryAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	if a.Disabled {
		st.Detail = "model-free tier (docmill model use free)"
	}
	if err != nil {
		s.o.Log.Error("hot swap refused: new model does not load; keeping the current one", "dir", a.Dir, "err", err)
		s.mu.Lock()
		s.swapErr = fmt.Sprintf("refused %s (%v); still running %s", a.Dir, err, s.modelSt.Detail)
		s.mu.Unlock()
		return
	}
	prev := s.analyzer.Load()
	old := prev.Info()
	s.analyzer.Store(an)
	// Documents already in analysis still use the previous model: release
	// its sessions only after they have had time to finish.
	if c, ok := prev.(interface{ Close() }); ok {
		time.AfterFunc(2*s.o.Config.Pipeline.AckWait, c.Close)
	}
	s.mu.Lock()
	s.modelSt, s.swapErr = st, ""
	s.mu.Unlock()
	info := an.Info()
	s.o.Log.Info("model hot-swapped", "from", old.Name+"@"+old.Version, "to", info.Name+"@"+info.Version)
}

// shadowAnalyzer builds the candidate named by model.shadow, and its
// /healthz entry. A shadow that does not load is left out: it is only
// compared with the primary, so the worker runs without it and says why
// (a broken shadow bundle once stopped every worker from starting).
func (s *Server) shadowAnalyzer() (enrich.Analyzer, web.Component) {
	name := s.o.Config.Model.Shadow
	if name == "" {
		return nil, web.Component{}
	}
	c := s.o.Config.Model
	c.Dir, c.Disabled = name, name == "free"
	an, st, err := tryAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	if err != nil {
		s.o.Log.Error("shadow model does not load; running without a shadow", "shadow", name, "err", err)
		return nil, web.Component{OK: false, Detail: fmt.Sprintf("shadow %s does not load, so none runs: %v", name, err)}
	}
	if c.Disabled {
		st.Detail = "the model-free tier"
	}
	return an, web.Component{OK: true, Detail: "comparing " + st.Detail}
}

// compareShadow feeds primary and shadow results to the agreement monitor.
func (s *Server) compareShadow(ctx context.Context) error {
	var subs []*nats.Subscription
	for subj, primary := range map[string]bool{broker.SubjectResults + ".>": true, broker.SubjectShadow + ".>": false} {
		sub, err := s.nc.Subscribe(subj, func(m *nats.Msg) {
			var r document.Result
			if json.Unmarshal(m.Data, &r) != nil {
				return
			}
			if primary {
				s.shadow.ObservePrimary(&r)
			} else {
				s.shadow.ObserveShadow(&r)
			}
		})
		if err != nil {
			return fmt.Errorf("subscribe %s: %w", subj, err)
		}
		subs = append(subs, sub)
	}
	go func() {
		<-ctx.Done()
		for _, sub := range subs {
			_ = sub.Unsubscribe()
		}
	}()
	return nil
}
