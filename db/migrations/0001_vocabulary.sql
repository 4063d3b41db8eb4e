CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`note_id` text NOT NULL,
	`deck_id` text NOT NULL,
	`kind` text NOT NULL,
	`state` integer NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`last_review` integer,
	`suspended` integer DEFAULT false NOT NULL,
	`buried_until` integer,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cards_queue` ON `cards` (`profile_id`,`state`,`due`);--> statement-breakpoint
CREATE INDEX `cards_note` ON `cards` (`note_id`);--> statement-breakpoint
CREATE INDEX `cards_deck` ON `cards` (`profile_id`,`deck_id`);--> statement-breakpoint
CREATE TABLE `deck_presets` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`name` text NOT NULL,
	`desired_retention` real NOT NULL,
	`new_per_day` integer NOT NULL,
	`reviews_per_day` integer NOT NULL,
	`learning_steps` text NOT NULL,
	`relearning_steps` text NOT NULL,
	`maximum_interval` integer NOT NULL,
	`fuzz` integer NOT NULL,
	`day_start_hour` integer NOT NULL,
	`leech_threshold` integer NOT NULL,
	`leech_suspend` integer NOT NULL,
	`fsrs_weights` text,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `decks` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`native_language` text NOT NULL,
	`target_language` text NOT NULL,
	`preset_id` text NOT NULL,
	`origin` text,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decks_profile` ON `decks` (`profile_id`,`parent_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`deck_id` text NOT NULL,
	`term` text NOT NULL,
	`translation` text NOT NULL,
	`examples` text NOT NULL,
	`part_of_speech` text,
	`gender` text,
	`ipa` text,
	`tags` text DEFAULT '' NOT NULL,
	`audio` text NOT NULL,
	`images` text NOT NULL,
	`source` text NOT NULL,
	`guid` text,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notes_profile_deck` ON `notes` (`profile_id`,`deck_id`);--> statement-breakpoint
CREATE INDEX `notes_profile_term` ON `notes` (`profile_id`,`term`);--> statement-breakpoint
CREATE INDEX `notes_profile_guid` ON `notes` (`profile_id`,`guid`);--> statement-breakpoint
CREATE TABLE `review_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`card_id` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	`rating` integer NOT NULL,
	`state_before` integer NOT NULL,
	`state_after` integer NOT NULL,
	`due_after` integer NOT NULL,
	`stability_after` real NOT NULL,
	`difficulty_after` real NOT NULL,
	`elapsed_days` real NOT NULL,
	`scheduled_days` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`device_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_logs_card` ON `review_logs` (`card_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `review_logs_profile_time` ON `review_logs` (`profile_id`,`reviewed_at`);--> statement-breakpoint
ALTER TABLE `changes` ADD `sent_at` integer;--> statement-breakpoint
CREATE INDEX `changes_row` ON `changes` (`table_name`,`row_id`);