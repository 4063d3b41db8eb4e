-- Keeps review_buckets (15-minute totals per profile) in step with review_logs, whoever writes the log: answers,
-- undo (which deletes the row), imports, sync (inserts and tombstones). Only live rows (no tombstone) count.
-- Time studied counts each answer up to 2 minutes, so a card left open during a break does not count as study.
CREATE TRIGGER `review_buckets_insert` AFTER INSERT ON `review_logs` WHEN NEW.`deleted_at` IS NULL BEGIN
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
CREATE TRIGGER `review_buckets_delete` AFTER DELETE ON `review_logs` WHEN OLD.`deleted_at` IS NULL BEGIN
	UPDATE `review_buckets` SET `reviews` = `reviews` - 1, `again` = `again` - (OLD.`rating` = 1),
		`hard` = `hard` - (OLD.`rating` = 2), `good` = `good` - (OLD.`rating` = 3), `easy` = `easy` - (OLD.`rating` = 4),
		`introduced` = `introduced` - (OLD.`state_before` = 0),
		`review_passed` = `review_passed` - (OLD.`state_before` = 2 AND OLD.`rating` > 1),
		`review_failed` = `review_failed` - (OLD.`state_before` = 2 AND OLD.`rating` = 1),
		`duration_ms` = `duration_ms` - min(max(OLD.`duration_ms`, 0), 120000)
	WHERE `profile_id` = OLD.`profile_id` AND `bucket_start` = OLD.`reviewed_at` - OLD.`reviewed_at` % 900000;
END;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_tombstone` AFTER UPDATE OF `deleted_at` ON `review_logs`
WHEN OLD.`deleted_at` IS NULL AND NEW.`deleted_at` IS NOT NULL BEGIN
	UPDATE `review_buckets` SET `reviews` = `reviews` - 1, `again` = `again` - (OLD.`rating` = 1),
		`hard` = `hard` - (OLD.`rating` = 2), `good` = `good` - (OLD.`rating` = 3), `easy` = `easy` - (OLD.`rating` = 4),
		`introduced` = `introduced` - (OLD.`state_before` = 0),
		`review_passed` = `review_passed` - (OLD.`state_before` = 2 AND OLD.`rating` > 1),
		`review_failed` = `review_failed` - (OLD.`state_before` = 2 AND OLD.`rating` = 1),
		`duration_ms` = `duration_ms` - min(max(OLD.`duration_ms`, 0), 120000)
	WHERE `profile_id` = OLD.`profile_id` AND `bucket_start` = OLD.`reviewed_at` - OLD.`reviewed_at` % 900000;
END;
--> statement-breakpoint
CREATE TRIGGER `review_buckets_restore` AFTER UPDATE OF `deleted_at` ON `review_logs`
WHEN OLD.`deleted_at` IS NOT NULL AND NEW.`deleted_at` IS NULL BEGIN
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
INSERT INTO `review_buckets` (`profile_id`, `bucket_start`, `reviews`, `again`, `hard`, `good`, `easy`, `introduced`,
	`review_passed`, `review_failed`, `duration_ms`)
SELECT `profile_id`, `reviewed_at` - `reviewed_at` % 900000, count(*), sum(`rating` = 1), sum(`rating` = 2),
	sum(`rating` = 3), sum(`rating` = 4), sum(`state_before` = 0), sum(`state_before` = 2 AND `rating` > 1),
	sum(`state_before` = 2 AND `rating` = 1), sum(min(max(`duration_ms`, 0), 120000))
FROM `review_logs` WHERE `deleted_at` IS NULL
GROUP BY `profile_id`, `reviewed_at` - `reviewed_at` % 900000;
