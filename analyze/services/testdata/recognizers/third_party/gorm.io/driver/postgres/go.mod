module gorm.io/driver/postgres

go 1.22

require gorm.io/gorm v1.0.0
