CREATE TABLE `notification_settings` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`sms_opt_out` integer DEFAULT false NOT NULL,
	`phone` text,
	`updated_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notification_templates` (
	`code` text PRIMARY KEY NOT NULL,
	`zh` text NOT NULL,
	`en` text NOT NULL,
	`sms` integer DEFAULT false NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`updated_at` text,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`template` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`application_id` integer,
	`dedupe_key` text,
	`read_at` text,
	`sms_state` text DEFAULT 'none' NOT NULL,
	`sms_tries` integer DEFAULT 0 NOT NULL,
	`sms_next_at` text,
	`sms_error` text,
	`sms_sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_sms_state_ck" CHECK(sms_state in ('none','pending','sent','skipped','dead'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`) WHERE read_at is null;--> statement-breakpoint
CREATE INDEX `notifications_sms_due_idx` ON `notifications` (`sms_next_at`) WHERE sms_state = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`user_id`,`dedupe_key`) WHERE dedupe_key is not null;