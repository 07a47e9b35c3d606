module example.com/mail

go 1.22

require (
	github.com/jordan-wright/email v1.0.0
	github.com/minio/minio-go/v7 v7.0.0
	github.com/wneessen/go-mail v1.0.0
	gopkg.in/gomail.v2 v2.0.0
)
