module github.com/kelseyhightower/envconfig

go 1.22
