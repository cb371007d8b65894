-- issue 8: `application_counts` (db/schema/counts.ts) stays exact in the transaction of every change,
-- so a list's total is a sum over a few thousand rows (server/lib/ra-list.ts), never a stale cache.
INSERT INTO application_counts (round_id, level2_id, status, current_step, n)
  SELECT round_id, level2_id, status, current_step, count(*) FROM applications GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
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
