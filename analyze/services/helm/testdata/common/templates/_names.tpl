{{- define "common.team" -}}
{{ .Chart.Annotations.team }}
{{- end }}
