// Package evalcli is the docmill eval command without its flags: it reads
// a dataset, builds the tier to evaluate, runs the task of package eval
// and prints the metrics. cmd/docmill wires it to cobra; keeping it here
// lets its tests run without the rest of the binary.
package evalcli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/keywords"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/eval"
	"github.com/docmill/docmill/model"
	"github.com/docmill/docmill/stages/parse"
)

// Config is the command line of docmill eval.
type Config struct {
	Task        string // keywords, summary, classify, logs, search or entities
	Data        string // dataset file or folder
	Tier        string // auto, model or free
	Predictions string // JSONL file for per-document predictions; "" for none
	JSON        bool   // one JSON object instead of a table
	Baselines   bool   // also score LEAD/TextRank/TF-IDF
	Chars       int    // summary budget; 0 = reference length
	Limit       int    // first N documents only; 0 = all
	Workers     int    // concurrent documents; 0 = GOMAXPROCS
	LabelField  string // classify: field holding the gold label ("label" when empty)
	IndexDir    string // search: index folder; "" = a temporary one
	// Mix names more ir/ folders whose corpora the search task indexes
	// beside its own, judged on no query (see eval.MixCorpus).
	Mix      []string
	Model    string // model bundle folder; "" = $DOCMILL_MODEL or model/bundles/docmill-mini
	Subtype  bool   // classify: evaluate the sub-type instead of the class
	Protocol string // summary: "rouge" (default, against references) or "retrieval" (reference-free); logs: "shipped" (default) or "leave-one-out"
	Split    string // keep only this split (eval.SplitOf by the data file's folder); "" = all
	// KeywordWeight is the model tier's share of the model score in a
	// keyword's rank (model.AnalyzerOptions.KeywordWeight; 0 = its default).
	KeywordWeight float64
	// Int8 runs the bundle's int8 segments (model tier).
	Int8 bool
	// ModelSummaries is the model tier's config.Model.Summaries: who writes
	// its summaries ("" = config.SummariesStatistical, as served).
	ModelSummaries string
}

// Run is the eval command without its flags: it runs cfg.Task and prints
// the result to stdout, the progress to stderr.
func Run(ctx context.Context, cfg Config, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	opt := eval.Options{Progress: stderr, Limit: cfg.Limit, Chars: cfg.Chars, Baselines: cfg.Baselines, Workers: cfg.Workers}
	if cfg.Predictions != "" {
		f, err := os.Create(cfg.Predictions)
		if err != nil {
			return fmt.Errorf("create predictions: %w", err)
		}
		defer f.Close()
		opt.Predictions = f
	}
	res, err := evalTask(ctx, cfg, opt)
	if err != nil {
		return err
	}
	if cfg.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return printTable(stdout, res)
}

func evalTask(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	if cfg.Protocol != "" && cfg.Task != "summary" && cfg.Task != "logs" {
		return nil, fmt.Errorf("--protocol is for the summary and logs tasks, not %s", cfg.Task)
	}
	switch cfg.Task {
	case "keywords":
		return evalKeywords(ctx, cfg, opt)
	case "summary":
		return evalSummary(ctx, cfg, opt)
	case "classify":
		return evalClassify(ctx, cfg, opt)
	case "logs":
		return evalLogs(cfg, opt)
	case "search":
		return evalSearch(ctx, cfg, opt)
	case "entities":
		return evalEntities(ctx, cfg, opt)
	}
	return nil, fmt.Errorf("unknown task %q (want keywords, summary, classify, logs, search or entities)", cfg.Task)
}

func evalKeywords(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	docs, err := eval.ReadJSONL[eval.KeywordDoc](cfg.Data)
	if err != nil {
		return nil, err
	}
	if docs, err = inSplit(cfg, docs, func(d eval.KeywordDoc) string { return d.ID }); err != nil {
		return nil, err
	}
	if err := someDocs(cfg, len(docs)); err != nil {
		return nil, err
	}
	for _, d := range docs {
		if len(d.Keywords) == 0 {
			return nil, fmt.Errorf("document %s has no gold \"keywords\": nothing to score against", d.ID)
		}
	}
	sys, closeSys, err := evalSystem(cfg, opt.Progress)
	if err != nil {
		return nil, err
	}
	defer closeSys()
	opt.KeywordBaselines = map[string]func(*document.Parsed, int) []string{
		// The extractor package's own TF-IDF: single words, background IDF.
		"tfidf_words": func(d *document.Parsed, k int) []string {
			return document.KeywordTexts(keywords.TFIDF(d.Text, d.Language, k))
		},
	}
	return eval.EvalKeywords(ctx, docs, sys, opt)
}

func evalSummary(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	all, err := eval.ReadJSONL[eval.SummaryDoc](cfg.Data)
	if err != nil {
		return nil, err
	}
	docs, err := inSplit(cfg, all, func(d eval.SummaryDoc) string { return d.ID })
	if err != nil {
		return nil, err
	}
	if err := someDocs(cfg, len(docs)); err != nil {
		return nil, err
	}
	switch cfg.Protocol {
	case "", "rouge":
		for _, d := range docs {
			if d.Summary == "" {
				return nil, fmt.Errorf("document %s has no reference summary: use --protocol retrieval for collections without references", d.ID)
			}
		}
	case "retrieval":
	default:
		return nil, fmt.Errorf("unknown summary protocol %q (want rouge or retrieval)", cfg.Protocol)
	}
	sys, closeSys, err := evalSystem(cfg, opt.Progress)
	if err != nil {
		return nil, err
	}
	defer closeSys()
	if cfg.Protocol != "retrieval" {
		return eval.EvalSummary(ctx, docs, sys, opt)
	}
	dir, cleanup, err := indexDir(cfg)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	// A split chooses the documents summarised; the collection they must
	// be found in stays whole, or a small split would make retrieval
	// trivially easy.
	return eval.EvalSummaryRetrievalIn(ctx, docs, all, sys, dir, opt)
}

// indexDir is --index-dir, or a temporary folder removed by cleanup.
func indexDir(cfg Config) (dir string, cleanup func(), err error) {
	if cfg.IndexDir != "" {
		return cfg.IndexDir, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "docmill-eval-index-")
	if err != nil {
		return "", nil, fmt.Errorf("index folder: %w", err)
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

func evalClassify(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	docs, err := readClassDocs(cfg.Data, cfg.LabelField)
	if err != nil {
		return nil, err
	}
	if docs, err = inSplit(cfg, docs, func(d eval.ClassDoc) string { return d.ID }); err != nil {
		return nil, err
	}
	sys, closeSys, err := evalSystem(cfg, opt.Progress)
	if err != nil {
		return nil, err
	}
	defer closeSys()
	return eval.EvalClassify(ctx, docs, sys, loadClassDoc, opt)
}

// inSplit keeps the documents of cfg.Split under the shared split rule,
// keyed by the data file's folder name (the dataset's folder in
// ../shared/datasets), so a figure can be reported on a split that nothing
// was tuned on.
func inSplit[T any](cfg Config, docs []T, id func(T) string) ([]T, error) {
	keep, err := splitFilter(cfg.Split, filepath.Base(filepath.Dir(cfg.Data)))
	if err != nil || keep == nil {
		return docs, err
	}
	var out []T
	for _, d := range docs {
		if keep(id(d)) {
			out = append(out, d)
		}
	}
	return out, nil
}

// splitFilter reports whether an id of the dataset folder is in split;
// nil for all documents.
func splitFilter(split, folder string) (func(id string) bool, error) {
	switch split {
	case "", "all":
		return nil, nil
	case eval.SplitTrain, eval.SplitDev, eval.SplitTest:
		return func(id string) bool { return eval.SplitOf(folder, id) == split }, nil
	}
	return nil, fmt.Errorf("unknown split %q (want train, dev, test or all)", split)
}

// readClassDocs reads classification JSONL, taking the gold label from
// field (so e.g. the EU articles' "topic" can be evaluated as is) and
// resolving relative paths against the data file's folder.
func readClassDocs(path, field string) ([]eval.ClassDoc, error) {
	if field == "" {
		field = "label"
	}
	rows, err := eval.ReadJSONL[map[string]any](path)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s holds no documents", path)
	}
	docs := make([]eval.ClassDoc, 0, len(rows))
	for i, r := range rows {
		d := eval.ClassDoc{ID: str(r["id"]), Text: str(r["text"]), Path: str(r["path"]), Label: str(r[field])}
		if d.Label == "" {
			return nil, fmt.Errorf("%s line %d: no %q label", path, i+1, field)
		}
		if d.Path != "" && !filepath.IsAbs(d.Path) {
			d.Path = filepath.Join(filepath.Dir(path), d.Path)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// someDocs refuses an evaluation over no documents: all-zero scores with
// exit status 0 would read as a result.
func someDocs(cfg Config, n int) error {
	if n > 0 {
		return nil
	}
	if cfg.Split != "" {
		return fmt.Errorf("%s holds no documents of the %s split", cfg.Data, cfg.Split)
	}
	return fmt.Errorf("%s holds no documents", cfg.Data)
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	default:
		return fmt.Sprint(x)
	}
}

// loadClassDoc gives a classification document's text: inline, or the
// file at its path run through the parse stage (PDF, DOCX, HTML, text,
// logs), as the pipeline would see it.
func loadClassDoc(ctx context.Context, d eval.ClassDoc) (*document.Parsed, error) {
	if d.Text != "" || d.Path == "" {
		return eval.ParseText(d.ID, d.Text), nil
	}
	b, err := os.ReadFile(d.Path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", d.Path, err)
	}
	p, err := parse.Parse(ctx, parse.Input{Filename: filepath.Base(d.Path), Source: "eval", Data: b}, parse.DefaultLimits())
	if err != nil {
		return nil, err
	}
	p.ID = d.ID
	return p, nil
}

func evalLogs(cfg Config, opt eval.Options) (any, error) {
	if cfg.Split != "" && cfg.Split != "all" {
		return nil, fmt.Errorf("--split does not apply to logs: every system is measured whole (--protocol leave-one-out measures each with the configuration chosen on the others)")
	}
	switch cfg.Protocol {
	case "", "shipped":
	case "leave-one-out":
		return evalLogsCV(cfg, opt)
	default:
		return nil, fmt.Errorf("unknown logs protocol %q (want shipped or leave-one-out)", cfg.Protocol)
	}
	newMiner := func() *logs.Miner { return logs.NewMiner(logs.DefaultConfig()) }
	bar := eval.NewProgress(opt.Progress, countLogSystems(cfg.Data), "logs (systems)")
	rep, err := eval.Loghub(cfg.Data, newMiner, func(done, total int) { bar.Add(1) })
	bar.Done()
	if err != nil {
		return nil, err
	}
	if opt.Predictions != nil {
		if err := logPredictions(cfg.Data, rep, newMiner, opt.Predictions); err != nil {
			return nil, err
		}
	}
	return struct {
		Task string `json:"task"`
		eval.LoghubReport
	}{"logs", rep}, nil
}

// evalLogsCV measures every system with the miner configuration chosen
// on the other systems (eval.LoghubCV over eval.LoghubGrid).
func evalLogsCV(cfg Config, opt eval.Options) (any, error) {
	grid := eval.LoghubGrid()
	bar := eval.NewProgress(opt.Progress, len(grid), "logs (configurations)")
	rep, err := eval.LoghubCV(cfg.Data, grid, func(done, total int) { bar.Add(1) })
	bar.Done()
	if err != nil {
		return nil, err
	}
	return struct {
		Task string `json:"task"`
		eval.LoghubCVReport
	}{"logs", rep}, nil
}

// evalEntities scores the legal entities against a CUAD-layout folder;
// --split keeps the contracts of one split (by the folder's name).
func evalEntities(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	keep, err := splitFilter(cfg.Split, filepath.Base(filepath.Clean(cfg.Data)))
	if err != nil {
		return nil, err
	}
	return eval.EvalEntities(ctx, cfg.Data, keep, opt)
}

// countLogSystems counts the loghub system folders under dir, for the
// progress bar only.
func countLogSystems(dir string) int {
	m, _ := filepath.Glob(filepath.Join(dir, "*", "*_2k.log"))
	return len(m)
}

// logPredictions writes one line per log line: {system, line, template_id}.
func logPredictions(dir string, rep eval.LoghubReport, newMiner func() *logs.Miner, w io.Writer) error {
	enc := json.NewEncoder(w)
	for _, s := range sortedKeys(rep.Systems) {
		ids, err := eval.LoghubPredict(filepath.Join(dir, s), s, newMiner())
		if err != nil {
			return err
		}
		for i, id := range ids {
			if err := enc.Encode(map[string]any{"system": s, "line": i + 1, "template_id": id}); err != nil {
				return fmt.Errorf("write predictions: %w", err)
			}
		}
	}
	return nil
}

func evalSearch(ctx context.Context, cfg Config, opt eval.Options) (any, error) {
	if st, err := os.Stat(cfg.Data); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("--data %s is a file; the search task wants an ir/ folder (corpus, queries.jsonl and qrels), such as ../shared/datasets/cuad_contracts/ir", cfg.Data)
	}
	set, err := eval.LoadIRSet(cfg.Data)
	if err != nil {
		return nil, err
	}
	// queries split by the dataset's folder, the ir/ folder's parent; the
	// whole corpus is searched
	keep, err := splitFilter(cfg.Split, filepath.Base(filepath.Dir(filepath.Clean(cfg.Data))))
	if err != nil {
		return nil, err
	}
	if keep != nil {
		if set.KeepQueries(keep); len(set.Queries) == 0 {
			return nil, fmt.Errorf("%s holds no queries of the %s split", cfg.Data, cfg.Split)
		}
	}
	for _, m := range cfg.Mix {
		other, err := eval.LoadIRSet(m)
		if err != nil {
			return nil, fmt.Errorf("--mix %s: %w", m, err)
		}
		set.MixCorpus(other.Corpus)
	}
	var sys *eval.System
	s, closeSys, err := evalSystem(cfg, opt.Progress)
	if err != nil {
		return nil, err
	}
	defer closeSys()
	sys = &s
	dir, cleanup, err := indexDir(cfg)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	return eval.EvalSearch(ctx, set, sys, dir, opt)
}

// defaultBundle is where a built bundle lands, relative to the repository.
var defaultBundle = filepath.Join("model", "bundles", "docmill-mini")

// evalSystem builds the tier to evaluate: free, model, or auto (the model
// when its bundle loads, otherwise free). close releases the model.
// With auto, note (stderr) is told which tier runs and why.
func evalSystem(cfg Config, note io.Writer) (sys eval.System, close func(), err error) {
	switch cfg.Tier {
	case "free":
		return freeSystem(cfg), func() {}, nil
	case "model":
		sys, close, err := modelSystem(cfg)
		if err != nil {
			return eval.System{}, nil, fmt.Errorf("model tier not available: %w", err)
		}
		return sys, close, nil
	case "auto", "":
		sys, close, err := modelSystem(cfg)
		if err == nil {
			return sys, close, nil
		}
		if note != nil {
			fmt.Fprintf(note, "tier auto: using the free tier (model tier not available: %v)\n", err)
		}
		return freeSystem(cfg), func() {}, nil
	}
	return eval.System{}, nil, fmt.Errorf("unknown tier %q (want auto, model or free)", cfg.Tier)
}

// modelSystem loads the neural tier from cfg.Model, $DOCMILL_MODEL or the
// default bundle folder.
func modelSystem(cfg Config) (eval.System, func(), error) {
	dir := cfg.Model
	if dir == "" {
		dir = model.EnvModelDir()
	}
	if dir == "" {
		dir = defaultBundle
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		return eval.System{}, nil, fmt.Errorf("no model bundle at %s (set --model or %s): %w", dir, model.EnvModel, err)
	}
	m, err := model.Load(model.Options{Dir: dir, Int8: cfg.Int8})
	if err != nil {
		return eval.System{}, nil, err
	}
	if cfg.Int8 && !m.Int8() {
		m.Close()
		return eval.System{}, nil, fmt.Errorf("bundle %s has no int8 segments", dir)
	}
	base := eval.FromAnalyzer("model", model.NewAnalyzer(m, model.AnalyzerOptions{KeywordWeight: cfg.KeywordWeight}))
	free := enrich.NewFree(enrich.FreeOptions{})
	name := m.Info().Name + "@" + m.Info().Version
	comp := enrich.Composition{}
	switch cfg.ModelSummaries {
	case "", config.SummariesStatistical:
	case config.SummariesSalience:
		comp.PrimarySummaries = true
		name += " salience summaries"
	default:
		m.Close()
		return eval.System{}, nil, fmt.Errorf("unknown model summaries %q (want %s or %s)", cfg.ModelSummaries, config.SummariesStatistical, config.SummariesSalience)
	}
	if cfg.Int8 {
		name += " int8"
	}
	sys := eval.System{
		Name:     name,
		Keywords: base.Keywords,
		// As docmill serve composes it (model.summaries). The summary
		// budget is an analyser option, so each document gets analysers
		// (small structs over the shared model) with its own.
		Summarize: func(ctx context.Context, d *document.Parsed, maxChars int) (string, error) {
			a := enrich.Compose(model.NewAnalyzer(m, model.AnalyzerOptions{SummaryChars: maxChars}),
				enrich.NewFree(enrich.FreeOptions{SummaryChars: maxChars}), comp)
			an, err := a.Analyze(ctx, d, enrich.Request{Tasks: []string{enrich.TaskSummary}})
			if err != nil {
				return "", err
			}
			return an.Summary, nil
		},
		// As docmill serve composes it: the class from the model, the
		// sub-type from the free tier's per-class heads.
		Classify: classifyWith(cfg, func(ctx context.Context, d *document.Parsed) (*document.Analysis, error) {
			return enrich.WithFallback(model.NewAnalyzer(m, model.AnalyzerOptions{}), free).Analyze(ctx, d, enrich.Request{Tasks: []string{enrich.TaskClassify}})
		}),
	}
	return sys, m.Close, nil
}

// classifyWith turns an analysis into the label evaluated: the class, or
// the sub-type with --subtype.
func classifyWith(cfg Config, analyze func(context.Context, *document.Parsed) (*document.Analysis, error)) func(context.Context, *document.Parsed) (string, error) {
	return func(ctx context.Context, d *document.Parsed) (string, error) {
		an, err := analyze(ctx, d)
		if err != nil {
			return "", err
		}
		if cfg.Subtype {
			return subtypeLabel(an.Subtype), nil
		}
		return an.Class, nil
	}
}

// subtypeLabel names "no sub-type" as the training corpus does.
func subtypeLabel(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// freeSystem is the model-free tier exactly as the pipeline runs it,
// enrich.NewFree. The summary budget is a tier option, so each document gets
// a tier value (a small struct; the classifier weights are shared) with
// its own budget.
func freeSystem(cfg Config) eval.System {
	free := enrich.NewFree(enrich.FreeOptions{})
	base := eval.FromAnalyzer("free", free)
	return eval.System{
		Name:     "free " + enrich.FreeVersion,
		Keywords: base.Keywords,
		Summarize: func(ctx context.Context, d *document.Parsed, maxChars int) (string, error) {
			an, err := enrich.NewFree(enrich.FreeOptions{SummaryChars: maxChars}).Analyze(ctx, d, enrich.Request{Tasks: []string{enrich.TaskSummary}})
			if err != nil {
				return "", err
			}
			return an.Summary, nil
		},
		Classify: classifyWith(cfg, func(ctx context.Context, d *document.Parsed) (*document.Analysis, error) {
			return free.Analyze(ctx, d, enrich.Request{Tasks: []string{enrich.TaskClassify}})
		}),
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printTable prints a result as an aligned table.
func printTable(w io.Writer, res any) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	switch r := res.(type) {
	case *eval.KeywordsResult:
		fmt.Fprintf(tw, "keywords (%d docs)\tP@5\tR@5\tF1@5\tP@10\tR@10\tF1@10\n", r.Docs)
		kwRow(tw, "docmill "+r.System, r.KeywordReport)
		for _, name := range sortedKeys(r.Baselines) {
			kwRow(tw, name, r.Baselines[name])
		}
	case *eval.SummaryResult:
		fmt.Fprintf(tw, "summary (%d docs, budget %s)\tROUGE-1\tROUGE-2\tROUGE-L\tROUGE-Lsum\tmean chars\tdocmill ROUGE-1 minus this [95%% CI]\n", r.Docs, r.Budget)
		sumRow(tw, "docmill "+r.System, r.SummaryReport)
		for _, name := range sortedKeys(r.Baselines) {
			sumRow(tw, name, r.Baselines[name])
		}
	case *eval.SummaryRetrievalResult:
		fmt.Fprintf(tw, "summary as query for its source (%d docs, budget %s)\tMRR\thit@1\thit@10\tmean chars\tdocmill MRR minus this [95%% CI]\n", r.Docs, r.Budget)
		retRow(tw, "docmill "+r.System, r.RetrievalReport)
		for _, name := range sortedKeys(r.Baselines) {
			retRow(tw, name, r.Baselines[name])
		}
	case *eval.ClassifyResult:
		classTable(tw, r)
	case *eval.EntitiesResult:
		fmt.Fprintf(tw, "entities (%d contracts)\tP\tR\tF1\tpredicted\tgold\tdate value accuracy\n", r.Docs)
		for _, k := range eval.CUADKinds {
			c := r.Categories[k.Category]
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t", k.Category, c.P, c.R, c.F1, c.Predicted, c.Gold)
			if c.Values > 0 {
				fmt.Fprintf(tw, "%.3f of %d", c.ValueAccuracy, c.Values)
			}
			fmt.Fprintln(tw)
		}
	case *eval.SearchResult:
		fmt.Fprintf(tw, "search (%d docs, %d queries)\tnDCG@10\tMAP\t%s nDCG@10 minus this [95%% CI]\n", r.Docs, r.Queries, r.Config)
		for _, name := range r.SortedRuns() {
			fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%s\n", name, r.Runs[name].NDCG10, r.Runs[name].MAP, diffCell(r.HeadlineMinus[name]))
		}
	default:
		return logsTable(tw, res)
	}
	return tw.Flush()
}

func kwRow(w io.Writer, name string, r eval.KeywordReport) {
	fmt.Fprintf(w, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\n", name, r.P5, r.R5, r.F5, r.P10, r.R10, r.F10)
}

func sumRow(w io.Writer, name string, r eval.SummaryReport) {
	fmt.Fprintf(w, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.0f\t%s\n", name, r.Rouge1, r.Rouge2, r.RougeL, r.RougeLsum, r.MeanChars, diffCell(r.VsOurs))
}

// diffCell prints docmill's difference to a baseline with its 95%
// interval; empty on docmill's own row.
func diffCell(d *eval.Difference) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("%+.4f [%+.4f, %+.4f]", d.Delta, d.Lo, d.Hi)
}

// maxMatrix is the most labels printed as a confusion matrix; beyond it
// the table lists per-label scores (the matrix stays in --json).
const maxMatrix = 8

func retRow(w io.Writer, name string, r eval.RetrievalReport) {
	fmt.Fprintf(w, "%s\t%.4f\t%.4f\t%.4f\t%.0f\t%s\n", name, r.MRR, r.Hit1, r.Hit10, r.MeanChars, diffCell(r.VsOurs))
}

func classTable(w io.Writer, r *eval.ClassifyResult) {
	fmt.Fprintf(w, "classify (%d docs, tier %s)\taccuracy %.4f\tmacro-F1 %.4f\n\n", r.Docs, r.System, r.Accuracy, r.MacroF1)
	if len(r.Labels) > maxMatrix {
		fmt.Fprint(w, "label\tgold\tpredicted\tP\tR\tF1\n")
		for i, l := range r.Labels {
			gold, pred := 0, 0
			for j := range r.Labels {
				gold += r.Confusion[i][j]
				pred += r.Confusion[j][i]
			}
			s := r.PerClass[l]
			fmt.Fprintf(w, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\n", l, gold, pred, s.P, s.R, s.F)
		}
		return
	}
	fmt.Fprint(w, "gold \\ predicted")
	for _, l := range r.Labels {
		fmt.Fprintf(w, "\t%s", l)
	}
	fmt.Fprint(w, "\tF1\n")
	for i, l := range r.Labels {
		fmt.Fprint(w, l)
		for _, n := range r.Confusion[i] {
			fmt.Fprintf(w, "\t%d", n)
		}
		fmt.Fprintf(w, "\t%.3f\n", r.PerClass[l].F)
	}
}

func logsTable(tw *tabwriter.Writer, res any) error {
	b, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encode result: %w", err)
	}
	var r struct {
		Mean     float64                `json:"mean_accuracy"`
		Systems  map[string]float64     `json:"systems"`
		Protocol string                 `json:"protocol"`
		Chosen   map[string]logs.Config `json:"chosen"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("decode result: %w", err)
	}
	if r.Protocol == "" {
		fmt.Fprint(tw, "system\tgrouping accuracy\n")
		for _, s := range sortedKeys(r.Systems) {
			fmt.Fprintf(tw, "%s\t%.4f\n", s, r.Systems[s])
		}
	} else {
		fmt.Fprintf(tw, "system\tgrouping accuracy (%s)\tconfiguration chosen on the other systems\n", r.Protocol)
		for _, s := range sortedKeys(r.Systems) {
			c := r.Chosen[s]
			fmt.Fprintf(tw, "%s\t%.4f\tsim %.2f, depth %d, stable after %d, collapse %v\n", s, r.Systems[s], c.SimThreshold, c.Depth, c.StableAfter, c.CollapseWildcards)
		}
	}
	fmt.Fprintf(tw, "mean\t%.4f\n", r.Mean)
	return tw.Flush()
}
