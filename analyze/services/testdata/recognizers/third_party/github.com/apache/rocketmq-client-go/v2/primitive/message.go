// Package primitive stands in for rocketmq-client-go's primitive.
package primitive

type Message struct {
	Topic string
	Body  []byte
}

func NewMessage(topic string, body []byte) *Message { return &Message{Topic: topic, Body: body} }

func (m *Message) WithTag(tags string) *Message { return m }

type MessageExt struct{ Message }

type SendResult struct{}

type TransactionSendResult struct{ *SendResult }

type NamesrvAddr []string

type NsResolver interface{ Resolve() []string }

type passthroughResolver struct{ addr []string }

func (r *passthroughResolver) Resolve() []string { return r.addr }

func NewPassthroughResolver(addr []string) NsResolver { return &passthroughResolver{addr} }
