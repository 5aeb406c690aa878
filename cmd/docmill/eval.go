package main

import (
	"github.com/spf13/cobra"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/eval/evalcli"
)

// evalCfg receives the eval flags.
var evalCfg evalcli.Config

// evalCmd is docmill eval.
var evalCmd = &cobra.Command{
	Use:   "eval",
	Short: "Measure docmill's enrichments against reference data",
	Long: `eval runs one task over a dataset and prints its metrics (a table, or one JSON
object with --json); a progress bar goes to stderr.

  keywords  JSONL {"id","text","keywords":[...]} (an optional "title" is prepended to the
            text): P/R/F1 at 5 and 10 (lowercase, NLTK Porter stems, exact match, all
            gold keys, mean over documents), with TF-IDF baselines.
  summary   JSONL {"id","text","summary"} (legal_plain_english_summaries/pairs.jsonl as
            is): ROUGE-1/2/L F (stemmed) under a budget (--chars, default the
            reference's length), with LEAD and TextRank under the same budget.
            --protocol retrieval, for collections without references (the EU
            articles): each summary (--chars, default 300) is a BM25 query over all
            documents; MRR, hit@1, hit@10 of its own document. Both also print
            oracle_passage, an upper bound that reads the answer: per document the
            best passage from a sentence start to the budget.
  classify  JSONL {"id","text"|"path","label"} (--label-field names another label
            field): accuracy, macro-F1, confusion matrix.
  logs      a loghub_2k folder: grouping accuracy per system. --protocol leave-one-out
            measures each system with the miner configuration chosen on the others.
  search    an ir/ folder (queries.jsonl, qrels.tsv, corpus.jsonl or ../contracts.jsonl):
            nDCG@10 and MAP for BM25 and TF-IDF, with and without enrichment.
            --split keeps the queries of one split (by the dataset folder, ir/'s
            parent); the whole corpus is searched.
            --mix DIR indexes another ir/ folder's corpus beside it (repeatable):
            documents no query is judged on, as contracts share an index with
            short notices and logs.
  entities  a cuad_contracts folder (contracts.jsonl, clauses.jsonl): precision, recall
            and F1 of parties, agreement/effective/expiration dates and governing law
            against CUAD's clause spans, and how often a date's ISO value is CUAD's answer.

--split train|dev|test keeps one part of a dataset under the project's shared split
rule (sha256 of "<data file's folder>/<id>"), to report on data nothing was tuned on.`,
	Args: cobra.NoArgs,
	RunE: func(cmd *cobra.Command, _ []string) error {
		return evalcli.Run(cmd.Context(), evalCfg, cmd.OutOrStdout(), cmd.ErrOrStderr())
	},
}

func init() {
	f := evalCmd.Flags()
	f.StringVar(&evalCfg.Task, "task", "", "keywords, summary, classify, logs, search or entities")
	f.StringVar(&evalCfg.Data, "data", "", "dataset file or folder")
	f.StringVar(&evalCfg.Tier, "tier", "auto", "auto (model when available), model or free")
	f.StringVar(&evalCfg.Predictions, "predictions", "", "write what docmill predicted per document to this JSONL file")
	f.BoolVar(&evalCfg.JSON, "json", false, "print one JSON object instead of a table")
	f.BoolVar(&evalCfg.Baselines, "baselines", true, "also score the baselines (LEAD, TextRank, TF-IDF)")
	f.IntVar(&evalCfg.Chars, "chars", 0, "summary budget in characters (0: each reference's length, else 2000)")
	f.IntVar(&evalCfg.Limit, "limit", 0, "evaluate only the first N documents")
	f.IntVar(&evalCfg.Workers, "workers", 0, "documents analysed at once (0: one per CPU)")
	f.StringVar(&evalCfg.ModelSummaries, "model-summaries", config.SummariesStatistical, "model tier: who writes summaries, as model.summaries does: statistical (the model-free scorer, as served) or salience (the model's full-depth salience head)")
	f.Float64Var(&evalCfg.KeywordWeight, "keyword-weight", 0, "model tier: share of the model's score in keyword ranking (0: model.DefaultKeywordWeight; negative: statistics only)")
	f.BoolVar(&evalCfg.Int8, "int8", false, "model tier: run the bundle's int8 segments")
	f.StringVar(&evalCfg.LabelField, "label-field", "label", "classify: the JSON field holding the gold label")
	f.StringVar(&evalCfg.Model, "model", "", "model bundle folder (default $DOCMILL_MODEL, then model/bundles/docmill-mini)")
	f.BoolVar(&evalCfg.Subtype, "subtype", false, "classify: evaluate the predicted sub-type instead of the class")
	f.StringVar(&evalCfg.Protocol, "protocol", "", "summary: rouge (default; against reference summaries) or retrieval (reference-free: each summary as a query must find its own document); logs: shipped (default; the shipped miner configuration) or leave-one-out (each system measured with the configuration chosen on the others)")
	f.StringVar(&evalCfg.Split, "split", "", "keep only train, dev or test documents under the shared split rule (keyed by the data file's folder name)")
	f.StringSliceVar(&evalCfg.Mix, "mix", nil, "search: also index the corpus of this ir/ folder, judged on no query (repeatable)")
	f.StringVar(&evalCfg.IndexDir, "index-dir", "", "search: where to build the throw-away indexes (default a temporary folder)")
	_ = evalCmd.MarkFlagRequired("task")
	_ = evalCmd.MarkFlagRequired("data")
	rootCmd.AddCommand(evalCmd)
}
