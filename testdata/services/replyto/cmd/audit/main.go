// Command audit reads its subject from a map it fills from the
// environment, with keys archie cannot read: the subject is its own,
// never what another service writes under the same key.
package main

import (
	"net/http"
	"os"
	"strings"

	"example.com/replyto/msg"
	"github.com/nats-io/nats.go"
)

func main() {
	nc, _ := nats.Connect("nats://nats:4222")
	conf := msg.Metadata{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		conf.Set(k, v)
	}
	http.HandleFunc("/audit", func(http.ResponseWriter, *http.Request) {
		topic, _ := conf.Get("topic").(string)
		nc.Publish(topic, nil)
	})
	http.ListenAndServe(":8081", nil)
}
