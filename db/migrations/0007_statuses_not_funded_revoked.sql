PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_applications` (
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
	CONSTRAINT "applications_status_ck" CHECK(status in ('draft','submitted','unit_approved','org_approved','waitlisted','approved','returned','rejected','withdrawn','process_paid','graduated','completed','dropped_out','lapsed','not_funded','revoked')),
	CONSTRAINT "applications_level_ck" CHECK(education_level is null or education_level in ('associate','bachelor'))
);
--> statement-breakpoint
INSERT INTO `__new_applications`("id", "round_id", "worker_id", "organization_id", "level2_id", "institution_id", "education_level", "major", "study_mode", "enrolled_on", "admission_no", "status", "current_step", "submitted_at", "decided_at", "graduated_on", "graduation_document_id", "graduation_verified_at", "dropped_out_on", "dropout_reason", "created_at", "updated_at") SELECT "id", "round_id", "worker_id", "organization_id", "level2_id", "institution_id", "education_level", "major", "study_mode", "enrolled_on", "admission_no", "status", "current_step", "submitted_at", "decided_at", "graduated_on", "graduation_document_id", "graduation_verified_at", "dropped_out_on", "dropout_reason", "created_at", "updated_at" FROM `applications`;--> statement-breakpoint
DROP TABLE `applications`;--> statement-breakpoint
ALTER TABLE `__new_applications` RENAME TO `applications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_r9e_uq` ON `applications` (`worker_id`,`education_level`) WHERE education_level is not null and status not in ('rejected','withdrawn','not_funded','revoked');--> statement-breakpoint
CREATE INDEX `applications_level2_status_submitted_idx` ON `applications` (`level2_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_org_status_submitted_idx` ON `applications` (`organization_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_status_submitted_idx` ON `applications` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_round_level2_status_idx` ON `applications` (`round_id`,`level2_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_level2_id_idx` ON `applications` (`level2_id`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_worker_idx` ON `applications` (`worker_id`,`level2_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_institution_idx` ON `applications` (`institution_id`,`status`);
--> statement-breakpoint
-- The rebuild of `applications` (a CHECK changes only by copying the table) dropped its triggers:
-- the same ones again (list counters, statistics cells).
CREATE TRIGGER application_counts_insert AFTER INSERT ON applications
BEGIN
  INSERT INTO application_counts (round_id, level2_id, status, current_step, n)
    SELECT new.round_id, new.level2_id, new.status, new.current_step, 0
    WHERE NOT EXISTS (SELECT 1 FROM application_counts c WHERE c.level2_id = new.level2_id AND c.round_id = new.round_id
      AND c.status = new.status AND c.current_step IS new.current_step);
  UPDATE application_counts SET n = n + 1 WHERE level2_id = new.level2_id AND round_id = new.round_id
    AND status = new.status AND current_step IS new.current_step;
END;
--> statement-breakpoint
CREATE TRIGGER application_counts_delete AFTER DELETE ON applications
BEGIN
  UPDATE application_counts SET n = n - 1 WHERE level2_id = old.level2_id AND round_id = old.round_id
    AND status = old.status AND current_step IS old.current_step;
END;
--> statement-breakpoint
CREATE TRIGGER application_counts_update AFTER UPDATE OF round_id, level2_id, status, current_step ON applications
  WHEN old.round_id IS NOT new.round_id OR old.level2_id IS NOT new.level2_id OR old.status IS NOT new.status
    OR old.current_step IS NOT new.current_step
BEGIN
  UPDATE application_counts SET n = n - 1 WHERE level2_id = old.level2_id AND round_id = old.round_id
    AND status = old.status AND current_step IS old.current_step;
  INSERT INTO application_counts (round_id, level2_id, status, current_step, n)
    SELECT new.round_id, new.level2_id, new.status, new.current_step, 0
    WHERE NOT EXISTS (SELECT 1 FROM application_counts c WHERE c.level2_id = new.level2_id AND c.round_id = new.round_id
      AND c.status = new.status AND c.current_step IS new.current_step);
  UPDATE application_counts SET n = n + 1 WHERE level2_id = new.level2_id AND round_id = new.round_id
    AND status = new.status AND current_step IS new.current_step;
END;
--> statement-breakpoint
CREATE TRIGGER stats_applications_insert AFTER INSERT ON applications
BEGIN
  INSERT INTO stats_cells (round_id, level2_id, organization_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT new.round_id, new.level2_id, new.organization_id, new.status, 1, 1 * (new.submitted_at IS NOT NULL),
      1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = new.id AND r.step = 1 AND r.decision = 'approve'),
      1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = new.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      1 * coalesce(w.is_migrant, 0), 1 * coalesce(w.is_hardship, 0), 1 * coalesce(w.is_key_industry, 0), 1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = new.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, organization_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_union_cells (round_id, level2_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT new.round_id, new.level2_id, new.status, 1, 1 * (new.submitted_at IS NOT NULL),
      1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = new.id AND r.step = 1 AND r.decision = 'approve'),
      1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = new.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      1 * coalesce(w.is_migrant, 0), 1 * coalesce(w.is_hardship, 0), 1 * coalesce(w.is_key_industry, 0), 1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = new.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_institution_cells (round_id, level2_id, institution_id, status, n)
    SELECT new.round_id, new.level2_id, coalesce(new.institution_id, 0), new.status, 1 WHERE true
    ON CONFLICT (round_id, level2_id, institution_id, status) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_applications_delete AFTER DELETE ON applications
BEGIN
  INSERT INTO stats_cells (round_id, level2_id, organization_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT old.round_id, old.level2_id, old.organization_id, old.status, -1, -1 * (old.submitted_at IS NOT NULL),
      -1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = old.id AND r.step = 1 AND r.decision = 'approve'),
      -1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = old.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      -1 * coalesce(w.is_migrant, 0), -1 * coalesce(w.is_hardship, 0), -1 * coalesce(w.is_key_industry, 0), -1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = old.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, organization_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_union_cells (round_id, level2_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT old.round_id, old.level2_id, old.status, -1, -1 * (old.submitted_at IS NOT NULL),
      -1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = old.id AND r.step = 1 AND r.decision = 'approve'),
      -1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = old.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      -1 * coalesce(w.is_migrant, 0), -1 * coalesce(w.is_hardship, 0), -1 * coalesce(w.is_key_industry, 0), -1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = old.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_institution_cells (round_id, level2_id, institution_id, status, n)
    SELECT old.round_id, old.level2_id, coalesce(old.institution_id, 0), old.status, -1 WHERE true
    ON CONFLICT (round_id, level2_id, institution_id, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT old.round_id, old.level2_id, p.stage, p.source, p.status, -1 * sum(p.amount_fen), -1 * count(*)
    FROM payments p WHERE p.application_id = old.id GROUP BY p.stage, p.source, p.status
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT old.round_id, old.level2_id, f.status, -1 * sum(f.amount_fen), -1 * count(*)
    FROM refunds f WHERE f.application_id = old.id GROUP BY f.status
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_turnaround (round_id, level2_id, step, tenths, n)
    SELECT old.round_id, old.level2_id, r.step, coalesce(cast(round((julianday(r.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
  old.submitted_at))) * 10) as integer), -999999999), -1 * count(*)
    FROM reviews r WHERE r.application_id = old.id GROUP BY 3, 4
    ON CONFLICT (round_id, level2_id, step, tenths) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_applications_update AFTER UPDATE OF round_id, level2_id, organization_id, status, submitted_at, worker_id, institution_id ON applications
  WHEN old.round_id IS NOT new.round_id OR old.level2_id IS NOT new.level2_id OR old.organization_id IS NOT new.organization_id OR old.status IS NOT new.status OR old.submitted_at IS NOT new.submitted_at OR old.worker_id IS NOT new.worker_id OR old.institution_id IS NOT new.institution_id
BEGIN
  INSERT INTO stats_cells (round_id, level2_id, organization_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT old.round_id, old.level2_id, old.organization_id, old.status, -1, -1 * (old.submitted_at IS NOT NULL),
      -1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = old.id AND r.step = 1 AND r.decision = 'approve'),
      -1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = old.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      -1 * coalesce(w.is_migrant, 0), -1 * coalesce(w.is_hardship, 0), -1 * coalesce(w.is_key_industry, 0), -1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = old.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, organization_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_union_cells (round_id, level2_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT old.round_id, old.level2_id, old.status, -1, -1 * (old.submitted_at IS NOT NULL),
      -1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = old.id AND r.step = 1 AND r.decision = 'approve'),
      -1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = old.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      -1 * coalesce(w.is_migrant, 0), -1 * coalesce(w.is_hardship, 0), -1 * coalesce(w.is_key_industry, 0), -1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = old.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_cells (round_id, level2_id, organization_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT new.round_id, new.level2_id, new.organization_id, new.status, 1, 1 * (new.submitted_at IS NOT NULL),
      1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = new.id AND r.step = 1 AND r.decision = 'approve'),
      1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = new.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      1 * coalesce(w.is_migrant, 0), 1 * coalesce(w.is_hardship, 0), 1 * coalesce(w.is_key_industry, 0), 1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = new.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, organization_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_union_cells (round_id, level2_id, status, n, submitted, unit_approved, process_paid, migrant, hardship, key_industry, frontline)
    SELECT new.round_id, new.level2_id, new.status, 1, 1 * (new.submitted_at IS NOT NULL),
      1 * EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = new.id AND r.step = 1 AND r.decision = 'approve'),
      1 * EXISTS (SELECT 1 FROM payments p WHERE p.application_id = new.id AND p.stage = 'process' AND p.source = 'city' AND p.status = 'paid'),
      1 * coalesce(w.is_migrant, 0), 1 * coalesce(w.is_hardship, 0), 1 * coalesce(w.is_key_industry, 0), 1 * coalesce(w.is_frontline, 0)
    FROM (SELECT 1) LEFT JOIN workers w ON w.id = new.worker_id WHERE true
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET n = n + excluded.n, submitted = submitted + excluded.submitted, unit_approved = unit_approved + excluded.unit_approved, process_paid = process_paid + excluded.process_paid, migrant = migrant + excluded.migrant, hardship = hardship + excluded.hardship, key_industry = key_industry + excluded.key_industry, frontline = frontline + excluded.frontline;
  INSERT INTO stats_institution_cells (round_id, level2_id, institution_id, status, n)
    SELECT old.round_id, old.level2_id, coalesce(old.institution_id, 0), old.status, -1 WHERE true
    ON CONFLICT (round_id, level2_id, institution_id, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_institution_cells (round_id, level2_id, institution_id, status, n)
    SELECT new.round_id, new.level2_id, coalesce(new.institution_id, 0), new.status, 1 WHERE true
    ON CONFLICT (round_id, level2_id, institution_id, status) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_applications_move AFTER UPDATE OF round_id, level2_id, submitted_at ON applications
  WHEN old.round_id IS NOT new.round_id OR old.level2_id IS NOT new.level2_id OR old.submitted_at IS NOT new.submitted_at
BEGIN
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT old.round_id, old.level2_id, p.stage, p.source, p.status, -1 * sum(p.amount_fen), -1 * count(*)
    FROM payments p WHERE p.application_id = old.id GROUP BY p.stage, p.source, p.status
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT new.round_id, new.level2_id, p.stage, p.source, p.status, 1 * sum(p.amount_fen), 1 * count(*)
    FROM payments p WHERE p.application_id = new.id GROUP BY p.stage, p.source, p.status
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT old.round_id, old.level2_id, f.status, -1 * sum(f.amount_fen), -1 * count(*)
    FROM refunds f WHERE f.application_id = old.id GROUP BY f.status
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT new.round_id, new.level2_id, f.status, 1 * sum(f.amount_fen), 1 * count(*)
    FROM refunds f WHERE f.application_id = new.id GROUP BY f.status
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_turnaround (round_id, level2_id, step, tenths, n)
    SELECT old.round_id, old.level2_id, r.step, coalesce(cast(round((julianday(r.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
  old.submitted_at))) * 10) as integer), -999999999), -1 * count(*)
    FROM reviews r WHERE r.application_id = old.id GROUP BY 3, 4
    ON CONFLICT (round_id, level2_id, step, tenths) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stats_turnaround (round_id, level2_id, step, tenths, n)
    SELECT new.round_id, new.level2_id, r.step, coalesce(cast(round((julianday(r.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
  new.submitted_at))) * 10) as integer), -999999999), 1 * count(*)
    FROM reviews r WHERE r.application_id = new.id GROUP BY 3, 4
    ON CONFLICT (round_id, level2_id, step, tenths) DO UPDATE SET n = n + excluded.n;
END;
