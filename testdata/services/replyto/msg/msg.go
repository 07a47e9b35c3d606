// Package msg sends commands whose replies go where a header says: the
// sender names its reply channel, the handler replies to it.
package msg

import (
	"encoding/json"

	"github.com/nats-io/nats.go"
)

const (
	ReplyHdr = "COMMAND_REPLY_CHANNEL"
	TraceHdr = "COMMAND_TRACE_ID"
)

type Metadata map[string]any

func (m Metadata) Set(key string, value any) { m[key] = value }

func (m Metadata) Get(key string) any { return m[key] }

type Command struct {
	Name string
	Meta Metadata
}

// Send publishes cmd to subject.
func Send(nc *nats.Conn, subject string, cmd Command) error {
	data, _ := json.Marshal(cmd)
	return nc.Publish(subject, data)
}

// Handle replies to each command on the channel its header names.
func Handle(nc *nats.Conn, subject string) {
	nc.Subscribe(subject, func(m *nats.Msg) {
		var cmd Command
		json.Unmarshal(m.Data, &cmd)
		dest, ok := cmd.Meta.Get(ReplyHdr).(string)
		if !ok {
			return
		}
		Send(nc, dest, Command{Name: "done"})
	})
}
