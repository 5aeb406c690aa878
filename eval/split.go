package eval

import (
	"crypto/sha256"
	"encoding/binary"
)

// Split names of the project's shared split rule.
const (
	SplitTrain = "train"
	SplitDev   = "dev"
	SplitTest  = "test"
)

// SplitOf is the project's shared split rule, used wherever a dataset is
// both tuned on and reported: the first 32 bits of sha256("<dataset
// folder>/<id>") modulo 10 put 0-1 in test, 2 in dev and 3-9 in train. It
// depends only on the name, so every package and the eval command agree.
func SplitOf(folder, id string) string {
	sum := sha256.Sum256([]byte(folder + "/" + id))
	switch binary.BigEndian.Uint32(sum[:4]) % 10 {
	case 0, 1:
		return SplitTest
	case 2:
		return SplitDev
	}
	return SplitTrain
}
