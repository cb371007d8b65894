-- I7: audit rows carry an HMAC seal of their chain hash (server/lib/audit.ts); workers an HMAC of
-- their phone, unique (one worker per number; phone sign-in looks it up). Both filled by the server,
-- which holds the key: existing phones are hashed at start, first come first served.
ALTER TABLE `workers` ADD `phone_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `workers_phone_hash_uq` ON `workers` (`phone_hash`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `mac` text;