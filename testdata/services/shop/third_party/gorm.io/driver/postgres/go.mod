module gorm.io/driver/postgres

go 1.22
