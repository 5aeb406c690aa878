package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/stages/parse"
	"github.com/docmill/docmill/web"
)

// indexDir is where a server with config c keeps its index.
func indexDir(c *config.Config) string { return filepath.Join(c.Data, "index") }

// indexOptions are the index options config c asks for.
func indexOptions(c *config.Config) index.Options {
	return index.Options{Scoring: c.Index.Scoring, MaxTextBytes: maxTextBytes(c.Index.MaxTextMB), SearchTimeout: c.Index.SearchTimeout}
}

// RebuildIndex rebuilds the index of config c with the current mapping
// (index.Rebuild), while no docmill runs on it: texts longer than the
// index kept are read from the text store, on the embedded broker's data
// (started in-process, without a port) or on nats.url.
func RebuildIndex(ctx context.Context, c *config.Config, progress func(done, total int)) (index.RebuildReport, error) {
	dir := indexDir(c)
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return index.RebuildReport{}, fmt.Errorf("no index to rebuild in %s (is --data or the config's data folder right?)", dir)
	}
	// Taken before the embedded broker opens the store a running docmill
	// would be using too, and held to the end, across the moves of the
	// folders.
	release, err := lockData(c.Data)
	if err != nil {
		return index.RebuildReport{}, err
	}
	defer release()
	nc, stop, err := rebuildConn(c)
	if err != nil {
		return index.RebuildReport{}, err
	}
	defer stop()
	js, err := jetstream.New(nc)
	if err != nil {
		return index.RebuildReport{}, err
	}
	return index.Rebuild(ctx, dir, index.RebuildOptions{Index: indexOptions(c), FullText: fullTextOf(c, js), Progress: progress})
}

// fullTextOf is fullText with config c's parse limits, found once (OCR
// detection runs the OCR tools).
func fullTextOf(c *config.Config, js jetstream.JetStream) func(context.Context, *document.Result) (string, error) {
	limits := parseLimits(c, detectOCR(c))
	return func(ctx context.Context, r *document.Result) (string, error) { return fullText(ctx, limits, js, r) }
}

// fullText is the whole text of result r: from the text store when it
// travelled there, else parsed again from its stored original (parsing is
// cheap and needs no model; a result between 1 MiB and nats.max_payload_mb
// travelled whole in its message, which retention may have dropped).
func fullText(ctx context.Context, limits parse.Limits, js jetstream.JetStream, r *document.Result) (string, error) {
	if r.TextObject != "" {
		if text, err := pipeline.ResultText(ctx, js, r); err == nil {
			return text, nil
		}
	}
	orig, err := (&web.Originals{JS: js}).Get(ctx, r.ID)
	if err != nil {
		return "", err
	}
	doc, err := parse.Parse(ctx, parse.Input{Filename: orig.Filename, Source: orig.Source, ContentType: orig.ContentType,
		Data: orig.Data, Meta: r.Meta}, limits)
	if err != nil {
		return "", fmt.Errorf("parse the original of %s again: %w", r.ID, err)
	}
	return pipeline.ResultTextOf(doc), nil
}

// rebuildConn connects to the broker that holds the text store.
func rebuildConn(c *config.Config) (*nats.Conn, func(), error) {
	if c.NATS.URL != "" {
		nc, err := broker.Connect(connOptions(c, "docmill-index-rebuild"))
		if err != nil {
			return nil, nil, fmt.Errorf("text store: %w", err)
		}
		return nc, nc.Close, nil
	}
	e, err := broker.StartEmbedded(broker.EmbeddedOptions{StoreDir: filepath.Join(c.Data, "jetstream")})
	if err != nil {
		return nil, nil, fmt.Errorf("text store: %w", err)
	}
	nc, err := e.Connect("docmill-index-rebuild")
	if err != nil {
		e.Shutdown()
		return nil, nil, fmt.Errorf("text store: %w", err)
	}
	return nc, func() { nc.Close(); e.Shutdown() }, nil
}
