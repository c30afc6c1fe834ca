// Command k8s-reference is the authority the security-context tests compare the gate with: Kubernetes'
// own YAML decoding (sigs.k8s.io/yaml) and the Pod Security admission checks
// (k8s.io/pod-security-admission, policy.NewEvaluator(policy.DefaultChecks())), at the versions pinned in
// go.mod. It reads one JSON request per line on stdin and writes one JSON answer per line, so a test
// sends thousands of cases through one process.
//
//	k8s-reference yaml   {"id":1,"yaml":"..."}  -> {"id":1,"json":<YAMLToJSON>,"error":"...","strictError":"..."}
//	k8s-reference psa    {"id":1,"yaml":"...","templatePath":["spec","template"],"levels":["restricted"],"versions":["v1.23"]}
//	                     -> {"id":1,"results":[{"level":"restricted","version":"v1.23","checks":{"runAsNonRoot":{"pod":false,"containers":["app"]}}}]}
//
// In psa mode the pod template is first defaulted as the API server defaults the Pod made from it, where
// that changes a check (see defaultLikeAPIServer).
//
// In psa answers a check is listed when it fails for the whole pod; "pod" says whether it fails with every
// container removed (the pod-level fields alone), "containers" names each container that fails the check
// when it is the pod's only container and is named in the check's forbidden detail.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"k8s.io/utils/ptr"
	"sigs.k8s.io/yaml"
)

type yamlRequest struct {
	ID   json.RawMessage `json:"id"`
	YAML string          `json:"yaml"`
}

type yamlAnswer struct {
	ID          json.RawMessage `json:"id"`
	JSON        json.RawMessage `json:"json,omitempty"`
	Error       string          `json:"error,omitempty"`
	StrictError string          `json:"strictError,omitempty"`
}

type psaRequest struct {
	ID           json.RawMessage `json:"id"`
	YAML         string          `json:"yaml"`
	TemplatePath []string        `json:"templatePath"`
	Levels       []string        `json:"levels"`
	Versions     []string        `json:"versions"`
}

type checkFailure struct {
	Pod        bool     `json:"pod"`
	Containers []string `json:"containers"`
	Detail     string   `json:"detail"`
}

type psaResult struct {
	Level   string                   `json:"level"`
	Version string                   `json:"version"`
	Checks  map[string]*checkFailure `json:"checks"`
}

type psaAnswer struct {
	ID      json.RawMessage `json:"id"`
	Error   string          `json:"error,omitempty"`
	Results []psaResult     `json:"results,omitempty"`
}

// recorder notes which check produced which result: every check function of DefaultChecks is wrapped,
// so the real registry (its version inflation and restricted overrides) decides what runs.
type recorder struct {
	calls []recorded
}

type recorded struct {
	id     string
	result policy.CheckResult
}

func (r *recorder) checks() []policy.Check {
	var wrapped []policy.Check
	for _, check := range policy.DefaultChecks() {
		id := string(check.ID)
		versions := make([]policy.VersionedCheck, len(check.Versions))
		for i, versioned := range check.Versions {
			inner := versioned.CheckPod
			versioned.CheckPod = func(meta *metav1.ObjectMeta, spec *corev1.PodSpec) policy.CheckResult {
				result := inner(meta, spec)
				r.calls = append(r.calls, recorded{id, result})
				return result
			}
			versions[i] = versioned
		}
		check.Versions = versions
		wrapped = append(wrapped, check)
	}
	return wrapped
}

func main() {
	if len(os.Args) != 2 || (os.Args[1] != "yaml" && os.Args[1] != "psa") {
		fmt.Fprintln(os.Stderr, "usage: k8s-reference yaml|psa < requests.jsonl")
		os.Exit(2)
	}
	rec := &recorder{}
	evaluator, err := policy.NewEvaluator(rec.checks(), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	plain, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for in.Scan() {
		var answer interface{}
		if os.Args[1] == "yaml" {
			var request yamlRequest
			if err := json.Unmarshal(in.Bytes(), &request); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			answer = decodeYAML(request)
		} else {
			var request psaRequest
			if err := json.Unmarshal(in.Bytes(), &request); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			answer = evaluate(request, evaluator, plain, rec)
		}
		if err := encoder.Encode(answer); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func decodeYAML(request yamlRequest) yamlAnswer {
	answer := yamlAnswer{ID: request.ID}
	converted, err := yaml.YAMLToJSON([]byte(request.YAML))
	if err != nil {
		answer.Error = err.Error()
	} else {
		answer.JSON = converted
	}
	if _, err := yaml.YAMLToJSONStrict([]byte(request.YAML)); err != nil {
		answer.StrictError = err.Error()
	}
	return answer
}

func evaluate(request psaRequest, evaluator, plain policy.Evaluator, rec *recorder) psaAnswer {
	answer := psaAnswer{ID: request.ID}
	converted, err := yaml.YAMLToJSON([]byte(request.YAML))
	if err != nil {
		answer.Error = "yaml: " + err.Error()
		return answer
	}
	var object interface{}
	if err := json.Unmarshal(converted, &object); err != nil {
		answer.Error = "json: " + err.Error()
		return answer
	}
	for _, key := range request.TemplatePath {
		fields, ok := object.(map[string]interface{})
		if !ok {
			answer.Error = "no pod template at " + strings.Join(request.TemplatePath, ".")
			return answer
		}
		object = fields[key]
	}
	templateJSON, _ := json.Marshal(object)
	var template corev1.PodTemplateSpec
	if err := json.Unmarshal(templateJSON, &template); err != nil {
		answer.Error = "decode: " + err.Error()
		return answer
	}
	defaultLikeAPIServer(&template.Spec)
	for _, levelText := range request.Levels {
		level, err := api.ParseLevel(levelText)
		if err != nil {
			answer.Error = err.Error()
			return answer
		}
		for _, versionText := range request.Versions {
			version, err := api.ParseVersion(versionText)
			if err != nil {
				answer.Error = err.Error()
				return answer
			}
			lv := api.LevelVersion{Level: level, Version: version}
			whole := run(evaluator, rec, lv, &template.ObjectMeta, &template.Spec)
			if err := sameAsEvaluator(plain, lv, &template, whole); err != nil {
				answer.Error = err.Error()
				return answer
			}
			result := psaResult{Level: levelText, Version: versionText, Checks: map[string]*checkFailure{}}
			for _, call := range whole {
				if !call.result.Allowed {
					result.Checks[call.id] = &checkFailure{Containers: []string{}, Detail: call.result.ForbiddenDetail}
				}
			}
			if len(result.Checks) > 0 {
				attribute(evaluator, rec, lv, &template, result.Checks)
			}
			answer.Results = append(answer.Results, result)
		}
	}
	return answer
}

// defaultLikeAPIServer applies the API server's defaults that change a Pod Security verdict, as they are
// applied to the Pod a workload's controller creates before admission (k8s.io/kubernetes v1.37.2
// pkg/apis/core/v1/defaults.go): SetDefaults_Volume makes a volume without a source an emptyDir, and
// SetDefaults_Pod gives every container and init container port of a hostNetwork pod its containerPort
// as hostPort (defaultHostNetworkPorts).
func defaultLikeAPIServer(spec *corev1.PodSpec) {
	for i := range spec.Volumes {
		if ptr.AllPtrFieldsNil(&spec.Volumes[i].VolumeSource) {
			spec.Volumes[i].VolumeSource = corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{}}
		}
	}
	if spec.HostNetwork {
		for _, containers := range [][]corev1.Container{spec.Containers, spec.InitContainers} {
			for i := range containers {
				for j := range containers[i].Ports {
					if containers[i].Ports[j].HostPort == 0 {
						containers[i].Ports[j].HostPort = containers[i].Ports[j].ContainerPort
					}
				}
			}
		}
	}
}

func run(evaluator policy.Evaluator, rec *recorder, lv api.LevelVersion, meta *metav1.ObjectMeta, spec *corev1.PodSpec) []recorded {
	rec.calls = rec.calls[:0]
	evaluator.EvaluatePod(lv, meta, spec)
	return append([]recorded(nil), rec.calls...)
}

// sameAsEvaluator holds the wrapped registry to the unwrapped one: the same results, in the same order.
func sameAsEvaluator(plain policy.Evaluator, lv api.LevelVersion, template *corev1.PodTemplateSpec, whole []recorded) error {
	results := plain.EvaluatePod(lv, &template.ObjectMeta, &template.Spec)
	if len(results) != len(whole) {
		return fmt.Errorf("wrapped evaluator ran %d checks, DefaultChecks %d", len(whole), len(results))
	}
	for i, result := range results {
		if result != whole[i].result {
			return fmt.Errorf("wrapped evaluator disagrees on check %s", whole[i].id)
		}
	}
	return nil
}

// attribute finds, for each failing check, whether the pod-level fields alone fail it and which
// containers fail it on their own.
func attribute(evaluator policy.Evaluator, rec *recorder, lv api.LevelVersion, template *corev1.PodTemplateSpec, failing map[string]*checkFailure) {
	bare := template.Spec.DeepCopy()
	bare.Containers, bare.InitContainers, bare.EphemeralContainers = nil, nil, nil
	for _, call := range run(evaluator, rec, lv, &template.ObjectMeta, bare) {
		if failure, ok := failing[call.id]; ok && !call.result.Allowed {
			failure.Pod = true
		}
	}
	alone := func(name string, spec *corev1.PodSpec) {
		for _, call := range run(evaluator, rec, lv, &template.ObjectMeta, spec) {
			failure, ok := failing[call.id]
			if ok && !call.result.Allowed && strings.Contains(call.result.ForbiddenDetail, `"`+name+`"`) {
				failure.Containers = append(failure.Containers, name)
			}
		}
	}
	for _, container := range template.Spec.InitContainers {
		spec := bare.DeepCopy()
		spec.InitContainers = []corev1.Container{container}
		alone(container.Name, spec)
	}
	for _, container := range template.Spec.Containers {
		spec := bare.DeepCopy()
		spec.Containers = []corev1.Container{container}
		alone(container.Name, spec)
	}
	for _, container := range template.Spec.EphemeralContainers {
		spec := bare.DeepCopy()
		spec.EphemeralContainers = []corev1.EphemeralContainer{container}
		alone(container.Name, spec)
	}
	for _, failure := range failing {
		sort.Strings(failure.Containers)
	}
}
