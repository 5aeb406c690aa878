package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/runtime/schema"
)

// goodSet is a minimal deployment that passes every rule of the edge profile.
const goodSet = `apiVersion: v1
kind: ConfigMap
metadata: {name: nats-config}
data: {nats.conf: "jetstream {}"}
---
apiVersion: v1
kind: Secret
metadata: {name: docmill-nats}
stringData: {token: x}
---
apiVersion: v1
kind: Service
metadata: {name: nats}
spec:
  clusterIP: None
  selector: {app: nats}
---
apiVersion: v1
kind: Service
metadata: {name: idx}
spec:
  clusterIP: None
  selector: {app: indexer}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: nats}
spec:
  serviceName: nats
  replicas: 1
  selector: {matchLabels: {app: nats}}
  template:
    metadata: {labels: {app: nats}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: nats
          image: nats:2.15.2-alpine
          resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 128Mi}}
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          livenessProbe: {httpGet: {path: /healthz, port: 8222}}
          readinessProbe: {httpGet: {path: /healthz, port: 8222}}
      volumes:
        - name: config
          configMap: {name: nats-config}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: docmill-worker}
spec:
  replicas: 1
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: worker
          image: docmill:1
          args: [worker, --nats, "nats://nats:4222", --threads, "1", --int8]
          env:
            - name: NATS_TOKEN
              valueFrom: {secretKeyRef: {name: docmill-nats, key: token}}
          resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 512Mi}}
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
          readinessProbe: {httpGet: {path: /readyz, port: 8080}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: docmill-indexer}
spec:
  serviceName: idx
  replicas: 1
  selector: {matchLabels: {app: indexer}}
  template:
    metadata: {labels: {app: indexer}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: indexer
          image: docmill:1
          args: [indexer, --data, /var/lib/docmill]
          resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 512Mi}}
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
          readinessProbe: {httpGet: {path: /readyz, port: 8080}}
          volumeMounts: [{name: index, mountPath: /var/lib/docmill}]
  volumeClaimTemplates:
    - metadata: {name: index}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`

func TestGoodSetPasses(t *testing.T) {
	problems, err := checkManifests(strings.NewReader(goodSet), "edge")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(problems, "\n"))
	}
}

func TestManifestProblemsAreCaught(t *testing.T) {
	cases := map[string]struct{ old, new, want string }{
		"unknown field": {"serviceName: idx", "serviceNam: idx", `unknown field "spec.serviceNam"`},
		"bad quantity":  {"limits: {memory: 512Mi}}\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n          readinessProbe: {httpGet: {path: /readyz, port: 8080}}\n          volumeMounts", "limits: {memory: 512MB}}\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n          readinessProbe: {httpGet: {path: /readyz, port: 8080}}\n          volumeMounts", "quantities must match"},
		"probe path":    {"path: /readyz, port: 8080}}\n---", "path: /ready, port: 8080}}\n---", "readiness probe must GET /readyz"},
		"root":          {"securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n      containers:\n        - name: worker", "containers:\n        - name: worker", "runAsNonRoot is not true"},
		"flag":          {"--threads, \"1\"", "--thread, \"1\"", `unknown docmill flag "--thread"`},
		"role":          {"args: [worker,", "args: [work,", "first argument must be one of"},
		"secret ref":    {"secretKeyRef: {name: docmill-nats", "secretKeyRef: {name: nats-secret", "missing Secret nats-secret"},
		"selector":      {"selector: {app: nats}", "selector: {app: natz}", "matches no pod template"},
		"not headless":  {"clusterIP: None\n  selector: {app: indexer}", "selector: {app: indexer}", "is not headless"},
		"edge memory":   {"limits: {memory: 512Mi}}\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n          readinessProbe: {httpGet: {path: /readyz, port: 8080}}\n---", "limits: {memory: 4Gi}}\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n          livenessProbe: {httpGet: {path: /healthz, port: 8080}}\n          readinessProbe: {httpGet: {path: /readyz, port: 8080}}\n---", "memory limit of at most 1Gi"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(goodSet, c.old) {
				t.Fatalf("test case does not apply: %q not in the good set", c.old)
			}
			bad := strings.Replace(goodSet, c.old, c.new, 1)
			problems, err := checkManifests(strings.NewReader(bad), "edge")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), c.want) {
				t.Fatalf("want a problem containing %q, got:\n%s", c.want, strings.Join(problems, "\n"))
			}
		})
	}
}

func TestHPAAndScaledObjectOnOneTargetIsCaught(t *testing.T) {
	extra := `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: w}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: docmill-worker}
  maxReplicas: 3
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: w}
spec:
  scaleTargetRef: {name: docmill-worker}
  triggers:
    - type: nats-jetstream
      metadata: {natsServerMonitoringEndpoint: "nats:8222", stream: DOCMILL_INGEST, consumer: docmill-worker, lagThreshold: "10"}
`
	problems, err := checkManifests(strings.NewReader(goodSet+extra), "default")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(problems, "\n"), "would fight") {
		t.Fatalf("two autoscalers on one Deployment not caught:\n%s", strings.Join(problems, "\n"))
	}
}

func TestSchemaFileNamesFollowKubeconform(t *testing.T) {
	for gvk, want := range map[schema.GroupVersionKind]string{
		{Version: "v1", Kind: "Service"}:                                       "service-v1.json",
		{Group: "apps", Version: "v1", Kind: "StatefulSet"}:                    "statefulset-apps-v1.json",
		{Group: "autoscaling", Version: "v2", Kind: "HorizontalPodAutoscaler"}: "horizontalpodautoscaler-autoscaling-v2.json",
		{Group: "keda.sh", Version: "v1alpha1", Kind: "ScaledObject"}:          "scaledobject-keda-v1alpha1.json",
	} {
		if got := schemaFileName(gvk); got != want {
			t.Errorf("%v: got %s, want %s", gvk, got, want)
		}
	}
}

func TestQuantityPattern(t *testing.T) {
	re := regexp.MustCompile(quantityPattern)
	for _, ok := range []string{"512Mi", "1", "250m", "1.5Gi", "2e3", "8G"} {
		if !re.MatchString(ok) {
			t.Errorf("%q should match", ok)
		}
	}
	for _, bad := range []string{"512MB", "1gb", "Mi", "1.5 Gi"} {
		if re.MatchString(bad) {
			t.Errorf("%q should not match", bad)
		}
	}
}

func TestWriteSchemas(t *testing.T) {
	dir := t.TempDir()
	n, err := writeSchemas(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"deployment-apps-v1.json", "statefulset-apps-v1.json", "scaledobject-keda-v1alpha1.json", "configmap-v1.json"} {
		dt, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatalf("%d schemas written, %s missing: %v", n, f, err)
		}
		if !strings.Contains(string(dt), `"additionalProperties": false`) {
			t.Errorf("%s does not forbid unknown fields", f)
		}
	}
}

// JetStream's file store limit must fit the NATS volume and use most of
// it (a prod overlay grew the volume to 50Gi and kept an 8GB limit), and
// an edge box must bound what it keeps (no nats.max_age and no limit on
// originals filled its 1GB store).
func TestStorageAndRetentionRules(t *testing.T) {
	withStore := func(limit, volume string) string {
		s := strings.Replace(goodSet, `data: {nats.conf: "jetstream {}"}`, `data: {nats.conf: "jetstream {\n  max_file_store: `+limit+`\n}\n"}`, 1)
		s = strings.Replace(s, "          readinessProbe: {httpGet: {path: /healthz, port: 8222}}\n", "          readinessProbe: {httpGet: {path: /healthz, port: 8222}}\n          volumeMounts: [{name: data, mountPath: /data}]\n", 1)
		return strings.Replace(s, "          configMap: {name: nats-config}\n", "          configMap: {name: nats-config}\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: "+volume+"}}}\n", 1)
	}
	docmill := func(yaml string) string {
		return "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: docmill-config}\ndata:\n  docmill.yaml: |\n" + yaml
	}
	for name, c := range map[string]struct{ set, want string }{
		"fits":            {withStore("1GB", "2Gi"), ""},
		"over the volume": {withStore("8GB", "2Gi"), "larger than its volume"},
		"volume unused":   {withStore("8GB", "50Gi"), "unused"},
		"edge no age":     {goodSet + docmill("    pipeline: {originals_max_mb: 300}\n"), "set nats.max_age"},
		"edge originals":  {goodSet + docmill("    nats: {max_age: 168h}\n"), "keeps every original"},
		"edge bounded":    {goodSet + docmill("    nats: {max_age: 168h}\n    pipeline: {originals_max_age: 168h}\n"), ""},
	} {
		problems, err := checkManifests(strings.NewReader(c.set), "edge")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := strings.Join(problems, "\n")
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: problems %q, want %q", name, got, c.want)
		}
	}
}
