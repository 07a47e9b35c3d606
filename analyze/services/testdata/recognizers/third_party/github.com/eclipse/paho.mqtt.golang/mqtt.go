// Package mqtt stands in for paho.mqtt.golang: the API shape archie recognizes, no behaviour.
package mqtt

type Token interface {
	Wait() bool
	Error() error
}

type Message interface {
	Topic() string
	Payload() []byte
}

type MessageHandler func(Client, Message)

type Client interface {
	Connect() Token
	Publish(topic string, qos byte, retained bool, payload interface{}) Token
	Subscribe(topic string, qos byte, callback MessageHandler) Token
	SubscribeMultiple(filters map[string]byte, callback MessageHandler) Token
	Unsubscribe(topics ...string) Token
}

type client struct{}

func (c *client) Connect() Token { return nil }
func (c *client) Publish(topic string, qos byte, retained bool, payload interface{}) Token {
	return nil
}
func (c *client) Subscribe(topic string, qos byte, callback MessageHandler) Token { return nil }
func (c *client) SubscribeMultiple(filters map[string]byte, callback MessageHandler) Token {
	return nil
}
func (c *client) Unsubscribe(topics ...string) Token { return nil }

type ClientOptions struct{ Servers []string }

func NewClientOptions() *ClientOptions { return &ClientOptions{} }

func (o *ClientOptions) AddBroker(server string) *ClientOptions     { return o }
func (o *ClientOptions) SetClientID(id string) *ClientOptions       { return o }
func (o *ClientOptions) SetUsername(username string) *ClientOptions { return o }

func NewClient(o *ClientOptions) Client { return &client{} }
