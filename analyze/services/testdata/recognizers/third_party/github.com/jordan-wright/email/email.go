// Package email stands in for jordan-wright/email: the API shape archie recognizes, no behaviour.
package email

import "net/smtp"

type Email struct{ Subject string }

func NewEmail() *Email { return &Email{} }

func (e *Email) Send(addr string, a smtp.Auth) error { return nil }

func (e *Email) SendWithTLS(addr string, a smtp.Auth, t any) error      { return nil }
func (e *Email) SendWithStartTLS(addr string, a smtp.Auth, t any) error { return nil }
