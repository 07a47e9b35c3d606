// Command mqtt publishes to MQTT topics and subscribes to filters, one by
// one, several at once, and through a shared subscription.
package main

import (
	"fmt"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

func main() {
	opts := mqtt.NewClientOptions().AddBroker("tcp://mosquitto:1883").SetClientID("gateway") // want "broker mqtt tcp://mosquitto:1883"
	c := mqtt.NewClient(opts)
	c.Connect()
	c.Publish(fmt.Sprintf("devices/%s/state", "d1"), 1, false, "on") // want "publish mqtt devices/d1/state"
	c.Publish("alerts", 0, false, nil)                               // want "publish mqtt alerts"
	handle := func(mqtt.Client, mqtt.Message) {}
	c.Subscribe("devices/+/telemetry", 1, handle)                              // want "consume mqtt devices/+/telemetry"
	c.Subscribe("$share/workers/jobs/#", 1, handle)                            // want "consume mqtt jobs/#"
	c.SubscribeMultiple(map[string]byte{"alerts": 0, "commands/#": 1}, handle) // want "consume mqtt alerts" "consume mqtt commands/#"
}
