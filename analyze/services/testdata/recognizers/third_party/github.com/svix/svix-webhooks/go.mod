module github.com/svix/svix-webhooks

go 1.22
