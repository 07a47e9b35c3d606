module example.com/devconfig

go 1.22

require (
	github.com/go-kratos/kratos/v2 v2.0.0
	github.com/knadh/koanf/providers/file v1.0.0
	github.com/knadh/koanf/v2 v2.0.0
)

replace (
	github.com/go-kratos/kratos/v2 => ./third_party/github.com/go-kratos/kratos/v2
	github.com/knadh/koanf/providers/file => ./third_party/github.com/knadh/koanf/providers/file
	github.com/knadh/koanf/v2 => ./third_party/github.com/knadh/koanf/v2
)
