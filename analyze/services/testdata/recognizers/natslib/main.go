// Command natslib publishes and subscribes through an in-house messaging
// library whose parts meet only behind interfaces: a topic given to an
// EventPublisher travels in a message's field to the stream that sends
// it, and a subscription's topic through a Stream. The publishers are
// generic: a handler type's instance registered as an interface, and a
// generic constructor's instance that returns its type as one.
package main

import "github.com/nats-io/nats.go"

type Message interface {
	Subject() string
}

type rawMessage struct {
	subject string
	data    []byte
}

func (m rawMessage) Subject() string { return m.subject }

type Stream interface {
	Publish(topic string, msg Message) error
	Subscribe(topic string, h func(Message)) error
}

type natsStream struct{ js nats.JetStreamContext }

func (s *natsStream) Publish(topic string, msg Message) error {
	_, err := s.js.PublishMsg(&nats.Msg{Subject: msg.Subject()}) // want "publish nats orders.placed" "publish nats invoices.created" "publish nats shipments.requested"
	return err
}

func (s *natsStream) Subscribe(topic string, h func(Message)) error {
	_, err := s.js.Subscribe(topic, func(m *nats.Msg) {}) // want "consume nats payments.done"
	return err
}

type EventPublisher interface {
	Publish(topic string, payload []byte) error
}

type eventStream struct{ stream Stream }

func (e eventStream) Publish(topic string, payload []byte) error {
	return e.stream.Publish(topic, rawMessage{subject: topic, data: payload})
}

type Handler[T any] interface{ Handle(v T) error }

type handlers[T any] struct{ pub EventPublisher }

func (h handlers[T]) Handle(v T) error { return h.pub.Publish("invoices.created", nil) }

type Saga[T any] interface{ Start(v T) error }

type saga[T any] struct{ pub EventPublisher }

func (s saga[T]) Start(v T) error { return s.pub.Publish("shipments.requested", nil) }

func NewSaga[T any](pub EventPublisher) Saga[T] { return saga[T]{pub: pub} }

// directBus is used as itself, never as an interface: a call through an
// interface it happens to satisfy (Notifier) does not run it.
type directBus struct{ js nats.JetStreamContext }

func (b directBus) Notify(topic string) error {
	_, err := b.js.Publish(topic, nil) // want "publish nats billing.closed"
	return err
}

type Notifier interface{ Notify(topic string) error }

// auditRecord has a Subject too, but is used as itself, never as a
// Message: what it returns is no subject a message is sent to.
type auditRecord struct{}

func (auditRecord) Subject() string { return "audit.records" }

type logNotifier struct{}

func (logNotifier) Notify(topic string) error { return nil }

func main() {
	nc, _ := nats.Connect("nats://nats:4222") // want "broker nats nats://nats:4222"
	js, _ := nc.JetStream()
	var s Stream = &natsStream{js: js}
	var pub EventPublisher = eventStream{stream: s}
	pub.Publish("orders.placed", nil)
	var h Handler[string] = handlers[string]{pub: pub}
	h.Handle("invoice")
	NewSaga[int](pub).Start(1)
	directBus{js: js}.Notify("billing.closed")
	_ = auditRecord{}.Subject()
	var n Notifier = logNotifier{}
	n.Notify("password.reset")
	s.Subscribe("payments.done", func(Message) {})
}
