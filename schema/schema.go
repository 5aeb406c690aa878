// Package schema ships the JSON Schema of the result docmill publishes on
// docmill.results.<class>, so that servers can serve it and subscribers in
// any language can validate what they receive.
package schema

import _ "embed"

// Result is the JSON Schema (draft 2020-12) of document.Result as encoded on
// the wire; result.schema.json in this folder is the same file.
//
//go:embed result.schema.json
var Result []byte

// ResultID is the $id of the result schema.
const ResultID = "https://docmill.dev/schema/result.schema.json"
