package server

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docmill/docmill/config"
)

// serve --watch with a folder that does not exist refuses to start,
// naming it: a typo was created and watched, empty, for ever, with one
// log line to say so. sources.create_folders still has it made.
func TestServeRefusesMissingWatchedFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "inbxo")
	c := config.Default()
	c.Data, c.NATS.Listen, c.HTTP.Listen, c.Model.Disabled = t.TempDir(), "127.0.0.1:-1", "127.0.0.1:0", true
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	started := false
	err := Run(ctx, Options{Config: c, Role: RoleServe, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Watch: []string{missing},
		Started: func(*Server) { started = true; cancel() }})
	if started || err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "create_folders") {
		t.Errorf("started %v, error %v: want a refusal naming %s and sources.create_folders", started, err, missing)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the missing folder was created")
	}

	h := startWith(t, t.TempDir(), func(c *config.Config) {
		c.Sources.Folders, c.Sources.CreateFolders = []string{missing}, true
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		if st, err := os.Stat(missing); err == nil && st.IsDir() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("with sources.create_folders, the folder was not created")
		}
		time.Sleep(50 * time.Millisecond)
	}
	h.stop()
}
