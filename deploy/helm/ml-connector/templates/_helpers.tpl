{{/* The five services, in flow order. Every per-service template ranges over this list. */}}
{{- define "ml-connector.services" -}}
webhook-gateway procore-ingest mapping-service bc-poster vendor-sync
{{- end }}

{{- define "ml-connector.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ml-connector.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of a per-service object: <fullname>-<service>. Call with (dict "root" $ "name" $name). */}}
{{- define "ml-connector.serviceFullname" -}}
{{- printf "%s-%s" (include "ml-connector.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ml-connector.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "ml-connector.labels" -}}
helm.sh/chart: {{ include "ml-connector.chart" . }}
app.kubernetes.io/name: {{ include "ml-connector.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ml-connector
{{- end }}

{{/* Selector labels of one service. Call with (dict "root" $ "name" $name). */}}
{{- define "ml-connector.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ml-connector.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* All labels of one service's objects. Call with (dict "root" $ "name" $name). */}}
{{- define "ml-connector.serviceLabels" -}}
{{ include "ml-connector.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "ml-connector.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ml-connector.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret the chart creates for inline secret values. */}}
{{- define "ml-connector.secretName" -}}
{{- printf "%s-secrets" (include "ml-connector.fullname" .) }}
{{- end }}

{{/* Image reference of one service. Call with (dict "root" $ "name" $name "svc" $svc). */}}
{{- define "ml-connector.image" -}}
{{- $g := .root.Values.global.image }}
{{- $i := .svc.image | default dict }}
{{- $registry := $i.registry | default $g.registry }}
{{- $repository := $i.repository | default (printf "%s/%s" $g.repositoryPrefix .name) }}
{{- $tag := $i.tag | default $g.tag | default .root.Chart.AppVersion }}
{{- if $registry }}{{ printf "%s/%s:%s" $registry $repository $tag }}{{ else }}{{ printf "%s:%s" $repository $tag }}{{ end }}
{{- end }}

{{/* Does the chart create its own Secret (any inline secret value set)? "true" or "". */}}
{{- define "ml-connector.hasInlineSecrets" -}}
{{- $v := .Values }}
{{- if or $v.encryption.keys $v.mongodb.uri $v.kafka.sasl.username $v.schemaRegistry.basicAuth.username }}true{{ end }}
{{- end }}

{{- define "ml-connector.kafkaUsesSasl" -}}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}true{{ end }}
{{- end }}

{{- define "ml-connector.schemaRegistryAuth" -}}
{{- if or .Values.schemaRegistry.basicAuth.username .Values.schemaRegistry.basicAuth.existingSecret }}true{{ end }}
{{- end }}

{{/*
The gateway's public base URL: gateway.publicUrl, else https://<first ingress host> (http without
ingress tls). Empty when neither is set; "ml-connector.checkPublicUrl" fails the install then, while
webhooks are on.
*/}}
{{- define "ml-connector.publicUrl" -}}
{{- $gw := index .Values "webhook-gateway" }}
{{- if .Values.gateway.publicUrl }}
{{- trimSuffix "/" .Values.gateway.publicUrl }}
{{- else if and $gw.ingress.enabled $gw.ingress.hosts }}
{{- printf "%s://%s" (ternary "https" "http" (not (empty $gw.ingress.tls))) (first $gw.ingress.hosts) }}
{{- end }}
{{- end }}

{{- define "ml-connector.checkPublicUrl" -}}
{{- if .Values.webhooks.enabled }}
{{- $url := include "ml-connector.publicUrl" . }}
{{- if not $url }}
{{- fail "gateway.publicUrl is required while webhooks.enabled is true: set it to the webhook-gateway's public https base URL that Procore and Business Central can reach (e.g. --set gateway.publicUrl=https://connector.example.com), enable webhook-gateway.ingress with a host, or set webhooks.enabled=false to poll instead" }}
{{- end }}
{{- if not (hasPrefix "https://" $url) }}
{{- fail (printf "gateway.publicUrl %q must start with https:// while webhooks.enabled is true: Business Central only delivers notifications to https URLs (give webhook-gateway.ingress a tls entry, or set gateway.publicUrl)" $url) }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ml-connector.checkTopics" -}}
{{- if and (lt (int .Values.topics.replicationFactor) 2) (not .Values.topics.allowSingleReplica) }}
{{- fail "topics.replicationFactor 1 keeps one copy of every record: a lost broker loses postings. Use 3 on a production cluster, or set topics.allowSingleReplica=true for a single-broker test cluster" }}
{{- end }}
{{- end }}

{{/*
The application.yml every service gets: connection settings derived from the values, then the
shared `config`, then the service's own `config` (later wins). Secrets are NOT here: they arrive as
environment variables from Secrets and are referenced with ${...} placeholders.
Call with (dict "root" $ "name" $name "svc" $svc).
*/}}
{{- define "ml-connector.applicationConfig" -}}
{{- $v := .root.Values }}
{{- $kafkaProps := dict "schema.registry.url" $v.schemaRegistry.url "security.protocol" $v.kafka.securityProtocol }}
{{- if include "ml-connector.kafkaUsesSasl" .root }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $v.kafka.sasl.mechanism "PLAIN") }}
{{- $_ := set $kafkaProps "sasl.mechanism" $v.kafka.sasl.mechanism }}
{{- $_ := set $kafkaProps "sasl.jaas.config" (printf "%s required username=\"${MLC_KAFKA_USERNAME}\" password=\"${MLC_KAFKA_PASSWORD}\";" $module) }}
{{- end }}
{{- if $v.kafka.tls.existingSecret }}
{{- $_ := set $kafkaProps "ssl.truststore.type" "PEM" }}
{{- $_ := set $kafkaProps "ssl.truststore.location" (printf "/etc/ml-connector/kafka-tls/%s" $v.kafka.tls.caCertKey) }}
{{- if $v.kafka.tls.clientKeystoreKey }}
{{- $_ := set $kafkaProps "ssl.keystore.type" "PEM" }}
{{- $_ := set $kafkaProps "ssl.keystore.location" (printf "/etc/ml-connector/kafka-tls/%s" $v.kafka.tls.clientKeystoreKey) }}
{{- end }}
{{- end }}
{{- if include "ml-connector.schemaRegistryAuth" .root }}
{{- $_ := set $kafkaProps "basic.auth.credentials.source" "USER_INFO" }}
{{- $_ := set $kafkaProps "basic.auth.user.info" "${MLC_SCHEMA_REGISTRY_USERNAME}:${MLC_SCHEMA_REGISTRY_PASSWORD}" }}
{{- end }}
{{- /* The services' own application.yml may set schema.registry.url under producer/consumer
     properties, which win over the common ones: set the registry (and its CA) there too. */}}
{{- $registry := dict "schema.registry.url" $v.schemaRegistry.url }}
{{- if $v.schemaRegistry.tls.existingSecret }}
{{- $_ := set $registry "schema.registry.ssl.truststore.type" "PEM" }}
{{- $_ := set $registry "schema.registry.ssl.truststore.location" (printf "/etc/ml-connector/schema-registry-tls/%s" $v.schemaRegistry.tls.caCertKey) }}
{{- end }}
{{- $kafkaProps = mustMergeOverwrite $kafkaProps (deepCopy $registry) (deepCopy ($v.kafka.properties | default dict)) }}
{{- $base := dict
  "server" (dict "port" $v.ports.http "shutdown" "graceful")
  "spring" (dict
    "application" (dict "name" .name)
    "kafka" (dict "bootstrap-servers" $v.kafka.bootstrapServers "properties" $kafkaProps
      "producer" (dict "properties" $registry) "consumer" (dict "properties" (deepCopy $registry))))
  "management" (dict
    "server" (dict "port" $v.ports.management)
    "endpoints" (dict "web" (dict "exposure" (dict "include" "health,info,prometheus")))
    "endpoint" (dict "health" (dict "probes" (dict "enabled" true)))
    "health" (dict "livenessstate" (dict "enabled" true) "readinessstate" (dict "enabled" true))
    "metrics" (dict "tags" (dict "application" .name)))
  "mlc" (dict
    "schema-registry-url" $v.schemaRegistry.url
    "mongodb" (dict "database" $v.mongodb.database "write-concern" (toString $v.mongodb.writeConcern) "journal" $v.mongodb.journal)
    "kafka" (dict "partitions" (int $v.topics.partitions) "replication-factor" (int $v.topics.replicationFactor) "allow-single-replica" $v.topics.allowSingleReplica)
    "tenants" (dict "file" $v.tenants.filePath)) }}
{{- $publicUrl := include "ml-connector.publicUrl" .root }}
{{- if eq .name "webhook-gateway" }}
{{- /* The gateway logs each tenant's webhook URLs at start-up from this base URL. */}}
{{- if $publicUrl }}{{ $_ := set $base.mlc "gateway" (dict "base-url" $publicUrl) }}{{ end }}
{{- else if eq .name "procore-ingest" }}
{{- /* Each tenant's Procore hook points at <publicUrl>/webhooks/procore/<tenant>; unset = no hook. */}}
{{- $ingest := dict "webhook-registration-enabled" $v.webhooks.enabled }}
{{- if and $v.webhooks.enabled $publicUrl }}{{ $_ := set $ingest "webhook-base-url" $publicUrl }}{{ end }}
{{- $_ := set $base.mlc "ingest" $ingest }}
{{- else if eq .name "vendor-sync" }}
{{- /* BC notifications go to <publicUrl>/webhooks/bc/<tenant>. */}}
{{- $vs := dict "webhooks-enabled" $v.webhooks.enabled }}
{{- if $publicUrl }}{{ $_ := set $vs "notification-base-url" $publicUrl }}{{ end }}
{{- $_ := set $base.mlc "vendor-sync" $vs }}
{{- end }}
{{- $merged := mustMergeOverwrite $base (deepCopy ($v.config | default dict)) (deepCopy (.svc.config | default dict)) }}
{{- toYaml $merged }}
{{- end }}
