CREATE TABLE `stats_cells` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`submitted` integer DEFAULT 0 NOT NULL,
	`unit_approved` integer DEFAULT 0 NOT NULL,
	`process_paid` integer DEFAULT 0 NOT NULL,
	`migrant` integer DEFAULT 0 NOT NULL,
	`hardship` integer DEFAULT 0 NOT NULL,
	`key_industry` integer DEFAULT 0 NOT NULL,
	`frontline` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `organization_id`, `status`)
);
--> statement-breakpoint
CREATE INDEX `stats_cells_level2_idx` ON `stats_cells` (`level2_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `stats_institution_cells` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `institution_id`, `status`)
);
--> statement-breakpoint
CREATE INDEX `stats_institution_cells_level2_idx` ON `stats_institution_cells` (`level2_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `stats_payments` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`stage` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`fen` integer DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `stage`, `source`, `status`)
);
--> statement-breakpoint
CREATE INDEX `stats_payments_level2_idx` ON `stats_payments` (`level2_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `stats_refunds` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`status` text NOT NULL,
	`fen` integer DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `status`)
);
--> statement-breakpoint
CREATE INDEX `stats_refunds_level2_idx` ON `stats_refunds` (`level2_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `stats_turnaround` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`step` integer NOT NULL,
	`tenths` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `step`, `tenths`)
);
--> statement-breakpoint
CREATE INDEX `stats_turnaround_level2_idx` ON `stats_turnaround` (`level2_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `stats_turnaround_round_idx` ON `stats_turnaround` (`round_id`,`step`,`tenths`,`n`);--> statement-breakpoint
CREATE TABLE `stats_union_cells` (
	`round_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`submitted` integer DEFAULT 0 NOT NULL,
	`unit_approved` integer DEFAULT 0 NOT NULL,
	`process_paid` integer DEFAULT 0 NOT NULL,
	`migrant` integer DEFAULT 0 NOT NULL,
	`hardship` integer DEFAULT 0 NOT NULL,
	`key_industry` integer DEFAULT 0 NOT NULL,
	`frontline` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `level2_id`, `status`)
);
--> statement-breakpoint
DROP INDEX `applications_worker_idx`;--> statement-breakpoint
CREATE INDEX `applications_worker_idx` ON `applications` (`worker_id`,`level2_id`,`status`);--> statement-breakpoint
CREATE INDEX `appeals_status_due_idx` ON `appeals` (`status`,`due_on`);