module example.com/franz

go 1.22

require github.com/twmb/franz-go v1.18.0
