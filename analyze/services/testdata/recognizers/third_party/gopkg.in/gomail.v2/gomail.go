// Package gomail stands in for gomail: the API shape archie recognizes, no behaviour.
package gomail

type Message struct{}

func NewMessage() *Message { return &Message{} }

type Dialer struct{ Host string }

func NewDialer(host string, port int, username, password string) *Dialer { return &Dialer{Host: host} }
func NewPlainDialer(host string, port int, username, password string) *Dialer {
	return &Dialer{Host: host}
}
func (d *Dialer) DialAndSend(m ...*Message) error { return nil }
