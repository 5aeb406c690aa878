// Package logs mines log templates in the Drain family (a fixed-depth
// parse tree over masked tokens, He et al., ICWS 2017) with one generic
// configuration for every source, splits log headers without per-format
// rules, summarises log files, and keeps templates per source across
// restarts (JetStream KV).
package logs

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config tunes the miner. One configuration serves all sources.
type Config struct {
	// Depth is the parse tree depth counting the root and the length
	// layer, as in Drain: Depth-2 leading tokens route a message.
	Depth int
	// SimThreshold is the share of a template's tokens a message must
	// match to join it.
	SimThreshold float64
	// MaxChildren bounds a tree node's children; further tokens share a
	// wildcard branch.
	MaxChildren int
	// MaxTemplates bounds how many templates a miner keeps (0: no bound);
	// beyond it new messages still get ids but are not remembered.
	MaxTemplates int
	// MaxLeafClusters bounds the templates one tree leaf holds (messages
	// of one length and leading tokens); beyond it new messages there
	// still get ids but are not remembered. Every message is compared with
	// each template of its leaf, so without a bound a log whose lines open
	// alike and then vary freely ("statement: <SQL>", "user said: <text>")
	// was mined in time quadratic in its lines: a 7 MB log of 60,000 such
	// lines held a worker for 207 s.
	MaxLeafClusters int
	// CollapseWildcards merges runs of adjacent variables into one, so
	// variables that span several tokens do not change a message's length.
	CollapseWildcards bool
	// StableAfter freezes a template's fixed tokens once it has matched
	// this many messages (0: never): a token that stayed the same over
	// many messages is part of the event, so a message differing there is
	// another event, not a new value of a variable.
	StableAfter int
}

// DefaultConfig is the configuration used for every source.
func DefaultConfig() Config {
	return Config{Depth: 4, SimThreshold: 0.8, MaxChildren: 100, MaxTemplates: 20000, MaxLeafClusters: 256, CollapseWildcards: true, StableAfter: 100}
}

// Template is a mined message shape.
type Template struct {
	ID        string    `json:"id"`
	Template  string    `json:"template"`
	Count     int       `json:"count"`
	FirstSeen time.Time `json:"first_seen"`
}

// cluster is a template under construction.
type cluster struct {
	id        string
	tokens    []string
	count     int
	firstSeen time.Time
}

// template is the cluster's text as shown, users' names as variables.
func (c *cluster) template() string { return strings.Join(shownTokens(c.tokens), " ") }

// node is a parse tree node; leaves hold clusters.
type node struct {
	children map[string]*node
	clusters []*cluster
}

func newNode() *node { return &node{children: map[string]*node{}} }

// Miner groups messages into templates. It is safe for concurrent use.
type Miner struct {
	cfg      Config
	mu       sync.Mutex
	root     *node
	clusters []*cluster
	byID     map[string]*cluster
	seen     map[string]bool
	version  uint64 // bumped on every change, for persistence
	shapes   uint64 // bumped when a template is made or widened (not on counts)
	now      func() time.Time
}

// NewMiner returns an empty miner; zero fields of c take their defaults.
func NewMiner(c Config) *Miner {
	d := DefaultConfig()
	if c.Depth < 3 {
		c.Depth = d.Depth
	}
	if c.SimThreshold <= 0 {
		c.SimThreshold = d.SimThreshold
	}
	if c.MaxChildren <= 0 {
		c.MaxChildren = d.MaxChildren
	}
	if c.MaxLeafClusters <= 0 {
		c.MaxLeafClusters = d.MaxLeafClusters
	}
	return &Miner{cfg: c, root: newNode(), byID: map[string]*cluster{}, seen: map[string]bool{}, now: time.Now}
}

// Add mines one message (the content after SplitHeader) and returns its
// template id, the template as it stands after this message, and whether
// the message started a new template.
func (m *Miner) Add(content string) (id, template string, isNew bool) {
	toks := mask(content, m.cfg)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.version++
	if c := m.search(toks); c != nil {
		c.count++
		if merge(c.tokens, toks) {
			m.shapes++
		}
		return c.id, c.template(), false
	}
	if c, leaf := m.searchNamed(toks); c != nil {
		c.count++
		merge(c.tokens, toks)
		m.shapes++
		m.reroute(c, leaf)
		return c.id, c.template(), false
	}
	m.shapes++
	c := &cluster{tokens: toks, count: 1, firstSeen: m.now().UTC()}
	c.id = m.newID(c.template())
	if m.cfg.MaxTemplates > 0 && len(m.clusters) >= m.cfg.MaxTemplates {
		return c.id, c.template(), true
	}
	m.insert(c) // unless its leaf is full: then it is not remembered either
	return c.id, c.template(), true
}

// Templates returns a snapshot of the templates in creation order.
func (m *Miner) Templates() []Template {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Template, len(m.clusters))
	for i, c := range m.clusters {
		out[i] = Template{ID: c.id, Template: c.template(), Count: c.count, FirstSeen: c.firstSeen}
	}
	return out
}

// Template returns the current text of the template with id.
func (m *Miner) Template(id string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c, ok := m.byID[id]
	if !ok {
		return "", false
	}
	return c.template(), true
}

// Seen reports whether id was passed to Seen before, and marks it. Call it
// before running an expensive analysis (the neural tier) on a template so
// that the analysis runs once per template; the marks live in memory.
func (m *Miner) Seen(id string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[id] {
		return true
	}
	m.seen[id] = true
	return false
}

// restore loads persisted templates into an empty miner.
func (m *Miner) restore(ts []Template) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, t := range ts {
		if _, dup := m.byID[t.ID]; dup || t.ID == "" {
			continue
		}
		m.insert(&cluster{id: t.ID, tokens: strings.Fields(t.Template), count: t.Count, firstSeen: t.FirstSeen})
	}
}

// Shapes counts the changes to the miner's templates themselves: one
// made, or one widened by a message. Counts alone leave it as it is.
func (m *Miner) Shapes() uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.shapes
}

// Version counts the miner's changes: it differs from an earlier value
// when a message was mined since.
func (m *Miner) Version() uint64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.version
}

// snapshot returns the templates and the version they reflect.
func (m *Miner) snapshot() ([]Template, uint64) {
	ts := m.Templates()
	m.mu.Lock()
	defer m.mu.Unlock()
	return ts, m.version
}

// newID derives a short stable id from the first template text, so the
// same message shape gets the same id in every process.
func (m *Miner) newID(tpl string) string {
	h := fnv.New64a()
	h.Write([]byte(tpl))
	base := fmt.Sprintf("%012x", h.Sum64()&0xffffffffffff)
	id := base
	for n := 2; m.byID[id] != nil; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// search finds the cluster a message belongs to, or nil.
func (m *Miner) search(toks []string) *cluster {
	n := m.root.children[strconv.Itoa(len(toks))]
	if n == nil {
		return nil
	}
	for i := 0; i < m.cfg.Depth-2 && i < len(toks); i++ {
		next := n.children[routeKey(toks[i])]
		if next == nil {
			next = n.children[Wildcard]
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return m.best(n.clusters, toks)
}

// maxNamedScan bounds the templates searchNamed compares one message
// with, so that a log whose lines open with ever new words stays linear.
const maxNamedScan = 512

// searchNamed finds, for a message its route found no template for, a
// template that differs from it only in one token, where both hold a
// name (a user, a host: "alice logged in from <*>" and "bob logged in
// from <*>", "user alice logged in ..." and "user bob logged in ...").
// Drain routes by the leading tokens as constants, so a name there made a
// template per name. It returns the template and the leaf that holds it.
// A name is tried first in a message, or after a word that introduces
// one (nameSlot): a lower-case word second is no name as often as not
// (sshd's "Failed password for ..." and "Failed none for ..." are two
// events).
func (m *Miner) searchNamed(toks []string) (*cluster, *node) {
	top := m.root.children[strconv.Itoa(len(toks))]
	if top == nil {
		return nil, nil
	}
	scanned := 0
	for p := range toks {
		if !nameSlot(toks, p) {
			continue
		}
		for _, leaf := range m.namedLeaves(top, toks, p) {
			for _, c := range leaf.clusters {
				if scanned++; scanned > maxNamedScan {
					return nil, nil
				}
				if m.namedMatch(c.tokens, toks, p) {
					return c, leaf
				}
			}
		}
	}
	return nil, nil
}

// namedLeaves returns the leaves a message's route reaches when its token
// at p may be any name: where p is among the routing tokens, the
// siblings under a name or the wildcard, in a fixed order so that the
// same log always gets the same templates; further on, its own leaf.
func (m *Miner) namedLeaves(top *node, toks []string, p int) []*node {
	n := top
	depth := m.cfg.Depth - 2
	for i := 0; i < depth && i < len(toks) && n != nil; i++ {
		if i == p {
			return m.siblingLeaves(n, toks, p)
		}
		next := n.children[routeKey(toks[i])]
		if next == nil {
			next = n.children[Wildcard]
		}
		n = next
	}
	if n == nil {
		return nil
	}
	return []*node{n}
}

// siblingLeaves follows, from n, each child other than the message's own
// that holds a name or the wildcard at p, then the rest of the route as
// search takes it.
func (m *Miner) siblingLeaves(n *node, toks []string, p int) []*node {
	keys := make([]string, 0, len(n.children))
	for key := range n.children {
		if key != routeKey(toks[p]) && (key == Wildcard || nameToken(key)) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	var leaves []*node
	for _, key := range keys {
		leaf := n.children[key]
		for i := p + 1; i < m.cfg.Depth-2 && i < len(toks) && leaf != nil; i++ {
			next := leaf.children[routeKey(toks[i])]
			if next == nil {
				next = leaf.children[Wildcard]
			}
			leaf = next
		}
		if leaf != nil {
			leaves = append(leaves, leaf)
		}
	}
	return leaves
}

// namedMatch reports whether the message joins template tpl with a name
// at p: the template holds a name or a variable there and all the
// message's other fixed tokens, and is similar enough. A name after a
// word that introduces one counts as agreeing: it is the one difference
// allowed, and counted against, it put a message of three or four words
// ("user bob disconnected", "disconnected user bob") under the
// threshold, so that such messages were never merged. A first word is
// not counted so: in a short message it is the event as often as a name
// ("wait (command 5)" and "boot (command 6)", "creating device node ..."
// and "removing device node ...").
func (m *Miner) namedMatch(tpl, toks []string, p int) bool {
	if t := tpl[p]; t == toks[p] || t != Wildcard && !nameToken(t) {
		return false
	}
	if !agreeBut(tpl, toks, p) {
		return false
	}
	sim, _ := similarity(tpl, toks)
	if p > 0 || subjectOfVerb(toks, p) {
		sim += 1 / float64(len(tpl))
	}
	return sim >= m.cfg.SimThreshold
}

// subjectOfVerb reports whether the first word of a message is the
// subject of a verb that follows it ("alice logged out", "bob is
// locked"): a word that acts is a user, host or service, and the verb is
// the event. Without it, a short message opening with a name made a
// template per name. A noun by its ending ("session closed",
// "connection refused") is the thing the event happened to, and a dotted
// word ("mapred.task.id is deprecated") a setting the message is about:
// both still split. The first word of a message whose next word is no
// verb ("wait (command 5)", "creating device node") is the event.
func subjectOfVerb(toks []string, p int) bool {
	if p != 0 || len(toks) < 2 || strings.ContainsRune(toks[0], '.') {
		return false
	}
	for _, suf := range nounEndings {
		if strings.HasSuffix(toks[0], suf) {
			return false
		}
	}
	if systemNoun(toks[0]) {
		return false
	}
	return finiteVerb(toks[1])
}

// nounEndings mark a first word as a thing, not a name.
var nounEndings = []string{"tion", "sion", "ment", "ness", "ance", "ence", "ity"}

// systemNouns are the things a program's messages report on that no
// ending marks as nouns: "socket closed" and "channel closed", "job
// finished" and "task finished" are different events, which a verb after
// the word had merged into "<*> closed" as though the word were a user.
// Names of users and hosts are rarely these words.
var systemNouns = map[string]bool{
	"socket": true, "channel": true, "stream": true, "pipe": true, "file": true, "buffer": true,
	"job": true, "task": true, "batch": true, "request": true, "response": true, "message": true, "packet": true,
	"process": true, "thread": true, "worker": true, "daemon": true, "service": true, "server": true, "client": true,
	"container": true, "pod": true, "node": true, "cluster": true, "replica": true, "leader": true, "follower": true,
	"queue": true, "consumer": true, "producer": true, "listener": true, "handler": true, "scheduler": true,
	"timer": true, "lock": true, "cache": true, "pool": true, "table": true, "index": true, "database": true,
	"backup": true, "upload": true, "download": true, "build": true, "deploy": true, "shutdown": true, "startup": true,
	"snapshot": true, "checkpoint": true, "heartbeat": true, "link": true, "port": true, "device": true,
	"disk": true, "volume": true, "mount": true, "tunnel": true, "proxy": true, "gateway": true, "endpoint": true,
	"route": true, "agent": true, "probe": true, "watcher": true, "reader": true, "writer": true, "flush": true,
	"sync": true, "lease": true, "token": true, "certificate": true, "cert": true, "key": true, "user": true,
	"host": true, "peer": true, "update": true, "upgrade": true, "restart": true, "reload": true, "timeout": true,
	"cron": true, "call": true, "query": true, "commit": true, "rollback": true, "write": true, "read": true,
}

// systemNoun reports one of systemNouns, singular or plural ("jobs
// finished").
func systemNoun(t string) bool {
	t = strings.ToLower(t)
	return systemNouns[t] || systemNouns[strings.TrimSuffix(t, "s")] || systemNouns[strings.TrimSuffix(t, "es")]
}

// auxiliaries are the verbs a subject's state is told with.
var auxiliaries = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true,
	"will": true, "can": true, "cannot": true, "could": true, "did": true, "does": true,
}

// finiteVerb reports a lower-case past form ("logged", "failed") or an
// auxiliary.
func finiteVerb(t string) bool {
	if auxiliaries[t] {
		return true
	}
	if len(t) < 4 || !strings.HasSuffix(t, "ed") {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}

// nameSlot reports whether the token at p of a message can be a name:
// a name-like token first, or after a word that introduces one ("user
// alice", "host web-a").
func nameSlot(toks []string, p int) bool {
	if !nameToken(toks[p]) {
		return false
	}
	return p == 0 || nameIntroducers[strings.ToLower(strings.TrimRight(toks[p-1], ":"))]
}

// nameIntroducers are the words a user, host or other name follows in a
// message: what comes after them varies with the thing named, not with
// the event.
var nameIntroducers = map[string]bool{
	"user": true, "username": true, "account": true, "login": true, "principal": true, "role": true,
	"host": true, "hostname": true, "node": true, "server": true, "client": true, "peer": true,
	"member": true, "tenant": true, "instance": true, "database": true,
}

// nameToken reports a token that can be a name in a message's leading
// words: lower-case letters, digits and the signs of user and host names
// ("alice", "svc-backup", "j.smith"), and no level word. A capitalised
// word there ("Started", "Stopped") is the event.
func nameToken(t string) bool {
	if t == "" || t == Wildcard || normLevel(t) != "" {
		return false
	}
	letter := false
	for i := 0; i < len(t); i++ {
		b := t[i]
		switch {
		case b >= 'a' && b <= 'z':
			letter = true
		case b >= '0' && b <= '9', b == '_', b == '-', b == '.':
		default:
			return false
		}
	}
	return letter
}

// agreeBut reports whether the message has all the template's fixed
// tokens except at position p.
func agreeBut(tpl, toks []string, p int) bool {
	for i, t := range tpl {
		if i != p && t != Wildcard && t != toks[i] {
			return false
		}
	}
	return true
}

// reroute moves c out of leaf to the leaf its (widened) tokens route to,
// so that the next message with another name there finds it first.
func (m *Miner) reroute(c *cluster, leaf *node) {
	for i, x := range leaf.clusters {
		if x == c {
			leaf.clusters = append(leaf.clusters[:i], leaf.clusters[i+1:]...)
			break
		}
	}
	n := m.root.children[strconv.Itoa(len(c.tokens))]
	for i := 0; i < m.cfg.Depth-2 && i < len(c.tokens); i++ {
		n = m.child(n, routeKey(c.tokens[i]))
	}
	n.clusters = append(n.clusters, c)
}

// best picks the most similar cluster above the threshold; ties go to the
// one with more variables, as in Drain.
func (m *Miner) best(cs []*cluster, toks []string) *cluster {
	var best *cluster
	bestSim, bestVars := -1.0, -1
	for _, c := range cs {
		if m.cfg.StableAfter > 0 && c.count >= m.cfg.StableAfter && !fixedAgree(c.tokens, toks) {
			continue
		}
		if !sameEventIDs(c.tokens, toks) || !sameRequest(c.tokens, toks) {
			continue
		}
		sim, vars := similarity(c.tokens, toks)
		if sim > bestSim || (sim == bestSim && vars > bestVars) {
			best, bestSim, bestVars = c, sim, vars
		}
	}
	if best == nil || bestSim < m.cfg.SimThreshold {
		return nil
	}
	return best
}

// similarity is the share of positions where the template and the message
// agree (a variable in both counts as agreement: both were masked), and
// the number of template variables.
func similarity(tpl, toks []string) (float64, int) {
	if len(tpl) == 0 {
		return 1, 0
	}
	same, vars := 0, 0
	for i, t := range tpl {
		if t == Wildcard || keyedVar(t) {
			vars++
		}
		if t == toks[i] {
			same++
		}
	}
	return float64(same) / float64(len(tpl)), vars
}

// fixedAgree reports whether the message has the template's fixed tokens.
func fixedAgree(tpl, toks []string) bool {
	for i, t := range tpl {
		if t != Wildcard && t != toks[i] && !keyedMatch(t, toks[i]) {
			return false
		}
	}
	return true
}

// merge turns positions where the message differs into variables. Where
// both hold a value of the same key ("success=yes", "success=no") only
// the value varies: the key stays, and tells what varies. Merged whole,
// an audit record's template read "... <*> exit=<*> ... <*> <*> <*>".
func merge(tpl, toks []string) (widened bool) {
	for i := range tpl {
		if tpl[i] == toks[i] || tpl[i] == Wildcard || keyedMatch(tpl[i], toks[i]) {
			continue
		}
		if k := strings.IndexByte(tpl[i], '='); k > 0 && k < len(tpl[i])-1 && len(toks[i]) > k+1 && toks[i][:k+1] == tpl[i][:k+1] {
			tpl[i] = tpl[i][:k+1] + Wildcard
		} else {
			tpl[i] = Wildcard
		}
		widened = true
	}
	return widened
}

// sameEventIDs reports whether the template and the message name the
// same Windows events (EventID=N tokens) where either names one: two
// events of a provider whose data have the same names are two templates,
// not one whose ID is a variable. (The route keeps them apart only
// while the ID is among the first tokens: a provider name of several
// words puts it further.)
func sameEventIDs(tpl, toks []string) bool {
	for i, t := range tpl {
		if t != toks[i] && (isEventIDToken(t) || isEventIDToken(toks[i])) {
			return false
		}
	}
	return true
}

// keyedVar reports a template token that is a key with a variable value
// ("uid=<*>").
func keyedVar(t string) bool {
	return len(t) > len(Wildcard)+1 && strings.HasSuffix(t, "="+Wildcard)
}

// keyedMatch reports whether tok is a value of the keyed variable t.
func keyedMatch(t, tok string) bool {
	if !keyedVar(t) {
		return false
	}
	key := t[:len(t)-len(Wildcard)]
	return len(tok) > len(key) && strings.HasPrefix(tok, key)
}

// insert adds a cluster to the tree and the index, unless its leaf holds
// MaxLeafClusters already (templates restored from an earlier, unbounded
// miner too).
func (m *Miner) insert(c *cluster) {
	key := strconv.Itoa(len(c.tokens))
	n := m.root.children[key]
	if n == nil {
		n = newNode()
		m.root.children[key] = n
	}
	for i := 0; i < m.cfg.Depth-2 && i < len(c.tokens); i++ {
		n = m.child(n, routeKey(c.tokens[i]))
	}
	if len(n.clusters) >= m.cfg.MaxLeafClusters {
		return
	}
	n.clusters = append(n.clusters, c)
	m.clusters = append(m.clusters, c)
	m.byID[c.id] = c
}

// child descends to (creating when allowed) the child for key, sending
// overflow to the wildcard branch as Drain does.
func (m *Miner) child(n *node, key string) *node {
	if c := n.children[key]; c != nil {
		return c
	}
	if key != Wildcard {
		limit := m.cfg.MaxChildren
		if n.children[Wildcard] == nil {
			limit--
		}
		if len(n.children) < limit {
			c := newNode()
			n.children[key] = c
			return c
		}
	}
	c := n.children[Wildcard]
	if c == nil {
		c = newNode()
		n.children[Wildcard] = c
	}
	return c
}

// routeKey is the tree key for a token: anything variable-looking routes
// through the wildcard branch.
func routeKey(t string) string {
	if isEventIDToken(t) {
		return t // a Windows event's ID names it, as a word does
	}
	if strings.Contains(t, Wildcard) || hasDigit(t) {
		return Wildcard
	}
	return t
}
