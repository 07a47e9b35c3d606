module gopkg.in/gomail.v2

go 1.22
