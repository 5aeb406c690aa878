// Package train holds the Python recipe that builds docmill-mini, the
// default model bundle (corpus.py, tokenizer.py, model.py, train.py,
// export.py), and Go tests that run it in --tiny mode and check the
// exported ONNX graphs against PyTorch with ONNX Runtime.
//
// The recipe is run as:
//
//	/usr/bin/python3 model/train/train.py [--tiny] [--out DIR] [--resume]
//
// See model/MODEL_CARD.md for the data, the training run and its metrics.
package train
