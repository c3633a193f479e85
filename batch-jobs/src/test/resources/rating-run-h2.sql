-- The columns of rating_run that ratingJob reads, for RatingJobRestartTest's in-memory database.
CREATE TABLE rating_run (
  id BIGINT PRIMARY KEY,
  period VARCHAR(7) NOT NULL,
  data_cutoff TIMESTAMP WITH TIME ZONE NOT NULL
);
