package model

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	ort "github.com/yalue/onnxruntime_go"
)

// seqInput is one sequence's inputs for a segment: token-level int64
// inputs (input_ids, attention_mask, token_type_ids) of length n, and float
// inputs (hidden) of n*width values.
type seqInput struct {
	n     int
	ints  map[string][]int64
	float map[string][]float32
	width int // hidden size of float inputs
}

// seqOutput holds one sequence's outputs: document-level vectors, per-token
// vectors trimmed to the sequence length, per-token matrices n*width.
type seqOutput map[string][]float32

// job is a batch of sequences from one caller, answered together.
type job struct {
	seqs []seqInput
	outs []seqOutput
	err  error
	done chan struct{}
}

// segment is one ONNX graph with its session and its batching queue. The
// session is shared by all callers; only the batching goroutine runs it.
type segment struct {
	spec     SegmentSpec
	file     string
	int8     bool
	sess     *ort.DynamicAdvancedSession
	inputs   []string
	outputs  []string
	docLevel map[string]bool // outputs shaped [batch, n] regardless of sequence length
	maxBatch int
	maxWait  time.Duration

	maxSeen atomic.Int64 // largest batch run, for tests and diagnostics
	// cpuNanos is the CPU time of the session runs on the segment's thread;
	// with one intra-op thread that is all of the model's work.
	cpuNanos atomic.Int64

	mu     sync.RWMutex
	closed bool
	queue  chan *job
	wg     sync.WaitGroup
}

var errClosed = errors.New("model closed")

func newSession(path string, inputs, outputs []string, threads int) (*ort.DynamicAdvancedSession, error) {
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, fmt.Errorf("session options: %w", err)
	}
	defer opts.Destroy()
	if threads > 0 {
		if err := opts.SetIntraOpNumThreads(threads); err != nil {
			return nil, fmt.Errorf("intra-op threads: %w", err)
		}
	}
	if err := opts.SetInterOpNumThreads(1); err != nil {
		return nil, fmt.Errorf("inter-op threads: %w", err)
	}
	// With spinning on, idle pool threads of one segment's session steal the
	// cores the other segment needs (see shared notes MODEL.md).
	if err := opts.AddSessionConfigEntry("session.intra_op.allow_spinning", "0"); err != nil {
		return nil, fmt.Errorf("allow_spinning: %w", err)
	}
	s, err := ort.NewDynamicAdvancedSession(path, inputs, outputs, opts)
	if err != nil {
		return nil, fmt.Errorf("create session for %s: %w", path, err)
	}
	return s, nil
}

func (s *segment) start() {
	s.queue = make(chan *job, 256)
	s.wg.Add(1)
	go s.loop()
}

// submit queues sequences and waits for their outputs.
func (s *segment) submit(ctx context.Context, seqs []seqInput) ([]seqOutput, error) {
	j := &job{seqs: seqs, done: make(chan struct{})}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return nil, errClosed
	}
	select {
	case s.queue <- j:
	case <-ctx.Done():
		s.mu.RUnlock()
		return nil, ctx.Err()
	}
	s.mu.RUnlock()
	select {
	case <-j.done:
		return j.outs, j.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *segment) close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.queue)
	}
	s.mu.Unlock()
	s.wg.Wait()
	if s.sess != nil {
		s.sess.Destroy()
		s.sess = nil
	}
}

// loop gathers jobs into batches of up to maxBatch sequences, waiting at
// most maxWait for more once the first job arrives.
func (s *segment) loop() {
	defer s.wg.Done()
	// One OS thread per segment, so its CPU time can be read per run.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for j := range s.queue {
		batch := []*job{j}
		n := len(j.seqs)
		var timer <-chan time.Time
		var t *time.Timer
		if s.maxWait > 0 && n < s.maxBatch {
			t = time.NewTimer(s.maxWait)
			timer = t.C
		}
	gather:
		for n < s.maxBatch {
			if timer == nil {
				select {
				case more, ok := <-s.queue:
					if !ok {
						break gather
					}
					batch, n = append(batch, more), n+len(more.seqs)
				default:
					break gather
				}
				continue
			}
			select {
			case more, ok := <-s.queue:
				if !ok {
					break gather
				}
				batch, n = append(batch, more), n+len(more.seqs)
			case <-timer:
				break gather
			}
		}
		if t != nil {
			t.Stop()
		}
		s.runJobs(batch)
	}
}

type seqRef struct{ job, seq int }

// runJobs runs all sequences of the jobs, sorted by length so padded
// batches waste little, in chunks of maxBatch.
func (s *segment) runJobs(jobs []*job) {
	var refs []seqRef
	for ji, j := range jobs {
		j.outs = make([]seqOutput, len(j.seqs))
		for si := range j.seqs {
			refs = append(refs, seqRef{ji, si})
		}
	}
	sort.SliceStable(refs, func(a, b int) bool {
		return jobs[refs[a].job].seqs[refs[a].seq].n < jobs[refs[b].job].seqs[refs[b].seq].n
	})
	failed := map[int]error{}
	for lo := 0; lo < len(refs); lo += s.maxBatch {
		chunk := refs[lo:min(lo+s.maxBatch, len(refs))]
		seqs := make([]seqInput, len(chunk))
		for i, r := range chunk {
			seqs[i] = jobs[r.job].seqs[r.seq]
		}
		outs, err := s.runBatch(seqs)
		for i, r := range chunk {
			if err != nil {
				failed[r.job] = err
				continue
			}
			jobs[r.job].outs[r.seq] = outs[i]
		}
	}
	for ji, j := range jobs {
		j.err = failed[ji]
		close(j.done)
	}
}

// runBatch pads the sequences to one length, runs the session once and
// splits the outputs per sequence.
func (s *segment) runBatch(seqs []seqInput) (out []seqOutput, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("segment %s: run panicked: %v", s.spec.Name, r)
		}
	}()
	start := time.Now()
	b, maxN := int64(len(seqs)), 0
	tokens := 0
	for _, q := range seqs {
		maxN = max(maxN, q.n)
		tokens += q.n
	}
	inputs := make([]ort.Value, 0, len(s.inputs))
	defer func() {
		for _, v := range inputs {
			v.Destroy()
		}
	}()
	for _, name := range s.inputs {
		v, err := buildInput(name, seqs, b, maxN)
		if err != nil {
			return nil, fmt.Errorf("segment %s: %w", s.spec.Name, err)
		}
		inputs = append(inputs, v)
	}
	outputs := make([]ort.Value, len(s.outputs))
	cpu0 := threadCPU()
	err = s.sess.Run(inputs, outputs)
	s.cpuNanos.Add(threadCPU() - cpu0)
	if err != nil {
		return nil, fmt.Errorf("segment %s (%s): %w", s.spec.Name, s.file, err)
	}
	defer func() {
		for _, v := range outputs {
			if v != nil {
				v.Destroy()
			}
		}
	}()
	out = make([]seqOutput, len(seqs))
	for i := range out {
		out[i] = seqOutput{}
	}
	for k, name := range s.outputs {
		t, ok := outputs[k].(*ort.Tensor[float32])
		if !ok {
			return nil, fmt.Errorf("segment %s: output %q is not a float32 tensor", s.spec.Name, name)
		}
		if err := splitOutput(name, t, seqs, maxN, s.docLevel[name], out); err != nil {
			return nil, fmt.Errorf("segment %s: %w", s.spec.Name, err)
		}
	}
	observeBatch(s.spec.Name, len(seqs), tokens, time.Since(start))
	for {
		cur := s.maxSeen.Load()
		if int64(len(seqs)) <= cur || s.maxSeen.CompareAndSwap(cur, int64(len(seqs))) {
			break
		}
	}
	return out, nil
}

func buildInput(name string, seqs []seqInput, b int64, maxN int) (ort.Value, error) {
	if _, ok := seqs[0].float[name]; ok {
		w := seqs[0].width
		data := make([]float32, int(b)*maxN*w)
		for i, q := range seqs {
			copy(data[i*maxN*w:], q.float[name])
		}
		return ort.NewTensor(ort.NewShape(b, int64(maxN), int64(w)), data)
	}
	data := make([]int64, int(b)*maxN)
	for i, q := range seqs {
		if v, ok := q.ints[name]; ok {
			copy(data[i*maxN:], v)
		}
	}
	return ort.NewTensor(ort.NewShape(b, int64(maxN)), data)
}

func splitOutput(name string, t *ort.Tensor[float32], seqs []seqInput, maxN int, docLevel bool, out []seqOutput) error {
	shape, data := t.GetShape(), t.GetData()
	b := len(seqs)
	if len(shape) == 0 || int(shape[0]) != b {
		return fmt.Errorf("output %q: shape %v, expected batch %d first", name, shape, b)
	}
	row := len(data) / b
	for i, q := range seqs {
		r := data[i*row : (i+1)*row]
		switch {
		case docLevel || len(shape) == 2 && int(shape[1]) != maxN:
			out[i][name] = append([]float32(nil), r...)
		case len(shape) == 2:
			out[i][name] = append([]float32(nil), r[:q.n]...)
		case len(shape) == 3 && int(shape[1]) == maxN:
			w := int(shape[2])
			out[i][name] = append([]float32(nil), r[:q.n*w]...)
		default:
			out[i][name] = append([]float32(nil), r...)
		}
	}
	return nil
}
