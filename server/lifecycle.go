package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web"
)

// ModelsBucket is the KV bucket of the model registry: key ActiveKey holds
// the model every worker should run; changing it hot-swaps the model, and
// deleting it (docmill model reset) returns each process to its own
// configured model.
const (
	ModelsBucket = "docmill-models"
	ActiveKey    = "active"
)

// maxPrevious is how many earlier entries the registry keeps as fallbacks.
const maxPrevious = 3

// Active names the model workers should run.
type Active struct {
	Dir      string `json:"dir,omitempty"`  // bundle folder on the worker's disk
	Disabled bool   `json:"free,omitempty"` // the model-free tier
	// Previous are the entries this one replaced, newest first: a worker
	// that cannot load Dir starts with the first of them it can load,
	// so it runs what the rest of the fleet kept running, not its own
	// configured model.
	Previous []Active `json:"previous,omitempty"`
}

// String names the entry as the CLI and logs show it.
func (a Active) String() string {
	if a.Disabled {
		return "free (the model-free tier)"
	}
	return a.Dir
}

// same reports whether a and b name the same model.
func (a Active) same(b Active) bool { return a.Dir == b.Dir && a.Disabled == b.Disabled }

// UseModel makes every worker connected to js swap to a (docmill model use).
// The entry it replaces goes first in a's Previous list, so a worker that
// cannot load a falls back to what the fleet ran before.
func UseModel(ctx context.Context, js jetstream.JetStream, a Active) error {
	kv, err := modelsKV(ctx, js, 0)
	if err != nil {
		return err
	}
	a.Previous = nil
	if cur, ok, err := readActive(ctx, kv); err != nil {
		return err
	} else if ok {
		a.Previous = previousOf(a, cur)
	}
	raw, _ := json.Marshal(a)
	if _, err := kv.Put(ctx, ActiveKey, raw); err != nil {
		return fmt.Errorf("set active model: %w", err)
	}
	return nil
}

// previousOf is the fallback list of next, replacing cur: cur, then cur's
// own fallbacks, without next itself or repeats, at most maxPrevious.
func previousOf(next, cur Active) []Active {
	var out []Active
	for _, p := range append([]Active{{Dir: cur.Dir, Disabled: cur.Disabled}}, cur.Previous...) {
		p.Previous = nil
		if p.same(next) || slices.ContainsFunc(out, p.same) {
			continue
		}
		if out = append(out, p); len(out) == maxPrevious {
			break
		}
	}
	return out
}

// ShowModel returns the registry's entry; ok is false when there is none
// (no model use yet, or model reset since): each process runs its own
// configured model.
func ShowModel(ctx context.Context, js jetstream.JetStream) (a Active, ok bool, err error) {
	kv, err := js.KeyValue(ctx, ModelsBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("kv %s: %w", ModelsBucket, err)
	}
	return readActive(ctx, kv)
}

// ResetModel clears the registry's entry (docmill model reset): running
// workers go back to their configured model, and those started later
// run it too.
func ResetModel(ctx context.Context, js jetstream.JetStream) error {
	kv, err := js.KeyValue(ctx, ModelsBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("kv %s: %w", ModelsBucket, err)
	}
	if err := kv.Delete(ctx, ActiveKey); err != nil {
		return fmt.Errorf("clear the active model: %w", err)
	}
	return nil
}

// readActive reads the active entry; ok is false when there is none.
func readActive(ctx context.Context, kv jetstream.KeyValue) (a Active, ok bool, err error) {
	e, err := kv.Get(ctx, ActiveKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("read the active model: %w", err)
	}
	if err := json.Unmarshal(e.Value(), &a); err != nil {
		return a, false, fmt.Errorf("the active model entry: %w", err)
	}
	return a, a.Dir != "" || a.Disabled, nil
}

// modelsKV opens the registry; replicas 0 opens an existing bucket as it
// is, or creates it with the replicas of docmill's streams: `docmill
// model use`, which reads no configuration, made it with one replica on a
// cluster whose streams have three, so the registry was lost with one
// node while the streams carried on.
func modelsKV(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	if replicas == 0 {
		if kv, err := js.KeyValue(ctx, ModelsBucket); err == nil {
			return kv, nil
		}
		replicas = connectors.StreamReplicas(ctx, js)
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: ModelsBucket,
		Description: "model registry: the active bundle", Storage: jetstream.FileStorage, History: 10, Replicas: replicas})
	if err != nil {
		return nil, fmt.Errorf("kv %s: %w", ModelsBucket, err)
	}
	return kv, nil
}

// pinned says why this process keeps its configured model whatever the
// registry names ("" when the registry's model applies): model.disabled
// (--no-model) is the emergency switch off the ONNX Runtime, and a model
// named on the command line is what its operator asked for. Both were
// silently overridden by any earlier docmill model use.
func (s *Server) pinned() string {
	switch {
	case s.o.Config.Model.Disabled:
		return "the model is disabled here (--no-model or model.disabled)"
	case s.o.ModelFromFlag:
		return "--model names this process's model"
	}
	return ""
}

// startModel builds the analyser a worker starts with: the registry's
// active model when `docmill model use` has set one (so a worker started
// or restarted after a swap runs what the others run), else the
// configured one. An active bundle that does not load here leaves the
// first of its previous entries that does, else the configured model,
// and /healthz says so. A pinned configuration (see pinned) wins.
func (s *Server) startModel(ctx context.Context) (enrich.Analyzer, web.Component) {
	c := s.o.Config.Model
	a, ok := s.activeModel(ctx)
	if !ok {
		return BuildAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	}
	if why := s.pinned(); why != "" {
		s.o.Log.Warn("the registry's active model is ignored: "+why, "registry", a.String())
		an, st := BuildAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
		st.Detail += fmt.Sprintf("; the registry's %s is ignored: %s", a, why)
		return an, st
	}
	if c.Dir != "" && !a.same(Active{Dir: c.Dir}) {
		s.o.Log.Warn("the registry's active model (docmill model use) overrides the configured one; docmill model reset returns to it",
			"registry", a.String(), "configured", c.Dir)
	}
	return s.startRegistryModel(a)
}

// startRegistryModel runs a, else the first of a.Previous that loads
// here, else the configured model.
func (s *Server) startRegistryModel(a Active) (enrich.Analyzer, web.Component) {
	c := s.o.Config.Model
	var failed error
	for i, e := range append([]Active{a}, a.Previous...) {
		rc := c
		rc.Dir, rc.Disabled = e.Dir, e.Disabled
		an, st, err := tryAnalyzer(rc, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
		if err != nil {
			if i == 0 {
				failed = err
			}
			continue
		}
		s.onRegistry = true
		if i == 0 {
			s.o.Log.Info("model from the registry (docmill model use)", "dir", a.Dir, "free", a.Disabled)
			return an, st
		}
		s.o.Log.Error("the registry's active model does not load here; running the previous registry model",
			"dir", a.Dir, "err", failed, "running", e.String())
		s.swapErr = fmt.Sprintf("registry model %s does not load here (%v); running the previous one, %s", a, failed, e)
		return an, st
	}
	// no "running the model-free tier" here: the configured model is
	// tried next, and what runs is logged with it
	an, st := BuildAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	s.o.Log.Error("the registry's active model does not load here; running the configured one", "dir", a.Dir, "err", failed,
		"running", st.Detail)
	s.swapErr = fmt.Sprintf("registry model %s does not load here (%v); running %s", a, failed, st.Detail)
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
// changes, and back to the configured model when it is cleared. The
// pipeline keeps consuming: documents already in analysis finish with the
// model they started with, the next ones get the new one, and no message
// is dropped or processed twice.
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
			if e == nil || e.Revision() == s.startRevision {
				continue
			}
			s.registryChanged(e)
		}
	}
}

// registryChanged applies a registry update e, unless the configuration
// is pinned (see pinned): then it says that it ignores it.
func (s *Server) registryChanged(e jetstream.KeyValueEntry) {
	var a Active
	if e.Operation() == jetstream.KeyValuePut {
		if err := json.Unmarshal(e.Value(), &a); err != nil {
			s.o.Log.Error("model registry: bad entry", "err", err)
			return
		}
	}
	if why := s.pinned(); why != "" {
		if e.Operation() == jetstream.KeyValuePut {
			s.o.Log.Warn("the registry's new active model is ignored: "+why, "registry", a.String())
		}
		return
	}
	if e.Operation() == jetstream.KeyValuePut {
		c := s.o.Config.Model
		c.Dir, c.Disabled = a.Dir, a.Disabled
		s.swap(c, a.String(), true)
		return
	}
	if s.onRegistry { // cleared (docmill model reset)
		s.swap(s.o.Config.Model, "the configured model (docmill model reset)", false)
	}
}

// swap runs the model c (named name) in place of the current one, which
// stays when c does not load; fromRegistry says whether c is the
// registry's model or this process's own.
func (s *Server) swap(c config.Model, name string, fromRegistry bool) {
	// the current model stays when the new one does not load: no warning
	// of a model-free tier that does not run
	an, st, err := tryAnalyzer(c, FreeOptions(s.o.Config, s.logsReg), s.o.Log)
	if c.Disabled && fromRegistry {
		st.Detail = "model-free tier (docmill model use free)"
	}
	if err != nil {
		s.o.Log.Error("hot swap refused: new model does not load; keeping the current one", "dir", c.Dir, "err", err)
		s.mu.Lock()
		s.swapErr = fmt.Sprintf("refused %s (%v); still running %s", name, err, s.modelSt.Detail)
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
	s.modelSt, s.swapErr, s.onRegistry = st, "", fromRegistry
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
