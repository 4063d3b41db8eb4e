CREATE TABLE `sync_field_clocks` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`clocks` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`),
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_field_clocks_profile` ON `sync_field_clocks` (`profile_id`);--> statement-breakpoint
CREATE TABLE `sync_outgoing` (
	`message_id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`from_seq` integer NOT NULL,
	`to_seq` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_outgoing_profile` ON `sync_outgoing` (`profile_id`,`to_seq`);--> statement-breakpoint
CREATE TABLE `sync_parked` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` text NOT NULL,
	`message_id` text NOT NULL,
	`change` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_parked_profile` ON `sync_parked` (`profile_id`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`profile_id` text PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`username` text NOT NULL,
	`account_id` text NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`last_synced_at` integer,
	`last_error` text,
	`remove_on_sign_out` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
