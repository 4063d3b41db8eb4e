-- Counts changes to reviews older than the progress service's cached study days (progress_marks.old_before), so
-- the service knows when its copy of a profile's older history is stale. Typical answers are recent: the UPDATE
-- matches no row and costs one primary-key lookup.
CREATE TRIGGER `progress_marks_insert` AFTER INSERT ON `review_logs` BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = NEW.`profile_id` AND NEW.`reviewed_at` < `old_before`;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_marks_delete` AFTER DELETE ON `review_logs` BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = OLD.`profile_id` AND OLD.`reviewed_at` < `old_before`;
END;
--> statement-breakpoint
CREATE TRIGGER `progress_marks_tombstone` AFTER UPDATE OF `deleted_at` ON `review_logs` BEGIN
	UPDATE `progress_marks` SET `old_edits` = `old_edits` + 1
	WHERE `profile_id` = OLD.`profile_id` AND OLD.`reviewed_at` < `old_before`;
END;
