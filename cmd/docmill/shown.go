package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/docmill/docmill/eval"
)

// shown is s as the CLI prints it: control characters escaped. File names
// and reasons come from whoever sent a document, and a name holding
// terminal escapes ("\x1b]0;title\a") would otherwise act on the terminal
// of whoever lists it, or a newline would forge an output line.
func shown(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unicode.IsControl(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// count writes n of noun, in the plural unless n is 1 ("1 document",
// "3 documents").
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// progressBar is a progress callback drawing a bar on stderr once the
// total is known, and the function that finishes it.
func progressBar(label string) (func(done, total int), func()) {
	var bar *eval.Progress
	last := 0
	return func(done, total int) {
			if bar == nil {
				bar = eval.NewProgress(os.Stderr, total, label)
			}
			bar.Add(done - last)
			last = done
		}, func() {
			if bar != nil {
				bar.Done()
			}
		}
}

// printJSON writes v on stdout, indented.
func printJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func init() { rootCmd.AddCommand(indexCmd()) }
