module example.com/temporal

go 1.22

require go.temporal.io/sdk v1.0.0
