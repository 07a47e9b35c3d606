// Command mail sends mail through SMTP relays and keeps files in an
// S3-compatible store: each relay and store is called at its host.
package main

import (
	"net/smtp"
	"os"

	"github.com/jordan-wright/email"
	"github.com/minio/minio-go/v7"
	mail "github.com/wneessen/go-mail"
	"gopkg.in/gomail.v2"
)

func main() {
	d := gomail.NewDialer("mailhog", 1025, "", "") // want "call smtp  mailhog"
	d.DialAndSend(gomail.NewMessage())
	gomail.NewPlainDialer(os.Getenv("SMTP_HOST"), 587, "u", "p") // want "call smtp  ${SMTP_HOST}"

	mail.NewClient("smtp.example.org", mail.WithPort(25)) // want "call smtp  smtp.example.org"

	smtp.SendMail("relay:25", nil, "a@b", []string{"c@d"}, nil) // want "call smtp  relay:25"
	email.NewEmail().Send("smtp.gmail.com:587", nil)            // want "call smtp  smtp.gmail.com:587"
	email.NewEmail().SendWithTLS("smtps:465", nil, nil)         // want "call smtp  smtps:465"
	email.NewEmail().SendWithStartTLS("relay2:587", nil, nil)   // want "call smtp  relay2:587"
	if c, err := smtp.Dial("relay3:25"); err == nil {           // want "call smtp  relay3:25"
		c.Quit()
	}

	minio.New("minio:9000", &minio.Options{}) // want "call s3  minio:9000"
}
