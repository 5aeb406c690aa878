package main

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/docmill/docmill/connectors"
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/index"
	"github.com/docmill/docmill/pipeline/broker"
	"github.com/docmill/docmill/web"
)

// natsFlags connect a client command to a running docmill's broker.
type natsFlags struct {
	url, creds, token string
	// auth is docmill's HTTP auth token, presented when no NATS
	// credential is given: docmill serve's embedded broker requires it
	// when it has none of its own (see broker.ConnOptions.AuthToken).
	auth *string
}

// addNATSFlags adds a client command's broker flags to fs; each help names
// the environment variable that sets it, as --server's does.
func addNATSFlags(fs *pflag.FlagSet) *natsFlags {
	auth := envOr("DOCMILL_AUTH_TOKEN", os.Getenv("DOCMILL_HTTP_AUTH_TOKEN"))
	nf := &natsFlags{auth: &auth}
	fs.StringVar(&nf.url, "nats", envOr("DOCMILL_NATS_URL", "nats://127.0.0.1:4222"), "NATS URL of the docmill broker (env DOCMILL_NATS_URL)")
	fs.StringVar(&nf.creds, "nats-creds", os.Getenv("DOCMILL_NATS_CREDS_FILE"), "NATS .creds file (env DOCMILL_NATS_CREDS_FILE)")
	fs.StringVar(&nf.token, "nats-token", os.Getenv("DOCMILL_NATS_TOKEN"),
		"NATS token (env DOCMILL_NATS_TOKEN, as the server reads it; without it DOCMILL_AUTH_TOKEN is presented, which a docmill serve with no nats credentials requires)")
	return nf
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func (nf *natsFlags) connect() (*nats.Conn, jetstream.JetStream, error) {
	nc, err := broker.Connect(broker.ConnOptions{URLs: nf.url, Name: "docmill-cli", CredsFile: nf.creds, Token: nf.token, AuthToken: *nf.auth})
	if errors.Is(err, nats.ErrNoServers) {
		return nil, nil, fmt.Errorf("%w (is docmill serve running?)", err)
	}
	if err != nil {
		return nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

func ingestCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "ingest PATH...", Short: "Publish files (or folders, recursively) to docmill.ingest.<source>", Args: cobra.MinimumNArgs(1)}
	nf := addNATSFlags(cmd.Flags())
	source := cmd.Flags().String("source", "cli", "source name (subject token)")
	depth := cmd.Flags().String("depth", "", "analysis depth: shallow, full or auto")
	wait := cmd.Flags().Bool("wait", false, "wait until each document is indexed or dead-lettered, and report it (exit 1 if any failed or is still waiting)")
	waitFor := cmd.Flags().Duration("wait-timeout", 10*time.Minute, "with --wait, give up waiting after this long")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if *depth != "" {
			if _, err := document.ParseDepth(*depth); err != nil {
				return fmt.Errorf("--%w", err)
			}
		}
		if err := checkWaitTimeout(*waitFor); err != nil {
			return err
		}
		nc, js, err := nf.connect()
		if err != nil {
			return err
		}
		defer nc.Close()
		pub := &connectors.Publisher{JS: js, MaxPayload: int(nc.MaxPayload()), Replicas: connectors.StreamReplicas(cmd.Context(), js)}
		var w *ingestWait
		if *wait {
			if w, err = newIngestWait(cmd.Context(), nc, js); err != nil {
				return err
			}
		}
		c := ingestCounts{wait: w, out: cmd.OutOrStdout(), errOut: cmd.ErrOrStderr()}
		for _, root := range args {
			// a path that cannot be read is refused and counted (ingestPath),
			// so the rest are sent and the summary and --wait still come
			if err := ingestPath(cmd.Context(), pub, root, *source, *depth, &c); err != nil {
				return err
			}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "published %s (%s of the last 10 minutes, not analysed again; %d refused); results on docmill.results.>\n",
			count(c.published, "document"), count(c.duplicates, "duplicate"), c.refused)
		var waited waitCounts
		if w != nil {
			waited = w.wait(cmd.Context(), c.out, cmd.ErrOrStderr(), *waitFor)
			fmt.Fprintln(cmd.ErrOrStderr(), waited)
		}
		var problems []string
		if c.refused > 0 {
			problems = append(problems, count(c.refused, "file")+" refused")
		}
		problems = append(problems, waited.problems(*waitFor, cmd.Context().Err() != nil)...)
		if len(problems) > 0 {
			return errors.New(strings.Join(problems, ", "))
		}
		return nil
	}
	return cmd
}

// ingestCounts counts what an ingest did with the files it found, and
// lists them on out; the files refused, with why, go to errOut (standard
// error when nil); wait, when set, is told which documents to wait for.
type ingestCounts struct {
	published, duplicates, refused int
	wait                           *ingestWait
	out, errOut                    io.Writer
}

// refuse counts a path that is not sent and says why.
func (c *ingestCounts) refuse(p, why string) {
	c.refused++
	w := c.errOut
	if w == nil {
		w = os.Stderr
	}
	fmt.Fprintf(w, "refused %s: %s\n", shown(p), shown(why))
}

// pathProblem is why a path could not be read: the OS's reason alone
// ("permission denied"), as the refusal already names the path.
func pathProblem(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ingestPath publishes every regular file under root that is a document
// (connectors.Skip). Files the publisher refuses (empty, too large) and
// paths that cannot be read (missing, no permission, a folder that cannot
// be listed) are reported and counted, and the walk goes on: one bad file
// must not keep the rest of a folder from being sent.
//
// Files are read through an os.Root of root (of the folder holding it,
// when root is a file), by connectors.ReadIn: a folder swapped for a link
// between the walk's listing and the read does not lead out of it.
func ingestPath(ctx context.Context, pub *connectors.Publisher, root, source, depth string, c *ingestCounts) error {
	base := root
	if st, err := os.Lstat(root); err == nil && !st.IsDir() {
		base = filepath.Dir(root)
	}
	// a root that cannot be opened: each file found is refused with why
	held, rootErr := os.OpenRoot(base)
	if rootErr == nil {
		defer held.Close()
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// a missing root (d nil), or a folder whose listing failed
			// (called a second time for it): refused, and the walk goes on
			// with what it could list
			c.refuse(p, pathProblem(err))
			return nil
		}
		if p != root && connectors.Skip(d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link may point anywhere (watched folders refuse them too)
			c.refuse(p, "a symbolic link; name the file it points to")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// a named pipe, socket or device is read no further than ReadIn's
		// refusal, which says what it is: left out, ingest reported "0
		// refused" for it and exited 0
		if beforeIngestRead != nil {
			beforeIngestRead(p)
		}
		data, err := ingestRead(held, rootErr, base, p, int64(pub.MaxBytes))
		if err != nil {
			c.refuse(p, pathProblem(err))
			return nil
		}
		expected := c.wait != nil && len(data) > 0
		if expected {
			c.wait.expect(document.ID(data), p)
		}
		r, err := pub.Send(ctx, connectors.Doc{Filename: filepath.Base(p), Source: source, Data: data, Depth: depth,
			Meta: map[string]string{"path": p}})
		if expected {
			c.wait.settle(document.ID(data), err == nil && !r.Duplicate)
		}
		id := r.ID
		if err != nil {
			c.refuse(p, err.Error())
			return nil
		}
		if r.Duplicate {
			c.duplicates++
			why := "the same content arrived in the last minutes: not analysed again"
			if r.InFlight {
				why = "the same content is on its way already: not analysed twice"
			}
			fmt.Fprintf(c.out, "%s  %s  (%s)\n", id[:12], shown(p), why)
			return nil
		}
		c.published++
		fmt.Fprintf(c.out, "%s  %s\n", id[:12], shown(p))
		return nil
	})
}

// ingestRead reads file p under base through held, its os.Root (rootErr
// when it could not be opened); a file over limit bytes is refused unread.
func ingestRead(held *os.Root, rootErr error, base, p string, limit int64) ([]byte, error) {
	if rootErr != nil {
		return nil, fmt.Errorf("folder %s: %w", base, rootErr)
	}
	rel, err := filepath.Rel(base, p)
	if err != nil {
		return nil, err
	}
	data, _, err := connectors.ReadIn(held, rel, limit)
	return data, err
}

// beforeIngestRead, when set, is called by ingestPath before it reads
// each file: tests change the folder there, between listing and reading.
var beforeIngestRead func(p string)

// apiFlags are the flags of commands that talk to a running docmill's
// HTTP API.
type apiFlags struct{ server, token *string }

func addAPIFlags(cmd *cobra.Command) apiFlags {
	return apiFlags{
		server: cmd.Flags().String("server", envOr("DOCMILL_SERVER", "http://127.0.0.1:8080"), "docmill HTTP address (env DOCMILL_SERVER)"),
		token:  cmd.Flags().String("auth-token", envOr("DOCMILL_AUTH_TOKEN", os.Getenv("DOCMILL_HTTP_AUTH_TOKEN")), "bearer token (env DOCMILL_AUTH_TOKEN, or the server's DOCMILL_HTTP_AUTH_TOKEN)"),
	}
}

// serverURL is a --server value as a base URL: "127.0.0.1:8080" means
// http://127.0.0.1:8080, as it would in a browser's address bar.
func serverURL(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	return s
}

// apiError is a non-2xx answer of the API: its status and the server's
// message.
type apiError struct {
	Code   int
	Status string // "404 Not Found"
	Msg    string
}

func (e *apiError) Error() string { return e.Status + ": " + e.Msg }

// call sends one API request and returns the body of a 2xx answer, or an
// *apiError with the status and the server's message.
func (f apiFlags) call(ctx context.Context, method, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, serverURL(*f.server)+path, nil)
	if err != nil {
		return nil, err
	}
	if *f.token != "" {
		req.Header.Set("Authorization", "Bearer "+*f.token)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		if errors.As(err, new(x509.UnknownAuthorityError)) {
			return nil, fmt.Errorf("%s %s: %w (a private CA's certificate goes in SSL_CERT_FILE)", method, *f.server, err)
		}
		return nil, fmt.Errorf("%s %s: %w%s", method, *f.server, err, unreachableHint(err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return nil, &apiError{Code: resp.StatusCode, Status: resp.Status, Msg: apiMessage(resp.StatusCode, body)}
	}
	return body, nil
}

// unreachableHint says, for a server that refused the connection, where
// the address comes from: "connect: connection refused" alone did not tell
// a first-time user that search, export, lines and delete look at
// 127.0.0.1:8080 unless told otherwise, as ingest's "is docmill serve
// running?" does for the broker.
func unreachableHint(err error) string {
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return ""
	}
	return " (is docmill serve running there? --server or DOCMILL_SERVER gives its address)"
}

// apiMessage is the server's message in a non-2xx answer's body (its
// "error", else the body itself). A 401 also says how to give the token:
// the server's "missing or wrong token" alone left a first-time user of
// search, export, lines or delete without the flag or variable to set.
func apiMessage(code int, body []byte) string {
	msg := strings.TrimSpace(string(body))
	var e struct{ Error string }
	if json.Unmarshal(body, &e) == nil && e.Error != "" {
		msg = e.Error
	}
	if code == http.StatusUnauthorized {
		msg += " (the server wants its token: --auth-token or DOCMILL_AUTH_TOKEN)"
	}
	return msg
}

// stream sends a GET request and copies the body of a 2xx answer to w as
// it arrives (no overall timeout: an export of an archive takes a while),
// handing its headers to head first.
func (f apiFlags) stream(ctx context.Context, path string, w io.Writer, head func(http.Header)) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, serverURL(*f.server)+path, nil)
	if err != nil {
		return err
	}
	if *f.token != "" {
		req.Header.Set("Authorization", "Bearer "+*f.token)
	}
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, ResponseHeaderTimeout: 30 * time.Second}}).Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w%s", *f.server, err, unreachableHint(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		return fmt.Errorf("%s: %s", resp.Status, apiMessage(resp.StatusCode, body))
	}
	head(resp.Header)
	_, err = io.Copy(w, resp.Body)
	return err
}

func exportCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "export [QUERY]", Short: "Write every matching document's result as JSON lines (a whole archive, or a query's matches)",
		Long: "Write every matching document's result as JSON lines (a whole archive, or a query's matches).\n\n" +
			"Without a query, every document. " + querySyntaxHelp,
		Args: cobra.ArbitraryArgs}
	api := addAPIFlags(cmd)
	filters := addFilterFlags(cmd)
	withText := cmd.Flags().Bool("text", false, "add each document's text as indexed (longer ones: the first MiB, marked text_cut)")
	format := cmd.Flags().String("format", "jsonl", "jsonl (whole results) or csv (a row of key fields per document: parties, dates, governing law, ...)")
	bom := cmd.Flags().Bool("bom", false, "with --format csv, open the file with a UTF-8 byte-order mark (Excel reads non-ASCII text right when the file is opened by double-click)")
	out := cmd.Flags().StringP("output", "o", "-", "file to write (- for standard output)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		v, err := filters.values()
		if err != nil {
			return err
		}
		if err := filters.checkClasses(cmd.Context(), api); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for k, val := range map[string]string{"q": strings.Join(args, " "), "format": *format} {
			if val != "" {
				v.Set(k, val)
			}
		}
		if *withText {
			v.Set("text", "true")
		}
		if *bom {
			v.Set("bom", "true")
		}
		w := io.Writer(os.Stdout)
		if *out != "-" {
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			defer f.Close()
			w = f
		}
		cw := &countingWriter{w: w, csv: *format == "csv"}
		header := 0
		if cw.csv {
			header = 1
		}
		notice := ""
		head := func(h http.Header) { notice, _ = url.QueryUnescape(h.Get(web.NoticeHeader)) }
		if err := api.stream(cmd.Context(), "/api/export?"+v.Encode(), cw, head); err != nil {
			if cw.lines == 0 {
				return fmt.Errorf("export: %w", err)
			}
			return fmt.Errorf("export broke off after %s (a line cut short was left out): %w", count(cw.lines-header, "document"), err)
		}
		if cw.lastErr != "" {
			return fmt.Errorf("export ended early after %s: %s", count(cw.lines-1-header, "document"), cw.lastErr)
		}
		fmt.Fprintf(os.Stderr, "exported %s\n", count(cw.lines-header, "document"))
		if notice != "" {
			// on standard error, so a file or pipe of the export stays records only
			fmt.Fprintln(os.Stderr, notice)
		}
		return nil
	}
	return cmd
}

// countingWriter passes an export on record by record, counts the
// records and notices the error line a failed export ends with. A record
// is written only whole, so a connection that breaks leaves no line cut
// short in the file.
type countingWriter struct {
	w       io.Writer
	csv     bool // records are CSV rows: a line break inside quotes goes on
	quoted  bool
	lines   int
	rec     []byte // the record being received
	lastErr string
}

func (c *countingWriter) Write(p []byte) (int, error) {
	for _, b := range p {
		if c.csv && b == '"' {
			c.quoted = !c.quoted
		}
		c.rec = append(c.rec, b)
		if b != '\n' || c.quoted {
			continue
		}
		c.lines++
		line := c.rec[:len(c.rec)-1]
		var e struct{ Error string }
		switch {
		case c.csv && bytes.HasPrefix(line, []byte("error,")):
			c.lastErr = string(line[len("error,"):])
		case !c.csv && len(line) < 4096 && bytes.HasPrefix(line, []byte(`{"error"`)) && json.Unmarshal(line, &e) == nil && e.Error != "":
			c.lastErr = e.Error
		}
		if _, err := c.w.Write(c.rec); err != nil {
			return 0, err
		}
		c.rec = c.rec[:0]
	}
	return len(p), nil
}

// querySyntaxHelp says how search and export read a query, above all
// what several words mean: nothing said so, and a reader of "lease
// Delaware" could not tell whether a document needs both words or one.
const querySyntaxHelp = `A query's words (quote the query for your shell):
  lease Delaware             documents with ANY of the words; those with more of them, and more often, rank first
  +lease +Delaware           documents with ALL of the words (or: lease AND Delaware)
  lease OR tenancy           either word (the same as "lease tenancy")
  lease -Delaware            lease, but not Delaware (or: lease NOT Delaware)
  "material breach"          the exact phrase
  AND, OR and NOT are operators only in capitals ("and" is a word); && and || stand for AND and OR.
  title:agreement body:arbitration summary:termination   a word in one field
  class:contract party:"Acme Corp." governing_law:"New York" language:zh   a facet's value, as the facets show it
  licen*  agrement~1  pages:>10  amount:>=1000000  expiration_date:<2027-03-01   wildcards, fuzzy, numbers, dates`

func searchCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "search QUERY", Short: "Search a running docmill (query-string syntax)", Long: "Search a running docmill.\n\n" + querySyntaxHelp,
		Args: cobra.MinimumNArgs(1)}
	api := addAPIFlags(cmd)
	asJSON := cmd.Flags().Bool("json", false, "print the JSON response")
	size := cmd.Flags().Int("size", 10, "hits")
	from := cmd.Flags().Int("from", 0, "hits to skip, to page: the next page is --from SIZE")
	sortBy := cmd.Flags().String("sort", "", "relevance (default), date (newest first), -date, or expires (contracts ending first)")
	f := addSearchFilterFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		v, err := f.values()
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if err := f.checkClasses(cmd.Context(), api); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		v.Set("q", strings.Join(args, " "))
		v.Set("size", fmt.Sprint(*size))
		if *from > 0 {
			v.Set("from", fmt.Sprint(*from))
		}
		if *sortBy != "" {
			v.Set("sort", *sortBy)
		}
		body, err := api.call(cmd.Context(), http.MethodGet, "/api/search?"+v.Encode())
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if *asJSON {
			_, err := os.Stdout.Write(body)
			return err
		}
		var res index.Result
		if err := json.Unmarshal(body, &res); err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s (%.1f ms)\n", count(int(res.Total), "document"), res.TookMs)
		if res.Total == 0 {
			fmt.Fprint(cmd.ErrOrStderr(), f.subtypeHint(cmd.Context(), api))
		}
		if *f.facets {
			printFacets(cmd.OutOrStdout(), res.Facets)
		}
		if res.Notice != "" {
			fmt.Fprintln(cmd.OutOrStdout(), res.Notice)
		}
		for _, h := range res.Hits {
			title := h.Title
			if title == "" {
				title = h.Filename
			}
			expires := ""
			if h.Expires != "" {
				// what --sort expires orders by
				expires = "  expires " + h.Expires
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%6.2f  %-10s %s  [%s]  %s%s\n", h.Score, h.Class, h.ID[:12], shown(h.Filename), shown(title), expires)
			if f, ok := textPassage(h.Fragments, title); ok {
				fmt.Fprintf(cmd.OutOrStdout(), "        %s\n", passage(f, isTerminal(os.Stdout)))
			}
		}
		pageHint(cmd.ErrOrStderr(), *from, len(res.Hits), int(res.Total))
		return nil
	}
	return cmd
}

// textPassage is the first of a hit's fragments that is not its title: a
// passage that is the title (a match in it) says nothing new, and when
// the title matched too the text's passage came second and was never
// printed ("breach" showed a policy titled "Data Breach Response Policy"
// with no line of the policy).
func textPassage(fragments []string, title string) (string, bool) {
	for _, f := range fragments {
		if passage(f, false) != shown(title) {
			return f, true
		}
	}
	return "", false
}

// passage is a hit's highlighted passage as the CLI prints it: on one
// line, at most maxPassage characters, its matches in bold on a terminal
// (the API's <mark> and HTML escapes gone). A log's hit said only its file
// name, where the line that matched is what one searched for.
func passage(fragment string, bold bool) string {
	on, off := "", ""
	if bold {
		on, off = "\x1b[1m", "\x1b[0m"
	}
	text := strings.Join(strings.Fields(fragment), " ")
	var b strings.Builder
	for len(text) > 0 {
		i := strings.Index(text, "<mark>")
		if i < 0 {
			b.WriteString(shown(html.UnescapeString(text)))
			break
		}
		b.WriteString(shown(html.UnescapeString(text[:i])))
		text = text[i+len("<mark>"):]
		j := strings.Index(text, "</mark>")
		if j < 0 {
			j = len(text)
		}
		b.WriteString(on + shown(html.UnescapeString(text[:j])) + off)
		text = strings.TrimPrefix(text[j:], "</mark>")
	}
	out := b.String()
	if r := []rune(out); len(r) > maxPassage && !bold {
		out = string(r[:maxPassage]) + "…"
	}
	return out
}

// maxPassage bounds a passage printed without highlighting (cutting one
// with escape codes could leave the terminal in bold).
const maxPassage = 240

// isTerminal reports whether f is a terminal, not a pipe or a file.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func deleteCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "delete ID...", Short: "Delete documents (the ids search and ingest print, or full ids) from a running docmill's index and stores",
		Args: cobra.MinimumNArgs(1)}
	api := addAPIFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		var errs []error
		for _, id := range args {
			body, err := api.call(cmd.Context(), http.MethodDelete, "/api/documents/"+url.PathEscape(id))
			if err != nil {
				errs = append(errs, deleteError(id, err))
				continue
			}
			// the server resolves a prefix: say which document went
			var res struct{ ID string }
			if json.Unmarshal(body, &res) == nil && res.ID != "" {
				id = res.ID
			}
			fmt.Fprintf(cmd.OutOrStdout(), "deleted %s\n", id)
		}
		return errors.Join(errs...)
	}
	return cmd
}

// serverSaid is the opening the API gives its delete messages ("delete
// <id>: ..."), which deleteError says once.
var serverSaid = regexp.MustCompile(`^delete [^ ]+: `)

// deleteError is how `docmill delete` reports a failed delete of id: one
// "delete <id>: " and the server's reason. The server's own message
// already opens so, and was repeated after the status ("delete X: 404 Not
// Found: delete X: document not found"). The reasons of a 400, 404 or
// 409 name the id's problem (too short, not found, still processing) and
// stand alone; another status (5xx, 401) is kept with the message.
func deleteError(id string, err error) error {
	var ae *apiError
	if !errors.As(err, &ae) {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	msg := serverSaid.ReplaceAllString(ae.Msg, "")
	switch ae.Code {
	case http.StatusBadRequest, http.StatusNotFound, http.StatusConflict:
		return fmt.Errorf("delete %s: %s", id, msg)
	}
	return fmt.Errorf("delete %s: %s: %s", id, ae.Status, msg)
}

// linesCmd finds a log's lines through GET /api/documents/{id}/lines:
// search finds the log, this the lines in it.
func linesCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "lines ID [WORDS...]", Short: "Find a log's lines (in a running docmill) by words, level and time",
		Long: "lines prints the lines of an indexed document (a log) that hold every word given (any case),\n" +
			"whose entry is at least --level and within --since and --until; a stack frame keeps its\n" +
			"entry's level and time. ID is the id search and ingest print.",
		Args: cobra.MinimumNArgs(1)}
	api := addAPIFlags(cmd)
	asJSON := cmd.Flags().Bool("json", false, "print the JSON response")
	level := cmd.Flags().String("level", "", "at least this level: trace, debug, info, notice, warn, error, fatal")
	since := cmd.Flags().String("since", "", "entries from this time: a day, an RFC 3339 time, or an age (24h, 7d)")
	until := cmd.Flags().String("until", "", "entries before this time (a day: up to its end)")
	limit := cmd.Flags().Int("limit", 200, "lines at most (the server caps it at 5000)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		v := url.Values{"q": {strings.Join(args[1:], " ")}, "limit": {fmt.Sprint(*limit)}}
		for k, val := range map[string]string{"level": *level, "since": *since, "until": *until} {
			if val != "" {
				v.Set(k, val)
			}
		}
		body, err := api.call(cmd.Context(), http.MethodGet, "/api/documents/"+url.PathEscape(args[0])+"/lines?"+v.Encode())
		if err != nil {
			return fmt.Errorf("lines of %s: %w", args[0], err)
		}
		if *asJSON {
			_, err := cmd.OutOrStdout().Write(body)
			return err
		}
		var a struct {
			Lines []struct {
				N           int
				Level, Text string
			}
			Matched, Scanned int
			TextCut          bool `json:"text_cut"`
		}
		if err := json.Unmarshal(body, &a); err != nil {
			return fmt.Errorf("lines of %s: %w", args[0], err)
		}
		out := cmd.OutOrStdout()
		for _, l := range a.Lines {
			fmt.Fprintf(out, "%7d  %-6s %s\n", l.N, l.Level, shown(strings.ReplaceAll(l.Text, "\t", "    ")))
		}
		note := ""
		if len(a.Lines) < a.Matched {
			note = fmt.Sprintf("; the first %d shown (--limit)", len(a.Lines))
		}
		if a.TextCut {
			note += "; only the text the index kept (its first MiB) was read"
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "%d of %s match%s\n", a.Matched, count(a.Scanned, "line"), note)
		return nil
	}
	return cmd
}

func init() {
	rootCmd.AddCommand(ingestCmd(), searchCmd(), exportCmd(), deleteCmd(), linesCmd())
}

// pageHint tells, on w, how to see the hits past the page printed: "3
// documents" above two hits left the third unseen without a word of how
// to get it. Nothing when the page holds the last hit.
func pageHint(w io.Writer, from, shown, total int) {
	if shown == 0 || from+shown >= total {
		return
	}
	fmt.Fprintf(w, "%d-%d of %d shown: --from %d for the next page, or docmill export with the same query and filters for all\n",
		from+1, from+shown, total, from+shown)
}
