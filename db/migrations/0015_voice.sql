CREATE TABLE `voice_settings` (
	`profile_id` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `voice_turns` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`learner_message_id` text,
	`reply_message_id` text,
	`transcript` text NOT NULL,
	`fluency` text,
	`timeline` text NOT NULL,
	`audio_kept` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `voice_turns_conversation_time` ON `voice_turns` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `voice_turns_profile_time` ON `voice_turns` (`profile_id`,`created_at`);