-- issue 8: the statistics cells (db/schema/stats.ts) stay exact in the transaction of every change;
-- db/stats.ts holds the same figures computed from the rows (scale seed, GET /api/integrity).
-- Generated from db/stats.ts's expressions; the backfill below is its rebuild.
INSERT INTO stats_cells select a.round_id, a.level2_id, a.organization_id, a.status, count(*), sum(a.submitted_at is not null),
  sum(exists (select 1 from reviews r where r.application_id = a.id and r.step = 1 and r.decision = 'approve')), sum(exists (select 1 from payments p where p.application_id = a.id and p.stage = 'process' and p.source = 'city' and p.status = 'paid')),
  sum(coalesce(w.is_migrant, 0)), sum(coalesce(w.is_hardship, 0)), sum(coalesce(w.is_key_industry, 0)), sum(coalesce(w.is_frontline, 0))
  from applications a left join workers w on w.id = a.worker_id group by 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO stats_union_cells select a.round_id, a.level2_id, a.status, count(*), sum(a.submitted_at is not null),
  sum(exists (select 1 from reviews r where r.application_id = a.id and r.step = 1 and r.decision = 'approve')), sum(exists (select 1 from payments p where p.application_id = a.id and p.stage = 'process' and p.source = 'city' and p.status = 'paid')),
  sum(coalesce(w.is_migrant, 0)), sum(coalesce(w.is_hardship, 0)), sum(coalesce(w.is_key_industry, 0)), sum(coalesce(w.is_frontline, 0))
  from applications a left join workers w on w.id = a.worker_id group by 1, 2, 3;
--> statement-breakpoint
INSERT INTO stats_institution_cells select round_id, level2_id, coalesce(institution_id, 0), status, count(*) from applications group by 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO stats_turnaround select a.round_id, a.level2_id, r.step, coalesce(cast(round((julianday(r.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
  a.submitted_at))) * 10) as integer), -999999999), count(*)
  from reviews r join applications a on a.id = r.application_id group by 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO stats_payments select a.round_id, a.level2_id, p.stage, p.source, p.status, sum(p.amount_fen), count(*)
  from payments p join applications a on a.id = p.application_id group by 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO stats_refunds select a.round_id, a.level2_id, f.status, sum(f.amount_fen), count(*)
  from refunds f join applications a on a.id = f.application_id group by 1, 2, 3;
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
--> statement-breakpoint
CREATE TRIGGER stats_reviews_insert AFTER INSERT ON reviews
BEGIN
  UPDATE stats_cells SET unit_approved = unit_approved + 1
    WHERE new.step = 1 AND new.decision = 'approve' AND (SELECT count(*) FROM reviews WHERE application_id = new.application_id AND step = 1 AND decision = 'approve') = 1 AND (round_id, level2_id, organization_id, status) = (SELECT round_id, level2_id, organization_id, status FROM applications WHERE id = new.application_id);
  UPDATE stats_union_cells SET unit_approved = unit_approved + 1
    WHERE new.step = 1 AND new.decision = 'approve' AND (SELECT count(*) FROM reviews WHERE application_id = new.application_id AND step = 1 AND decision = 'approve') = 1 AND (round_id, level2_id, status) = (SELECT round_id, level2_id, status FROM applications WHERE id = new.application_id);
  INSERT INTO stats_turnaround (round_id, level2_id, step, tenths, n)
    SELECT a.round_id, a.level2_id, new.step, coalesce(cast(round((julianday(new.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = new.application_id and r2.step < new.step and r2.created_at <= new.created_at),
  a.submitted_at))) * 10) as integer), -999999999), 1
    FROM applications a WHERE a.id = new.application_id
    ON CONFLICT (round_id, level2_id, step, tenths) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- A review is the record of a decision: kept as it was (and the turnaround cells stay exact).
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_insert AFTER INSERT ON payments
BEGIN
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT a.round_id, a.level2_id, new.stage, new.source, new.status, 1 * new.amount_fen, 1 FROM applications a WHERE a.id = new.application_id
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  UPDATE stats_cells SET process_paid = process_paid + 1
    WHERE (new.stage = 'process' AND new.source = 'city' AND new.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = new.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 1 AND (round_id, level2_id, organization_id, status) = (SELECT round_id, level2_id, organization_id, status FROM applications WHERE id = new.application_id);
  UPDATE stats_union_cells SET process_paid = process_paid + 1
    WHERE (new.stage = 'process' AND new.source = 'city' AND new.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = new.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 1 AND (round_id, level2_id, status) = (SELECT round_id, level2_id, status FROM applications WHERE id = new.application_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_delete AFTER DELETE ON payments
BEGIN
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT a.round_id, a.level2_id, old.stage, old.source, old.status, -1 * old.amount_fen, -1 FROM applications a WHERE a.id = old.application_id
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  UPDATE stats_cells SET process_paid = process_paid - 1
    WHERE (old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = old.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 0 AND (round_id, level2_id, organization_id, status) = (SELECT round_id, level2_id, organization_id, status FROM applications WHERE id = old.application_id);
  UPDATE stats_union_cells SET process_paid = process_paid - 1
    WHERE (old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = old.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 0 AND (round_id, level2_id, status) = (SELECT round_id, level2_id, status FROM applications WHERE id = old.application_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_payments_update AFTER UPDATE OF application_id, stage, source, status, amount_fen ON payments
  WHEN old.application_id IS NOT new.application_id OR old.stage IS NOT new.stage OR old.source IS NOT new.source OR old.status IS NOT new.status OR old.amount_fen IS NOT new.amount_fen
BEGIN
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT a.round_id, a.level2_id, old.stage, old.source, old.status, -1 * old.amount_fen, -1 FROM applications a WHERE a.id = old.application_id
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_payments (round_id, level2_id, stage, source, status, fen, n)
    SELECT a.round_id, a.level2_id, new.stage, new.source, new.status, 1 * new.amount_fen, 1 FROM applications a WHERE a.id = new.application_id
    ON CONFLICT (round_id, level2_id, stage, source, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  UPDATE stats_cells SET process_paid = process_paid - 1
    WHERE (old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = old.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 0 AND (round_id, level2_id, organization_id, status) = (SELECT round_id, level2_id, organization_id, status FROM applications WHERE id = old.application_id);
  UPDATE stats_union_cells SET process_paid = process_paid - 1
    WHERE (old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND (SELECT count(*) FROM payments WHERE application_id = old.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 0 AND (round_id, level2_id, status) = (SELECT round_id, level2_id, status FROM applications WHERE id = old.application_id);
  UPDATE stats_cells SET process_paid = process_paid + 1
    WHERE (new.stage = 'process' AND new.source = 'city' AND new.status = 'paid') AND NOT ((old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND old.application_id = new.application_id)
      AND (SELECT count(*) FROM payments WHERE application_id = new.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 1 AND (round_id, level2_id, organization_id, status) = (SELECT round_id, level2_id, organization_id, status FROM applications WHERE id = new.application_id);
  UPDATE stats_union_cells SET process_paid = process_paid + 1
    WHERE (new.stage = 'process' AND new.source = 'city' AND new.status = 'paid') AND NOT ((old.stage = 'process' AND old.source = 'city' AND old.status = 'paid') AND old.application_id = new.application_id)
      AND (SELECT count(*) FROM payments WHERE application_id = new.application_id AND stage = 'process' AND source = 'city' AND status = 'paid') = 1 AND (round_id, level2_id, status) = (SELECT round_id, level2_id, status FROM applications WHERE id = new.application_id);
END;
--> statement-breakpoint
CREATE TRIGGER stats_refunds_insert AFTER INSERT ON refunds
BEGIN
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT a.round_id, a.level2_id, new.status, 1 * new.amount_fen, 1 FROM applications a WHERE a.id = new.application_id
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_refunds_delete AFTER DELETE ON refunds
BEGIN
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT a.round_id, a.level2_id, old.status, -1 * old.amount_fen, -1 FROM applications a WHERE a.id = old.application_id
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_refunds_update AFTER UPDATE OF application_id, status, amount_fen ON refunds
  WHEN old.application_id IS NOT new.application_id OR old.status IS NOT new.status OR old.amount_fen IS NOT new.amount_fen
BEGIN
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT a.round_id, a.level2_id, old.status, -1 * old.amount_fen, -1 FROM applications a WHERE a.id = old.application_id
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
  INSERT INTO stats_refunds (round_id, level2_id, status, fen, n)
    SELECT a.round_id, a.level2_id, new.status, 1 * new.amount_fen, 1 FROM applications a WHERE a.id = new.application_id
    ON CONFLICT (round_id, level2_id, status) DO UPDATE SET fen = fen + excluded.fen, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER stats_workers_flags AFTER UPDATE OF is_migrant, is_hardship, is_key_industry, is_frontline ON workers
  WHEN old.is_migrant IS NOT new.is_migrant OR old.is_hardship IS NOT new.is_hardship OR old.is_key_industry IS NOT new.is_key_industry OR old.is_frontline IS NOT new.is_frontline
BEGIN
  UPDATE stats_cells SET migrant = migrant + (new.is_migrant - old.is_migrant) * k.n, hardship = hardship + (new.is_hardship - old.is_hardship) * k.n, key_industry = key_industry + (new.is_key_industry - old.is_key_industry) * k.n, frontline = frontline + (new.is_frontline - old.is_frontline) * k.n
    FROM (SELECT round_id, level2_id, organization_id, status, count(*) n FROM applications WHERE worker_id = new.id GROUP BY 1, 2, 3, 4) k
    WHERE stats_cells.round_id = k.round_id AND stats_cells.level2_id = k.level2_id AND stats_cells.organization_id = k.organization_id AND stats_cells.status = k.status;
  UPDATE stats_union_cells SET migrant = migrant + (new.is_migrant - old.is_migrant) * k.n, hardship = hardship + (new.is_hardship - old.is_hardship) * k.n, key_industry = key_industry + (new.is_key_industry - old.is_key_industry) * k.n, frontline = frontline + (new.is_frontline - old.is_frontline) * k.n
    FROM (SELECT round_id, level2_id, status, count(*) n FROM applications WHERE worker_id = new.id GROUP BY 1, 2, 3) k
    WHERE stats_union_cells.round_id = k.round_id AND stats_union_cells.level2_id = k.level2_id AND stats_union_cells.status = k.status;
END;
