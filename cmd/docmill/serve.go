package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/server"
)

// serverFlags are the flags shared by serve, worker and indexer; set flags
// override the config file, which overrides the defaults.
type serverFlags struct {
	configFile string
	watch      []string
	set        func(*config.Config)
}

func addServerFlags(fs *pflag.FlagSet) *serverFlags {
	sf := &serverFlags{}
	fs.StringVar(&sf.configFile, "config", "", "YAML config file (see docmill.example.yaml)")
	fs.StringSliceVar(&sf.watch, "watch", nil, "folder to watch for new files (repeatable)")
	data := fs.String("data", "", "data folder for the embedded JetStream store and the index (default ./data)")
	natsURL := fs.String("nats", "", "external NATS URL(s), comma-separated; empty runs the embedded server")
	natsListen := fs.String("nats-listen", "", "embedded NATS client address (default 127.0.0.1:4222; \"\" keeps it in-process)")
	creds := fs.String("nats-creds", "", "NATS .creds file")
	httpAddr := fs.String("http", "", "HTTP listen address (default 127.0.0.1:8080)")
	modelDir := fs.String("model", "", "model bundle folder (default: the docmill-mini bundle)")
	ortLib := fs.String("ort-lib", "", "ONNX Runtime library path (env DOCMILL_ORT_LIB)")
	noModel := fs.Bool("no-model", false, "run the model-free tier only")
	int8 := fs.Bool("int8", false, "run int8 model segments")
	threads := fs.Int("threads", 0, "ONNX Runtime intra-op threads")
	token := fs.String("auth-token", "", "require this bearer token on the API and UI")
	logLevel := fs.String("log-level", "", "debug, info, warn or error")
	logFormat := fs.String("log-format", "", "json or text")
	sf.set = func(c *config.Config) {
		setStr := func(name string, dst *string, v string) {
			if fs.Changed(name) {
				*dst = v
			}
		}
		setStr("data", &c.Data, *data)
		setStr("nats", &c.NATS.URL, *natsURL)
		setStr("nats-listen", &c.NATS.Listen, *natsListen)
		setStr("nats-creds", &c.NATS.CredsFile, *creds)
		setStr("http", &c.HTTP.Listen, *httpAddr)
		setStr("model", &c.Model.Dir, *modelDir)
		setStr("ort-lib", &c.Model.ORTLib, *ortLib)
		setStr("auth-token", &c.HTTP.AuthToken, *token)
		setStr("log-level", &c.Log.Level, *logLevel)
		setStr("log-format", &c.Log.Format, *logFormat)
		if fs.Changed("no-model") {
			c.Model.Disabled = *noModel
		}
		if fs.Changed("int8") {
			c.Model.Int8 = *int8
		}
		if fs.Changed("threads") {
			c.Model.Threads = *threads
		}
	}
	return sf
}

func (sf *serverFlags) load() (*config.Config, error) {
	c, err := config.Read(sf.configFile)
	if err != nil {
		return nil, err
	}
	sf.set(c)
	return c, c.Validate()
}

func newLogger(c *config.Config) *slog.Logger { return newLoggerTo(os.Stderr, c) }

// newLoggerTo is newLogger writing to w.
func newLoggerTo(w io.Writer, c *config.Config) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(strings.ToUpper(c.Log.Level)))
	opts := &slog.HandlerOptions{Level: lvl}
	if c.Log.Format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	opts.ReplaceAttr = durationText
	return slog.New(slog.NewJSONHandler(w, opts))
}

// durationText writes a duration as Go prints it ("20s", "1m30s"): the
// JSON handler wrote nanoseconds ("timeout":20000000000), which an
// on-call engineer reading a shutdown or retry line had to count digits
// of, while the text format and docmill's config both say "20s".
func durationText(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		return slog.String(a.Key, a.Value.Duration().String())
	}
	return a
}

func roleCmd(role server.Role, short string) *cobra.Command {
	cmd := &cobra.Command{Use: string(role), Short: short, Args: cobra.NoArgs}
	sf := addServerFlags(cmd.Flags())
	roleFlags(cmd.Flags(), role)
	var ingest []string
	var brokerOnly bool
	if role == server.RoleServe {
		cmd.Flags().StringSliceVar(&ingest, "ingest", nil, "ingest the files under this path once the server is ready (repeatable)")
		cmd.Flags().BoolVar(&brokerOnly, "broker-only", false, "run only the embedded NATS broker (streams, health and metrics) for separate docmill worker and indexer processes: nothing is analysed or indexed here")
	}
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		c, err := sf.load()
		if err != nil {
			return err
		}
		if role == server.RoleIndexer && len(sf.watch) > 0 {
			return fmt.Errorf("--watch is for docmill serve and docmill worker: an indexer does not ingest")
		}
		runAs := role
		if brokerOnly {
			// a flag, not a key: one config file describes the whole
			// deployment, and its workers and indexers read it too
			if err := brokerOnlyArgs(cmd, sf, ingest); err != nil {
				return err
			}
			runAs = server.RoleBroker
		}
		if role != server.RoleServe && c.NATS.URL == "" {
			return fmt.Errorf("docmill %s needs --nats URL (the shared broker); use docmill serve for one process", role)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		fromFlag := cmd.Flags().Changed("model") || cmd.Flags().Changed("no-model")
		return server.Run(ctx, server.Options{Config: c, Role: runAs, Log: newLogger(c), Watch: sf.watch, ModelFromFlag: fromFlag,
			Started: func(s *server.Server) {
				if runAs == server.RoleBroker {
					fmt.Fprintf(os.Stderr, "docmill serve --broker-only: NATS on %s  health and metrics on %s://%s\n", s.NATSURL(), scheme(c), shownAddr(s.HTTPAddr()))
					return
				}
				if role != server.RoleWorker {
					natsOn := s.NATSURL()
					if natsOn == "" {
						natsOn = "in-process only"
					}
					fmt.Fprintf(os.Stderr, "docmill %s: UI and API on %s://%s  NATS on %s\n", role, scheme(c), shownAddr(s.HTTPAddr()), natsOn)
				}
				ingestAtStart(ctx, s, ingest, os.Stdout, os.Stderr)
			}})
	}
	return cmd
}

// brokerOnlyArgs refuses what serve --broker-only cannot do: ingest (no
// worker takes the files here) or join an external broker (it would run
// nothing).
func brokerOnlyArgs(cmd *cobra.Command, sf *serverFlags, ingest []string) error {
	switch {
	case len(sf.watch) > 0 || len(ingest) > 0:
		return fmt.Errorf("--watch and --ingest are for a docmill serve that analyses: with --broker-only, give folders to a docmill worker")
	case cmd.Flags().Changed("nats"):
		return fmt.Errorf("--broker-only runs the embedded NATS server; --nats names an external one")
	case cmd.Flags().Changed("model") || cmd.Flags().Changed("no-model"):
		return fmt.Errorf("--model and --no-model are for the workers: a --broker-only serve analyses nothing")
	}
	return nil
}

// roleFlags fits the shared flags' help to a scaled-out role: a worker or
// an indexer joins a broker (it runs none) and shows only what it uses.
func roleFlags(fs *pflag.FlagSet, role server.Role) {
	if role == server.RoleServe {
		return
	}
	fs.Lookup("nats").Usage = "URL(s) of the shared NATS broker, comma-separated (required)"
	_ = fs.MarkHidden("nats-listen")
	fs.Lookup("http").Usage = "HTTP listen address of /healthz, /readyz and /metrics (default 127.0.0.1:8080)"
	fs.Lookup("auth-token").Usage = "require this bearer token on the HTTP endpoints"
	switch role {
	case server.RoleWorker:
		_ = fs.MarkHidden("data") // a worker keeps nothing on disk
	case server.RoleIndexer:
		_ = fs.MarkHidden("watch") // an indexer ingests nothing
		for _, f := range []string{"model", "ort-lib", "no-model", "int8", "threads"} {
			_ = fs.MarkHidden(f) // nor analyses
		}
		fs.Lookup("http").Usage = "HTTP listen address of the search API, UI, /healthz and /metrics (default 127.0.0.1:8080)"
		fs.Lookup("auth-token").Usage = "require this bearer token on the API and UI"
		fs.Lookup("data").Usage = "data folder for the index (default ./data)"
	}
}

func init() {
	rootCmd.AddCommand(
		roleCmd(server.RoleServe, "Run everything in one process: embedded NATS (or --nats), workers, indexer, HTTP API and UI"),
		roleCmd(server.RoleWorker, "Consume docmill.ingest.> and analyse documents (scale out: run many)"),
		roleCmd(server.RoleIndexer, "Consume docmill.results.>, index in Bleve and serve search and UI"),
	)
}

// shownAddr writes a listen address as one to open: a wildcard host
// ("[::]:8080", "0.0.0.0:8080") listens everywhere, so this machine's
// loopback address is the one that works in a browser here.
// scheme is the API's URL scheme under c.
func scheme(c *config.Config) string {
	if c.HTTP.CertFile != "" {
		return "https"
	}
	return "http"
}

func shownAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", port) + " (listening on all interfaces)"
	}
	return addr
}

// ingestSource is the source serve --ingest sends path's files under:
// the name of the folder, or of a file's folder ("samples/logs" is
// "logs"). Every file was "samples", so an ingested register exported
// that name, and the logs of unrelated folders shared one store of
// templates.
func ingestSource(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "cli"
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		abs = filepath.Dir(abs)
	}
	if name := filepath.Base(abs); name != "" && name != "/" && name != "." {
		return name
	}
	return "cli"
}

// ingestAtStart sends the files under paths (serve --ingest) to the
// started server s, listing each on out and a count per path on log,
// where the files refused (a missing path among them) are named with why.
func ingestAtStart(ctx context.Context, s *server.Server, paths []string, out, log io.Writer) {
	for _, p := range paths {
		c := ingestCounts{out: out, errOut: log}
		if err := ingestPath(ctx, s.Publisher(), p, ingestSource(p), "", &c); err != nil {
			fmt.Fprintf(log, "ingest %s: %v\n", p, err)
			continue
		}
		fmt.Fprintf(log, "ingested %s from %s (%s of the last 10 minutes, %d refused); open %s\n",
			count(c.published+c.duplicates, "file"), p, count(c.duplicates, "duplicate"), c.refused, s.HTTPURL())
	}
}
