module github.com/jordan-wright/email

go 1.22
