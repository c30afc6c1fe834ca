{{/* Names */}}
{{- define "reference-app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "reference-app.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one component's objects: fullname-component. Call with (list $ "api"). */}}
{{- define "reference-app.component" -}}
{{- $ := index . 0 -}}
{{- printf "%s-%s" (include "reference-app.fullname" $) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "reference-app.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels. Call with (list $ "component"). */}}
{{- define "reference-app.selectorLabels" -}}
{{- $ := index . 0 -}}
app.kubernetes.io/name: {{ include "reference-app.name" $ }}
app.kubernetes.io/instance: {{ $.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "reference-app.labels" -}}
{{- $ := index . 0 -}}
{{ include "reference-app.selectorLabels" . }}
app.kubernetes.io/part-of: resilience-gates-reference-app
app.kubernetes.io/version: {{ $.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $.Release.Service }}
helm.sh/chart: {{ include "reference-app.chart" $ }}
{{- end -}}

{{/* Selects every pod of this release (NetworkPolicy). */}}
{{- define "reference-app.releaseSelector" -}}
app.kubernetes.io/name: {{ include "reference-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
An image reference pinned by digest or tag; never `latest`, never untagged.
Call with (dict "image" .Values.api.image "what" "api.image").
*/}}
{{- define "reference-app.image" -}}
{{- $image := .image -}}
{{- if not $image.repository -}}
{{- fail (printf "%s.repository is required" .what) -}}
{{- end -}}
{{- if $image.digest -}}
{{- if not (regexMatch "^sha256:[a-f0-9]{64}$" $image.digest) -}}
{{- fail (printf "%s.digest must look like sha256:<64 hex digits>" .what) -}}
{{- end -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- $tag := toString (required (printf "%s.tag is required (pin a version, never latest)" .what) $image.tag) -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "%s.tag must pin a version, not latest" .what) -}}
{{- end -}}
{{- printf "%s:%s" $image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
Pod security context: the release-wide settings (.Values.podSecurityContext) with the workload's user,
group and fsGroup. Call with (list $ .Values.api.runAs).
*/}}
{{- define "reference-app.podSecurityContext" -}}
{{- $ := index . 0 -}}
{{- $runAs := index . 1 -}}
{{- $ctx := deepCopy $.Values.podSecurityContext -}}
{{- $_ := set $ctx "runAsUser" (int $runAs.user) -}}
{{- $_ := set $ctx "runAsGroup" (int $runAs.group) -}}
{{- $_ := set $ctx "fsGroup" (int ($runAs.fsGroup | default $runAs.group)) -}}
{{- toYaml $ctx -}}
{{- end -}}

{{/*
Container security context: a workload's own, when it sets one, else the release-wide one
(.Values.containerSecurityContext). Call with (list $ .Values.api.containerSecurityContext).
*/}}
{{- define "reference-app.containerSecurityContext" -}}
{{- $ := index . 0 -}}
{{- toYaml (index . 1 | default $.Values.containerSecurityContext) -}}
{{- end -}}

{{/* Pod-level settings every pod of the chart shares. */}}
{{- define "reference-app.podDefaults" -}}
automountServiceAccountToken: false
enableServiceLinks: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The Secret holding passwords and the admin token. */}}
{{- define "reference-app.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "reference-app.component" (list . "secrets")) -}}
{{- end -}}

{{/* PostgreSQL and Redis endpoints: the bundled StatefulSets or external ones. */}}
{{- define "reference-app.postgresql.host" -}}
{{- if .Values.postgresql.enabled -}}
{{- include "reference-app.component" (list . "postgresql") -}}
{{- else -}}
{{- required "postgresql.external.host is required when postgresql.enabled is false" .Values.postgresql.external.host -}}
{{- end -}}
{{- end -}}

{{- define "reference-app.postgresql.port" -}}
{{- if .Values.postgresql.enabled -}}5432{{- else -}}{{ .Values.postgresql.external.port | default 5432 }}{{- end -}}
{{- end -}}

{{- define "reference-app.redis.host" -}}
{{- if .Values.redis.enabled -}}
{{- include "reference-app.component" (list . "redis") -}}
{{- else -}}
{{- required "redis.external.host is required when redis.enabled is false" .Values.redis.external.host -}}
{{- end -}}
{{- end -}}

{{- define "reference-app.redis.port" -}}
{{- if .Values.redis.enabled -}}6379{{- else -}}{{ .Values.redis.external.port | default 6379 }}{{- end -}}
{{- end -}}

{{/* Environment for the services: stores, from the Secret. */}}
{{- define "reference-app.storeEnv" -}}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "reference-app.secretName" . }}
      key: postgres-password
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "reference-app.secretName" . }}
      key: redis-password
- name: DATABASE_URL
  value: "postgres://{{ .Values.postgresql.auth.username }}:$(DB_PASSWORD)@{{ include "reference-app.postgresql.host" . }}:{{ include "reference-app.postgresql.port" . }}/{{ .Values.postgresql.auth.database }}"
- name: REDIS_URL
  value: "redis://:$(REDIS_PASSWORD)@{{ include "reference-app.redis.host" . }}:{{ include "reference-app.redis.port" . }}/0"
{{- end -}}

{{/* Environment both services share: logging, faults, shutdown timing. */}}
{{- define "reference-app.commonEnv" -}}
- name: HOST
  value: "0.0.0.0"
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: APP_VERSION
  value: {{ .Chart.AppVersion | quote }}
- name: FAIL_MODE
  value: {{ .Values.faultInjection.failMode | quote }}
- name: SLOW_MODE
  value: {{ .Values.faultInjection.slowMode | quote }}
- name: SHUTDOWN_DRAIN_DELAY_MS
  value: {{ .Values.shutdown.drainDelayMs | quote }}
- name: SHUTDOWN_TIMEOUT_MS
  value: {{ .Values.shutdown.timeoutMs | quote }}
{{- if .Values.faultInjection.adminEnabled }}
- name: ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "reference-app.secretName" . }}
      key: admin-token
{{- end }}
{{- end -}}

{{/* Seconds Kubernetes waits after SIGTERM: the drain delay and timeout, plus a margin. */}}
{{- define "reference-app.terminationGracePeriod" -}}
{{- add (div (add .Values.shutdown.drainDelayMs .Values.shutdown.timeoutMs) 1000) 10 -}}
{{- end -}}

{{/* Volumes and mounts for a writable /tmp on a read-only root filesystem. */}}
{{- define "reference-app.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end -}}
