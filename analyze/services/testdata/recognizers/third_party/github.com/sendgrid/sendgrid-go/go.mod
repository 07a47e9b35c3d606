module github.com/sendgrid/sendgrid-go

go 1.22
