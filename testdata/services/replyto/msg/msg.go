// Package msg sends commands whose replies go where a header says: the
// sender names its reply channel, the handler replies to it.
package msg

import (
	"encoding/json"
	"strings"

	"github.com/nats-io/nats.go"
)

const (
	ReplyHdr = "COMMAND_REPLY_CHANNEL"
	TraceHdr = "COMMAND_TRACE_ID"
)

type Metadata map[string]any

func (m Metadata) Set(key string, value any) { m[key] = value }

func (m Metadata) Get(key string) any { return m[key] }

// CopyTo copies every header: it writes no key of its own.
func (m Metadata) CopyTo(dst Metadata) {
	for k, v := range m {
		dst[k] = v
	}
}

type Command struct {
	Name string
	Meta Metadata
}

// Send publishes cmd to subject.
func Send(nc *nats.Conn, subject string, cmd Command) error {
	data, _ := json.Marshal(cmd)
	return nc.Publish(subject, data)
}

// Handle replies to each command on the channel its header names, with
// the command's headers, renamed REPLY_….
func Handle(nc *nats.Conn, subject string) {
	nc.Subscribe(subject, func(m *nats.Msg) {
		var cmd Command
		json.Unmarshal(m.Data, &cmd)
		dest, ok := cmd.Meta.Get(ReplyHdr).(string)
		if !ok {
			return
		}
		reply := Command{Name: "done", Meta: Metadata{}}
		cmd.Meta.CopyTo(reply.Meta)
		for k, v := range cmd.Meta {
			if rest, ok := strings.CutPrefix(k, "COMMAND_"); ok {
				reply.Meta.Set("REPLY_"+rest, v)
			}
		}
		Send(nc, dest, reply)
	})
}
