PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_matching_policies` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`mode` text NOT NULL,
	`process_amount_fen` integer DEFAULT 0 NOT NULL,
	`result_amount_fen` integer DEFAULT 0 NOT NULL,
	`extra_places` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "matching_mode_ck" CHECK(mode in ('two_stage','process_only','result_only')),
	CONSTRAINT "matching_money_ck" CHECK(process_amount_fen >= 0 and result_amount_fen >= 0),
	CONSTRAINT "matching_extra_places_ck" CHECK(extra_places >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_matching_policies`("id", "round_id", "organization_id", "mode", "process_amount_fen", "result_amount_fen", "extra_places", "note", "created_at") SELECT "id", "round_id", "organization_id", "mode", "process_amount_fen", "result_amount_fen", 0, "note", "created_at" FROM `matching_policies`;--> statement-breakpoint
DROP TABLE `matching_policies`;--> statement-breakpoint
ALTER TABLE `__new_matching_policies` RENAME TO `matching_policies`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `matching_round_org_uq` ON `matching_policies` (`round_id`,`organization_id`);