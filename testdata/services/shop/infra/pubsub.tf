resource "google_pubsub_topic" "reviews" {
  name = "review-added"
}

resource "google_pubsub_subscription" "notifier" {
  name  = "review-added-sub"
  topic = google_pubsub_topic.reviews.name

  ack_deadline_seconds = 20
  labels = {
    team = "growth"
  }
}
