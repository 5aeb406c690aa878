// Command buildlex builds the English lexicon the keyword extractor embeds
// (enrich/keywords/data/en_lex.tsv.gz) from a WordNet 3.0 database
// (Debian package wordnet-base, /usr/share/wordnet; WordNet licence, see
// enrich/keywords/data/NOTICE). It records, per lemma, how often each part
// of speech is used (SemCor tag counts from cntlist.rev, plus one for every
// part of speech the lemma has), the irregular inflections, the multi-word
// noun lemmas, and a background document frequency of Porter stems over the
// WordNet glosses (one gloss = one document).
//
//	go run ./enrich/keywords/cmd/buildlex -wordnet /usr/share/wordnet -out enrich/keywords/data/en_lex.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/docmill/docmill/enrich/keywords"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict folder")
	out := flag.String("out", "enrich/keywords/data/en_lex.tsv.gz", "output file")
	minDF := flag.Int("min-df", 2, "drop stems with a lower gloss document frequency")
	flag.Parse()
	if err := run(*dir, *out, *minDF); err != nil {
		log.Fatal(err)
	}
}

var posIndex = map[string]int{"noun": 0, "verb": 1, "adj": 2, "adv": 3}

func run(dir, out string, minDF int) error {
	counts := map[string]*[4]int{}
	multi := map[string]bool{}
	for name, p := range posIndex {
		if err := eachLine(filepath.Join(dir, "index."+name), func(line string) {
			if strings.HasPrefix(line, " ") {
				return
			}
			lemma, _, _ := strings.Cut(line, " ")
			if strings.Contains(lemma, "_") {
				if p == 0 && strings.Count(lemma, "_") <= 3 {
					multi[strings.ReplaceAll(lemma, "_", " ")] = true
				}
				return
			}
			c := counts[lemma]
			if c == nil {
				c = new([4]int)
				counts[lemma] = c
			}
			c[p]++
		}); err != nil {
			return err
		}
	}
	if err := eachLine(filepath.Join(dir, "cntlist.rev"), func(line string) {
		f := strings.Fields(line)
		if len(f) < 3 {
			return
		}
		lemma, rest, ok := strings.Cut(f[0], "%")
		if !ok || strings.Contains(lemma, "_") || len(rest) == 0 {
			return
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || counts[lemma] == nil {
			return
		}
		p := map[byte]int{'1': 0, '2': 1, '3': 2, '5': 2, '4': 3}[rest[0]]
		counts[lemma][p] += n
	}); err != nil {
		return err
	}
	exc := map[string]string{}
	for _, name := range []string{"noun", "verb", "adj"} {
		if err := eachLine(filepath.Join(dir, name+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) >= 2 && !strings.Contains(f[0], "_") {
				exc[f[0]] = f[1]
			}
		}); err != nil {
			return err
		}
	}
	df := map[string]int{}
	docs := 0
	for _, name := range []string{"noun", "verb", "adj", "adv"} {
		if err := eachLine(filepath.Join(dir, "data."+name), func(line string) {
			if strings.HasPrefix(line, " ") {
				return
			}
			_, gloss, ok := strings.Cut(line, "| ")
			if !ok {
				return
			}
			docs++
			seen := map[string]bool{}
			for _, w := range keywords.SplitWords(strings.ToLower(gloss)) {
				s := keywords.Stem(w)
				if !seen[s] {
					seen[s] = true
					df[s]++
				}
			}
		}); err != nil {
			return err
		}
	}
	return write(out, docs, counts, exc, multi, df, minDF)
}

func write(out string, docs int, counts map[string]*[4]int, exc map[string]string, multi map[string]bool, df map[string]int, minDF int) error {
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "N\t%d\n", docs)
	for _, k := range sortedKeys(counts) {
		c := counts[k]
		fmt.Fprintf(w, "L\t%s\t%d\t%d\t%d\t%d\n", k, c[0], c[1], c[2], c[3])
	}
	for _, k := range sortedKeys(exc) {
		fmt.Fprintf(w, "X\t%s\t%s\n", k, exc[k])
	}
	for _, k := range sortedKeys(multi) {
		fmt.Fprintf(w, "M\t%s\n", k)
	}
	for _, k := range sortedKeys(df) {
		if df[k] >= minDF {
			fmt.Fprintf(w, "D\t%s\t%d\n", k, df[k])
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return f.Close()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open wordnet file: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
