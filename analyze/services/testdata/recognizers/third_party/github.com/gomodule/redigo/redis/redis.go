// Package redis stands in for gomodule/redigo: the API shape archie recognizes, no behaviour.
package redis

import "context"

type Conn interface {
	Do(commandName string, args ...interface{}) (reply interface{}, err error)
	Send(commandName string, args ...interface{}) error
	Close() error
}

type DialOption struct{}

type conn struct{}

func (conn) Do(commandName string, args ...interface{}) (interface{}, error) { return nil, nil }
func (conn) Send(commandName string, args ...interface{}) error              { return nil }
func (conn) DoContext(ctx context.Context, commandName string, args ...interface{}) (interface{}, error) {
	return nil, nil
}

// ConnWithContext is a connection whose commands take a context.
type ConnWithContext interface {
	Conn
	DoContext(ctx context.Context, commandName string, args ...interface{}) (reply interface{}, err error)
}

func (conn) Close() error { return nil }

func Dial(network, address string, options ...DialOption) (Conn, error) { return conn{}, nil }
func DialContext(ctx context.Context, network, address string, options ...DialOption) (Conn, error) {
	return conn{}, nil
}
func DialURL(rawurl string, options ...DialOption) (Conn, error) { return conn{}, nil }
func DialURLContext(ctx context.Context, rawurl string, options ...DialOption) (Conn, error) {
	return conn{}, nil
}

// Pool hands out connections its Dial makes.
type Pool struct {
	Dial func() (Conn, error)
}

func (p *Pool) Get() Conn { return conn{} }

// PubSubConn wraps a connection to subscribe.
type PubSubConn struct{ Conn Conn }

func (c PubSubConn) Subscribe(channel ...interface{}) error  { return nil }
func (c PubSubConn) PSubscribe(channel ...interface{}) error { return nil }

// DoContext sends a command with a context on any connection.
func DoContext(c Conn, ctx context.Context, cmd string, args ...interface{}) (interface{}, error) {
	return nil, nil
}
