// Package slack stands in for slack-go.
package slack

type Client struct{}

type MsgOption func()

func New(token string) *Client                         { return &Client{} }
func MsgOptionText(text string, escape bool) MsgOption { return nil }
func (c *Client) PostMessage(channel string, opts ...MsgOption) (string, string, error) {
	return "", "", nil
}
func (c *Client) Debug() bool { return false }

type Option func(*Client)

// OptionAPIURL points the client at another host.
func OptionAPIURL(u string) Option { return nil }

func NewWith(token string, opts ...Option) *Client { return &Client{} }
