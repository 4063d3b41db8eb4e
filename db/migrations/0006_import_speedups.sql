-- Faster bulk note inserts (CSV and Anki imports, starter decks).
-- 1. The search index trigger on note inserts steps aside while a writer that indexes its notes in one statement
-- afterwards has said so on its own connection (parley_search_index_deferred(), see db/functions.ts).
DROP TRIGGER `notes_fts_insert`;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_insert` AFTER INSERT ON `notes` WHEN NEW.`deleted_at` IS NULL AND parley_search_index_deferred() = 0 BEGIN
	INSERT INTO `notes_fts` (`note_id`, `profile_id`, `term`, `translation`, `examples`, `tags`)
	VALUES (NEW.`id`, NEW.`profile_id`, NEW.`term`, NEW.`translation`,
		(SELECT group_concat(json_extract(value, '$.text') || ' ' || json_extract(value, '$.translation'), ' ') FROM json_each(NEW.`examples`)),
		NEW.`tags`);
	INSERT INTO `notes_fts_rows` (`note_id`, `fts_rowid`) VALUES (NEW.`id`, last_insert_rowid());
END;
--> statement-breakpoint
-- 2. One card per note and kind, whatever derived its id: card ids come from a cheaper hash from now on.
DROP INDEX `cards_note`;
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_note` ON `cards` (`note_id`, `kind`);
