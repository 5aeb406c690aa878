package connectors

import (
	"context"
	"errors"
	"strconv"

	"github.com/nats-io/nats.go/jetstream"
)

// A mirrored folder that is a mount point reads as an empty folder while
// its volume is unmounted, and one below a mount point is made anew, empty,
// by the next start (Run creates a missing folder). Taken at its word,
// either would remove every document the volume holds. So the seen bucket
// remembers the filesystem the folder's files were on, and an empty folder
// on another filesystem removes nothing: its documents stay until the
// volume is back, or until the folder holds files again (a volume moved
// to a new disk), when the new filesystem is remembered instead.

// mountKey names the remembered filesystem of a mirrored folder.
func mountKey(dir string) string { return "mount." + holdWhere("folder", dir) }

// unmounted reports whether the folder, whose scan found present, looks
// like an unmounted volume, and otherwise remembers its filesystem.
func (f *Folder) unmounted(ctx context.Context, present map[string]bool) bool {
	dev, ok := f.device(f.Dir)
	if !ok {
		return false
	}
	if f.dev == 0 {
		e, err := f.Seen.Get(ctx, mountKey(f.Dir))
		switch {
		case err == nil:
			f.dev, _ = strconv.ParseUint(string(e.Value()), 10, 64)
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			f.Log.Warn("folder: filesystem of its files not known, removes nothing this scan", "dir", f.Dir, "err", err)
			return true
		}
	}
	switch {
	case dev == f.dev:
		f.awayFrom = 0
		return false
	case f.dev != 0 && len(present) == 0:
		if f.awayFrom != dev {
			f.Log.Warn("folder: empty, and on another filesystem than its files were; taken as an unmounted volume, its documents stay",
				"dir", f.Dir, "filesystem", dev, "files_were_on", f.dev)
			f.awayFrom = dev
		}
		return true
	}
	// first sighting, or files on a new filesystem: remember it
	if _, err := f.Seen.Put(ctx, mountKey(f.Dir), []byte(strconv.FormatUint(dev, 10))); err != nil {
		f.Log.Warn("folder: filesystem not remembered, removes nothing this scan", "dir", f.Dir, "err", err)
		return true
	}
	f.dev, f.awayFrom = dev, 0
	return false
}
