ALTER TABLE `organizations` ADD `roster_at` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `roster_by` integer;--> statement-breakpoint
ALTER TABLE `workers` ADD `on_roster` integer;--> statement-breakpoint
ALTER TABLE `workers` ADD `member_since` text;--> statement-breakpoint
ALTER TABLE `workers` ADD `member_dues_paid` integer;--> statement-breakpoint
ALTER TABLE `workers` ADD `claim_code_hash` text;--> statement-breakpoint
ALTER TABLE `workers` ADD `claim_code_expires_at` text;--> statement-breakpoint
ALTER TABLE `quotas` ADD `proposed_places` integer;