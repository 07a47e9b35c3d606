// Package sendgrid stands in for sendgrid-go.
package sendgrid

import "github.com/sendgrid/sendgrid-go/helpers/mail"

type Client struct{}

func NewSendClient(key string) *Client               { return &Client{} }
func (c *Client) Send(m *mail.SGMailV3) (any, error) { return nil, nil }
func API(request any) (any, error)                   { return nil, nil }
func GetRequest(key, endpoint, host string) any      { return nil }

// NewTwilioEmailSendClient sends through Twilio's email host.
func NewTwilioEmailSendClient(user, pass string) *Client { return &Client{} }
