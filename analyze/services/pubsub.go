package services

import (
	"regexp"
	"strings"
)

// Google Pub/Sub delivers a topic's messages to its subscriptions, and a
// consumer receives from a subscription: publisher and consumer meet only
// through the subscription's topic, which infrastructure code says.
// archie reads it from Terraform's google_pubsub_subscription, from
// Config Connector's PubSubSubscription, and from CreateSubscription
// calls in the code.

var (
	tfResource = regexp.MustCompile(`(?m)^\s*resource\s+"google_pubsub_(topic|subscription)"\s+"([\w-]+)"\s*\{`)
	tfName     = regexp.MustCompile(`(?m)^\s*name\s*=\s*"([^"$]+)"`)
	tfTopic    = regexp.MustCompile(`(?m)^\s*topic\s*=\s*(?:"([^"$]+)"|google_pubsub_topic\.([\w-]+)\.(?:name|id))`)
)

// terraform reads the Pub/Sub topics and subscriptions of a Terraform
// file. A name built from variables names nothing archie can match.
func (d *deployment) terraform(data []byte) {
	src := string(data)
	topics := make(map[string]string) // resource label -> topic name
	type sub struct{ name, topic, ref string }
	var subs []sub
	for _, m := range tfResource.FindAllStringSubmatchIndex(src, -1) {
		kind, label := src[m[2]:m[3]], src[m[4]:m[5]]
		body := block(src[m[1]:])
		name := ""
		if n := tfName.FindStringSubmatch(body); n != nil {
			name = n[1]
		}
		if kind == "topic" {
			topics[label] = name
			continue
		}
		if t := tfTopic.FindStringSubmatch(body); t != nil && name != "" {
			subs = append(subs, sub{name, t[1], t[2]})
		}
	}
	for _, s := range subs {
		topic := s.topic
		if s.ref != "" {
			topic = topics[s.ref]
		}
		if topic = topic[strings.LastIndexByte(topic, '/')+1:]; topic != "" {
			d.subscriptions[s.name] = topic
		}
	}
}

// block returns the body of a block whose opening brace was just read, up
// to its closing brace.
func block(src string) string {
	depth := 1
	for i, r := range src {
		switch r {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return src[:i]
			}
		}
	}
	return src
}
