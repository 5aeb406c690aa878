// Command train fits the document classifier and writes its weights:
//
//	go run ./enrich/classify/cmd/train -data model/train/work/corpus/classify_train.jsonl \
//	    -dev model/train/work/corpus/classify_dev.jsonl -out enrich/classify/weights.bin
//
// The corpus comes from model/train/corpus.py (licence-clean sources only).
// The dev file calibrates the confidence (temperature); the test split is
// never read here.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/docmill/docmill/enrich/classify"
	"github.com/docmill/docmill/eval"
)

func main() {
	data := flag.String("data", "model/train/work/corpus/classify_train.jsonl", "training JSONL {id,text,label,subtype,source}")
	dev := flag.String("dev", "", "development JSONL for temperature calibration (default: classify_dev.jsonl beside -data)")
	out := flag.String("out", "enrich/classify/weights.bin", "output weights file")
	epochs := flag.Int("epochs", 10, "training epochs")
	flag.Parse()
	if *dev == "" {
		*dev = filepath.Join(filepath.Dir(*data), "classify_dev.jsonl")
	}
	if err := run(*data, *dev, *out, *epochs); err != nil {
		log.Fatal(err)
	}
}

func run(data, dev, out string, epochs int) error {
	train, err := eval.ReadJSONL[classify.Example](data)
	if err != nil {
		return fmt.Errorf("read training data: %w", err)
	}
	var devEx []classify.Example
	if _, err := os.Stat(dev); err == nil {
		if devEx, err = eval.ReadJSONL[classify.Example](dev); err != nil {
			return fmt.Errorf("read dev data: %w", err)
		}
	}
	start := time.Now()
	m := classify.Train(train, devEx, classify.TrainOptions{Epochs: epochs})
	log.Printf("trained on %d documents in %s (class temperature %.2f)", len(train), time.Since(start).Round(time.Millisecond), m.Class.Temp)
	if len(devEx) > 0 {
		var gold, pred []string
		for _, e := range devEx {
			gold = append(gold, e.Label)
			pred = append(pred, m.Predict(e.Text).Class)
		}
		r := eval.ScoreClassification(gold, pred)
		log.Printf("dev: accuracy %.4f macro-F1 %.4f (%d documents)", r.Accuracy, r.MacroF1, len(devEx))
	}
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Printf("wrote %s (%d bytes)", out, len(b))
	return nil
}
