#!/usr/bin/env bash
# deploy/check.sh: validates docmill's deployment artifacts offline. CI runs it.
#
#   bash deploy/check.sh            # everything
#   SKIP_ARM64=1 bash deploy/check.sh   # all but the arm64 cross-compile
#
# What it checks (each step prints its result; a failed step does not stop
# the others, and the script exits non-zero if any failed):
#   1. the validator's build and tests (deploy/validate, a separate Go module);
#   2. deploy/Dockerfile with BuildKit's lint rules (what `docker build
#      --check` runs) plus hadolint-style rules (DL3002/3006/3007/3009/3015/
#      3022/4006, HEALTHCHECK, EXPOSE). hadolint itself is not installable
#      here: Debian 12 does not package it and the npm "hadolint" package only
#      downloads the binary from GitHub at run time, which is unreachable;
#   3. deploy/compose.yaml with the compose-spec reference loader
#      (compose-go: JSON schema + references) plus topology rules;
#   4. deploy/grafana/docmill.json: every query parses as PromQL (the
#      Prometheus parser) and every docmill_ metric it reads is declared in
#      the Go code (Name: "docmill_..."), so the dashboard cannot drift;
#   5. every kustomize rendering (base, overlays/prod, overlays/edge) with
#      kubeconform -strict against JSON schemas generated offline from the
#      official k8s.io/api Go types (kubeconform would otherwise download its
#      schemas), and with strict decoding into those types plus project rules;
#   6. `docmill config check` (the real binary, amd64) on every docmill.yaml
#      the ConfigMaps carry;
#   7. `go test ./deploy/`: the shipped nats.conf files parse strictly with
#      nats-server's own parser, three servers booted from k8s/base/nats.conf
#      (addresses moved to loopback) form a JetStream cluster and accept a
#      3-replica stream, and compose's NATS command lines parse as nats-server
#      flags;
#   8. VCS_REF: a build with the Dockerfile's -X flag and no .git names the
#      revision in `docmill --version`;
#   9. the arm64 cgo cross-compile of ./cmd/docmill with Debian's
#      gcc-aarch64-linux-gnu (installed with apt-get when missing; needs root).
#
# Needs Go 1.26, and network access to the Go module proxy and Debian's
# package mirror on first run (tools are cached under bin/tools, git-ignored).
# Time on the 2-core machine: about 75 s with a warm Go build cache; about
# 23 min with an empty one (mostly the amd64 and arm64 builds of cmd/docmill;
# run it after the main build and tests so the amd64 build is cached).
set -uo pipefail

KUSTOMIZE_VERSION=v5.8.2   # v5.8.3 needs Go 1.27
KUBECONFORM_VERSION=v0.8.0

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools="${DOCMILL_TOOLS:-$root/bin/tools}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOBIN="$tools" PATH="$tools:$PATH"

passed=0
failed=0
failures=()

# check NAME CMD...: runs one check, prints its output and tallies it.
check() {
	local name="$1"
	shift
	printf '\n== %s\n' "$name"
	local start=$SECONDS
	if "$@"; then
		passed=$((passed + 1))
		printf -- '-- ok: %s (%ds)\n' "$name" $((SECONDS - start))
	else
		failed=$((failed + 1))
		failures+=("$name")
		printf -- '-- FAILED: %s (%ds)\n' "$name" $((SECONDS - start))
	fi
}

# tool_version BINARY: the module version a go-installed binary was built from.
tool_version() {
	go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'
}

install_tools() {
	mkdir -p "$tools"
	if [[ "$(tool_version "$tools/kustomize")" != "$KUSTOMIZE_VERSION" ]]; then
		go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" || return 1
	fi
	if [[ "$(tool_version "$tools/kubeconform")" != "$KUBECONFORM_VERSION" ]]; then
		go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" || return 1
	fi
	echo "kustomize $(tool_version "$tools/kustomize"), kubeconform $(tool_version "$tools/kubeconform")"
}

validator_build() {
	(cd deploy/validate && go build -o "$work/validate" .)
}

validator_tests() {
	(cd deploy/validate && go test -count=1 ./...)
}

# kubernetes: render each kustomization, then kubeconform and the validator.
kubernetes() {
	local ok=0 dir name profile
	"$work/validate" schemas "$work/schemas" || return 1
	for dir in base overlays/prod overlays/edge; do
		name="${dir##*/}"
		profile=default
		[[ "$name" == edge ]] && profile=edge
		echo "-- kustomize build deploy/k8s/$dir"
		if ! kustomize build "deploy/k8s/$dir" >"$work/$name.yaml"; then
			ok=1
			continue
		fi
		grep -E '^kind: ' "$work/$name.yaml" | sort | uniq -c | sed 's/^/     /'
		kubeconform -strict -summary \
			-schema-location "$work/schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
			"$work/$name.yaml" || ok=1
		"$work/validate" manifests -profile "$profile" "$work/$name.yaml" || ok=1
	done
	return $ok
}

# docmill_config: the docmill.yaml files the ConfigMaps carry must pass the
# binary's own strict `docmill config check` (unknown keys, types, values).
docmill_config() {
	go build -o "$work/docmill" ./cmd/docmill || return 1
	local f ok=0
	for f in deploy/k8s/base/docmill.yaml deploy/k8s/overlays/*/docmill.yaml; do
		"$work/docmill" config check "$f" || ok=1
	done
	return $ok
}

# vcs_ref builds docmill as the image does, with the Dockerfile's own
# -X flag and no .git to read (-buildvcs=false), and wants `docmill version`
# (--version) to name the revision passed in VCS_REF.
vcs_ref() {
	local flag
	flag="$(grep -o -- '-X main\.[A-Za-z]*=' deploy/Dockerfile | head -1)"
	if [[ -z "$flag" ]]; then
		echo "deploy/Dockerfile passes no -X main.<var>=\${VCS_REF}"
		return 1
	fi
	go build -buildvcs=false -ldflags="${flag}vcsref0check" -o "$work/docmill-ref" ./cmd/docmill || return 1
	local out
	out="$("$work/docmill-ref" --version)" || return 1
	echo "$out"
	[[ "$out" == *vcsref0check* ]]
}

arm64_build() {
	if ! command -v aarch64-linux-gnu-gcc >/dev/null; then
		if [[ "$(id -u)" != 0 ]]; then
			echo "aarch64-linux-gnu-gcc missing; run as root or: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross"
			return 1
		fi
		(apt-get update -qq -o DPkg::Lock::Timeout=600 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends \
			gcc-aarch64-linux-gnu libc6-dev-arm64-cross) >"$work/apt.log" 2>&1 || {
			tail -20 "$work/apt.log"
			return 1
		}
	fi
	CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
		go build -trimpath -o "$work/docmill-arm64" ./cmd/docmill || return 1
	# ELF e_machine (bytes 18-19, little endian) is 183 (0xb7) for AArch64.
	local machine
	machine="$(od -An -tu2 -j18 -N2 "$work/docmill-arm64" | tr -d ' ')"
	go version -m "$work/docmill-arm64" | grep -E 'CGO_ENABLED=1|GOARCH=arm64' | sed 's/^/     /'
	echo "ELF machine $machine ($(du -h "$work/docmill-arm64" | cut -f1))"
	[[ "$machine" == 183 ]]
}

echo "docmill deploy checks ($(go version | cut -d' ' -f3))"
check "tools: go install kustomize $KUSTOMIZE_VERSION, kubeconform $KUBECONFORM_VERSION" install_tools
check "validator: build (deploy/validate)" validator_build
check "validator: go test (deploy/validate)" validator_tests
if [[ -x "$work/validate" ]]; then
	check "Dockerfile lint: BuildKit rules + hadolint-style rules" "$work/validate" dockerfile deploy/Dockerfile
	check "compose: compose-spec loader + topology rules" "$work/validate" compose deploy/compose.yaml
	check "Grafana dashboard: PromQL parse + metric names defined in the code" "$work/validate" dashboard deploy/grafana/docmill.json .
	if command -v kustomize >/dev/null && command -v kubeconform >/dev/null; then
		check "kubernetes: kustomize build + kubeconform -strict + typed decode + rules" kubernetes
	fi
fi
check "docmill config check on every ConfigMap config file" docmill_config
check "VCS_REF: the Dockerfile's -X flag names the revision in docmill --version" vcs_ref
check "NATS configs boot: go test ./deploy/ (3-node JetStream cluster from k8s/base/nats.conf)" go test -count=1 ./deploy/
if [[ -z "${SKIP_ARM64:-}" ]]; then
	check "arm64: cgo cross-compile of ./cmd/docmill with aarch64-linux-gnu-gcc" arm64_build
fi

printf '\n'
if ((failed > 0)); then
	printf 'failed: %s\n' "${failures[@]}"
fi
printf 'deploy: %d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
