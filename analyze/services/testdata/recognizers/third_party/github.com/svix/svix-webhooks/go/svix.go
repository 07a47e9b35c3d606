// Package svix stands in for svix-webhooks' Go client.
package svix

type MessageIn struct{ EventType string }

type Message struct{}

func (m *Message) Create(appID string, msg *MessageIn) (any, error) { return nil, nil }

type Svix struct{ Message *Message }

func New(token string, opts any) (*Svix, error) { return &Svix{Message: &Message{}}, nil }

type Webhook struct{}

func NewWebhook(secret string) (*Webhook, error)            { return &Webhook{}, nil }
func (w *Webhook) Verify(payload []byte, headers any) error { return nil }

type SvixOptions struct{ ServerUrl *string }

// Error is an API error's accessors.
type Error struct{ status int }

func (e *Error) Status() int { return e.status }
