package eval

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docmill/docmill/enrich/logs"
)

// LoghubReport is the grouping accuracy of a log parser on loghub-layout
// data: per system and the mean over the systems found.
type LoghubReport struct {
	Mean    float64            `json:"mean_accuracy"`
	Systems map[string]float64 `json:"systems"`
}

// GroupingAccuracy is loghub's grouping accuracy (Zhu et al., ICSE 2019;
// logparser's evaluator.get_accuracy): the share of messages whose
// predicted group holds exactly the messages of their true group. truth and
// pred hold one group label per message, in the same order.
func GroupingAccuracy(truth, pred []string) float64 {
	if len(truth) == 0 || len(truth) != len(pred) {
		return 0
	}
	truthSize := map[string]int{}
	for _, t := range truth {
		truthSize[t]++
	}
	// For each predicted group: its size and the single true label of its
	// members ("" once two labels are seen).
	type group struct {
		size  int
		label string
		mixed bool
	}
	groups := map[string]*group{}
	for i, p := range pred {
		g := groups[p]
		if g == nil {
			g = &group{label: truth[i]}
			groups[p] = g
		}
		g.size++
		if truth[i] != g.label {
			g.mixed = true
		}
	}
	correct := 0
	for _, g := range groups {
		if !g.mixed && g.size == truthSize[g.label] {
			correct += g.size
		}
	}
	return float64(correct) / float64(len(truth))
}

// Loghub measures grouping accuracy on every system under dir in loghub
// layout (<System>/<System>_2k.log and <System>_2k.log_structured.csv).
//
// Protocol: each raw line of the .log file goes through logs.SplitHeader
// (generic, no per-system log format), its content is mined by a fresh
// miner per system from newMiner, in file order, and line i's template id
// is compared with the EventId of the CSV row with LineId i+1. The
// per-system log_format, regexes, st and depth of
// drain_benchmark_settings.json are not used: they are the per-system
// rules docmill must do without, so header tokens our splitter leaves in
// the content count against us. progress, when not nil, is called after
// each system.
func Loghub(dir string, newMiner func() *logs.Miner, progress func(done, total int)) (LoghubReport, error) {
	systems, err := loghubSystems(dir)
	if err != nil {
		return LoghubReport{}, err
	}
	if len(systems) == 0 {
		return LoghubReport{}, fmt.Errorf("no loghub systems under %s", dir)
	}
	rep := LoghubReport{Systems: map[string]float64{}}
	for i, s := range systems {
		acc, err := LoghubSystem(filepath.Join(dir, s), s, newMiner())
		if err != nil {
			return LoghubReport{}, err
		}
		rep.Systems[s] = acc
		rep.Mean += acc / float64(len(systems))
		if progress != nil {
			progress(i+1, len(systems))
		}
	}
	return rep, nil
}

// LoghubSystem measures one system's grouping accuracy with miner m.
func LoghubSystem(dir, system string, m *logs.Miner) (float64, error) {
	pred, err := LoghubPredict(dir, system, m)
	if err != nil {
		return 0, err
	}
	truth, err := loghubTruth(filepath.Join(dir, system+"_2k.log_structured.csv"))
	if err != nil {
		return 0, err
	}
	if len(truth) != len(pred) {
		return 0, fmt.Errorf("%s: %d log lines but %d labelled", system, len(pred), len(truth))
	}
	return GroupingAccuracy(truth, pred), nil
}

// LoghubPredict mines a system's raw log and returns one template id per
// line.
func LoghubPredict(dir, system string, m *logs.Miner) ([]string, error) {
	lines, err := loghubLines(filepath.Join(dir, system+"_2k.log"))
	if err != nil {
		return nil, err
	}
	pred := make([]string, len(lines))
	for i, l := range lines {
		_, content := logs.SplitHeader(l)
		pred[i], _, _ = m.Add(content)
	}
	return pred, nil
}

// loghubSystems lists the folders of dir holding a <name>_2k.log file.
func loghubSystems(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read loghub dir: %w", err)
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, e.Name(), e.Name()+"_2k.log")); err == nil {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// loghubLines reads a raw log: one message per line, no trailing blank.
func loghubLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read log: %w", err)
	}
	b = bytes.TrimRight(b, "\r\n")
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	return lines, nil
}

// loghubTruth reads the EventId column of a structured CSV.
func loghubTruth(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open truth: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read %s header: %w", path, err)
	}
	col := -1
	for i, h := range head {
		if h == "EventId" {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("%s: no EventId column", path)
	}
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if col >= len(rec) {
			return nil, fmt.Errorf("%s: short row %d", path, len(out)+1)
		}
		out = append(out, rec[col])
	}
}
