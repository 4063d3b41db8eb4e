-- Full-text search over notes for the browser: accent-insensitive (remove_diacritics 2), prefix-indexed.
-- A contentful table keyed by note id (not rowid, which VACUUM may renumber), kept current by triggers.
CREATE VIRTUAL TABLE `notes_fts` USING fts5(
	`note_id` UNINDEXED,
	`profile_id` UNINDEXED,
	`term`,
	`translation`,
	`examples`,
	`tags`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `notes_fts_insert` AFTER INSERT ON `notes` WHEN NEW.`deleted_at` IS NULL BEGIN
	INSERT INTO `notes_fts` (`note_id`, `profile_id`, `term`, `translation`, `examples`, `tags`)
	VALUES (NEW.`id`, NEW.`profile_id`, NEW.`term`, NEW.`translation`,
		(SELECT group_concat(json_extract(value, '$.text') || ' ' || json_extract(value, '$.translation'), ' ') FROM json_each(NEW.`examples`)),
		NEW.`tags`);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_update` AFTER UPDATE OF `term`, `translation`, `examples`, `tags`, `deleted_at` ON `notes` BEGIN
	DELETE FROM `notes_fts` WHERE `note_id` = OLD.`id`;
	INSERT INTO `notes_fts` (`note_id`, `profile_id`, `term`, `translation`, `examples`, `tags`)
	SELECT NEW.`id`, NEW.`profile_id`, NEW.`term`, NEW.`translation`,
		(SELECT group_concat(json_extract(value, '$.text') || ' ' || json_extract(value, '$.translation'), ' ') FROM json_each(NEW.`examples`)),
		NEW.`tags`
	WHERE NEW.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_delete` AFTER DELETE ON `notes` BEGIN
	DELETE FROM `notes_fts` WHERE `note_id` = OLD.`id`;
END;
