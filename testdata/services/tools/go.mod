module example.com/tools

go 1.22

require github.com/robfig/cron/v3 v3.0.0

replace github.com/robfig/cron/v3 => ./third_party/cron
