package paymentspb

// ChargedEvent names the Charged event on the bus.
const ChargedEvent = "payments.Charged"

// Key is the name a registry knows the event by: a helper written beside
// the generated messages, part of the same API.
func (*Charged) Key() string { return ChargedEvent }

// Registrations lists the events consumers must know to decode them.
func Registrations() []string { return []string{ChargedEvent} }
