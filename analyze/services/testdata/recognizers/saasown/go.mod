module example.com/saasown

go 1.22

require (
	github.com/sendgrid/sendgrid-go v3.16.0+incompatible
	github.com/slack-go/slack v0.15.0
	github.com/stripe/stripe-go/v83 v83.0.0
	github.com/svix/svix-webhooks v1.60.0
)
