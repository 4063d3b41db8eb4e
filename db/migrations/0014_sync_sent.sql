CREATE TABLE `sync_sent` (
	`message_id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
