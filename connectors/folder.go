package connectors

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/pipeline"
)

// SeenBucket is the KV bucket that remembers which files were taken.
const SeenBucket = "docmill-seen"

// Folder watches a directory (recursively) and ingests each file once it
// has stopped growing. What it took is remembered in JetStream KV, so a
// restart, or a second replica watching a shared folder, does not ingest a
// file again. Symbolic links are refused: they could point outside.
type Folder struct {
	Dir       string
	Source    string // subject token (default "folder")
	Pub       *Publisher
	Seen      jetstream.KeyValue
	StableFor time.Duration // unchanged size and time for this long means complete (default 1s)
	Poll      time.Duration // rescan period, the safety net under fsnotify (default 2s)
	Log       *slog.Logger
	// MirrorDeletes removes a file's document from the index when the file
	// is deleted, unless another watched file or object holds the same
	// bytes (sources.mirror_deletes). Off, the folder is an inbox: files
	// may be moved away once taken.
	MirrorDeletes bool
	// Create makes Dir when it does not exist (sources.create_folders);
	// without it Run refuses a missing folder, as CheckFolder does.
	Create bool
	// Refused, when set, keeps the files not taken with their reasons,
	// for the web UI's dead-letters page.
	Refused *Refusals
	// Quota, when set, bounds the files taken an hour; the rest wait in
	// the folder (sources.max_per_hour, sources.max_mb_per_hour).
	Quota *Quota
	// overQuota is when the folder last said it is over its quota.
	overQuota time.Time

	root *os.Root
	// where is Dir as FolderPath spells it, in refusals: the start-up
	// clean-up (Refusals.Prune) matches those of the folder by it.
	where string
	sizes map[string]observed
	// done holds each file known to be taken, so a rescan asks the KV
	// bucket only about files that changed (1,000 files cost 15% of a
	// core while idle).
	done map[string]taken
	// gone notes when a taken file was first missed; under MirrorDeletes
	// its document is removed once it has stayed away for a while.
	gone map[string]time.Time
	// dev is the filesystem the folder's files were on, under
	// MirrorDeletes; awayFrom the other one it was last found empty on
	// (see unmounted). device looks a folder's filesystem up.
	dev, awayFrom uint64
	device        func(dir string) (uint64, bool)
}

// start sets up the watcher's memory of folder root.
func (f *Folder) start(root *os.Root) {
	f.root, f.sizes, f.done, f.gone = root, map[string]observed{}, map[string]taken{}, map[string]time.Time{}
	f.where = FolderPath(f.Dir)
	if f.device == nil {
		f.device = deviceOf
	}
}

// taken is a file's stamp (size and time) when it was taken, and the
// document it became.
type taken struct{ stamp, id string }

type observed struct {
	size  int64
	mtime time.Time
	since time.Time
}

// OpenSeen creates or opens the KV bucket of taken files.
func OpenSeen(ctx context.Context, js jetstream.JetStream, replicas int) (jetstream.KeyValue, error) {
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: SeenBucket,
		Description: "files and objects docmill already ingested", Storage: jetstream.FileStorage, Replicas: replicas})
	if err != nil {
		return nil, fmt.Errorf("kv %s: %w", SeenBucket, err)
	}
	return kv, nil
}

// CheckFolder says why dir cannot be watched as given: it does not exist
// and create is off. A mistyped path was created and watched, empty, for
// ever, while files went to the folder meant; serve and worker call this
// before they start, so such a typo stops them at once.
func CheckFolder(dir string, create bool) error {
	if create {
		return nil
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("watched folder %s does not exist (a typo?): create it, or set sources.create_folders: true (DOCMILL_SOURCES_CREATE_FOLDERS=true) to have docmill create it", dir)
	}
	return nil
}

// Run scans and watches until ctx ends.
func (f *Folder) Run(ctx context.Context) error {
	if f.StableFor <= 0 {
		f.StableFor = time.Second
	}
	if f.Poll <= 0 {
		f.Poll = 2 * time.Second
	}
	if f.Source == "" {
		f.Source = pipeline.FolderSource
	}
	if err := CheckFolder(f.Dir, f.Create); err != nil {
		return err
	}
	if _, err := os.Stat(f.Dir); errors.Is(err, fs.ErrNotExist) {
		// a drop folder may be made for the watch when asked, but never
		// without a word
		if f.Log != nil {
			f.Log.Warn("watched folder did not exist; created it (sources.create_folders)", "dir", f.Dir)
		}
	}
	if err := os.MkdirAll(f.Dir, 0o755); err != nil {
		return fmt.Errorf("watch %s: %w", f.Dir, err)
	}
	root, err := os.OpenRoot(f.Dir)
	if err != nil {
		return fmt.Errorf("watch %s: %w", f.Dir, err)
	}
	f.start(root)
	defer func() { f.root.Close() }() // reroot may have replaced it
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("fsnotify: %w", err)
	}
	defer w.Close()
	f.watchTree(w)
	tick := time.NewTicker(f.Poll)
	defer tick.Stop()
	for first := true; ; first = false {
		present := f.scan(ctx)
		if first && present != nil {
			f.reconcile(ctx, present)
			f.Refused.Prune(ctx, f.where, present)
		}
		select {
		case <-ctx.Done():
			return nil
		case ev := <-w.Events:
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					_ = w.Add(ev.Name)
				}
			}
		case err := <-w.Errors:
			f.Log.Warn("fsnotify", "dir", f.Dir, "err", err)
		case <-tick.C:
		}
	}
}

func (f *Folder) watchTree(w *fsnotify.Watcher) {
	top := f.walkRoot()
	_ = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if p != top && Skip(d) {
				return fs.SkipDir
			}
			_ = w.Add(p)
		}
		return nil
	})
}

// scan looks at every file and ingests the complete, unseen ones, then
// forgets what it noted about files that are gone. It returns the files
// present, or nil when the folder could not be read or, under
// MirrorDeletes, looks like an unmounted volume (an unreadable or
// unmounted folder is not an empty one).
func (f *Folder) scan(ctx context.Context) map[string]bool {
	f.reroot()
	now := time.Now()
	present := make(map[string]bool, len(f.sizes))
	unreadable := false
	top := f.walkRoot()
	_ = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil || ctx.Err() != nil {
			if p == top || d != nil && d.IsDir() {
				unreadable = true
			}
			return nil
		}
		rel, rerr := filepath.Rel(top, p)
		if rerr != nil || rel == "." {
			return nil
		}
		if Skip(d) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			present[rel] = true
			f.refuse(rel, errSymlink)
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		present[rel] = true
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if f.stable(rel, info, now) {
			f.take(ctx, rel, info)
		}
		return nil
	})
	if ctx.Err() != nil || unreadable || f.MirrorDeletes && f.unmounted(ctx, present) {
		return nil
	}
	f.forget(ctx, present, now)
	return present
}

// walkRoot is the directory to walk for the folder: Dir with its links
// resolved, looked up at each scan so that a link pointed elsewhere is
// followed. WalkDir does not follow a link it is given as its root, so a
// folder configured through a link (a volume mounted elsewhere) was
// walked as one entry and no file in it was ever taken or refused.
func (f *Folder) walkRoot() string {
	if real, err := filepath.EvalSymlinks(f.Dir); err == nil {
		return real
	}
	return f.Dir
}

// reroot opens the folder again when its path names another directory
// than the one the watcher holds open: a volume mounted on it or unmounted
// from it since, or the folder deleted and made anew. scan lists files by
// path, so they must be read from the directory the path names now, not
// from the old one (where they are missing, or an older file of the same
// name is left). Refusals noted in the old directory are dropped.
func (f *Folder) reroot() {
	cur, err := os.Stat(f.Dir)
	if err != nil || !cur.IsDir() {
		return // unreadable: scan says so
	}
	if held, err := f.root.Stat("."); err == nil && os.SameFile(cur, held) {
		return
	}
	root, err := os.OpenRoot(f.Dir)
	if err != nil {
		return
	}
	f.root.Close()
	f.root = root
	for k := range f.sizes {
		if rel, ok := strings.CutPrefix(k, "!"); ok {
			delete(f.sizes, k)
			// the scan that follows refuses again what is in the new one
			f.Refused.forget(f.where, rel)
		}
	}
	if f.Log != nil {
		f.Log.Info("folder: now another directory (remounted or made anew); reading it", "dir", f.Dir)
	}
}

// forget drops the sizes, stamps and refusals noted for files that are no
// longer in the folder (moved away after ingestion, rotated, deleted), so
// that an inbox through which files pass does not grow the watcher's
// memory with every file it ever held. A file that comes back is looked
// up in the seen bucket again, which still knows it. Under MirrorDeletes
// a taken file that stays away removes its document.
func (f *Folder) forget(ctx context.Context, present map[string]bool, now time.Time) {
	for k := range f.sizes {
		rel, refused := strings.CutPrefix(k, "!")
		if present[rel] {
			continue
		}
		delete(f.sizes, k)
		if refused {
			// nothing left to act on: the page listed it for days
			f.Refused.forget(f.where, rel)
		}
	}
	f.Refused.Refresh(ctx, now)
	for rel, t := range f.done {
		switch {
		case present[rel]:
			delete(f.gone, rel)
		case !f.MirrorDeletes:
			// the document stays; the file no longer holds it
			if err := release(ctx, f.Seen, t.id, holding{Kind: "folder", Where: f.Dir, Name: rel}); err != nil {
				f.Log.Warn("folder: file gone, still recorded as holding its document", "file", rel, "err", err)
				continue
			}
			delete(f.done, rel)
		case f.gone[rel].IsZero():
			f.gone[rel] = now
		case now.Sub(f.gone[rel]) >= f.removeAfter():
			if err := f.remove(ctx, rel, t); err != nil {
				f.Log.Error("folder: removal not sent, will retry", "file", rel, "doc_id", t.id, "err", err)
				continue
			}
			delete(f.done, rel)
			delete(f.gone, rel)
		}
	}
}

// removeAfter is how long a taken file must stay away before its document
// is removed: an editor that saves by deleting and writing anew leaves a
// gap, which is no deletion.
func (f *Folder) removeAfter() time.Duration { return max(f.StableFor, f.Poll) }

// remove handles the deletion of taken file rel (see removeHeld).
func (f *Folder) remove(ctx context.Context, rel string, t taken) error {
	h := holding{Kind: "folder", Where: f.Dir, Name: rel, Version: t.stamp}
	return removeHeld(ctx, f.Seen, f.Pub.JS, f.Log, seenKey(f.Dir, rel), t.id, f.Source, h)
}

// reconcile runs after the first scan: files deleted while docmill was
// not running no longer hold their documents, and under MirrorDeletes
// remove them; files taken before holdings were recorded (or mirroring
// turned on) are recorded as holding theirs.
func (f *Folder) reconcile(ctx context.Context, present map[string]bool) {
	held, err := holdings(ctx, f.Seen, "folder", f.Dir)
	if err != nil {
		f.Log.Error("folder: files deleted while docmill was down not checked", "dir", f.Dir, "err", err)
		return
	}
	for rel, h := range held {
		if present[rel] {
			continue
		}
		if !f.MirrorDeletes {
			if err := release(ctx, f.Seen, h.id, h); err != nil {
				f.Log.Warn("folder: file gone, still recorded as holding its document", "file", rel, "err", err)
			}
			continue
		}
		if err := f.remove(ctx, rel, taken{stamp: h.Version, id: h.id}); err != nil {
			f.Log.Error("folder: removal not sent", "file", rel, "doc_id", h.id, "err", err)
		}
	}
	for rel, t := range f.done {
		if held[rel].id != t.id {
			if err := hold(ctx, f.Seen, t.id, holding{Kind: "folder", Where: f.Dir, Name: rel, Version: t.stamp}); err != nil {
				f.Log.Warn("folder: file not recorded as holding its document", "file", rel, "err", err)
			}
		}
	}
}

// Skip reports whether a folder entry is no document: a hidden directory
// (".git", ".Trash") and everything in it, or a file that SkipFile names.
// Watched folders, `docmill ingest` and backfills all use it, so the same
// folder gives the same documents whichever way it is read.
func Skip(d fs.DirEntry) bool {
	if d.IsDir() {
		return strings.HasPrefix(d.Name(), ".") && d.Name() != "." && d.Name() != ".."
	}
	return SkipFile(d.Name())
}

// SkipObject applies the same rule to an object store name
// ("synced/.git/HEAD", "inbox/~$ntract.docx"): a bucket filled by a folder
// sync tool holds what the folder held.
func SkipObject(name string) bool {
	parts := strings.Split(name, "/")
	for _, dir := range parts[:len(parts)-1] {
		if strings.HasPrefix(dir, ".") {
			return true
		}
	}
	return SkipFile(parts[len(parts)-1])
}

// SkipFile leaves out hidden files, the usual partial-download names, the
// lock files Microsoft Office writes beside a document while it is open
// ("~$ntract.docx", which would each land in the dead-letter queue as a
// corrupt DOCX) and the files Windows and macOS drop into folders.
func SkipFile(name string) bool {
	switch strings.ToLower(name) {
	case "thumbs.db", "desktop.ini":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".part") || strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".crdownload")
}

func (f *Folder) stable(rel string, info fs.FileInfo, now time.Time) bool {
	o, ok := f.sizes[rel]
	if !ok || o.size != info.Size() || !o.mtime.Equal(info.ModTime()) {
		f.sizes[rel] = observed{size: info.Size(), mtime: info.ModTime(), since: now}
		return false
	}
	return now.Sub(o.since) >= f.StableFor
}

// refuse notes, once per file, that rel is not taken and why: in the log
// and in docmill_intake_refused_total.
func (f *Folder) refuse(rel string, why error) {
	if _, done := f.sizes["!"+rel]; done {
		return
	}
	f.sizes["!"+rel] = observed{}
	countRefused("folder", why)
	f.Refused.add(Refusal{Source: f.Source, Where: f.where, Name: rel, Reason: why.Error(), At: time.Now()})
	f.Log.Warn("folder: file refused", "dir", f.Dir, "file", rel, "reason", why)
}

// FolderPath is the one spelling of watched folder dir that refusals
// carry: absolute, clean, its symbolic links resolved. A folder
// configured as "in/", "./in" or through a link was another folder to the
// start-up clean-up of refusals, which kept listing the files removed
// while no watcher ran, and the page listed one file under two names.
func FolderPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Clean(dir)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// errSymlink refuses a symbolic link in a watched folder.
var errSymlink = errors.New("symbolic link")

// seenKey names a file in the KV bucket (keys allow only a few characters).
func seenKey(dir, rel string) string { return hashedKey("folder.", filepath.Clean(dir), rel) }

// objectSeenKey names a bucket object in the KV bucket.
func objectSeenKey(bucket, name string) string { return hashedKey("object.", bucket, name) }

// hashedKey is prefix and a digest of where and name.
func hashedKey(prefix, where, name string) string {
	sum := sha256.Sum256([]byte(where + "\x00" + name))
	return prefix + hex.EncodeToString(sum[:16])
}

func (f *Folder) take(ctx context.Context, rel string, info fs.FileInfo) {
	key := seenKey(f.Dir, rel)
	stamp := fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
	if f.done[rel].stamp == stamp {
		return
	}
	if f.waitsForQuota(rel, info.Size()) {
		return
	}
	var prevID string // the document of the file's previous version
	if e, err := f.Seen.Get(ctx, key); err == nil {
		prev, id, _ := strings.Cut(string(e.Value()), " ")
		if prev == stamp {
			f.done[rel] = taken{stamp: stamp, id: id}
			return
		}
		prevID = id
	}
	if info.Size() == 0 {
		f.refuse(rel, fmt.Errorf("empty file: %w", ErrEmpty))
		return
	}
	data, err := f.read(rel, info.Size())
	if err != nil {
		f.refuse(rel, err)
		if errors.Is(err, ErrTooLarge) {
			_, _ = f.Seen.Put(ctx, key, []byte(stamp))
		}
		return
	}
	meta := map[string]string{"path": rel}
	doc := Doc{Filename: rel, Source: f.Source, Data: data, Meta: meta}
	h := holding{Kind: "folder", Where: f.Dir, Name: rel, Version: stamp}
	if prevID != "" {
		replaces, err := replaceable(ctx, f.Seen, prevID, h, f.Log)
		if err != nil {
			f.Log.Error("folder: changed file not taken, will retry", "file", rel, "err", err)
			return
		}
		if replaces {
			meta[pipeline.MetaReplaces] = prevID
		}
	}
	if isNewVersion(data, prevID, f.MirrorDeletes) {
		doc.Version = key + ":" + stamp
	}
	id, err := f.Pub.Publish(ctx, doc)
	if err != nil {
		if refusal(err) { // a name too long as well: it was retried on every scan, uncounted
			f.refuse(rel, err)
			_, _ = f.Seen.Put(ctx, key, []byte(stamp))
		} else {
			f.Log.Error("folder: publish failed, will retry", "file", rel, "err", err)
		}
		return
	}
	if err := holdVersion(ctx, f.Seen, h, id, prevID); err != nil {
		f.Log.Error("folder: file not recorded as holding its document, will retry", "file", rel, "err", err)
		return
	}
	if _, err := f.Seen.Put(ctx, key, []byte(stamp+" "+id)); err != nil {
		f.Log.Error("folder: remember file", "file", rel, "err", err)
	} else {
		f.done[rel] = taken{stamp: stamp, id: id}
	}
	f.Quota.Took(int64(len(data)))
	f.overQuota = time.Time{}      // a later spell over the quota is said again
	f.Refused.forget(f.where, rel) // fixed and saved again: no longer refused
	f.Log.Info("folder: ingested", "file", rel, "doc_id", id)
}

// waitsForQuota reports whether the file rel, of size bytes, waits for
// the folder's hourly quota, saying so once per spell over it (each scan
// meets every waiting file again). It is checked before the seen bucket
// is asked, so that files waiting cost no reads, and a file already
// taken waits with the rest, counting nothing once it is found taken.
func (f *Folder) waitsForQuota(rel string, size int64) bool {
	wait := f.Quota.Wait(size)
	if wait <= 0 {
		return false
	}
	if now := time.Now(); now.Sub(f.overQuota) >= QuotaWindow {
		f.overQuota = now
		quotaSpells.WithLabelValues("folder").Inc()
		f.Log.Warn("folder: over its hourly quota (sources.max_per_hour, sources.max_mb_per_hour): files wait in the folder",
			"dir", f.Dir, "file", rel, "next_in", wait.Round(time.Second))
	}
	return true
}

// isNewVersion says whether an ingest of a watched file or object, whose
// content is data and whose previous version was prevID, names its version
// (Doc.Version) rather than being de-duplicated by content. A changed file
// may go back to content sent minutes ago (and already replaced in the
// index); under mirrored deletes a file may be renamed, or deleted and put
// back, and its bytes must reach the index again. The content is hashed
// only when a previous version is known (the publisher hashes it anyway).
func isNewVersion(data []byte, prevID string, mirror bool) bool {
	return mirror || prevID != "" && prevID != document.ID(data)
}

// read opens the file through os.Root, which refuses paths that escape the
// folder (through "..", or a link swapped in after the scan).
func (f *Folder) read(rel string, size int64) ([]byte, error) {
	limit := int64(f.Pub.MaxBytes)
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if size > limit {
		return nil, fmt.Errorf("%s: %d bytes over the %d limit: %w", rel, size, limit, ErrTooLarge)
	}
	fh, err := f.root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(io.LimitReader(fh, limit+1))
}
