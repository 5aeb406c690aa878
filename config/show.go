package config

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Redacted stands in Show's output for a secret that is set.
const Redacted = "<redacted>"

// Show renders the configuration a process started with path (empty: no
// file) and this environment would run, before command-line flags, as
// YAML with every key: defaults, the file, then the DOCMILL_* variables,
// each key a variable set marked with a comment naming it. Secrets
// (tokens, passwords) read Redacted when set, so the output can be pasted
// into a ticket. config check says whether a file is valid; an operator
// also needs to see what it amounts to once the environment of a
// container or unit file is applied, which was nowhere to be read.
func Show(path string) ([]byte, error) {
	c, err := Read(path)
	if err != nil {
		return nil, err
	}
	redact(c)
	var root yaml.Node
	if err := root.Encode(c); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	markEnv(&root, "DOCMILL")
	if c.HTTP.AuthToken != "" && os.Getenv("DOCMILL_HTTP_AUTH_TOKEN") == "" && os.Getenv(AuthTokenAlias) != "" && !fileSetsToken(path) {
		markKey(&root, []string{"http", "auth_token"}, "from "+AuthTokenAlias)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	return buf.Bytes(), nil
}

// redact replaces the secrets of c that are set with Redacted.
func redact(c *Config) {
	for _, s := range []*string{&c.NATS.Password, &c.NATS.Token, &c.HTTP.AuthToken} {
		if *s != "" {
			*s = Redacted
		}
	}
}

// fileSetsToken reports whether the file at path sets http.auth_token:
// then DOCMILL_AUTH_TOKEN, which only fills an empty token, did not.
func fileSetsToken(path string) bool {
	if path == "" {
		return false
	}
	c := Default()
	data, err := os.ReadFile(path)
	if err != nil || len(decode(data, c)) > 0 {
		return false
	}
	return c.HTTP.AuthToken != ""
}

// markEnv walks the mapping n, whose keys' variables start with prefix,
// and comments each key set by a variable of the environment.
func markEnv(n *yaml.Node, prefix string) {
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			markEnv(c, prefix)
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		name := prefix + "_" + strings.ToUpper(key.Value)
		if _, ok := os.LookupEnv(name); ok {
			key.LineComment = "from " + name
			continue
		}
		// retention's keys are classes, not settings: no variable each
		if val.Kind == yaml.MappingNode && name != "DOCMILL_INDEX_RETENTION" {
			markEnv(val, name)
		}
	}
}

// markKey comments the key at path under the document root.
func markKey(root *yaml.Node, path []string, comment string) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for i, p := range path {
		found := false
		for j := 0; j+1 < len(n.Content); j += 2 {
			if n.Content[j].Value != p {
				continue
			}
			if i == len(path)-1 {
				n.Content[j].LineComment = comment
				return
			}
			n, found = n.Content[j+1], true
			break
		}
		if !found {
			return
		}
	}
}
