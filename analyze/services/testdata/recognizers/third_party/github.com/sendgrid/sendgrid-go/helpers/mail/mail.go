// Package mail stands in for sendgrid-go's message builder.
package mail

type Email struct{ Address string }
type SGMailV3 struct{}

func NewEmail(name, address string) *Email { return &Email{Address: address} }
func NewSingleEmail(from *Email, subject string, to *Email, plain, html string) *SGMailV3 {
	return &SGMailV3{}
}
