module github.com/knadh/koanf/providers/file

go 1.22
