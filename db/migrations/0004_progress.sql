CREATE TABLE `achievements` (
	`profile_id` text NOT NULL,
	`key` text NOT NULL,
	`unlocked_at` integer NOT NULL,
	`announced_at` integer,
	PRIMARY KEY(`profile_id`, `key`),
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_buckets` (
	`profile_id` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`reviews` integer DEFAULT 0 NOT NULL,
	`again` integer DEFAULT 0 NOT NULL,
	`hard` integer DEFAULT 0 NOT NULL,
	`good` integer DEFAULT 0 NOT NULL,
	`easy` integer DEFAULT 0 NOT NULL,
	`introduced` integer DEFAULT 0 NOT NULL,
	`review_passed` integer DEFAULT 0 NOT NULL,
	`review_failed` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`profile_id`, `bucket_start`),
	FOREIGN KEY (`profile_id`) REFERENCES `profiles`(`id`) ON UPDATE no action ON DELETE cascade
);
