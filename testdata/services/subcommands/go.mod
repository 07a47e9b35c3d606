module example.com/subcommands

go 1.22

require github.com/spf13/cobra v1.0.0

replace github.com/spf13/cobra => ./third_party/github.com/spf13/cobra
