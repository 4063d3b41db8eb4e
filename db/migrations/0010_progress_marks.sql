CREATE TABLE `progress_marks` (
	`profile_id` text PRIMARY KEY NOT NULL,
	`old_before` integer NOT NULL,
	`old_edits` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
