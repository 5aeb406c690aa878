package keywords

import (
	"math"
	"sort"
)

func logf(x float64) float64 { return math.Log(x) }

func sortStrings(s []string) { sort.Strings(s) }
