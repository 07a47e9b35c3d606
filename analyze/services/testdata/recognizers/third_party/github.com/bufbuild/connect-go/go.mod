module github.com/bufbuild/connect-go

go 1.22
