package eval

import "testing"

func TestPairedBootstrap(t *testing.T) {
	// A constant gain has a zero-width interval at the gain.
	ours := []float64{0.5, 0.6, 0.7, 0.8}
	base := []float64{0.4, 0.5, 0.6, 0.7}
	d := PairedBootstrap("x", ours, base)
	if d.Delta < 0.0999 || d.Delta > 0.1001 || d.Lo < 0.0999 || d.Hi > 0.1001 {
		t.Fatalf("constant gain: %+v", d)
	}
	// Wins and losses that cancel: the interval straddles 0.
	ours = []float64{1, 0, 1, 0, 1, 0, 1, 0, 1, 0}
	base = []float64{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}
	d = PairedBootstrap("x", ours, base)
	if d.Delta != 0 || d.Lo >= 0 || d.Hi <= 0 {
		t.Fatalf("cancelling: %+v", d)
	}
	// A consistent win over many documents excludes 0.
	ours, base = make([]float64, 200), make([]float64, 200)
	for i := range ours {
		ours[i] = float64(i%5) / 10
		base[i] = ours[i] - 0.05 + float64(i%3-1)/100
	}
	if d = PairedBootstrap("x", ours, base); d.Lo <= 0 {
		t.Fatalf("consistent win: %+v", d)
	}
	if PairedBootstrap("x", nil, nil) != nil || PairedBootstrap("x", []float64{1}, nil) != nil {
		t.Fatal("mismatched input should give nil")
	}
}
