package services

import (
	"bytes"
	"regexp"
	"slices"
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

	// AWS: SNS topics, SQS queues, and the subscriptions of queues to
	// topics, by literal ARN or by reference.
	tfAWSResource = regexp.MustCompile(`(?m)^\s*resource\s+"aws_(sns_topic|sqs_queue|sns_topic_subscription)"\s+"([\w-]+)"\s*\{`)
	tfTopicArn    = regexp.MustCompile(`(?m)^\s*topic_arn\s*=\s*(?:"([^"$]+)"|aws_sns_topic\.([\w-]+)\.(?:arn|id))`)
	tfEndpoint    = regexp.MustCompile(`(?m)^\s*endpoint\s*=\s*(?:"([^"$]+)"|aws_sqs_queue\.([\w-]+)\.arn)`)
	tfSQSProtocol = regexp.MustCompile(`(?m)^\s*protocol\s*=\s*"sqs"`)
)

// terraform reads the Pub/Sub topics and subscriptions of a Terraform
// file. A name built from variables names nothing archie can match; a
// resource in a comment, and a name or topic in a nested block or map
// (labels = { name = "team" }), are not the resource's.
func (d *deployment) terraform(data []byte) {
	code, shape := hclShape(data)
	topics := make(map[string]string) // resource label -> topic name
	type sub struct{ name, topic, ref string }
	var subs []sub
	for _, b := range tfBlocks(code, shape, tfResource) {
		name := ""
		if n := tfName.FindStringSubmatch(b.body); n != nil {
			name = n[1]
		}
		if b.kind == "topic" {
			topics[b.label] = name
			continue
		}
		if t := tfTopic.FindStringSubmatch(b.body); t != nil && name != "" {
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
	d.snsSubscriptions(code, shape)
}

// snsSubscriptions reads the SNS topics, SQS queues and subscriptions of
// queues to topics (aws_sns_topic_subscription of protocol sqs) of a
// Terraform file; resolveSNS joins them once every file is read, as a
// module keeps them in sns.tf, sqs.tf and subscriptions.tf.
func (d *deployment) snsSubscriptions(code, shape []byte) {
	for _, b := range tfBlocks(code, shape, tfAWSResource) {
		if b.kind != "sns_topic_subscription" {
			if n := tfName.FindStringSubmatch(b.body); n != nil {
				d.tfAWSNames[b.kind+"."+b.label] = append(d.tfAWSNames[b.kind+"."+b.label], n[1])
			}
			continue
		}
		t, q := tfTopicArn.FindStringSubmatch(b.body), tfEndpoint.FindStringSubmatch(b.body)
		if t != nil && q != nil && tfSQSProtocol.MatchString(b.body) {
			d.tfSNSSubs = append(d.tfSNSSubs, [4]string{t[1], t[2], q[1], q[2]})
		}
	}
}

// resolveSNS records the SNS topics each SQS queue is subscribed to: what
// is published to a topic is received from its queues. A reference to a
// label two files name differently is left out.
func (d *deployment) resolveSNS() {
	for _, s := range d.tfSNSSubs {
		topic, queue := awsName(s[0]), awsName(s[2])
		if s[1] != "" {
			topic = ""
			if ns := d.tfAWSNames["sns_topic."+s[1]]; len(ns) == 1 {
				topic = ns[0]
			}
		}
		if s[3] != "" {
			queue = ""
			if ns := d.tfAWSNames["sqs_queue."+s[3]]; len(ns) == 1 {
				queue = ns[0]
			}
		}
		if topic != "" && queue != "" && !slices.Contains(d.snsQueues[queue], topic) {
			d.snsQueues[queue] = append(d.snsQueues[queue], topic)
		}
	}
}

// A tfBlock is one resource block of a Terraform file: its type's
// part the pattern captures, its label, and its top-level body.
type tfBlock struct{ kind, label, body string }

// tfBlocks returns the resource blocks the pattern matches (its first
// group the kind, its second the label), not those in strings.
func tfBlocks(code, shape []byte, pattern *regexp.Regexp) []tfBlock {
	src := string(code)
	closing := braces(shape)
	var starts [][]int
	for _, m := range pattern.FindAllStringSubmatchIndex(src, -1) {
		if at := m[0] + strings.Index(src[m[0]:m[1]], "resource"); shape[at] == 'r' {
			starts = append(starts, m) // not in a string
		}
	}
	var out []tfBlock
	for i, m := range starts {
		// A block that does not close ends where the next begins.
		end, ok := closing[m[1]-1]
		if next := len(src); i+1 < len(starts) {
			if next = starts[i+1][0]; !ok || end > next {
				end = next
			}
		} else if !ok {
			end = next
		}
		out = append(out, tfBlock{kind: src[m[2]:m[3]], label: src[m[4]:m[5]], body: topLevel(code[m[1]:end], shape[m[1]:end])})
	}
	return out
}

// hclShape returns HCL source without its comments (#, //, /* */) and
// heredocs' text, and the same again with the insides of its strings and
// templates blanked too, so that what braces remain are the code's. Both
// keep every newline and the offsets of the source.
func hclShape(src []byte) (code, shape []byte) {
	code = slices.Clone(src)
	shape = slices.Clone(src)
	blank := func(b []byte, from, to int) {
		for i := from; i < to && i < len(b); i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	var stack []byte // 's' a string, 't' a template's braces inside one
	for i := 0; i < len(src); i++ {
		c := src[i]
		if len(stack) == 0 {
			switch {
			case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
				end := bytes.IndexByte(src[i:], '\n')
				if end < 0 {
					end = len(src) - i
				}
				blank(code, i, i+end)
				blank(shape, i, i+end)
				i += end - 1
			case c == '/' && i+1 < len(src) && src[i+1] == '*':
				end := bytes.Index(src[i+2:], []byte("*/"))
				if end < 0 {
					end = len(src) - i - 2
				}
				blank(code, i, i+end+4)
				blank(shape, i, i+end+4)
				i += end + 3
			case c == '"':
				stack = append(stack, 's')
			case c == '<' && i+1 < len(src) && src[i+1] == '<':
				if m := heredoc.FindSubmatch(src[i:]); m != nil {
					end := len(src)
					for j := i + len(m[0]); j < len(src); {
						line := src[j:]
						if k := bytes.IndexByte(line, '\n'); k >= 0 {
							line = line[:k]
						}
						if string(bytes.TrimSpace(line)) == string(m[1]) {
							end = j
							break
						}
						j += len(line) + 1
					}
					blank(code, i+len(m[0]), end) // no attribute of the block
					blank(shape, i, end)
					i = end - 1
				}
			}
			continue
		}
		shape[i] = ' '
		switch top := stack[len(stack)-1]; {
		case c == '\n':
			shape[i] = '\n'
			stack = stack[:0] // a string does not go on past its line
		case top == 's' && c == '\\':
			if i+1 < len(src) && src[i+1] != '\n' {
				shape[i+1] = ' '
				i++
			}
		case top == 's' && c == '"':
			stack = stack[:len(stack)-1]
		case top == 's' && (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
			if i > 0 && src[i-1] == c { // $${ is a literal ${
				continue
			}
			shape[i+1] = ' '
			i++
			stack = append(stack, 't')
		case top == 't' && c == '"':
			stack = append(stack, 's')
		case top == 't' && c == '{':
			stack = append(stack, 't')
		case top == 't' && c == '}':
			stack = stack[:len(stack)-1]
		}
	}
	return code, shape
}

var heredoc = regexp.MustCompile(`^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n`)

// braces returns the offset of the brace that closes each opening brace
// of shape that is closed.
func braces(shape []byte) map[int]int {
	out := make(map[int]int)
	var open []int
	for i, c := range shape {
		switch c {
		case '{':
			open = append(open, i)
		case '}':
			if len(open) > 0 {
				out[open[len(open)-1]] = i
				open = open[:len(open)-1]
			}
		}
	}
	return out
}

// topLevel returns the attributes of a block's body that are its own:
// what nested blocks and maps hold is blanked.
func topLevel(code, shape []byte) string {
	out := slices.Clone(code)
	depth := 0
	for i, c := range shape {
		switch c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
		if depth > 0 && out[i] != '\n' || c == '}' || c == ']' {
			out[i] = ' '
		}
	}
	return string(out)
}
