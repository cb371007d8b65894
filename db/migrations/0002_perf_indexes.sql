CREATE TABLE `application_counts` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`status` text NOT NULL,
	`current_step` integer,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `application_counts_key_idx` ON `application_counts` (`level2_id`,`round_id`,`status`,`current_step`);--> statement-breakpoint
DROP INDEX `applications_round_level2_status_idx`;--> statement-breakpoint
CREATE INDEX `applications_level2_id_idx` ON `applications` (`level2_id`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_round_level2_status_idx` ON `applications` (`round_id`,`level2_id`,`status`,`submitted_at`);--> statement-breakpoint
DROP INDEX `reviews_application_idx`;--> statement-breakpoint
CREATE INDEX `reviews_application_idx` ON `reviews` (`application_id`,`step`,`decision`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_application_idx` ON `payments` (`application_id`,`stage`,`source`,`status`);