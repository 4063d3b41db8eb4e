CREATE TABLE `llm_settings` (
	`profile_id` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tutor_conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`title` text NOT NULL,
	`scenario_id` text,
	`goal_reached_at` integer,
	`summary` text DEFAULT '' NOT NULL,
	`summary_through` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`last_message_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tutor_conversations_profile_last` ON `tutor_conversations` (`profile_id`,`last_message_at`);--> statement-breakpoint
CREATE TABLE `tutor_corrections` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`message_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`position` integer NOT NULL,
	`original` text NOT NULL,
	`corrected` text NOT NULL,
	`explanation` text NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tutor_corrections_message` ON `tutor_corrections` (`message_id`);--> statement-breakpoint
CREATE INDEX `tutor_corrections_profile_time` ON `tutor_corrections` (`profile_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tutor_drill_results` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`note_id` text NOT NULL,
	`kind` text NOT NULL,
	`correct` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tutor_drill_results_profile_time` ON `tutor_drill_results` (`profile_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tutor_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`role` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`client_message_id` text,
	`analysis` text DEFAULT 'none' NOT NULL,
	`translation` text,
	`created_at` integer NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tutor_messages_conversation_time` ON `tutor_messages` (`conversation_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tutor_messages_profile_client` ON `tutor_messages` (`profile_id`,`client_message_id`);
