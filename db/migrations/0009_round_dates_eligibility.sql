CREATE TABLE `plan_adjustments` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`delta` integer NOT NULL,
	`places_before` integer NOT NULL,
	`places_after` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_adjustments_round_idx` ON `plan_adjustments` (`round_id`);--> statement-breakpoint
CREATE TABLE `study_checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`term` text NOT NULL,
	`state` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "study_checks_state_ck" CHECK(state in ('studying','suspended','warning','withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `study_checks_app_term_uq` ON `study_checks` (`application_id`,`term`);--> statement-breakpoint
ALTER TABLE `institutions` ADD `levels` text DEFAULT 'associate,bachelor' NOT NULL;--> statement-breakpoint
ALTER TABLE `workers` ADD `attested_by` integer;--> statement-breakpoint
ALTER TABLE `workers` ADD `attested_at` text;--> statement-breakpoint
ALTER TABLE `workers` ADD `attestation_comment` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_rounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`intake_term` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`process_amount_fen` integer NOT NULL,
	`result_amount_fen` integer NOT NULL,
	`planned_places` integer NOT NULL,
	`intake_from` text NOT NULL,
	`intake_to` text NOT NULL,
	`process_pay_by` text NOT NULL,
	`waitlist_closes_on` text NOT NULL,
	`min_study_months` integer DEFAULT 30 NOT NULL,
	`graduation_deadline` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "rounds_money_ck" CHECK(process_amount_fen >= 0 and result_amount_fen >= 0 and planned_places >= 0),
	CONSTRAINT "rounds_window_ck" CHECK(opens_on <= closes_on),
	CONSTRAINT "rounds_dates_ck" CHECK(intake_from <= intake_to and process_pay_by >= closes_on and waitlist_closes_on <= process_pay_by and min_study_months between 1 and 72)
);
--> statement-breakpoint
INSERT INTO `__new_rounds`("id", "name", "intake_term", "opens_on", "closes_on", "process_amount_fen", "result_amount_fen", "planned_places", "intake_from", "intake_to", "process_pay_by", "waitlist_closes_on", "min_study_months", "graduation_deadline", "created_at") SELECT "id", "name", "intake_term", "opens_on", "closes_on", "process_amount_fen", "result_amount_fen", "planned_places",
  -- Rounds made before the intake had dates: the intake is the term of `intake_term` (YYYY-spring:
  -- February to July, otherwise August to December), the other dates the defaults, kept inside the CHECK.
  "intake_from", "intake_to", max(date("intake_from", '+12 months'), "closes_on"), max(date("intake_from", '+12 months'), "closes_on"), 30, "graduation_deadline", "created_at"
  FROM (SELECT *, CASE WHEN "intake_term" LIKE '%-spring' THEN substr("intake_term", 1, 4) || '-02-01' ELSE substr("intake_term", 1, 4) || '-08-01' END AS "intake_from",
    CASE WHEN "intake_term" LIKE '%-spring' THEN substr("intake_term", 1, 4) || '-07-31' ELSE substr("intake_term", 1, 4) || '-12-31' END AS "intake_to" FROM `rounds`);--> statement-breakpoint
DROP TABLE `rounds`;--> statement-breakpoint
ALTER TABLE `__new_rounds` RENAME TO `rounds`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_intake_term_unique` ON `rounds` (`intake_term`);--> statement-breakpoint
ALTER TABLE `applications` ADD `enrollment_verified_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `enrollment_verified_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `applications` ADD `late_process_approved_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `late_process_reason` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `funded_by` text DEFAULT 'city' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `revoked_reason` text;--> statement-breakpoint
-- An enrollment report uploaded before reports were accepted one by one is taken as accepted on upload.
UPDATE `applications` SET `enrollment_verified_at` = (SELECT min(d.created_at) FROM documents d WHERE d.application_id = applications.id AND d.kind = 'enrollment_report')
  WHERE EXISTS (SELECT 1 FROM documents d WHERE d.application_id = applications.id AND d.kind = 'enrollment_report');--> statement-breakpoint
-- Flags recorded before attestations were kept: taken as attested when the worker was registered.
UPDATE `workers` SET `attested_at` = `created_at` WHERE `is_union_member` = 1 AND `is_frontline` = 1;
