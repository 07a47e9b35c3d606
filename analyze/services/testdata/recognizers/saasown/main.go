// Command saasown points the client libraries of services on the
// internet at hosts of its own (a Slack API URL option, svix's server
// URL, a Stripe backend's URL, sendgrid's Twilio client): where their requests go is not known, and no
// call to the libraries' hosts is made up. Accessors and a Connect OAuth
// URL send nothing.
package main

import (
	"errors"
	"net/http"

	"github.com/sendgrid/sendgrid-go"
	"github.com/slack-go/slack"
	stripe "github.com/stripe/stripe-go/v83"
	"github.com/stripe/stripe-go/v83/oauth"
	"github.com/stripe/stripe-go/v83/paymentintent"
	svix "github.com/svix/svix-webhooks/go"
)

func main() {
	u := "http://mock:8080"
	http.HandleFunc("/notify", func(w http.ResponseWriter, r *http.Request) { // want "serve http /notify"
		slack.NewWith("xoxb", slack.OptionAPIURL(u+"/api/")).PostMessage("#ops")
		sv, _ := svix.New("token", &svix.SvixOptions{ServerUrl: &u})
		_, err := sv.Message.Create("app_1", &svix.MessageIn{})
		var se *svix.Error
		if errors.As(err, &se) {
			_ = se.Status()
		}
		sendgrid.NewTwilioEmailSendClient("user", "pass").Send(nil)
	})
	http.HandleFunc("/pay", func(w http.ResponseWriter, r *http.Request) { // want "serve http /pay"
		stripe.GetBackendWithConfig("api", &stripe.BackendConfig{URL: stripe.String(u)})
		paymentintent.New(&stripe.PaymentIntentParams{})
	})
	http.HandleFunc("/connect", func(w http.ResponseWriter, r *http.Request) { // want "serve http /connect"
		http.Redirect(w, r, oauth.AuthorizeURL(nil), http.StatusFound)
		var it *paymentintent.Iter
		_ = it.PaymentIntent()
		_ = stripe.String("x")
	})
	http.ListenAndServe(":8080", nil)
}
