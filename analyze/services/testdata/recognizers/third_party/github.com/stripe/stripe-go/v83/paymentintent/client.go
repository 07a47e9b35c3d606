// Package paymentintent stands in for a stripe-go resource package.
package paymentintent

import stripe "github.com/stripe/stripe-go/v83"

func New(params *stripe.PaymentIntentParams) (*stripe.PaymentIntent, error) { return nil, nil }
func Get(id string) (*stripe.PaymentIntent, error)                          { return nil, nil }

type Client struct{ Key string }

func (c Client) Cancel(id string) (*stripe.PaymentIntent, error) { return nil, nil }

// Iter is a list's iterator.
type Iter struct{ cur *stripe.PaymentIntent }

func List(params *stripe.PaymentIntentParams) *Iter  { return &Iter{} }
func (i *Iter) PaymentIntent() *stripe.PaymentIntent { return i.cur }
