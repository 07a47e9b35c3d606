{{- define "shop.fullname" -}}
ledger-wins-wrongly
{{- end }}
