// Package deploy holds docmill's deployment artifacts (Dockerfile, compose
// file, Kubernetes manifests, Grafana dashboard). Its Go tests boot the NATS
// configurations those artifacts ship with a real nats-server, so a broken
// route list or option fails here rather than in a cluster. deploy/check.sh
// validates the rest; see README.md.
package deploy
