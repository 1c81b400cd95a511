{{/* Names: <release>-<component>, e.g. mindbot-time-service. */}}
{{- define "mindbot.name" -}}
{{- printf "%s-%s" .root.Release.Name .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "mindbot.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: mindbot
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "mindbot.selector" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* One variable from the Secret; optional ones may be left out of it. */}}
{{- define "mindbot.secretEnv" -}}
- name: {{ .key }}
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.secrets.name }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* What every service and the agent share: production mode, the issuer, the LiveKit keys, and
     the other services' addresses inside the cluster. */}}
{{- define "mindbot.sharedEnv" -}}
- name: MINDBOT_ENV
  value: production
- name: JWT_ISSUER
  value: {{ .Values.config.jwtIssuer | quote }}
- name: AUTH_SERVICE_URL
  value: {{ printf "http://%s:%v" (include "mindbot.name" (dict "root" . "component" "auth-service")) (index .Values.services "auth-service").port | quote }}
- name: TIME_SERVICE_URL
  value: {{ printf "http://%s:%v" (include "mindbot.name" (dict "root" . "component" "time-service")) (index .Values.services "time-service").port | quote }}
{{ include "mindbot.secretEnv" (dict "root" . "key" "LIVEKIT_API_KEY") }}
{{ include "mindbot.secretEnv" (dict "root" . "key" "LIVEKIT_API_SECRET") }}
{{- end -}}

{{/* The database and Redis: inside the release, or external from the Secret. */}}
{{- define "mindbot.storageEnv" -}}
{{- if .Values.postgresql.enabled }}
{{ include "mindbot.secretEnv" (dict "root" . "key" "POSTGRES_PASSWORD") }}
- name: DATABASE_URL
  value: {{ printf "postgresql://mindbot:$(POSTGRES_PASSWORD)@%s:5432/mindbot" (include "mindbot.name" (dict "root" . "component" "postgresql")) | quote }}
{{- else }}
{{ include "mindbot.secretEnv" (dict "root" . "key" "DATABASE_URL") }}
{{- end }}
{{- if .Values.redis.enabled }}
- name: REDIS_URL
  value: {{ printf "redis://%s:6379" (include "mindbot.name" (dict "root" . "component" "redis")) | quote }}
{{- else }}
{{ include "mindbot.secretEnv" (dict "root" . "key" "REDIS_URL" "optional" true) }}
{{- end }}
{{- end -}}

{{/* Non-root, no privilege, read-only root file system (the JVM writes only /tmp and the data dir). */}}
{{- define "mindbot.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: ["ALL"]
{{- end -}}
