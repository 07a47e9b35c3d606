// Command netrpc calls services over net/rpc: gob over TCP and HTTP, and
// JSON-RPC, with the client kept in a struct.
package main

import (
	"net/rpc"
	"net/rpc/jsonrpc"
	"os"
)

type Payload struct{ Name, Data string }

type logger struct{ client *rpc.Client }

func newLogger() *logger {
	c, _ := rpc.DialHTTP("tcp", "logger:5001")
	return &logger{client: c}
}

func (l *logger) log(p Payload) {
	var reply string
	l.client.Call("RPCServer.LogInfo", p, &reply) // want "call rpc RPCServer.LogInfo logger:5001"
}

func main() {
	var reply string
	c, _ := rpc.Dial("tcp", "mailer:5002")
	c.Call("Mailer.Send", Payload{}, &reply)     // want "call rpc Mailer.Send mailer:5002"
	c.Go("Mailer.Queue", Payload{}, &reply, nil) // want "call rpc Mailer.Queue mailer:5002"
	h, _ := rpc.DialHTTPPath("tcp", os.Getenv("AUDIT_ADDR"), "/rpc")
	h.Call("Audit.Record", Payload{}, &reply) // want "call rpc Audit.Record ${AUDIT_ADDR}"
	j, _ := jsonrpc.Dial("tcp", "pricing:6000")
	j.Call("Pricing.Quote", Payload{}, &reply) // want "call rpc Pricing.Quote pricing:6000"
	newLogger().log(Payload{})
}
