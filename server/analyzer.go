package server

import (
	"log/slog"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/config"
	"github.com/docmill/docmill/enrich"
	"github.com/docmill/docmill/enrich/logs"
	"github.com/docmill/docmill/pipeline/stream"
	"github.com/docmill/docmill/web"
)

func pipelinePublisher(js jetstream.JetStream) message.Publisher { return stream.NewPublisher(js) }

// BuildAnalyzer picks the analysis tier: the neural model when the ONNX
// Runtime library and a bundle load, else the model-free tier. The
// model-free tier (alone, or filling in log digests beside the model)
// mines logs with the per-source templates of fo.Logs within
// fo.MaxLogLines. It never fails: what went wrong is in the returned
// component state (shown by /healthz) and the log.
func BuildAnalyzer(c config.Model, fo enrich.FreeOptions, log *slog.Logger) (enrich.Analyzer, web.Component) {
	an, st, err := tryAnalyzer(c, fo, log)
	if err != nil {
		log.Warn("neural model unavailable, running the model-free tier", "err", err)
	}
	return an, st
}

// tryAnalyzer is BuildAnalyzer without its warning when the model does not
// load, which it returns instead: a caller that then keeps or starts
// another model (a refused swap, a registry model that does not load here,
// a shadow) says what runs. The warning claimed the model-free tier while
// the configured model ran.
func tryAnalyzer(c config.Model, fo enrich.FreeOptions, log *slog.Logger) (enrich.Analyzer, web.Component, error) {
	free := enrich.NewFree(fo)
	if c.Disabled {
		// chosen, not failed (the free tier classifies as well as
		// docmill-mini): a health alert on any component down fired
		return free, web.Component{OK: true, Detail: "model disabled by configuration: model-free tier"}, nil
	}
	an, precision, err := loadModel(c, free)
	if err != nil {
		return free, web.Component{OK: false, Detail: "model unavailable, model-free tier: " + err.Error()}, err
	}
	if c.Int8 && precision != "int8" {
		log.Warn("int8 asked for, but the bundle has no int8 segments: running fp32", "dir", c.Dir)
	}
	info := an.Info()
	return an, web.Component{OK: true, Detail: info.Name + "@" + info.Version + " (" + precision + ")"}, nil
}

// FreeOptions are the model-free tier's options for a configuration:
// the source's template registry reg and the log analysis budget
// (pipeline.max_log_lines, where 0 analyses whole logs).
func FreeOptions(c *config.Config, reg *logs.Registry) enrich.FreeOptions {
	n := c.Pipeline.MaxLogLines
	if n == 0 {
		n = -1 // enrich's "whole logs"; its 0 is the default budget
	}
	return enrich.FreeOptions{Logs: reg, MaxLogLines: n}
}
