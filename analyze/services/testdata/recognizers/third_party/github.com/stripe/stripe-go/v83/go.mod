module github.com/stripe/stripe-go/v83

go 1.22
