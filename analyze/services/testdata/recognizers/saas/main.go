// Command saas calls services on the internet through their client
// libraries: each call that sends a request is a call to the host the
// library names; helpers, constructors and signature checks are none.
package main

import (
	"net/http"

	"github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
	"github.com/slack-go/slack"
	stripe "github.com/stripe/stripe-go/v83"
	"github.com/stripe/stripe-go/v83/paymentintent"
	"github.com/stripe/stripe-go/v83/webhook"
	svix "github.com/svix/svix-webhooks/go"
)

func main() {
	stripe.Key = "sk_test"
	stripe.GetBackendWithConfig("api", &stripe.BackendConfig{LeveledLogger: nil}) // its own logger, Stripe's host
	http.HandleFunc("/pay", func(w http.ResponseWriter, r *http.Request) {        // want "serve http /pay"
		paymentintent.New(&stripe.PaymentIntentParams{Amount: stripe.Int64(100)}) // want "call http  https://api.stripe.com in /pay"
		paymentintent.Get("pi_1")                                                 // want "call http  https://api.stripe.com in /pay"
		paymentintent.Client{}.Cancel("pi_1")                                     // want "call http  https://api.stripe.com in /pay"
		sc := stripe.NewClient("sk_test")
		sc.V1PaymentIntents.Create(&stripe.PaymentIntentParams{}) // want "call http  https://api.stripe.com in /pay"
		webhook.ConstructEvent(nil, "", "whsec")
	})
	http.HandleFunc("/mail", func(w http.ResponseWriter, r *http.Request) { // want "serve http /mail"
		m := mail.NewSingleEmail(mail.NewEmail("a", "a@x"), "hi", mail.NewEmail("b", "b@x"), "", "")
		sendgrid.NewSendClient("key").Send(m)                                                 // want "call http  https://api.sendgrid.com in /mail"
		sendgrid.API(sendgrid.GetRequest("key", "/v3/mail/send", "https://api.sendgrid.com")) // the host the request names
	})
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) { // want "serve http /notify"
		c := slack.New("xoxb")
		c.PostMessage("#ops", slack.MsgOptionText("deployed", false)) // want "call http  https://slack.com/api in /notify"
		c.Debug()
		sv, _ := svix.New("token", nil)
		sv.Message.Create("app_1", &svix.MessageIn{EventType: "order.paid"}) // want "call http  https://api.svix.com in /notify"
		wh, _ := svix.NewWebhook("whsec")
		wh.Verify(nil, nil)
	})
	http.ListenAndServe(":8080", nil)
}
