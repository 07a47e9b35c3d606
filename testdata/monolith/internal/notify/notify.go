// Package notify sends messages: the rest calls it through an interface.
package notify

import (
	"context"

	"example.com/monolith/pkg/log"
)

// Sender sends messages.
type Sender struct{}

// NewSender returns a sender.
func NewSender() *Sender { return &Sender{} }

// Send sends one message.
func (s *Sender) Send(ctx context.Context, to, text string) error {
	log.Printf("to %s: %s", to, text)
	return nil
}
