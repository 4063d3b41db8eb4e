-- Bulk writers of the review log (a first sync, an Anki import) may defer the progress totals: for rows past the
-- rowid they name, parley_review_totals_deferred(rowid) is 1 on their connection and these triggers stay quiet;
-- the writer then adds those rows' totals in one set-based statement (db/functions.ts, withReviewTotalsDeferred).
-- Everywhere else the function returns 0 and the triggers work as before.
--> statement-breakpoint
DROP TRIGGER `review_buckets_insert`;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_insert` AFTER INSERT ON `review_logs` WHEN NEW.`deleted_at` IS NULL AND parley_review_totals_deferred(NEW.`rowid`) = 0 BEGIN
	INSERT INTO `review_buckets` (`profile_id`, `bucket_start`, `reviews`, `again`, `hard`, `good`, `easy`, `introduced`,
		`review_passed`, `review_failed`, `duration_ms`)
	VALUES (NEW.`profile_id`, NEW.`reviewed_at` - NEW.`reviewed_at` % 900000, 1, NEW.`rating` = 1, NEW.`rating` = 2,
		NEW.`rating` = 3, NEW.`rating` = 4, NEW.`state_before` = 0, NEW.`state_before` = 2 AND NEW.`rating` > 1,
		NEW.`state_before` = 2 AND NEW.`rating` = 1, min(max(NEW.`duration_ms`, 0), 120000))
	ON CONFLICT (`profile_id`, `bucket_start`) DO UPDATE SET
		`reviews` = `reviews` + 1, `again` = `again` + excluded.`again`, `hard` = `hard` + excluded.`hard`,
		`good` = `good` + excluded.`good`, `easy` = `easy` + excluded.`easy`,
		`introduced` = `introduced` + excluded.`introduced`, `review_passed` = `review_passed` + excluded.`review_passed`,
		`review_failed` = `review_failed` + excluded.`review_failed`, `duration_ms` = `duration_ms` + excluded.`duration_ms`;
END;
--> statement-breakpoint
DROP TRIGGER `review_buckets_delete`;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_delete` AFTER DELETE ON `review_logs` WHEN OLD.`deleted_at` IS NULL AND parley_review_totals_deferred(OLD.`rowid`) = 0 BEGIN
	UPDATE `review_buckets` SET `reviews` = `reviews` - 1, `again` = `again` - (OLD.`rating` = 1),
		`hard` = `hard` - (OLD.`rating` = 2), `good` = `good` - (OLD.`rating` = 3), `easy` = `easy` - (OLD.`rating` = 4),
		`introduced` = `introduced` - (OLD.`state_before` = 0),
		`review_passed` = `review_passed` - (OLD.`state_before` = 2 AND OLD.`rating` > 1),
		`review_failed` = `review_failed` - (OLD.`state_before` = 2 AND OLD.`rating` = 1),
		`duration_ms` = `duration_ms` - min(max(OLD.`duration_ms`, 0), 120000)
	WHERE `profile_id` = OLD.`profile_id` AND `bucket_start` = OLD.`reviewed_at` - OLD.`reviewed_at` % 900000;
END;
--> statement-breakpoint
DROP TRIGGER `review_buckets_tombstone`;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_tombstone` AFTER UPDATE OF `deleted_at` ON `review_logs`
WHEN OLD.`deleted_at` IS NULL AND NEW.`deleted_at` IS NOT NULL AND parley_review_totals_deferred(OLD.`rowid`) = 0 BEGIN
	UPDATE `review_buckets` SET `reviews` = `reviews` - 1, `again` = `again` - (OLD.`rating` = 1),
		`hard` = `hard` - (OLD.`rating` = 2), `good` = `good` - (OLD.`rating` = 3), `easy` = `easy` - (OLD.`rating` = 4),
		`introduced` = `introduced` - (OLD.`state_before` = 0),
		`review_passed` = `review_passed` - (OLD.`state_before` = 2 AND OLD.`rating` > 1),
		`review_failed` = `review_failed` - (OLD.`state_before` = 2 AND OLD.`rating` = 1),
		`duration_ms` = `duration_ms` - min(max(OLD.`duration_ms`, 0), 120000)
	WHERE `profile_id` = OLD.`profile_id` AND `bucket_start` = OLD.`reviewed_at` - OLD.`reviewed_at` % 900000;
END;
--> statement-breakpoint
DROP TRIGGER `review_buckets_restore`;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_restore` AFTER UPDATE OF `deleted_at` ON `review_logs`
WHEN OLD.`deleted_at` IS NOT NULL AND NEW.`deleted_at` IS NULL AND parley_review_totals_deferred(NEW.`rowid`) = 0 BEGIN
	INSERT INTO `review_buckets` (`profile_id`, `bucket_start`, `reviews`, `again`, `hard`, `good`, `easy`, `introduced`,
		`review_passed`, `review_failed`, `duration_ms`)
	VALUES (NEW.`profile_id`, NEW.`reviewed_at` - NEW.`reviewed_at` % 900000, 1, NEW.`rating` = 1, NEW.`rating` = 2,
		NEW.`rating` = 3, NEW.`rating` = 4, NEW.`state_before` = 0, NEW.`state_before` = 2 AND NEW.`rating` > 1,
		NEW.`state_before` = 2 AND NEW.`rating` = 1, min(max(NEW.`duration_ms`, 0), 120000))
	ON CONFLICT (`profile_id`, `bucket_start`) DO UPDATE SET
		`reviews` = `reviews` + 1, `again` = `again` + excluded.`again`, `hard` = `hard` + excluded.`hard`,
		`good` = `good` + excluded.`good`, `easy` = `easy` + excluded.`easy`,
		`introduced` = `introduced` + excluded.`introduced`, `review_passed` = `review_passed` + excluded.`review_passed`,
		`review_failed` = `review_failed` + excluded.`review_failed`, `duration_ms` = `duration_ms` + excluded.`duration_ms`;
END;
--> statement-breakpoint
DROP TRIGGER `progress_marks_insert`;
--> statement-breakpoint
CREATE TRIGGER `progress_marks_insert` AFTER INSERT ON `review_logs` WHEN parley_review_totals_deferred(NEW.`rowid`) = 0 BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = NEW.`profile_id` AND NEW.`reviewed_at` < `old_before`;
END;
--> statement-breakpoint
DROP TRIGGER `progress_marks_delete`;
--> statement-breakpoint
CREATE TRIGGER `progress_marks_delete` AFTER DELETE ON `review_logs` WHEN parley_review_totals_deferred(OLD.`rowid`) = 0 BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = OLD.`profile_id` AND OLD.`reviewed_at` < `old_before`;
END;
--> statement-breakpoint
DROP TRIGGER `progress_marks_tombstone`;
--> statement-breakpoint
CREATE TRIGGER `progress_marks_tombstone` AFTER UPDATE OF `deleted_at` ON `review_logs` WHEN parley_review_totals_deferred(OLD.`rowid`) = 0 BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = OLD.`profile_id` AND OLD.`reviewed_at` < `old_before`;
END;
