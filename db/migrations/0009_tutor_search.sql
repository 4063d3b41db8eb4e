-- Full-text search over tutor conversations: accent-insensitive (remove_diacritics 2), prefix-indexed, like notes.
-- A contentful table keyed by message id, kept current by triggers; tombstoned messages leave the index.
-- `tutor_messages_fts_rows` maps a message to its FTS rowid, so replacing one entry (a reply's text is written
-- when its stream ends) is a lookup, not a scan of the whole index.
CREATE VIRTUAL TABLE `tutor_messages_fts` USING fts5(
	`message_id` UNINDEXED,
	`profile_id` UNINDEXED,
	`text`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
CREATE TABLE `tutor_messages_fts_rows` (
	`message_id` text PRIMARY KEY NOT NULL,
	`fts_rowid` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `tutor_messages_fts_insert` AFTER INSERT ON `tutor_messages` WHEN NEW.`deleted_at` IS NULL BEGIN
	INSERT INTO `tutor_messages_fts` (`message_id`, `profile_id`, `text`) VALUES (NEW.`id`, NEW.`profile_id`, NEW.`text`);
	INSERT INTO `tutor_messages_fts_rows` (`message_id`, `fts_rowid`) VALUES (NEW.`id`, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `tutor_messages_fts_update` AFTER UPDATE OF `text`, `deleted_at` ON `tutor_messages` BEGIN
	DELETE FROM `tutor_messages_fts` WHERE rowid = (SELECT `fts_rowid` FROM `tutor_messages_fts_rows` WHERE `message_id` = OLD.`id`);
	DELETE FROM `tutor_messages_fts_rows` WHERE `message_id` = OLD.`id`;
	INSERT INTO `tutor_messages_fts` (`message_id`, `profile_id`, `text`)
	SELECT NEW.`id`, NEW.`profile_id`, NEW.`text` WHERE NEW.`deleted_at` IS NULL;
	INSERT INTO `tutor_messages_fts_rows` (`message_id`, `fts_rowid`)
	SELECT NEW.`id`, last_insert_rowid() WHERE NEW.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `tutor_messages_fts_delete` AFTER DELETE ON `tutor_messages` BEGIN
	DELETE FROM `tutor_messages_fts` WHERE rowid = (SELECT `fts_rowid` FROM `tutor_messages_fts_rows` WHERE `message_id` = OLD.`id`);
	DELETE FROM `tutor_messages_fts_rows` WHERE `message_id` = OLD.`id`;
END;
