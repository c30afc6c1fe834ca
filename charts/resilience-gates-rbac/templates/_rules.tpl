{{/* The rules of one scope: "workloads" (every namespace read), or "velero" (Velero's namespace). */}}
{{- define "resilience-gates-rbac.rules" -}}
{{- $scope := .scope -}}
{{- $values := .values -}}
{{- $backups := $values.gates.backups -}}
{{- if eq $scope "workloads" }}
{{- if or $values.gates.securityContext $values.gates.restoreProofs }}
- apiGroups: [""]
  resources: [{{ if $values.gates.securityContext }}pods{{ end }}{{ if and $values.gates.securityContext $values.gates.restoreProofs }}, {{ end }}{{ if $values.gates.restoreProofs }}configmaps{{ end }}]
  verbs: [get, list]
{{- end }}
{{- if $values.gates.securityContext }}
- apiGroups: [apps]
  resources: [deployments, statefulsets, daemonsets, replicasets]
  verbs: [get, list]
{{- end }}
{{- if or $values.gates.securityContext $backups }}
- apiGroups: [batch]
  resources: [{{ if $values.gates.securityContext }}jobs, {{ end }}cronjobs]
  verbs: [get, list]
{{- end }}
{{- if and $backups (has "cnpg" $values.backupSystems) }}
- apiGroups: [postgresql.cnpg.io]
  resources: [scheduledbackups, clusters, backups]
  verbs: [get, list]
{{- end }}
{{- if and $backups (has "k8up" $values.backupSystems) }}
- apiGroups: [k8up.io]
  resources: [schedules, backups]
  verbs: [get, list]
{{- end }}
{{- end }}
{{- if and $backups (has "velero" $values.backupSystems) (or (eq $scope "velero") $values.clusterWide) }}
- apiGroups: [velero.io]
  resources: [schedules, backups]
  verbs: [get, list]
{{- end }}
{{- end }}

{{- define "resilience-gates-rbac.subjects" -}}
{{- if .Values.serviceAccount.create }}
- kind: ServiceAccount
  name: {{ .Values.serviceAccount.name }}
  namespace: {{ .Release.Namespace }}
{{- end }}
{{- with .Values.subjects }}
{{ toYaml . }}
{{- end }}
{{- end }}
