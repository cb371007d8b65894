CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`reduction_policy` text DEFAULT '' NOT NULL,
	`contact` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_name_unique` ON `institutions` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_code_unique` ON `institutions` (`code`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` integer NOT NULL,
	`parent_id` integer,
	`path` text DEFAULT '' NOT NULL,
	`level2_id` integer,
	`code` text NOT NULL,
	`unit_name` text,
	`dues_paid` integer DEFAULT true NOT NULL,
	`contact_phone` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "organizations_kind_ck" CHECK(kind in ('city','district','dev_zone','industry','federation','grassroots','direct')),
	CONSTRAINT "organizations_level_ck" CHECK(level between 1 and 3)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_code_unique` ON `organizations` (`code`);--> statement-breakpoint
CREATE INDEX `organizations_parent_idx` ON `organizations` (`parent_id`);--> statement-breakpoint
CREATE INDEX `organizations_path_idx` ON `organizations` (`path`);--> statement-breakpoint
CREATE INDEX `organizations_level2_idx` ON `organizations` (`level2_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organization_id` integer,
	`institution_id` integer,
	`worker_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_login_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_ck" CHECK(role in ('city_admin','org_admin','unit_admin','agent','institution','worker')),
	CONSTRAINT "users_role_scope_ck" CHECK((role in ('city_admin','org_admin','unit_admin','agent') and organization_id is not null)
    or (role = 'institution' and institution_id is not null) or (role = 'worker' and worker_id is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_org_idx` ON `users` (`organization_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_worker_uq` ON `users` (`worker_id`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`id_number_enc` text NOT NULL,
	`id_number_hash` text NOT NULL,
	`id_number_masked` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`phone` text NOT NULL,
	`organization_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`job_title` text DEFAULT '' NOT NULL,
	`is_union_member` integer DEFAULT true NOT NULL,
	`is_frontline` integer DEFAULT true NOT NULL,
	`is_migrant` integer DEFAULT false NOT NULL,
	`is_hardship` integer DEFAULT false NOT NULL,
	`is_key_industry` integer DEFAULT false NOT NULL,
	`bank_name` text,
	`bank_card_enc` text,
	`bank_card_hash` text,
	`bank_card_masked` text,
	`benefit_card_enc` text,
	`benefit_card_hash` text,
	`benefit_card_masked` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level2_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_id_number_hash_uq` ON `workers` (`id_number_hash`);--> statement-breakpoint
CREATE INDEX `workers_org_idx` ON `workers` (`organization_id`);--> statement-breakpoint
CREATE INDEX `workers_level2_idx` ON `workers` (`level2_id`);--> statement-breakpoint
CREATE INDEX `workers_name_idx` ON `workers` (`name`);--> statement-breakpoint
CREATE INDEX `workers_phone_idx` ON `workers` (`phone`);--> statement-breakpoint
CREATE TABLE `agency_agreements` (
	`id` integer PRIMARY KEY NOT NULL,
	`organization_id` integer NOT NULL,
	`agent_organization_id` integer NOT NULL,
	`agreement_no` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`stages` text DEFAULT 'process,result' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agency_dates_ck" CHECK(starts_on <= ends_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_agreements_agreement_no_unique` ON `agency_agreements` (`agreement_no`);--> statement-breakpoint
CREATE INDEX `agency_org_idx` ON `agency_agreements` (`organization_id`);--> statement-breakpoint
CREATE TABLE `matching_policies` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`mode` text NOT NULL,
	`process_amount_fen` integer DEFAULT 0 NOT NULL,
	`result_amount_fen` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matching_mode_ck" CHECK(mode in ('two_stage','process_only','result_only')),
	CONSTRAINT "matching_money_ck" CHECK(process_amount_fen >= 0 and result_amount_fen >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matching_round_org_uq` ON `matching_policies` (`round_id`,`organization_id`);--> statement-breakpoint
CREATE TABLE `quota_adjustments` (
	`id` integer PRIMARY KEY NOT NULL,
	`quota_id` integer NOT NULL,
	`delta` integer NOT NULL,
	`places_before` integer NOT NULL,
	`places_after` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`quota_id`) REFERENCES `quotas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quota_adjustments_quota_idx` ON `quota_adjustments` (`quota_id`);--> statement-breakpoint
CREATE TABLE `quotas` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`places` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotas_places_ck" CHECK(places >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotas_round_org_uq` ON `quotas` (`round_id`,`organization_id`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`intake_term` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`process_amount_fen` integer NOT NULL,
	`result_amount_fen` integer NOT NULL,
	`planned_places` integer NOT NULL,
	`graduation_deadline` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "rounds_money_ck" CHECK(process_amount_fen >= 0 and result_amount_fen >= 0 and planned_places >= 0),
	CONSTRAINT "rounds_window_ck" CHECK(opens_on <= closes_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_intake_term_unique` ON `rounds` (`intake_term`);--> statement-breakpoint
CREATE TABLE `appeals` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`subject` text NOT NULL,
	`organization_id` integer NOT NULL,
	`review_step` integer,
	`content` text NOT NULL,
	`response` text,
	`status` text DEFAULT 'open' NOT NULL,
	`due_on` text NOT NULL,
	`responded_at` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "appeals_subject_ck" CHECK(subject in ('review','payment')),
	CONSTRAINT "appeals_status_ck" CHECK(status in ('open','answered','upheld','closed'))
);
--> statement-breakpoint
CREATE INDEX `appeals_application_idx` ON `appeals` (`application_id`);--> statement-breakpoint
CREATE INDEX `appeals_org_status_idx` ON `appeals` (`organization_id`,`status`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`level2_id` integer NOT NULL,
	`institution_id` integer,
	`education_level` text,
	`major` text,
	`study_mode` text,
	`enrolled_on` text,
	`admission_no` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`current_step` integer,
	`submitted_at` text,
	`decided_at` text,
	`graduated_on` text,
	`graduation_document_id` integer,
	`graduation_verified_at` text,
	`dropped_out_on` text,
	`dropout_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level2_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_status_ck" CHECK(status in ('draft','submitted','unit_approved','org_approved','waitlisted','approved','returned','rejected','withdrawn','process_paid','graduated','completed','dropped_out','lapsed')),
	CONSTRAINT "applications_level_ck" CHECK(education_level is null or education_level in ('associate','bachelor'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_r9e_uq` ON `applications` (`worker_id`,`education_level`) WHERE education_level is not null and status not in ('rejected','withdrawn');--> statement-breakpoint
CREATE INDEX `applications_level2_status_submitted_idx` ON `applications` (`level2_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_org_status_submitted_idx` ON `applications` (`organization_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_status_submitted_idx` ON `applications` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_round_level2_status_idx` ON `applications` (`round_id`,`level2_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_worker_idx` ON `applications` (`worker_id`);--> statement-breakpoint
CREATE INDEX `applications_institution_idx` ON `applications` (`institution_id`,`status`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "documents_kind_ck" CHECK(kind in ('application_form','id_card','admission_notice','tuition_receipt','enrollment_report','graduation_record','withdrawal_proof')),
	CONSTRAINT "documents_mime_ck" CHECK(mime_type in ('application/pdf','image/jpeg','image/png')),
	CONSTRAINT "documents_size_ck" CHECK(size > 0 and size <= 10485760)
);
--> statement-breakpoint
CREATE INDEX `documents_application_idx` ON `documents` (`application_id`,`kind`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`step` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`user_id` integer,
	`decision` text NOT NULL,
	`result_status` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_step_ck" CHECK(step in (1,2,3)),
	CONSTRAINT "reviews_decision_ck" CHECK(decision in ('approve','reject','return'))
);
--> statement-breakpoint
CREATE INDEX `reviews_application_idx` ON `reviews` (`application_id`);--> statement-breakpoint
CREATE INDEX `reviews_org_created_idx` ON `reviews` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `allocation_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`allocation_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`stage` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`allocation_id`) REFERENCES `allocations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocation_items_money_ck" CHECK(amount_fen >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_items_app_stage_uq` ON `allocation_items` (`application_id`,`stage`);--> statement-breakpoint
CREATE INDEX `allocation_items_allocation_idx` ON `allocation_items` (`allocation_id`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`stage` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`application_count` integer NOT NULL,
	`status` text DEFAULT 'created' NOT NULL,
	`created_by` integer,
	`transferred_at` text,
	`received_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_stage_ck" CHECK(stage in ('process','result')),
	CONSTRAINT "allocations_status_ck" CHECK(status in ('created','transferred','received')),
	CONSTRAINT "allocations_money_ck" CHECK(amount_fen >= 0 and application_count >= 0)
);
--> statement-breakpoint
CREATE INDEX `allocations_round_org_idx` ON `allocations` (`round_id`,`organization_id`,`stage`);--> statement-breakpoint
CREATE TABLE `fund_return_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`fund_return_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`payment_id` integer,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`fund_return_id`) REFERENCES `fund_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fund_return_items_return_idx` ON `fund_return_items` (`fund_return_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `fund_return_items_payment_uq` ON `fund_return_items` (`payment_id`);--> statement-breakpoint
CREATE TABLE `fund_returns` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`stage` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`report` text NOT NULL,
	`status` text DEFAULT 'filed' NOT NULL,
	`confirmed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_returns_status_ck" CHECK(status in ('filed','confirmed')),
	CONSTRAINT "fund_returns_money_ck" CHECK(amount_fen > 0)
);
--> statement-breakpoint
CREATE INDEX `fund_returns_org_idx` ON `fund_returns` (`organization_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`allocation_id` integer,
	`organization_id` integer NOT NULL,
	`stage` text NOT NULL,
	`source` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`channel` text NOT NULL,
	`payer_organization_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reference` text,
	`failure_reason` text,
	`reissue_of` integer,
	`paid_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`allocation_id`) REFERENCES `allocations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payer_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_stage_ck" CHECK(stage in ('process','result')),
	CONSTRAINT "payments_source_ck" CHECK(source in ('city','matching')),
	CONSTRAINT "payments_channel_ck" CHECK(channel in ('direct','agency')),
	CONSTRAINT "payments_status_ck" CHECK(status in ('pending','paid','failed','cancelled')),
	CONSTRAINT "payments_money_ck" CHECK(amount_fen > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_live_uq` ON `payments` (`application_id`,`stage`,`source`) WHERE status in ('pending','paid');--> statement-breakpoint
CREATE INDEX `payments_org_status_idx` ON `payments` (`organization_id`,`status`);--> statement-breakpoint
CREATE INDEX `payments_payer_status_idx` ON `payments` (`payer_organization_id`,`status`);--> statement-breakpoint
CREATE INDEX `payments_allocation_idx` ON `payments` (`allocation_id`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY NOT NULL,
	`application_id` integer NOT NULL,
	`payment_id` integer NOT NULL,
	`institution_id` integer,
	`amount_fen` integer NOT NULL,
	`status` text DEFAULT 'expected' NOT NULL,
	`reference` text,
	`received_at` text,
	`confirmed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "refunds_status_ck" CHECK(status in ('expected','received','confirmed')),
	CONSTRAINT "refunds_money_ck" CHECK(amount_fen > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_payment_uq` ON `refunds` (`payment_id`);--> statement-breakpoint
CREATE INDEX `refunds_status_idx` ON `refunds` (`status`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`role` text,
	`organization_id` integer,
	`action` text NOT NULL,
	`resource` text NOT NULL,
	`record_id` integer,
	`before` text,
	`after` text,
	`ip` text,
	`request_id` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_resource_record_idx` ON `audit_log` (`resource`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_org_idx` ON `audit_log` (`organization_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`route` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` text NOT NULL
);
