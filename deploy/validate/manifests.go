package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	sigsyaml "sigs.k8s.io/yaml"
)

// newScheme registers the API groups docmill's manifests may use, plus KEDA.
func newScheme() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, autoscalingv2.AddToScheme, policyv1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	s.AddKnownTypes(kedaGroupVersion, &ScaledObject{})
	return s
}

// docmillRoles and docmillFlags are the CLI surface the manifests may use;
// a typo here would only show up as a crash-looping pod.
var (
	docmillRoles = []string{"serve", "worker", "indexer"}
	docmillFlags = map[string]bool{ // flag -> takes a value (cmd/docmill/serve.go)
		"--config": true, "--watch": true, "--data": true, "--nats": true, "--nats-listen": true,
		"--nats-creds": true, "--http": true, "--model": true, "--ort-lib": true, "--no-model": false,
		"--int8": false, "--threads": true, "--auth-token": true, "--log-level": true, "--log-format": true,
		"--ingest": true,
	}
)

// objects is a rendered kustomize build, indexed by kind and name.
type objects struct {
	all    []runtime.Object
	byKind map[string]map[string]runtime.Object
}

func checkManifestFile(path, profile string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer f.Close()
	return checkManifests(f, profile)
}

// checkManifests decodes every document strictly into the official types
// (unknown or duplicate fields and malformed quantities are errors) and then
// applies docmill's deployment rules.
func checkManifests(r io.Reader, profile string) ([]string, error) {
	if profile != "default" && profile != "edge" {
		return nil, fmt.Errorf("unknown profile %q", profile)
	}
	decoder := serializer.NewCodecFactory(newScheme(), serializer.EnableStrict).UniversalDeserializer()
	objs := objects{byKind: map[string]map[string]runtime.Object{}}
	var problems []string
	yr := utilyaml.NewYAMLReader(bufio.NewReader(r))
	for i := 0; ; i++ {
		doc, err := yr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i, err)
		}
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		obj, gvk, err := decoder.Decode(doc, nil, nil)
		if err != nil {
			problems = append(problems, fmt.Sprintf("document %d: %v", i, err))
			continue
		}
		name := metaName(obj)
		if objs.byKind[gvk.Kind] == nil {
			objs.byKind[gvk.Kind] = map[string]runtime.Object{}
		}
		objs.byKind[gvk.Kind][name] = obj
		objs.all = append(objs.all, obj)
	}
	if len(objs.all) == 0 {
		return append(problems, "no objects"), nil
	}
	return append(problems, objs.rules(profile)...), nil
}

func metaName(obj runtime.Object) string {
	if m, ok := obj.(interface{ GetName() string }); ok {
		return m.GetName()
	}
	return ""
}

func (o objects) has(kind, name string) bool {
	_, ok := o.byKind[kind][name]
	return ok
}

// rules applies the project rules to the whole set.
func (o objects) rules(profile string) []string {
	var p []string
	for _, kind := range []string{"Deployment", "StatefulSet", "Service", "ConfigMap", "Secret"} {
		if len(o.byKind[kind]) == 0 {
			p = append(p, "no "+kind)
		}
	}
	for _, obj := range o.all {
		switch v := obj.(type) {
		case *appsv1.Deployment:
			p = append(p, o.workload("Deployment/"+v.Name, v.Spec.Replicas, &v.Spec.Template, profile)...)
		case *appsv1.StatefulSet:
			p = append(p, o.workload("StatefulSet/"+v.Name, v.Spec.Replicas, &v.Spec.Template, profile)...)
			p = append(p, o.statefulSet(v)...)
			if v.Name == "nats" {
				p = append(p, o.natsStorage(v)...)
			}
		case *corev1.Service:
			p = append(p, o.service(v)...)
		case *autoscalingv2.HorizontalPodAutoscaler:
			p = append(p, o.hpa(v, profile)...)
		case *ScaledObject:
			p = append(p, o.scaledObject(v, profile)...)
		}
	}
	if profile == "edge" {
		p = append(p, o.edgeRetention()...)
	}
	return append(p, o.topology(profile)...)
}

// maxFileStoreRe is JetStream's file store limit in a NATS configuration.
var maxFileStoreRe = regexp.MustCompile(`(?m)^\s*max_file_store:\s*(\d+)\s*([KMGT]?B?)\s*$`)

// natsStorage checks that JetStream's file store limit fits the NATS
// volume and uses most of it: an overlay that grew the volume to 50Gi
// kept the base's 8GB limit, and JetStream stopped at 8 GB.
func (o objects) natsStorage(s *appsv1.StatefulSet) []string {
	m := maxFileStoreRe.FindStringSubmatch(o.natsConf(s))
	if m == nil || len(s.Spec.VolumeClaimTemplates) == 0 {
		return nil // JetStream then sizes itself from the disk it finds
	}
	limit := resource.MustParse(m[1] + strings.TrimSuffix(m[2], "B"))
	if strings.TrimSuffix(m[2], "B") != "" {
		limit = resource.MustParse(m[1] + strings.TrimSuffix(m[2], "B") + "i") // NATS counts in powers of 1024
	}
	volume := s.Spec.VolumeClaimTemplates[0].Spec.Resources.Requests[corev1.ResourceStorage]
	switch {
	case limit.Cmp(volume) > 0:
		return []string{fmt.Sprintf("StatefulSet/nats: max_file_store %s%s is larger than its volume %s", m[1], m[2], volume.String())}
	case limit.Value()*2 < volume.Value():
		return []string{fmt.Sprintf("StatefulSet/nats: max_file_store %s%s leaves most of its volume %s unused", m[1], m[2], volume.String())}
	}
	return nil
}

// edgeRetention checks that an edge box's docmill configuration bounds
// what it keeps: with no nats.max_age and no limit on originals, a small
// store fills (some 30,000 documents in 1 GB) and indexing stops.
func (o objects) edgeRetention() []string {
	var p []string
	for _, obj := range o.byKind["ConfigMap"] {
		cm, ok := obj.(*corev1.ConfigMap)
		if !ok || cm.Data["docmill.yaml"] == "" {
			continue
		}
		var c struct {
			NATS struct {
				MaxAge string `json:"max_age"`
			} `json:"nats"`
			Pipeline struct {
				KeepOriginals   *bool  `json:"keep_originals"`
				OriginalsMaxAge string `json:"originals_max_age"`
				OriginalsMaxMB  int    `json:"originals_max_mb"`
			} `json:"pipeline"`
		}
		if err := sigsyaml.Unmarshal([]byte(cm.Data["docmill.yaml"]), &c); err != nil {
			p = append(p, fmt.Sprintf("ConfigMap/%s: docmill.yaml: %v", cm.Name, err))
			continue
		}
		if c.NATS.MaxAge == "" || c.NATS.MaxAge == "0" || c.NATS.MaxAge == "0s" {
			p = append(p, fmt.Sprintf("ConfigMap/%s: an edge box keeps stream messages forever: set nats.max_age", cm.Name))
		}
		kept := c.Pipeline.KeepOriginals == nil || *c.Pipeline.KeepOriginals
		if kept && c.Pipeline.OriginalsMaxMB == 0 && (c.Pipeline.OriginalsMaxAge == "" || c.Pipeline.OriginalsMaxAge == "0s") {
			p = append(p, fmt.Sprintf("ConfigMap/%s: an edge box keeps every original: set pipeline.originals_max_mb or originals_max_age", cm.Name))
		}
	}
	return p
}

// workload checks one pod template: security context, resources, probes,
// references and the docmill command line.
func (o objects) workload(id string, replicas *int32, t *corev1.PodTemplateSpec, profile string) []string {
	var p []string
	if profile == "edge" && (replicas == nil || *replicas != 1) {
		p = append(p, id+": edge profile wants exactly 1 replica")
	}
	ps := t.Spec.SecurityContext
	podNonRoot := ps != nil && ps.RunAsNonRoot != nil && *ps.RunAsNonRoot
	podSeccomp := ps != nil && ps.SeccompProfile != nil && ps.SeccompProfile.Type != corev1.SeccompProfileTypeUnconfined
	for _, c := range t.Spec.Containers {
		cid := id + " container " + c.Name
		sc := c.SecurityContext
		// The namespace enforces the "restricted" Pod Security Standard.
		if !podSeccomp && (sc == nil || sc.SeccompProfile == nil || sc.SeccompProfile.Type == corev1.SeccompProfileTypeUnconfined) {
			p = append(p, cid+": no seccompProfile (RuntimeDefault)")
		}
		if !podNonRoot && (sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot) {
			p = append(p, cid+": runAsNonRoot is not true")
		}
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			p = append(p, cid+": allowPrivilegeEscalation is not false")
		}
		if sc == nil || sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
			p = append(p, cid+": capabilities do not drop ALL")
		}
		for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := c.Resources.Requests[res]; !ok {
				p = append(p, fmt.Sprintf("%s: no %s request", cid, res))
			}
		}
		if _, ok := c.Resources.Limits[corev1.ResourceMemory]; !ok {
			p = append(p, cid+": no memory limit")
		}
		if c.LivenessProbe == nil || c.ReadinessProbe == nil {
			p = append(p, cid+": needs liveness and readiness probes")
		}
		if strings.Contains(c.Image, "docmill") {
			p = append(p, docmillContainer(cid, c, profile)...)
		}
		p = append(p, o.envRefs(cid, c)...)
	}
	for _, v := range t.Spec.Volumes {
		if v.ConfigMap != nil && !o.has("ConfigMap", v.ConfigMap.Name) {
			p = append(p, fmt.Sprintf("%s: volume %s names missing ConfigMap %s", id, v.Name, v.ConfigMap.Name))
		}
		if v.Secret != nil && !o.has("Secret", v.Secret.SecretName) {
			p = append(p, fmt.Sprintf("%s: volume %s names missing Secret %s", id, v.Name, v.Secret.SecretName))
		}
	}
	return p
}

// parseDocmillArgs checks a docmill command line (ROLE --flag value ...)
// against the known roles and flags and returns the role and flag values.
func parseDocmillArgs(id string, args []string) (string, map[string]string, []string) {
	var p []string
	flags := map[string]string{}
	if len(args) == 0 || !slices.Contains(docmillRoles, args[0]) {
		return "", flags, append(p, fmt.Sprintf("%s: first argument must be one of %v, got %v", id, docmillRoles, args))
	}
	for i := 1; i < len(args); i++ {
		name, val, hasVal := strings.Cut(args[i], "=")
		takes, known := docmillFlags[name]
		switch {
		case !known:
			p = append(p, fmt.Sprintf("%s: unknown docmill flag %q", id, args[i]))
		case takes && !hasVal:
			if i+1 >= len(args) {
				p = append(p, fmt.Sprintf("%s: flag %s needs a value", id, name))
				continue
			}
			i++
			val = args[i]
		}
		flags[name] = val
	}
	if _, ok := flags["--nats"]; !ok && args[0] == "worker" {
		p = append(p, id+": worker needs --nats")
	}
	return args[0], flags, p
}

// docmillContainer checks the docmill role, flags, probe paths and, for the
// edge profile, the int8 model, one thread and a small memory limit.
func docmillContainer(cid string, c corev1.Container, profile string) []string {
	args := append(slices.Clone(c.Command[min(len(c.Command), 1):]), c.Args...)
	role, flags, p := parseDocmillArgs(cid, args)
	if !probePath(c.LivenessProbe, "/healthz") {
		p = append(p, cid+": liveness probe must GET /healthz")
	}
	if !probePath(c.ReadinessProbe, "/readyz") {
		p = append(p, cid+": readiness probe must GET /readyz")
	}
	if profile == "edge" && role != "indexer" { // the indexer runs no model
		if _, ok := flags["--int8"]; !ok {
			p = append(p, cid+": edge profile wants --int8")
		}
		if flags["--threads"] != "1" {
			p = append(p, cid+": edge profile wants --threads 1")
		}
	}
	if profile == "edge" {
		if lim, ok := c.Resources.Limits[corev1.ResourceMemory]; !ok || lim.Cmp(resource.MustParse("1Gi")) > 0 {
			p = append(p, cid+": edge profile wants a memory limit of at most 1Gi")
		}
	}
	return p
}

func probePath(pr *corev1.Probe, path string) bool {
	return pr != nil && pr.HTTPGet != nil && pr.HTTPGet.Path == path
}

// envRefs checks that every ConfigMap and Secret an env var names exists.
func (o objects) envRefs(cid string, c corev1.Container) []string {
	var p []string
	for _, e := range c.Env {
		if e.ValueFrom == nil {
			continue
		}
		if r := e.ValueFrom.SecretKeyRef; r != nil && !o.has("Secret", r.Name) {
			p = append(p, fmt.Sprintf("%s: env %s names missing Secret %s", cid, e.Name, r.Name))
		}
		if r := e.ValueFrom.ConfigMapKeyRef; r != nil && !o.has("ConfigMap", r.Name) {
			p = append(p, fmt.Sprintf("%s: env %s names missing ConfigMap %s", cid, e.Name, r.Name))
		}
	}
	return p
}

// statefulSet checks the governing headless Service and that claimed volumes
// are mounted.
func (o objects) statefulSet(s *appsv1.StatefulSet) []string {
	var p []string
	id := "StatefulSet/" + s.Name
	svc, ok := o.byKind["Service"][s.Spec.ServiceName].(*corev1.Service)
	if !ok {
		p = append(p, fmt.Sprintf("%s: serviceName %q is not a Service here", id, s.Spec.ServiceName))
	} else if svc.Spec.ClusterIP != corev1.ClusterIPNone {
		p = append(p, fmt.Sprintf("%s: serviceName %q is not headless", id, s.Spec.ServiceName))
	}
	for _, claim := range s.Spec.VolumeClaimTemplates {
		mounted := false
		for _, c := range s.Spec.Template.Spec.Containers {
			for _, m := range c.VolumeMounts {
				mounted = mounted || m.Name == claim.Name
			}
		}
		if !mounted {
			p = append(p, fmt.Sprintf("%s: volumeClaimTemplate %s is never mounted", id, claim.Name))
		}
		if _, ok := claim.Spec.Resources.Requests[corev1.ResourceStorage]; !ok {
			p = append(p, fmt.Sprintf("%s: volumeClaimTemplate %s requests no storage", id, claim.Name))
		}
	}
	return p
}

// service checks that the selector matches some pod template.
func (o objects) service(s *corev1.Service) []string {
	if len(s.Spec.Selector) == 0 {
		return []string{"Service/" + s.Name + ": no selector"}
	}
	for _, obj := range o.all {
		var labels map[string]string
		switch v := obj.(type) {
		case *appsv1.Deployment:
			labels = v.Spec.Template.Labels
		case *appsv1.StatefulSet:
			labels = v.Spec.Template.Labels
		}
		if labels != nil && selects(s.Spec.Selector, labels) {
			return nil
		}
	}
	return []string{fmt.Sprintf("Service/%s: selector %v matches no pod template", s.Name, s.Spec.Selector)}
}

func selects(sel, labels map[string]string) bool {
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return true
}

func (o objects) hpa(h *autoscalingv2.HorizontalPodAutoscaler, profile string) []string {
	var p []string
	id := "HorizontalPodAutoscaler/" + h.Name
	if profile == "edge" {
		p = append(p, id+": the edge profile runs fixed single replicas")
	}
	if !o.has(h.Spec.ScaleTargetRef.Kind, h.Spec.ScaleTargetRef.Name) {
		p = append(p, fmt.Sprintf("%s: target %s/%s does not exist", id, h.Spec.ScaleTargetRef.Kind, h.Spec.ScaleTargetRef.Name))
	}
	cpu := false
	for _, m := range h.Spec.Metrics {
		cpu = cpu || (m.Resource != nil && m.Resource.Name == corev1.ResourceCPU)
	}
	if !cpu {
		p = append(p, id+": no CPU metric")
	}
	return p
}

// scaledObject checks the KEDA trigger on the worker's JetStream lag.
func (o objects) scaledObject(s *ScaledObject, profile string) []string {
	var p []string
	id := "ScaledObject/" + s.Name
	if profile == "edge" {
		p = append(p, id+": the edge profile runs fixed single replicas")
	}
	ref := s.Spec.ScaleTargetRef
	if ref == nil {
		return append(p, id+": no scaleTargetRef")
	}
	kind := ref.Kind
	if kind == "" {
		kind = "Deployment"
	}
	if !o.has(kind, ref.Name) {
		p = append(p, fmt.Sprintf("%s: target %s/%s does not exist", id, kind, ref.Name))
	}
	for _, h := range o.byKind["HorizontalPodAutoscaler"] {
		t := h.(*autoscalingv2.HorizontalPodAutoscaler).Spec.ScaleTargetRef
		if t.Kind == kind && t.Name == ref.Name {
			p = append(p, fmt.Sprintf("%s: %s/%s is also scaled by HorizontalPodAutoscaler/%s; KEDA makes its own HPA and the two would fight", id, kind, ref.Name, metaName(h)))
		}
	}
	js := false
	for _, t := range s.Spec.Triggers {
		if t.Type != "nats-jetstream" {
			continue
		}
		js = true
		md := t.Metadata
		if md["stream"] != "DOCMILL_INGEST" || md["consumer"] != "docmill-worker" {
			p = append(p, fmt.Sprintf("%s: nats-jetstream trigger must watch DOCMILL_INGEST/docmill-worker, got %s/%s", id, md["stream"], md["consumer"]))
		}
		if n, err := strconv.Atoi(md["lagThreshold"]); err != nil || n <= 0 {
			p = append(p, fmt.Sprintf("%s: lagThreshold %q is not a positive integer", id, md["lagThreshold"]))
		}
		if _, port, ok := strings.Cut(md["natsServerMonitoringEndpoint"], ":"); !ok || port != "8222" {
			p = append(p, fmt.Sprintf("%s: natsServerMonitoringEndpoint %q must be host:8222", id, md["natsServerMonitoringEndpoint"]))
		}
	}
	if !js {
		p = append(p, id+": no nats-jetstream trigger")
	}
	return p
}

// topology checks the shape of the whole deployment: a NATS StatefulSet
// (three nodes with cluster routes, one on the edge), a worker Deployment
// that something scales, and an indexer StatefulSet with a data volume.
func (o objects) topology(profile string) []string {
	var p []string
	nats, ok := o.byKind["StatefulSet"]["nats"].(*appsv1.StatefulSet)
	if !ok {
		return append(p, "no StatefulSet/nats")
	}
	want := int32(3)
	if profile == "edge" {
		want = 1
	}
	if nats.Spec.Replicas == nil || *nats.Spec.Replicas != want {
		p = append(p, fmt.Sprintf("StatefulSet/nats: want %d replicas", want))
	}
	conf := o.natsConf(nats)
	if !strings.Contains(conf, "jetstream") {
		p = append(p, "NATS config does not enable jetstream")
	}
	if profile == "default" {
		for i := range want {
			route := fmt.Sprintf("nats-%d.nats", i)
			if !strings.Contains(conf, route) {
				p = append(p, "NATS config has no cluster route to "+route)
			}
		}
	}
	if !o.has("Deployment", "docmill-worker") {
		p = append(p, "no Deployment/docmill-worker")
	}
	idx, ok := o.byKind["StatefulSet"]["docmill-indexer"].(*appsv1.StatefulSet)
	if !ok || len(idx.Spec.VolumeClaimTemplates) == 0 {
		p = append(p, "no StatefulSet/docmill-indexer with a volumeClaimTemplate")
	}
	if profile == "default" {
		scaled := false
		for _, h := range o.byKind["HorizontalPodAutoscaler"] {
			scaled = scaled || h.(*autoscalingv2.HorizontalPodAutoscaler).Spec.ScaleTargetRef.Name == "docmill-worker"
		}
		for _, s := range o.byKind["ScaledObject"] {
			ref := s.(*ScaledObject).Spec.ScaleTargetRef
			scaled = scaled || (ref != nil && ref.Name == "docmill-worker")
		}
		if !scaled {
			p = append(p, "Deployment/docmill-worker is scaled by neither an HPA nor a ScaledObject")
		}
	}
	return p
}

// natsConf returns the text of every ConfigMap the NATS pods mount.
func (o objects) natsConf(s *appsv1.StatefulSet) string {
	var b strings.Builder
	for _, v := range s.Spec.Template.Spec.Volumes {
		if v.ConfigMap == nil {
			continue
		}
		if cm, ok := o.byKind["ConfigMap"][v.ConfigMap.Name].(*corev1.ConfigMap); ok {
			for _, d := range cm.Data {
				b.WriteString(d)
			}
		}
	}
	return b.String()
}
