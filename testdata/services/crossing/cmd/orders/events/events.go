// Package events is the message orders publishes: its topic and payload,
// declared and nothing else. A consumer importing it uses a contract.
package events

// Topic is where orders publishes OrderPlaced.
const Topic = "order-placed"

// OrderPlaced is the payload.
type OrderPlaced struct{ ID string }
