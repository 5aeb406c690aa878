// Command subscriber is an example docmill result subscriber: it reads the
// results docmill publishes on docmill.results.<class>[.<subtype>] through a
// durable JetStream consumer with explicit acks, and prints each document's
// class, file name and keywords.
//
// A durable consumer remembers what it has acknowledged, so a restarted
// subscriber resumes where it stopped, and several copies started with the
// same --durable share the work. A message is acknowledged only after it was
// handled; one that cannot be decoded is terminated (never redelivered), so a
// bad message cannot block the consumer.
//
//	go run ./examples/subscriber --nats nats://127.0.0.1:4222
//	DOCMILL_NATS_TOKEN=secret go run ./examples/subscriber --nats nats://nats-1:4222 --all
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/schema"
)

// Names docmill uses on the wire.
const (
	resultsStream = "DOCMILL_RESULTS"
	headerID      = "Docmill-Id"
	headerModel   = "Docmill-Model"
)

// config is what the command line sets.
type config struct {
	URL      string // NATS URL(s), comma-separated
	Token    string
	Creds    string
	Durable  string
	Subject  string // subject filter(s), comma-separated
	All      bool   // deliver the stream from its start, not only new results
	Validate bool   // check each result against schema/result.schema.json
	Max      int    // stop after this many results (0: run until interrupted)
}

func main() {
	var c config
	flag.StringVar(&c.URL, "nats", "nats://127.0.0.1:4222", "NATS URL(s), comma-separated")
	flag.StringVar(&c.Token, "token", os.Getenv("DOCMILL_NATS_TOKEN"), "NATS auth token (env DOCMILL_NATS_TOKEN)")
	flag.StringVar(&c.Creds, "creds", "", "NATS .creds file (JWT + NKey)")
	flag.StringVar(&c.Durable, "durable", "results-printer", "durable consumer name; copies with the same name share the work")
	flag.StringVar(&c.Subject, "subject", "docmill.results.>", "subject filter(s), comma-separated; contracts: docmill.results.contract,docmill.results.contract.>")
	flag.BoolVar(&c.All, "all", false, "when the consumer is new, start from the first stored result")
	flag.BoolVar(&c.Validate, "validate", false, "validate each result against the published JSON Schema")
	flag.IntVar(&c.Max, "max", 0, "exit after this many results (0: until interrupted)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c, os.Stdout); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "subscriber:", err)
		os.Exit(1)
	}
}

// run connects, binds the durable consumer and prints results until ctx is
// done or c.Max results were handled.
func run(ctx context.Context, c config, out io.Writer) error {
	opts := []nats.Option{nats.Name("docmill-example-subscriber"), nats.MaxReconnects(-1)}
	if c.Token != "" {
		opts = append(opts, nats.Token(c.Token))
	}
	if c.Creds != "" {
		opts = append(opts, nats.UserCredentials(c.Creds))
	}
	nc, err := nats.Connect(c.URL, opts...)
	if err != nil {
		return fmt.Errorf("connect %s: %w", c.URL, err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	deliver := jetstream.DeliverNewPolicy
	if c.All {
		deliver = jetstream.DeliverAllPolicy
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, resultsStream, jetstream.ConsumerConfig{
		Durable: c.Durable,
		// A class needs two filters: docmill.results.contract.> matches
		// the results with a subtype only, and one without (a Chinese
		// contract has none) is on docmill.results.contract itself.
		FilterSubjects: strings.Split(c.Subject, ","),
		AckPolicy:      jetstream.AckExplicitPolicy,
		DeliverPolicy:  deliver,
		AckWait:        30 * time.Second,
		MaxDeliver:     5,
		MaxAckPending:  256,
	})
	if err != nil {
		return fmt.Errorf("consumer %s on %s: %w", c.Durable, resultsStream, err)
	}
	var validator *jsonschema.Schema
	if c.Validate {
		if validator, err = compileSchema(); err != nil {
			return err
		}
	}
	err = consume(ctx, cons, c.Max, func(msg jetstream.Msg) error { return printResult(out, msg, validator) })
	// A round trip makes sure the server processed the unsubscribe and the
	// acks before the connection goes away.
	if ferr := nc.Flush(); ferr != nil && err == nil {
		err = fmt.Errorf("flush: %w", ferr)
	}
	return err
}

// consume pulls messages (up to 64 buffered) and acknowledges each one after
// handle succeeds; a message handle rejects is terminated so that it is not
// redelivered.
func consume(ctx context.Context, cons jetstream.Consumer, max int, handle func(jetstream.Msg) error) error {
	if max > 0 {
		return consumeN(ctx, cons, max, handle)
	}
	it, err := cons.Messages(jetstream.PullMaxMessages(64))
	if err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	// Stop (unsubscribe) before returning: the server drops our pending
	// pull requests only once it sees the unsubscribe, and a message it
	// hands to a dead request waits out AckWait before redelivery.
	defer it.Stop()
	stopped := make(chan struct{})
	defer close(stopped)
	go func() { // Next blocks; stopping the iterator releases it
		select {
		case <-ctx.Done():
			it.Stop()
		case <-stopped:
		}
	}()
	for {
		msg, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("next: %w", err)
		}
		if err := settle(ctx, msg, handle); err != nil {
			return err
		}
	}
}

// consumeN handles exactly max messages. It asks for no more than it
// still wants, in requests that expire within a second: a request left
// open when it returns would take the next message published, and that
// message would wait out AckWait (30 s) before the next run sees it.
func consumeN(ctx context.Context, cons jetstream.Consumer, max int, handle func(jetstream.Msg) error) error {
	for handled := 0; handled < max; {
		batch, err := cons.Fetch(max-handled, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		for msg := range batch.Messages() {
			if err := settle(ctx, msg, handle); err != nil {
				return err
			}
			handled++
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
			return fmt.Errorf("fetch: %w", err)
		}
	}
	return nil
}

// settle acknowledges msg after handle succeeds, and terminates it (no
// redelivery) when handle rejects it.
func settle(ctx context.Context, msg jetstream.Msg, handle func(jetstream.Msg) error) error {
	if err := handle(msg); err != nil {
		fmt.Fprintf(os.Stderr, "skipping %s: %v\n", msg.Subject(), err)
		if err := msg.Term(); err != nil {
			return fmt.Errorf("term: %w", err)
		}
		return nil
	}
	if err := msg.DoubleAck(ctx); err != nil {
		return fmt.Errorf("ack: %w", err)
	}
	return nil
}

// printResult decodes one result and prints class, file name and keywords.
func printResult(out io.Writer, msg jetstream.Msg, validator *jsonschema.Schema) error {
	if validator != nil {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(msg.Data()))
		if err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		if err := validator.Validate(inst); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
	}
	var r document.Result
	if err := json.Unmarshal(msg.Data(), &r); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	kws := make([]string, 0, len(r.Keywords))
	for _, k := range r.Keywords {
		kws = append(kws, k.Text)
	}
	class := r.Class
	if r.Subtype != "" {
		class = r.Subtype // <class>/<label>, e.g. contract/License
	}
	_, err := fmt.Fprintf(out, "%-20s %-40s %s  [%s, id %.12s]\n", class, r.Filename, strings.Join(kws, ", "),
		msg.Headers().Get(headerModel), msg.Headers().Get(headerID))
	return err
}

func compileSchema() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Result))
	if err != nil {
		return nil, fmt.Errorf("result schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(schema.ResultID, doc); err != nil {
		return nil, fmt.Errorf("result schema: %w", err)
	}
	s, err := c.Compile(schema.ResultID)
	if err != nil {
		return nil, fmt.Errorf("result schema: %w", err)
	}
	return s, nil
}
