// Package msg sends commands whose replies go where a header says: the
// sender names its reply channel, the handler replies to it.
package msg

import (
	"encoding/json"

	"github.com/nats-io/nats.go"
)

const (
	ReplyHdr = "reply-channel"
	TraceHdr = "trace-id"
)

type Metadata map[string]any

func (m Metadata) Set(key string, value any) { m[key] = value }

func (m Metadata) Get(key string) any { return m[key] }

type Command struct {
	Name string
	Meta Metadata
}

// Send publishes cmd to subject, asking for the reply on replyTo.
func Send(nc *nats.Conn, subject, replyTo string, cmd Command) error {
	if cmd.Meta == nil {
		cmd.Meta = Metadata{}
	}
	cmd.Meta.Set(ReplyHdr, replyTo)
	cmd.Meta.Set(TraceHdr, "not-a-subject")
	cmd.Meta.Set("topic", "orders.audit")
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
		nc.Publish(dest, []byte("done"))
	})
}
