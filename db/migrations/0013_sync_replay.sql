CREATE TABLE `sync_replay` (
	`card_id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
